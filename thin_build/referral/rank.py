"""Referral: which providers to suggest to a group, in which order, and why.

The rule is defined here once, and `docs/referral.md` explains it for coordinators.
The page's JavaScript (`templates/static/referral/referral.js`) applies the same rule to the
compact index `index.py` writes, and a test runs that JavaScript over every
combination of answers the sample content allows to prove both give the same list.

1. Only eligible providers: a service for the need, for the group's stage, open to the
   group's beneficiary group (services limited to some groups are for those groups
   only), from a provider covering the group's ward or the whole borough. A group that
   gives no ward ("across the borough, or not sure") sees providers covering the whole
   borough only.
2. The agreed key agency for the need and the group's beneficiary group; then the agreed
   agency for the need.
3. Specialists in the group's beneficiary group (the provider's specialisms, or a service
   meant for that group).
4. Local to the group's ward: the provider names the ward (not only "borough-wide").
5. Free for the group's stage.
6. Advice in the group's language.
7. Ties by name, A to Z as in the directory.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.present import Link
from ..core.taxonomy import Term
from ..core.translate import name_link
from ..core.urls import query_string
from ..directory.indexes import sort_key
from ..directory.listing_pages import LinkGroup
from ..directory.model import Organisation, Provider, Service, Stage
from . import urls

# Tiers of the first rule: the lower comes first.
GROUP_AGENCY, NEED_AGENCY, NOT_AGREED = 0, 1, 2


@dataclass(frozen=True)
class Query:
    """A group's answers; a missing group, ward or language is None."""

    need: str
    stage: str
    group: str | None = None
    ward: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Suggestion:
    provider: Provider
    services: tuple[Service, ...]
    reasons: tuple[str, ...]


def lower_first(text: str) -> str:
    """"Funding and fundraising" → "funding and fundraising"; "ICT support" stays."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def stage_label(stage: Stage) -> str:
    """"Stage 1: emerging" → "Stage 1", for "free for Stage 1 groups"."""
    return stage.name.partition(":")[0].strip()


@dataclass(frozen=True)
class ReasonTexts:
    """Every reason a suggestion can carry, written once here and shipped to the page."""

    key: Mapping[str, str]                  # need → the agreed agency for the need
    group_key: Mapping[tuple[str, str], str]  # (need, group) → the agreed agency for the group
    specialist: Mapping[str, str]           # group
    local: Mapping[str, str]                # ward
    free: Mapping[str, str]                 # stage
    language: Mapping[str, str]             # language

    @classmethod
    def for_catalogue(cls, cat: Catalogue) -> "ReasonTexts":
        agreed_by = cat.referrals.agreed_by or cat.site.title
        needs = {n.slug: lower_first(n.name) for n in cat.needs}
        groups = {g.slug: lower_first(g.name) for g in cat.groups}
        # Translators: reasons a provider is suggested, listed under "Why we suggest it";
        # %(agreed_by)s is the partnership that agreed it (e.g. THIN), %(need)s a support need
        key = _("%(agreed_by)s's agreed referral agency for %(need)s")
        # Translators: as above, for groups working with particular people (%(group)s)
        group_key = _("%(agreed_by)s's agreed referral agency for %(need)s for groups "
                      "working with %(group)s")
        return cls(
            key={slug: key % {"agreed_by": agreed_by, "need": name}
                 for slug, name in needs.items()},
            group_key={(need, group): group_key % {"agreed_by": agreed_by, "need": needs[need],
                                                   "group": name}
                       for need in needs for group, name in groups.items()},
            specialist={slug: _("specialist in support for %(group)s") % {"group": name}
                        for slug, name in groups.items()},
            local={w.slug: _("works locally in %(ward)s") % {"ward": w.name} for w in cat.wards},
            # Translators: %(stage)s is a stage's short name, e.g. "Stage 1"
            free={s.slug: _("free for %(stage)s groups") % {"stage": stage_label(s)}
                  for s in cat.stages},
            language={lang.slug: _("advice in %(language)s") % {"language": lang.name}
                      for lang in cat.languages})


def agreed_agencies(cat: Catalogue, need: str,
                    group: str | None) -> tuple[str | None, str | None]:
    """(the agency agreed for the need and this group, the agency agreed for the need)."""
    referral = cat.referrals.for_need(need)
    if referral is None:
        return None, None
    override = referral.for_group(group) if group else None
    return (override.agency if override else None), referral.agency


def explanation(cat: Catalogue, need: str, group: str | None) -> str | None:
    """What the page says about the agreement: the group's own explanation, else the need's."""
    referral = cat.referrals.for_need(need)
    if referral is None:
        return None
    override = referral.for_group(group) if group else None
    return (override.explanation if override and override.explanation else
            referral.explanation)


def covers(provider: Provider, ward: str | None) -> bool:
    """Rule 1's place test: no ward given means "across the borough"."""
    return provider.borough_wide or (ward is not None and ward in provider.wards)


def eligible_services(provider: Provider, query: Query) -> tuple[Service, ...]:
    """The provider's services that fit the group; none if it does not cover the ward."""
    if not covers(provider, query.ward):
        return ()
    return tuple(s for s in provider.services
                 if s.need == query.need and query.stage in s.stages
                 and (not s.groups or query.group in s.groups))


class Ranker:
    """The ranking for one catalogue; set up once, then asked about many queries."""

    def __init__(self, cat: Catalogue):
        self.cat = cat
        self.texts = ReasonTexts.for_catalogue(cat)
        ordered = sorted(cat.providers, key=lambda p: (sort_key(p.name), p.slug))
        self.order = {p.slug: position for position, p in enumerate(ordered)}

    def rank(self, query: Query) -> tuple[Suggestion, ...]:
        group_agency, need_agency = agreed_agencies(self.cat, query.need, query.group)
        ranked = []
        for provider in self.cat.providers:
            services = eligible_services(provider, query)
            if not services:
                continue
            tier = (GROUP_AGENCY if provider.slug == group_agency else
                    NEED_AGENCY if provider.slug == need_agency else NOT_AGREED)
            specialist = query.group is not None and (
                query.group in provider.specialisms or any(query.group in s.groups
                                                           for s in services))
            local = query.ward is not None and query.ward in provider.wards
            free = any(query.stage in s.free_for for s in services)
            speaks = query.language is not None and query.language in provider.languages
            key = (tier, not specialist, not local, not free, not speaks,
                   self.order[provider.slug])
            ranked.append((key, Suggestion(provider, services, self.reasons(
                query, tier, specialist, local, free, speaks))))
        return tuple(suggestion for _key, suggestion in sorted(ranked, key=lambda r: r[0]))

    def reasons(self, query: Query, tier: int, specialist: bool, local: bool, free: bool,
                speaks: bool) -> tuple[str, ...]:
        texts, found = self.texts, []
        if tier == GROUP_AGENCY:
            found.append(texts.group_key[(query.need, query.group)])
        elif tier == NEED_AGENCY:
            found.append(texts.key[query.need])
        if specialist:
            found.append(texts.specialist[query.group])
        if local:
            found.append(texts.local[query.ward])
        if free:
            found.append(texts.free[query.stage])
        if speaks:
            found.append(texts.language[query.language])
        return tuple(found)


def rank(cat: Catalogue, query: Query) -> tuple[Suggestion, ...]:
    """The suggestions for one group's answers, best first, each with its reasons."""
    return Ranker(cat).rank(query)


def agreed_needs(cat: Catalogue,
                 provider: str) -> tuple[tuple[Term, Term | None], ...]:
    """(need, group or None) for every agreement that names this provider, in need order."""
    found = []
    for need in cat.needs:
        referral = cat.referrals.for_need(need.slug)
        if referral is None:
            continue
        if referral.agency == provider:
            found.append((need, None))
        found.extend((need, cat.lookup("groups", g.group)) for g in referral.by_group
                     if g.agency == provider)
    return tuple(found)


def query_for_org(cat: Catalogue, org: Organisation, need: str) -> dict[str, str]:
    """The answers an organisation's page fills in for one of its support needs.

    Its stage and first ward; of its groups, the first that has its own agreed agency
    for the need, else its first group. Language is left for the group to choose.
    """
    referral = cat.referrals.for_need(need)
    special = {g.group for g in referral.by_group} if referral else set()
    group = next((g for g in org.groups if g in special), org.groups[0] if org.groups else None)
    answers = {"need": need, "stage": org.stage}
    if group:
        answers["group"] = group
    if org.wards:
        answers["ward"] = org.wards[0]
    return answers


def suggested_support(cat: Catalogue, org: Organisation) -> tuple[Link, ...]:
    """An organisation's support needs as links into the referral page, answers filled in."""
    return tuple(name_link(need, urls.support(query_string(query_for_org(cat, org, need.slug))))
                 for need in cat.lookup_many("needs", org.support_needs))


def agency_links(cat: Catalogue, provider: Provider) -> tuple[Link, ...]:
    """The needs (and groups) a provider is the agreed referral agency for."""
    return tuple(Link(_("%(need)s, for groups working with %(group)s")
                      % {"need": need.name, "group": lower_first(group.name)}
                      if group else need.name, urls.support_need(need.slug))
                 for need, group in agreed_needs(cat, provider.slug))


def org_support(inputs: BuildInputs, org: Organisation) -> Iterator[LinkGroup]:
    """The organisation page's "support we are looking for", as suggestion links."""
    links = suggested_support(inputs.catalogue, org)
    if links:
        yield LinkGroup("what-we-do", _("Support we are looking for"), links,
                        _("Suggested support for each need, for a group like ours:"))


def provider_agreements(inputs: BuildInputs, provider: Provider) -> Iterator[LinkGroup]:
    """The provider page's list of needs it is the agreed referral agency for."""
    links = agency_links(inputs.catalogue, provider)
    if links:
        # Translators: heading over the needs a provider takes referrals for
        yield LinkGroup("who", _("Agreed referral agency for"), links)
