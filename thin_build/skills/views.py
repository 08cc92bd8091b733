"""Skills index → plain data for the exchange page and the "swap skills" part of org pages.

Every match carries a way to get in touch: the partner's public email as a `mailto:`
link with a subject naming both groups (`core/present.mailto`, every value encoded),
or, when it lists no email, its page, which has its other contacts.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.present import Link, join_words, mailto
from ..core.translate import name_link
from ..directory import urls as directory_urls
from ..directory.model import Organisation
from .matching import Match, SkillIndex


@dataclass(frozen=True)
class ContactRoute:
    """How to get in touch: a `mailto:` link, or else the listing's page (site path)."""

    text: str
    mailto: str | None = None
    page: str | None = None


@dataclass(frozen=True)
class MatchView:
    """One partner for an organisation: who, what each could give, and how to ask."""

    partner: Link
    mutual: bool
    gives: str  # skill names the partner offers, in words ("" when none)
    gets: str  # skill names the organisation offers the partner
    shared_wards: str
    contact: ContactRoute


@dataclass(frozen=True)
class Listed:
    """An organisation offering or wanting a skill, with its own words and a contact."""

    org: Link
    detail: str | None
    contact: ContactRoute
    could_help: tuple[Link, ...] = ()  # for a want: its matches that offer this skill


@dataclass(frozen=True)
class SkillView:
    anchor: str
    name: str
    description: str | None
    offered: tuple[Listed, ...]
    wanted: tuple[Listed, ...]


@dataclass(frozen=True)
class SwapView:
    """A mutual match, once: two organisations that could each help the other."""

    first: Link
    second: Link
    first_gives: str
    second_gives: str
    first_contact: ContactRoute
    second_contact: ContactRoute


def contact_route(org: Organisation, about: str) -> ContactRoute:
    if org.email:
        return ContactRoute(_("Email %(name)s") % {"name": org.name},
                            mailto=mailto(org.email, about))
    # Translators: a link to an organisation's page, which has its contact details
    return ContactRoute(_("Contact details on %(name)s's page") % {"name": org.name},
                        page=directory_urls.org(org.slug))


def skill_names(cat: Catalogue, slugs: tuple[str, ...]) -> str:
    return join_words([t.name for t in cat.lookup_many("skills", slugs)]) if slugs else ""


def match_view(cat: Catalogue, org: Organisation, match: Match) -> MatchView:
    partner = cat.lookup("orgs", match.partner)
    return MatchView(
        name_link(partner, directory_urls.org(partner.slug)), match.mutual,
        skill_names(cat, match.gives), skill_names(cat, match.gets),
        join_words([w.name for w in cat.lookup_many("wards", match.shared_wards)])
        if match.shared_wards else "",
        # Translators: an email's subject; %(name)s is the organisation writing
        contact_route(partner, _("Skills swap with %(name)s (THIN Portal)") % {"name": org.name}))


def _org_link(org: Organisation) -> Link:
    return name_link(org, directory_urls.org(org.slug))


def skill_views(cat: Catalogue, index: SkillIndex) -> tuple[SkillView, ...]:
    """Every skill someone offers or wants, in name order, each want with its matches."""
    # Translators: an email's subject
    about = _("Skills exchange (THIN Portal)")
    out = []
    for term in sorted(cat.skills, key=lambda t: t.name.casefold()):
        offered = tuple(_listed(cat, slug, term.slug, "skills_offered", about)
                        for slug in index.offered.get(term.slug, ()))
        wanted = tuple(
            _listed(cat, slug, term.slug, "skills_wanted", about,
                    tuple(_org_link(cat.lookup("orgs", m.partner))
                          for m in index.matches.get(slug, ()) if term.slug in m.gives))
            for slug in index.wanted.get(term.slug, ()))
        if offered or wanted:
            out.append(SkillView(f"skill-{term.slug}", term.name, term.description,
                                 offered, wanted))
    return tuple(out)


def _listed(cat: Catalogue, slug: str, skill: str, field: str, about: str,
            could_help: tuple[Link, ...] = ()) -> Listed:
    org = cat.lookup("orgs", slug)
    detail = next(e.detail for e in getattr(org, field) if e.skill == skill)
    return Listed(_org_link(org), detail, contact_route(org, about), could_help)


def swap_views(cat: Catalogue, index: SkillIndex) -> tuple[SwapView, ...]:
    """Each mutual match once, whichever side's list it is in, in the order of the names."""
    def order(org: Organisation) -> tuple[str, str]:
        return org.name.casefold(), org.slug

    pairs = {}
    for slug, matches in index.matches.items():
        org = cat.lookup("orgs", slug)
        for match in (m for m in matches if m.mutual):
            partner = cat.lookup("orgs", match.partner)
            if order(org) < order(partner):  # A gives B `gets`, B gives A `gives`
                pairs[order(org), order(partner)] = (org, partner, match.gets, match.gives)
            else:
                pairs[order(partner), order(org)] = (partner, org, match.gives, match.gets)
    # Translators: an email's subject
    about = _("Skills swap (THIN Portal)")
    return tuple(SwapView(_org_link(a), _org_link(b), skill_names(cat, a_gives),
                          skill_names(cat, b_gives), contact_route(a, about),
                          contact_route(b, about))
                 for _key, (a, b, a_gives, b_gives) in sorted(pairs.items()))
