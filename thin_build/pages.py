"""Page plans: the catalogue → every page of the site, as (URL, template, data).

Each plan is built by a pure function of the catalogue and the shared directory
indexes, so pages can be rendered in any order, in parallel, or one at a time when a
single file changes. Templates receive the plan's `data` and nothing else.
"""
from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from typing import Any, Iterator

from . import model, urls, views
from .agenda_views import listing_agenda
from .directory import FACET_TITLES, FACETS, Directory, initial
from .markup import render_markdown
from .referrals import agency_links, suggested_support

PAGE_SIZE = 30


@dataclass(frozen=True)
class PagePlan:
    url: str
    template: str
    title: str
    description: str
    data: dict[str, Any] = field(default_factory=dict)
    breadcrumbs: tuple[views.Link, ...] = ()
    in_sitemap: bool = True


@dataclass(frozen=True)
class BuildInputs:
    """What every build step reads: the validated catalogue, shared indexes and today."""

    catalogue: model.Catalogue
    directory: Directory
    today: dt.date


def plan_site(cat: model.Catalogue, directory: Directory, today: dt.date) -> Iterator[PagePlan]:
    yield home(cat, directory)
    yield from orgs_a_to_z(directory)
    for org in cat.orgs:
        yield org_page(cat, org, today, directory)
    yield from provider_indexes(cat, directory)
    for provider in cat.providers:
        yield provider_page(cat, provider, today, directory)
    for facet, collection, _ in FACETS:
        yield browse_index(cat, directory, facet, collection)
        for term in getattr(cat, collection):
            yield from browse_term(cat, directory, facet, term)
    for page in cat.pages:
        yield content_page(page)
    yield PagePlan("/404.html", "404.html", "Page not found",
                   "The page you asked for is not here.", in_sitemap=False)


def home(cat: model.Catalogue, directory: Directory) -> PagePlan:
    routes = (
        views.Link("Find support for your organisation", urls.support()),
        views.Link("Browse the directory of organisations", urls.orgs_page(1)),
        views.Link("Organisations by ward", urls.browse_index("wards")),
        views.Link("Organisations by who they help", urls.browse_index("groups")),
        views.Link("Organisations by activity", urls.browse_index("activities")),
        views.Link("What's on: the community calendar", urls.calendar()),
        views.Link("The notice board", urls.notices()),
    )
    return PagePlan(urls.home(), "home.html", cat.site.title, cat.site.description, {
        "routes": routes, "org_count": len(cat.orgs), "provider_count": len(cat.providers),
        "ward_count": len(cat.wards),
        "pages": tuple(views.Link(p.title, urls.page(p.slug)) for p in sorted(
            cat.pages, key=lambda p: (p.order, p.slug))),
    })


def orgs_a_to_z(directory: Directory) -> Iterator[PagePlan]:
    """A–Z in pages of PAGE_SIZE; the letter bar links to the page where each letter starts."""
    cards = directory.org_cards
    pages = [cards[i:i + PAGE_SIZE] for i in range(0, len(cards), PAGE_SIZE)] or [()]
    first_page: dict[str, int] = {}
    for number, chunk in enumerate(pages, start=1):
        for card in chunk:
            first_page.setdefault(initial(card.name), number)
    letters = tuple(
        views.Link(letter, f"{urls.orgs_page(first_page[letter])}#letter-{_anchor(letter)}"
                   if letter in first_page else "")
        for letter in ("#", *string.ascii_uppercase))
    for number, chunk in enumerate(pages, start=1):
        groups: dict[str, list] = {}
        for card in chunk:
            groups.setdefault(initial(card.name), []).append(card)
        sections = tuple((letter, _anchor(letter), tuple(items)) for letter, items in groups.items())
        title = "Organisations A to Z" + (f", page {number}" if number > 1 else "")
        yield PagePlan(urls.orgs_page(number), "orgs.html", title,
                       f"All {len(cards)} voluntary and community organisations, A to Z.",
                       {"letters": letters, "sections": sections,
                        "pager": _pager(number, len(pages), urls.orgs_page),
                        "total": len(cards)})


def _anchor(letter: str) -> str:
    return "other" if letter == "#" else letter.lower()


def _pager(number: int, count: int, url_for) -> dict | None:
    if count <= 1:
        return None
    return {"number": number, "count": count,
            "previous": url_for(number - 1) if number > 1 else None,
            "next": url_for(number + 1) if number < count else None,
            "pages": tuple(views.Link(str(n), url_for(n)) for n in range(1, count + 1))}


def org_page(cat: model.Catalogue, org: model.Organisation, today: dt.date,
             directory: Directory) -> PagePlan:
    stage = cat.lookup("stages", org.stage)
    data = {
        "org": org,
        "status": views.STATUS_LABELS[org.status],
        "body_html": render_markdown(org.body),
        "stage": stage,
        "wards": views.term_links(cat, "wards", org.wards, "wards"),
        "groups": views.term_links(cat, "groups", org.groups, "groups"),
        "activities": views.term_links(cat, "activities", org.activities, "activities"),
        "languages": views.languages(cat, org.languages),
        "networks": views.term_links(cat, "networks", org.networks),
        "works_with": tuple(views.Link(p.name, urls.provider(p.slug))
                            for p in cat.lookup_many("providers", org.works_with)),
        "support_needs": suggested_support(cat, org),
        "hours": views.opening_hours(org.opening_hours),
        "contact": views.contact(org),
        "freshness": views.freshness(cat, org, today),
        "theme": views.theme(org),
        "logo": urls.media(org.logo) if org.logo else None,
        "json_ld": views.listing_json_ld(cat, org, "NGO"),
        "agenda": listing_agenda(cat, f"orgs/{org.slug}", directory.by_listing,
                                 today),
    }
    return PagePlan(urls.org(org.slug), "org.html", org.name, org.summary, data,
                    (views.Link("Organisations", urls.orgs_page(1)),))


def provider_indexes(cat: model.Catalogue, directory: Directory) -> Iterator[PagePlan]:
    by_need = tuple((need, directory.providers_by_need[need.slug]) for need in cat.needs)
    yield PagePlan(urls.providers(), "providers.html", "Find support: providers by need",
                   "Infrastructure support providers for voluntary and community "
                   "organisations, grouped by the support they offer.",
                   {"by_need": by_need, "all": tuple(directory.provider_cards.values())})
    by_type = tuple((kind, directory.providers_by_type[kind.slug]) for kind in cat.provider_types)
    yield PagePlan(urls.providers_by_type(), "providers_by_type.html",
                   "Support providers by type",
                   "Infrastructure support providers grouped by the kind of support body.",
                   {"by_type": by_type}, (views.Link("Find support", urls.providers()),))


def provider_page(cat: model.Catalogue, provider: model.Provider, today: dt.date,
                  directory: Directory) -> PagePlan:
    services = tuple({
        "service": s,
        "need": cat.lookup("needs", s.need),
        "stages": tuple(st.name for st in cat.lookup_many("stages", s.stages)),
        "groups": tuple(g.name for g in cat.lookup_many("groups", s.groups)),
        "free_for": tuple(st.name for st in cat.lookup_many("stages", s.free_for)),
    } for s in provider.services)
    stages_served = sorted({st for s in provider.services for st in s.stages})
    data = {
        "provider": provider,
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
        "referral_tel": views.tel_uri(provider.referral_contact.phone)
        if provider.referral_contact.phone else None,
        "freshness": views.freshness(cat, provider, today),
        "theme": views.theme(provider),
        "logo": urls.media(provider.logo) if provider.logo else None,
        "json_ld": views.listing_json_ld(cat, provider, "Organization"),
        "agenda": listing_agenda(cat, f"providers/{provider.slug}",
                                 directory.by_listing, today),
        "agreed_for": agency_links(cat, provider),
    }
    return PagePlan(urls.provider(provider.slug), "provider.html", provider.name,
                    provider.summary, data, (views.Link("Find support", urls.providers()),))


def browse_index(cat: model.Catalogue, directory: Directory, facet: str,
                 collection: str) -> PagePlan:
    label, title = FACET_TITLES[facet]
    terms = tuple((views.Link(t.name, urls.browse(facet, t.slug)),
                   len(directory.by_facet[facet][t.slug]), t.description)
                  for t in sorted(getattr(cat, collection), key=lambda t: t.name.casefold()))
    return PagePlan(urls.browse_index(facet), "browse_index.html", title,
                    f"{title} in {cat.site.borough}.", {"terms": terms, "facet": facet})


def browse_term(cat: model.Catalogue, directory: Directory, facet: str,
                term: model.Term) -> Iterator[PagePlan]:
    label, index_title = FACET_TITLES[facet]
    cards = directory.by_facet[facet][term.slug]
    chunks = [cards[i:i + PAGE_SIZE] for i in range(0, len(cards), PAGE_SIZE)] or [()]
    providers = directory.providers_by_ward.get(term.slug, ()) if facet == "wards" else ()
    for number, chunk in enumerate(chunks, start=1):
        title = f"{term.name}" + (f", page {number}" if number > 1 else "")
        yield PagePlan(
            urls.browse(facet, term.slug, number), "browse_term.html", title,
            term.description or f"Organisations: {term.name}.",
            {"term": term, "listings": chunk, "total": len(cards), "providers": providers,
             "facet": facet,
             "pager": _pager(number, len(chunks), lambda n: urls.browse(facet, term.slug, n))},
            (views.Link(index_title, urls.browse_index(facet)),))


def content_page(page: model.Page) -> PagePlan:
    return PagePlan(urls.page(page.slug), "page.html", page.title, page.summary,
                    {"body_html": render_markdown(page.body)})


