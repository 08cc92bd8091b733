"""The page of each organisation and each provider: its small website in the portal.

Other capabilities add to these pages through two extension points, `ORG_PAGE` and
`PROVIDER_PAGE`: functions `(inputs, listing) -> Iterable[LinkGroup | Section]`. A
`LinkGroup` is a heading and links inside one of the page's own sections (its
`SLOTS`): the referral's suggested support, or the needs a provider is the agreed
agency for. A `Section` is a whole section that the contributing capability renders
with its own template, listed in the page's local menu: the calendar's events and
notices. The directory's templates name neither capability.

A third point, `ORG_FRAME`, lets a capability put an organisation's page in another
frame: the sites room makes a folder-shaped organisation's page the home of its own
small site (`Frame`), and the page's template extends the frame's template instead
of `base.html`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..core import urls as core_urls
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, tel_uri
from ..core.translate import field_langs, text_lang
from . import model, urls, views

ORG_PAGE = "directory.org-page"
ORG_FRAME = "directory.org-frame"
PROVIDER_PAGE = "directory.provider-page"
# The page's own sections that take contributed link groups.
SLOTS = {ORG_PAGE: ("who", "what-we-do"), PROVIDER_PAGE: ("who",)}


@dataclass(frozen=True)
class LinkGroup:
    """Links under a heading, shown inside the page's own section `within`."""

    within: str
    heading: str
    links: tuple[Link, ...]
    intro: str = ""


@dataclass(frozen=True)
class Section:
    """A section of its own, shown by the contributor's `template` with `data`.

    `nav` labels it in the page's local menu; None keeps it out of the menu, for a
    section with nothing to show this time.
    """

    anchor: str
    nav: str | None
    template: str
    data: Any


@dataclass(frozen=True)
class Frame:
    """A page frame for an organisation's page: `template` extends `base.html` and
    takes the place of it; `data` is given to the page as `frame`."""

    template: str
    data: Any


Part = LinkGroup | Section
PagePart = Callable[[BuildInputs, Any], Iterable[Part]]


def contributed_parts(inputs: BuildInputs, point: str, listing: Any) -> dict[str, Any]:
    """What other capabilities add to one listing's page, sorted into its slots."""
    groups: dict[str, list[LinkGroup]] = {slot: [] for slot in SLOTS[point]}
    sections: list[Section] = []
    for part_of in inputs.contributed(point):
        for part in part_of(inputs, listing):
            if isinstance(part, Section):
                sections.append(part)
            elif part.within in groups:
                groups[part.within].append(part)
            else:
                raise ValueError(f"{point} has no slot {part.within!r}; its slots are "
                                 + ", ".join(SLOTS[point]))
    return {"link_groups": {slot: tuple(items) for slot, items in groups.items()},
            "sections": tuple(sections)}


def org_frame(inputs: BuildInputs, org: model.Organisation) -> dict[str, Any]:
    """The frame the first `ORG_FRAME` contributor gives the page, else the portal's."""
    frame = next((found for frame_of in inputs.contributed(ORG_FRAME)
                  if (found := frame_of(inputs, org)) is not None), None)
    return {"frame_template": frame.template if frame else "base.html",
            "frame": frame.data if frame else None}


def org_page(inputs: BuildInputs, org: model.Organisation) -> PagePlan:
    cat, today = inputs.catalogue, inputs.today
    stage = cat.lookup("stages", org.stage)
    data = {
        "org": org,
        "lang": field_langs(org),
        "status": views.status_label(org.status),
        "body_html": render_markdown(org.body),
        "stage": stage,
        "wards": views.term_links(cat, "wards", org.wards, "wards"),
        "groups": views.term_links(cat, "groups", org.groups, "groups"),
        "activities": views.term_links(cat, "activities", org.activities, "activities"),
        "languages": views.languages(cat, org.languages),
        "skills_offered": views.skills(cat, org.skills_offered),
        "skills_wanted": views.skills(cat, org.skills_wanted),
        "works_with": tuple(Link(p.name, urls.provider(p.slug), text_lang(p, "name"))
                            for p in cat.lookup_many("providers", org.works_with)),
        "hours": views.opening_hours(org.opening_hours),
        "contact": views.contact(org),
        "freshness": views.freshness(cat, org, today),
        "theme": views.theme(org),
        "logo": core_urls.media(org.logo) if org.logo else None,
        "json_ld": views.listing_json_ld(cat, org, "NGO"),
        **contributed_parts(inputs, ORG_PAGE, org),
        **org_frame(inputs, org),
    }
    return PagePlan(urls.org(org.slug), "directory/org.html", org.name, org.summary, data,
                    (Link(_("Organisations"), urls.orgs_page(1)),))


def provider_page(inputs: BuildInputs, provider: model.Provider) -> PagePlan:
    cat, today = inputs.catalogue, inputs.today
    services = tuple({
        "service": s,
        "need": cat.lookup("needs", s.need),
        "stages": tuple(st.name for st in cat.lookup_many("stages", s.stages)),
        "groups": tuple(g.name for g in cat.lookup_many("groups", s.groups)),
        "free_for": tuple(st.name for st in cat.lookup_many("stages", s.free_for)),
        "lang": field_langs(s),
    } for s in provider.services)
    stages_served = sorted({st for s in provider.services for st in s.stages})
    data = {
        "provider": provider,
        "lang": field_langs(provider),
        "referral_lang": text_lang(provider.referral_contact, "role"),
        "type": cat.lookup("provider_types", provider.type),
        "body_html": render_markdown(provider.body),
        "services": services,
        "stages": tuple(st.name for st in cat.lookup_many("stages", stages_served)),
        "specialisms": views.term_links(cat, "groups", provider.specialisms, "groups"),
        "borough_wide": provider.borough_wide,
        "wards": views.term_links(cat, "wards", [w for w in provider.wards
                                                 if w != model.BOROUGH_WIDE], "wards"),
        "languages": views.languages(cat, provider.languages),
        "hours": views.opening_hours(provider.opening_hours),
        "contact": views.contact(provider),
        "referral": provider.referral_contact,
        "referral_tel": tel_uri(provider.referral_contact.phone)
        if provider.referral_contact.phone else None,
        "freshness": views.freshness(cat, provider, today),
        "theme": views.theme(provider),
        "logo": core_urls.media(provider.logo) if provider.logo else None,
        "json_ld": views.listing_json_ld(cat, provider, "Organization"),
        **contributed_parts(inputs, PROVIDER_PAGE, provider),
    }
    return PagePlan(urls.provider(provider.slug), "directory/provider.html", provider.name,
                    provider.summary, data, (Link(_("Find support"), urls.providers()),))
