"""The build step: the /openreferral/ feed, static files shaped like the UK profile's API.

Lists come in pages of `PAGE_SIZE` with the profile's envelope (`total_items`,
`total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`);
an empty list is one empty page. Every record also has its own document. Services are
in listing order (providers, then organisations, each by slug), so a page holds the
same services from one build to the next while the content stays the same.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.memo import Kept, PerRecord
from ..core.plan import BuildInputs
from ..core.write import OutputFile
from ..directory.model import Listing
from . import urls
from .export import organization_document, organization_summary, service_documents
from .terms import TAXONOMIES, taxonomy_document

PAGE_SIZE = 50
# The fields of a service list item (`service_list.json`): the scalars and its organization.
SERVICE_LIST_FIELDS = ("id", "organization_id", "name", "description", "url", "email",
                       "status", "fees", "accreditations", "minimum_age", "maximum_age",
                       "assured_date", "assurer_email", "alert", "last_modified", "organization")


def feed_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def service_summary(service: dict) -> dict:
    """A service as lists and organization documents carry it: its scalars, no nested
    detail, which is in the service's own document (`services/<id>.json`)."""
    return {key: service[key] for key in SERVICE_LIST_FIELDS if key in service}


def pages(items: list[str], size: int) -> list[tuple[int, str]]:
    """`items` (each already JSON) cut into page documents of `size`, as (page number,
    JSON text); always at least one page. The envelope's keys are written in sorted
    order, as `feed_json` writes every other document."""
    total_pages = max(1, -(-len(items) // size))
    found = []
    for number in range(1, total_pages + 1):
        chunk = items[(number - 1) * size:number * size]
        envelope = feed_json({"empty": not chunk, "first_page": number == 1,
                              "last_page": number == total_pages, "page_number": number,
                              "size": size, "total_items": len(items),
                              "total_pages": total_pages})
        found.append((number, '{"contents":[' + ",".join(chunk) + "]," + envelope[1:]))
    return found


def _list_files(collection: str, items: list[str], size: int) -> Iterator[OutputFile]:
    for number, text in pages(items, size):
        yield OutputFile(urls.list_page(collection, number), text)


@dataclass(frozen=True)
class Listed:
    """One listing's part of the feed, as JSON text: its summary for the organization
    list, its services (id, summary for the service list, document) and its document."""

    summary: str
    services: tuple[tuple[str, str, str], ...]
    document: tuple[str, str]


# What a listing's part reads besides the listing: the terms it names and the site's
# address. Kept while the listing is the same object (`core.memo`).
LISTING = PerRecord[Listed]("openreferral listing", frozenset({
    "activities.description", "activities.name", "activities.slug",
    "groups.description", "groups.name", "groups.slug", "languages.code",
    "languages.name", "needs.description", "needs.name", "needs.slug",
    "networks.description", "networks.name", "networks.slug",
    "provider_types.description", "provider_types.name", "provider_types.slug", "site",
    "stages.description", "stages.name", "stages.slug", "wards.code", "wards.description",
    "wards.name", "wards.slug"}))


def _listed(cat: Catalogue, listing: Listing) -> Listed:
    services = service_documents(cat, listing)
    summaries = [service_summary(s) for s in services]
    doc = organization_document(cat, listing, summaries)
    return Listed(feed_json(organization_summary(cat, listing)),
                  tuple((s["id"], feed_json(summary), feed_json(s))
                        for s, summary in zip(services, summaries)),
                  (doc["id"], feed_json(doc)))


def feed_files(cat: Catalogue, size: int = PAGE_SIZE,
               kept: Kept[Listed] | None = None) -> Iterator[OutputFile]:
    """Every file of the feed, from the catalogue alone; with `kept`
    (`inputs.kept(LISTING)`), a listing that is the same object as last time keeps its
    part."""
    listings = (*cat.providers, *cat.orgs)
    parts = [_listed(cat, listing) if kept is None
             else kept.get(listing, lambda one=listing: _listed(cat, one))
             for listing in listings]
    services = [service for part in parts for service in part.services]
    yield from _list_files("services", [summary for _id, summary, _doc in services], size)
    for service_id, _summary, document in services:
        yield OutputFile(urls.record("services", service_id), document)
    yield from _list_files("organizations", [part.summary for part in parts], size)
    for part in parts:
        yield OutputFile(urls.record("organizations", part.document[0]), part.document[1])
    taxonomies = [taxonomy_document(cat, name) for name in TAXONOMIES]
    yield from _list_files("taxonomies", [feed_json(t) for t in taxonomies], size)
    yield from _list_files("taxonomy_terms", [feed_json(term) for taxonomy in taxonomies
                                              for term in taxonomy["taxonomy_terms"]], size)


def openreferral_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    """The feed in the site's language, in every pass (only the first writes it)."""
    return feed_files(inputs.site_language_catalogue, kept=inputs.kept(LISTING))
