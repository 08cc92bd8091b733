"""The referral build step: "Find support" (/support/), a page per need, the gaps report,
and the JSON the referral page reads (`index.py`).

Without JavaScript the form on /support/ is hidden and its first question becomes plain
links to /support/<need>/, which list every provider of the need grouped by stage.
Other capabilities add sections to a need's page through `NEED_PAGE`: functions
`(inputs, need) -> Iterable[Section]`, each rendered by its contributor's template.
"""
from __future__ import annotations

from typing import Iterable

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, mailto, tel_uri
from ..core.taxonomy import Term
from ..core.translate import field_langs, name_link, text_lang
from ..core.write import OutputFile
from ..directory import urls as directory_urls
from ..directory import views as directory_views
from ..directory.indexes import sort_key
from ..directory.listing_pages import Section
from ..directory.model import Provider, Stage
from . import urls
from .gaps import MANY_PROVIDERS, find_gaps
from .index import compact_json, need_details, referral_index
from .rank import explanation, lower_first

_FIND_SUPPORT = Link(N_("Find support"), urls.support())
NEED_PAGE = "referral.need-page"


def referral_outputs(inputs: BuildInputs) -> Iterable[PagePlan | OutputFile]:
    cat = inputs.catalogue
    yield OutputFile(urls.support_index().lstrip("/"), compact_json(referral_index(cat)))
    for need in cat.needs:
        yield OutputFile(urls.support_details(need.slug).lstrip("/"),
                         compact_json(need_details(cat, need)))
        sections = tuple(section for part_of in inputs.contributed(NEED_PAGE)
                         for section in part_of(inputs, need))
        yield need_page(cat, need, sections)
    yield support_page(cat)
    yield gaps_page(cat)


def _by_name(terms) -> tuple:
    return tuple(sorted(terms, key=lambda t: (t.name.casefold(), t.slug)))


def support_page(cat: Catalogue) -> PagePlan:
    needs = tuple({"slug": n.slug, "name": n.name, "description": n.description,
                   "page": urls.support_need(n.slug), "details": urls.support_details(n.slug)}
                  for n in _by_name(cat.needs))
    agreed_by = cat.referrals.agreed_by or cat.site.title
    return PagePlan(urls.support(), "referral/support.html", _("Find support"),
                    _("Answer a few questions about your group to find the right support "
                      "provider, and see why each one is suggested."), {
                        "needs": needs, "stages": cat.stages, "groups": _by_name(cat.groups),
                        "wards": _by_name(cat.wards), "languages": _by_name(cat.languages),
                        "index": urls.support_index(), "gaps": urls.gaps_report(),
                        "agreed_by": agreed_by,
                        "providers": Link(_("All providers by need"),
                                          directory_urls.providers())})


def _where(cat: Catalogue, provider: Provider) -> str:
    if provider.borough_wide:
        return _("The whole borough")
    return ", ".join(w.name for w in cat.lookup_many("wards", provider.wards))


def _entry(cat: Catalogue, provider: Provider, need: Term,
           stage: Stage, agreements: tuple[str, ...]) -> dict:
    """One provider under one stage on a need's page: its services for that stage."""
    services = tuple({
        "service": s,
        "groups": tuple(lower_first(g.name) for g in cat.lookup_many("groups", s.groups)),
        "free": stage.slug in s.free_for,
        "lang": field_langs(s),
    } for s in provider.services if s.need == need.slug and stage.slug in s.stages)
    contact = provider.referral_contact
    return {
        "name": provider.name, "url": directory_urls.provider(provider.slug),
        "lang": text_lang(provider, "name"), "role_lang": text_lang(contact, "role"),
        "agreements": agreements,
        "services": services, "where": _where(cat, provider),
        "languages": directory_views.languages(cat, provider.languages),
        "contact": contact, "tel": tel_uri(contact.phone) if contact.phone else None,
        "mailto": mailto(contact.email, _("Referral request: %(need)s") % {"need": need.name},
                         _referral_body(need, stage)),
    }


def _referral_body(need: Term, stage: Stage) -> str:
    """The prefilled referral email from a need's page, in the page's language."""
    lines = (_("Hello,"), "",
             _("We would like support with: %(need)s") % {"need": need.name},
             _("Our stage of development: %(stage)s") % {"stage": stage.name}, "",
             _("Name of our group:"), _("Contact name and phone:"), "", _("Thank you."))
    return "\n".join(lines) + "\n"


def need_page(cat: Catalogue, need: Term, sections: tuple[Section, ...] = ()) -> PagePlan:
    """Every provider of one need, grouped by stage: the agreed agency first, then A to Z;
    then what other capabilities contribute (`NEED_PAGE`)."""
    referral = cat.referrals.for_need(need.slug)
    agreed_by = cat.referrals.agreed_by or cat.site.title
    notes: dict[str, list[str]] = {}
    if referral and referral.agency:
        notes.setdefault(referral.agency, []).append(
            _("%(agreed_by)s's agreed referral agency for %(need)s")
            % {"agreed_by": agreed_by, "need": lower_first(need.name)})
    for by_group in referral.by_group if referral else ():
        group = cat.lookup("groups", by_group.group)
        notes.setdefault(by_group.agency, []).append(
            _("%(agreed_by)s's agreed referral agency for groups working with %(group)s")
            % {"agreed_by": agreed_by, "group": lower_first(group.name)})
    first = referral.agency if referral else None
    providers = sorted((p for p in cat.providers if any(s.need == need.slug for s in p.services)),
                       key=lambda p: (p.slug != first, p.slug not in notes, sort_key(p.name),
                                      p.slug))
    stages = tuple((stage, tuple(_entry(cat, p, need, stage, tuple(notes.get(p.slug, ())))
                                 for p in providers
                                 if any(s.need == need.slug and stage.slug in s.stages
                                        for s in p.services)))
                   for stage in cat.stages)
    group_notes = tuple((lower_first(cat.lookup("groups", g.group).name),
                         _provider_link(cat.lookup("providers", g.agency)), g.explanation)
                        for g in (referral.by_group if referral else ()))
    return PagePlan(urls.support_need(need.slug), "referral/support_need.html",
                    _("Support with %(need)s") % {"need": lower_first(need.name)},
                    need.description or _("Providers offering %(need)s.") % {"need": need.name}, {
                        "need": need, "need_phrase": lower_first(need.name),
                        "explanation": explanation(cat, need.slug, None),
                        "agency": _provider_link(cat.lookup("providers", referral.agency))
                        if referral and referral.agency else None,
                        "group_notes": group_notes, "stages": stages, "agreed_by": agreed_by,
                        "form": urls.support(f"need={need.slug}"), "sections": sections},
                    (_find_support(),))


def _find_support() -> Link:
    return Link(_(_FIND_SUPPORT.text), _FIND_SUPPORT.url)


def _provider_link(provider: Provider) -> Link:
    return name_link(provider, directory_urls.provider(provider.slug))


def gaps_page(cat: Catalogue) -> PagePlan:
    gaps = find_gaps(cat)
    link = _provider_link
    need_link = lambda n: name_link(n, urls.support_need(n.slug))  # noqa: E731
    return PagePlan(urls.gaps_report(), "referral/gaps_report.html",
                    _("Gaps and duplication in support"),
                    _("Support needs and stages no provider serves, needs with one provider or "
                      "no agreed agency, and where many providers overlap."), {
                        "unserved": tuple((need_link(n), s.name) for n, s in gaps.unserved),
                        "single": tuple((need_link(n), link(p)) for n, p in gaps.single_provider),
                        "not_agreed": tuple((need_link(n), tuple(g.name for g in groups))
                                            for n, groups in gaps.not_agreed),
                        "overlaps": tuple((need_link(o.need), o.stage.name,
                                           tuple(link(p) for p in o.providers))
                                          for o in gaps.overlaps),
                        "many": MANY_PROVIDERS, "referrals_path": "content/referrals.yaml"},
                    (_find_support(),))
