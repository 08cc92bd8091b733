"""What the search index holds: one document per listing or page, from pluggable sources.

Each source turns the catalogue into `SearchDocument`s; a later capability (events,
toolkits) adds its kind by adding one function to `DOCUMENT_SOURCES`. Facet values
become short codes (`fw3` = the third ward) so the browser can filter inside lunr
itself with a required term, with no per-document facet file to download.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from ..calendar import urls as calendar_urls
from ..core.catalogue import Catalogue
from ..core.markup import plain_text
from ..directory import urls as directory_urls
from ..directory.model import DAYS, OpeningPeriod, split_listing_ref
from ..pages import urls as pages_urls
from ..projects import urls as projects_urls
from ..toolkits import urls as toolkits_urls

BODY_WORDS = 120
KINDS = {"org": "Organisation", "provider": "Support provider", "event": "Event",
         "page": "Page", "toolkit": "Toolkit", "project": "Joint project",
         "strategy": "Joint strategy"}
# facet name → (code prefix, catalogue collection); kinds use their own table.
FACETS = {"ward": ("fw", "wards"), "group": ("fg", "groups"), "need": ("fn", "needs"),
          "language": ("fl", "languages")}


@dataclass(frozen=True)
class SearchDocument:
    """A searchable item: the fields lunr indexes and the little a result shows."""

    key: str
    kind: str
    name: str
    summary: str
    url: str
    tags: str
    body: str
    facets: tuple[str, ...]
    place: str
    hours: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True)
class FacetCodes:
    """Slug → code for every facet value, fixed by taxonomy order for this build."""

    codes: dict[str, dict[str, str]]

    @classmethod
    def for_catalogue(cls, cat: Catalogue) -> "FacetCodes":
        codes = {facet: {term.slug: f"{prefix}{index}"
                         for index, term in enumerate(getattr(cat, collection))}
                 for facet, (prefix, collection) in FACETS.items()}
        codes["kind"] = {kind: f"fk{index}" for index, kind in enumerate(KINDS)}
        return cls(codes)

    def of(self, facet: str, slugs: Iterable[str]) -> tuple[str, ...]:
        table = self.codes[facet]
        return tuple(table[slug] for slug in slugs if slug in table)


def _names(cat: Catalogue, collection: str, slugs: Iterable[str]) -> list[str]:
    return [term.name for term in cat.lookup_many(collection, slugs)]


def _hours(periods: Iterable[OpeningPeriod]) -> tuple[tuple[int, int, int], ...]:
    """(day bitmask Monday=1, opens, closes in minutes): compact data for "open now"."""
    def minutes(text: str) -> int:
        hours, mins = text.split(":")
        return int(hours) * 60 + int(mins)
    return tuple((sum(1 << DAYS.index(d) for d in p.days), minutes(p.opens),
                  minutes(p.closes)) for p in periods)


def _excerpt(text: str, words: int = BODY_WORDS) -> str:
    """The first part of a text: enough to find a listing by, small enough to ship."""
    return " ".join(text.split()[:words])


def _languages(cat: Catalogue, slugs: Iterable[str]) -> list[str]:
    return [f"{lang.name} {lang.native_name}" for lang in cat.lookup_many("languages", slugs)]


def organisation_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    for org in cat.orgs:
        wards = _names(cat, "wards", org.wards)
        tags = (_names(cat, "activities", org.activities) + _names(cat, "groups", org.groups)
                + _names(cat, "needs", org.support_needs) + wards
                + _languages(cat, org.languages)
                + _names(cat, "skills", [s.skill for s in org.skills_offered])
                + [s.detail for s in org.skills_offered if s.detail])
        yield SearchDocument(
            key=f"org/{org.slug}", kind="org", name=org.name, summary=org.summary,
            url=directory_urls.org(org.slug), tags=" ".join(tags),
            body=_excerpt(plain_text(org.body)),
            facets=codes.of("kind", ["org"]) + codes.of("ward", org.wards)
            + codes.of("group", org.groups) + codes.of("need", org.support_needs)
            + codes.of("language", org.languages),
            place=", ".join(wards), hours=_hours(org.opening_hours))


def provider_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    for provider in cat.providers:
        needs = [service.need for service in provider.services]
        wards = [w.slug for w in cat.wards] if provider.borough_wide else provider.wards
        services = [f"{s.title} {s.description}" for s in provider.services]
        tags = (_names(cat, "needs", dict.fromkeys(needs))
                + _names(cat, "groups", provider.specialisms)
                + _languages(cat, provider.languages)
                + [cat.lookup("provider_types", provider.type).name])
        yield SearchDocument(
            key=f"provider/{provider.slug}", kind="provider", name=provider.name,
            summary=provider.summary, url=directory_urls.provider(provider.slug),
            tags=" ".join(tags),
            body=_excerpt(" ".join(services) + " " + plain_text(provider.body), BODY_WORDS * 2),
            facets=codes.of("kind", ["provider"]) + codes.of("ward", wards)
            + codes.of("group", provider.specialisms) + codes.of("need", dict.fromkeys(needs))
            + codes.of("language", provider.languages),
            place="Borough-wide" if provider.borough_wide
            else ", ".join(_names(cat, "wards", provider.wards)),
            hours=_hours(provider.opening_hours))


def page_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    for page in cat.pages:
        yield SearchDocument(
            key=f"page/{page.slug}", kind="page", name=page.title, summary=page.summary,
            url=pages_urls.page(page.slug), tags="",
            body=_excerpt(plain_text(page.body)),
            facets=codes.of("kind", ["page"]), place="")


def event_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    """Events by title, category, organiser and venue; the page shows the first date."""
    for event in cat.events:
        organiser = cat.lookup(*split_listing_ref(event.organiser))
        ward = event.venue.ward if event.venue and event.venue.ward else None
        when = event.start.strftime("%d %b %Y").lstrip("0")
        tags = ([cat.lookup("event_categories", event.category).name, organiser.name]
                + _names(cat, "groups", event.groups) + _languages(cat, event.languages)
                + ([event.venue.name] if event.venue else []))
        yield SearchDocument(
            key=f"event/{event.slug}", kind="event", name=event.title, summary=event.summary,
            url=calendar_urls.event(event.slug), tags=" ".join(tags),
            body=_excerpt(plain_text(event.body)),
            facets=codes.of("kind", ["event"]) + codes.of("ward", [ward] if ward else [])
            + codes.of("group", event.groups) + codes.of("language", event.languages),
            place=", ".join([when] + _names(cat, "wards", [ward] if ward else [])))


def toolkit_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    """Toolkits by title, type, topics and author; the result shows the type."""
    for toolkit in cat.toolkits:
        author = cat.lookup("providers", toolkit.author)
        kind = toolkit.type[:1].upper() + toolkit.type[1:]
        yield SearchDocument(
            key=f"toolkit/{toolkit.slug}", kind="toolkit", name=toolkit.title,
            summary=plain_text(toolkit.body, 200), url=toolkits_urls.toolkit(toolkit.slug),
            tags=" ".join([kind, author.name] + _names(cat, "needs", toolkit.topics)),
            body=_excerpt(plain_text(toolkit.body)),
            facets=codes.of("kind", ["toolkit"]) + codes.of("need", toolkit.topics),
            place=f"{kind} by {author.name}")


def project_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    """Joint projects by title, needs, themes, lead and partners: "who runs a project on…"."""
    for project in cat.projects:
        lead_name = cat.lookup(*split_listing_ref(project.lead)).name
        partners = [cat.lookup(*split_listing_ref(ref)).name for ref in project.partners]
        yield SearchDocument(
            key=f"project/{project.slug}", kind="project", name=project.title,
            summary=project.summary, url=projects_urls.project(project.slug),
            tags=" ".join(_names(cat, "needs", project.needs)
                          + _names(cat, "strategy_themes", project.themes)
                          + [lead_name] + partners),
            body=_excerpt(plain_text(project.body or "")),
            facets=codes.of("kind", ["project"]) + codes.of("need", project.needs),
            place=f"Led by {lead_name}")


def strategy_documents(cat: Catalogue, codes: FacetCodes) -> Iterable[SearchDocument]:
    """Joint infrastructure strategies by title, theme and lead agency."""
    for strategy in cat.strategies:
        lead = cat.lookup("providers", strategy.lead).name
        yield SearchDocument(
            key=f"strategy/{strategy.slug}", kind="strategy", name=strategy.title,
            summary=strategy.summary, url=projects_urls.strategy(strategy.slug),
            tags=" ".join(_names(cat, "strategy_themes", [strategy.theme]) + [lead]),
            body=_excerpt(plain_text(strategy.body or "")),
            facets=codes.of("kind", ["strategy"]), place=f"Led by {lead}")


DocumentSource = Callable[[Catalogue, FacetCodes], Iterable[SearchDocument]]
DOCUMENT_SOURCES: tuple[DocumentSource, ...] = (
    organisation_documents,
    provider_documents,
    event_documents,
    page_documents,
    toolkit_documents,
    project_documents,
    strategy_documents,
)


def search_documents(cat: Catalogue, codes: FacetCodes) -> list[SearchDocument]:
    """Every document, sorted by key so refs (their positions) are stable between builds."""
    docs = [doc for source in DOCUMENT_SOURCES for doc in source(cat, codes)]
    return sorted(docs, key=lambda doc: doc.key)
