"""What the search index holds: one document per listing or page, from pluggable sources.

Each source turns one record into its `SearchDocument`, so an incremental rebuild
keeps the documents of unchanged records (`core.memo`); a later capability (events,
toolkits) adds its kind by adding its collection and function to `DOCUMENT_SOURCES`,
and what its documents read of other records to `DOCUMENT_READS`. Facet values
become short codes (`fw3` = the third ward) so the browser can filter inside lunr
itself with a required term, with no per-document facet file to download.

The step runs once per language with that language's catalogue, so names, summaries
and the words a result shows ("Support provider", "Led by …") are in the page's language.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..calendar import urls as calendar_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_, format_date
from ..core.i18n import gettext as _
from ..core.markup import plain_text
from ..core.memo import Kept
from ..core.translate import text_lang
from ..directory import urls as directory_urls
from ..directory.model import DAYS, OpeningPeriod, split_listing_ref
from ..pages import urls as pages_urls
from ..projects import urls as projects_urls
from ..sites import urls as sites_urls
from ..toolkits import urls as toolkits_urls
from ..toolkits.views import type_label

BODY_WORDS = 120
# What a result is, shown above its summary (translated where used).
# Translators: what a search result is, shown above its summary
KINDS = {"org": N_("Organisation"), "provider": N_("Support provider"), "event": N_("Event"),
         "page": N_("Page"), "toolkit": N_("Toolkit"), "project": N_("Joint project"),
         "strategy": N_("Joint strategy"), "site_page": N_("Group's page"),
         "news": N_("News")}
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
    # The language name and summary are still in when the page's is another (`text_lang`).
    name_lang: str | None = None
    summary_lang: str | None = None


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


def _langs(record, name: str, summary: str = "summary") -> dict[str, str | None]:
    return {"name_lang": text_lang(record, name), "summary_lang": text_lang(record, summary)}


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


def organisation_document(cat: Catalogue, codes: FacetCodes, org: Any,
                          _today: dt.date | None) -> SearchDocument:
    wards = _names(cat, "wards", org.wards)
    tags = (_names(cat, "activities", org.activities) + _names(cat, "groups", org.groups)
            + _names(cat, "needs", org.support_needs) + wards
            + _languages(cat, org.languages)
            + _names(cat, "skills", [s.skill for s in org.skills_offered])
            + [s.detail for s in org.skills_offered if s.detail])
    return SearchDocument(
        key=f"org/{org.slug}", kind="org", name=org.name, summary=org.summary,
        url=directory_urls.org(org.slug), tags=" ".join(tags),
        body=_excerpt(plain_text(org.body)),
        facets=codes.of("kind", ["org"]) + codes.of("ward", org.wards)
        + codes.of("group", org.groups) + codes.of("need", org.support_needs)
        + codes.of("language", org.languages),
        place=", ".join(wards), hours=_hours(org.opening_hours), **_langs(org, "name"))


def provider_document(cat: Catalogue, codes: FacetCodes, provider: Any,
                      _today: dt.date | None) -> SearchDocument:
    needs = [service.need for service in provider.services]
    wards = [w.slug for w in cat.wards] if provider.borough_wide else provider.wards
    services = [f"{s.title} {s.description}" for s in provider.services]
    tags = (_names(cat, "needs", dict.fromkeys(needs))
            + _names(cat, "groups", provider.specialisms)
            + _languages(cat, provider.languages)
            + [cat.lookup("provider_types", provider.type).name])
    return SearchDocument(
        key=f"provider/{provider.slug}", kind="provider", name=provider.name,
        summary=provider.summary, url=directory_urls.provider(provider.slug),
        tags=" ".join(tags),
        body=_excerpt(" ".join(services) + " " + plain_text(provider.body), BODY_WORDS * 2),
        facets=codes.of("kind", ["provider"]) + codes.of("ward", wards)
        + codes.of("group", provider.specialisms) + codes.of("need", dict.fromkeys(needs))
        + codes.of("language", provider.languages),
        # Translators: a provider that works in every ward, in a search result
        place=_("Borough-wide") if provider.borough_wide
        else ", ".join(_names(cat, "wards", provider.wards)),
        hours=_hours(provider.opening_hours), **_langs(provider, "name"))


def page_document(cat: Catalogue, codes: FacetCodes, page: Any,
                  _today: dt.date | None) -> SearchDocument:
    return SearchDocument(
        key=f"page/{page.slug}", kind="page", name=page.title, summary=page.summary,
        url=pages_urls.page(page.slug), tags="",
        body=_excerpt(plain_text(page.body)),
        facets=codes.of("kind", ["page"]), place="", **_langs(page, "title"))


def event_document(cat: Catalogue, codes: FacetCodes, event: Any,
                   _today: dt.date | None) -> SearchDocument:
    """Events by title, category, organiser and venue; the page shows the first date."""
    organiser = cat.lookup(*split_listing_ref(event.organiser))
    ward = event.venue.ward if event.venue and event.venue.ward else None
    when = format_date(event.start, "medium")  # "24 Nov 2026", "24 নভে, 2026"
    tags = ([cat.lookup("event_categories", event.category).name, organiser.name]
            + _names(cat, "groups", event.groups) + _languages(cat, event.languages)
            + ([event.venue.name] if event.venue else []))
    return SearchDocument(
        key=f"event/{event.slug}", kind="event", name=event.title, summary=event.summary,
        url=calendar_urls.event(event.slug), tags=" ".join(tags),
        body=_excerpt(plain_text(event.body)),
        facets=codes.of("kind", ["event"]) + codes.of("ward", [ward] if ward else [])
        + codes.of("group", event.groups) + codes.of("language", event.languages),
        place=", ".join([when] + _names(cat, "wards", [ward] if ward else [])),
        **_langs(event, "title"))


def toolkit_document(cat: Catalogue, codes: FacetCodes, toolkit: Any,
                     _today: dt.date | None) -> SearchDocument:
    """Toolkits by title, type, topics and author; the result shows the type."""
    author = cat.lookup("providers", toolkit.author)
    kind = type_label(toolkit.type)
    return SearchDocument(
        key=f"toolkit/{toolkit.slug}", kind="toolkit", name=toolkit.title,
        summary=plain_text(toolkit.body, 200), url=toolkits_urls.toolkit(toolkit.slug),
        tags=" ".join([kind, author.name] + _names(cat, "needs", toolkit.topics)),
        body=_excerpt(plain_text(toolkit.body)),
        facets=codes.of("kind", ["toolkit"]) + codes.of("need", toolkit.topics),
        # Translators: under a toolkit in search results: "Guide by Ledger Lane"
        place=_("%(type)s by %(author)s") % {"type": kind, "author": author.name},
        **_langs(toolkit, "title", "body"))


def _led_by(lead: str) -> str:
    # Translators: under a joint project or strategy in search results; lead = a listing's name
    return _("Led by %(lead)s") % {"lead": lead}


def project_document(cat: Catalogue, codes: FacetCodes, project: Any,
                     _today: dt.date | None) -> SearchDocument:
    """Joint projects by title, needs, themes, lead and partners: "who runs a project on…"."""
    lead_name = cat.lookup(*split_listing_ref(project.lead)).name
    partners = [cat.lookup(*split_listing_ref(ref)).name for ref in project.partners]
    return SearchDocument(
        key=f"project/{project.slug}", kind="project", name=project.title,
        summary=project.summary, url=projects_urls.project(project.slug),
        tags=" ".join(_names(cat, "needs", project.needs)
                      + _names(cat, "strategy_themes", project.themes)
                      + [lead_name] + partners),
        body=_excerpt(plain_text(project.body or "")),
        facets=codes.of("kind", ["project"]) + codes.of("need", project.needs),
        place=_led_by(lead_name), **_langs(project, "title"))


def strategy_document(cat: Catalogue, codes: FacetCodes, strategy: Any,
                      _today: dt.date | None) -> SearchDocument:
    """Joint infrastructure strategies by title, theme and lead agency."""
    lead = cat.lookup("providers", strategy.lead).name
    return SearchDocument(
        key=f"strategy/{strategy.slug}", kind="strategy", name=strategy.title,
        summary=strategy.summary, url=projects_urls.strategy(strategy.slug),
        tags=" ".join(_names(cat, "strategy_themes", [strategy.theme]) + [lead]),
        body=_excerpt(plain_text(strategy.body or "")),
        facets=codes.of("kind", ["strategy"]), place=_led_by(lead),
        **_langs(strategy, "title"))


def site_page_document(cat: Catalogue, codes: FacetCodes, page: Any,
                       _today: dt.date | None) -> SearchDocument:
    """The pages of organisations' own sites; the result names the organisation."""
    org = cat.lookup("orgs", page.org)
    return SearchDocument(
        key=f"site_page/{page.slug}", kind="site_page", name=page.title,
        summary=page.summary or plain_text(page.body, 200),
        url=sites_urls.page(page.org, page.name), tags=org.name,
        body=_excerpt(plain_text(page.body)), facets=codes.of("kind", ["site_page"])
        + codes.of("ward", org.wards), place=org.name, **_langs(page, "title"))


def news_document(cat: Catalogue, codes: FacetCodes, post: Any,
                  today: dt.date | None) -> SearchDocument | None:
    """News posts published by `today` (a later one stays hidden until its date)."""
    if today is None or post.date > today:
        return None
    org = cat.lookup("orgs", post.org)
    return SearchDocument(
        key=f"news/{post.slug}", kind="news", name=post.title, summary=post.summary,
        url=sites_urls.post(post.org, post.name), tags=org.name,
        body=_excerpt(plain_text(post.body)), facets=codes.of("kind", ["news"])
        + codes.of("ward", org.wards),
        place=f"{org.name}, {format_date(post.date, 'long')}", **_langs(post, "title"))


# One searchable record → its document (None: not searchable yet); the build's date is
# given for the sources that need it (news is hidden until its date).
DocumentSource = Callable[[Catalogue, FacetCodes, Any, "dt.date | None"], "SearchDocument | None"]
DOCUMENT_SOURCES: tuple[tuple[str, DocumentSource], ...] = (
    ("orgs", organisation_document),
    ("providers", provider_document),
    ("events", event_document),
    ("pages", page_document),
    ("toolkits", toolkit_document),
    ("projects", project_document),
    ("strategies", strategy_document),
    ("site_pages", site_page_document),
    ("news_posts", news_document),
)
# What a document reads besides its own record: facet codes (the taxonomies' order), the
# names it shows of terms and of the listings it names, an organisation's wards (its site
# pages' and news' facets), and the date. Kept per language while its record is the same
# object (`core.memo`).
DOCUMENT_READS = frozenset({
    "activities.name", "event_categories.name", "groups.name", "groups.slug",
    "languages.name", "languages.native_name", "languages.slug", "needs.name", "needs.slug",
    "orgs.name", "orgs.wards", "provider_types.name", "providers.name", "skills.name",
    "strategy_themes.name", "today", "wards.name", "wards.slug"})


def search_documents(cat: Catalogue, codes: FacetCodes, today: dt.date | None = None,
                     kept: Kept[SearchDocument | None] | None = None) -> list[SearchDocument]:
    """Every document, sorted by key so refs (their positions) are stable between builds;
    with `kept`, a record that is the same object as last time keeps its document.

    News is dated: without the build's `today` no post counts as published yet.
    """
    docs = []
    for collection, source in DOCUMENT_SOURCES:
        for record in getattr(cat, collection):
            doc = source(cat, codes, record, today) if kept is None else kept.get(
                record, lambda one=record, make=source: make(cat, codes, one, today))
            if doc is not None:
                docs.append(doc)
    return sorted(docs, key=lambda doc: doc.key)
