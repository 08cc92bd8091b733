"""The build step: the /openreferral/ feed, static files shaped like the UK profile's API.

Lists come in pages of `PAGE_SIZE` with the profile's envelope (`total_items`,
`total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`);
an empty list is one empty page. Every record also has its own document. Services are
in listing order (providers, then organisations, each by slug), so a page holds the
same services from one build to the next while the content stays the same.
"""
from __future__ import annotations

import json
from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.plan import BuildInputs
from ..core.write import OutputFile
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


def pages(items: list[dict], size: int) -> list[dict]:
    """`items` cut into page documents of `size`; always at least one page."""
    total_pages = max(1, -(-len(items) // size))
    return [{"total_items": len(items), "total_pages": total_pages, "page_number": number,
             "size": size, "first_page": number == 1, "last_page": number == total_pages,
             "empty": not chunk, "contents": chunk}
            for number, chunk in ((n + 1, items[n * size:(n + 1) * size])
                                  for n in range(total_pages))]


def _list_files(collection: str, items: list[dict], size: int) -> Iterator[OutputFile]:
    for page in pages(items, size):
        yield OutputFile(urls.list_page(collection, page["page_number"]), feed_json(page))


def feed_files(cat: Catalogue, size: int = PAGE_SIZE) -> Iterator[OutputFile]:
    """Every file of the feed, from the catalogue alone."""
    listings = (*cat.providers, *cat.orgs)
    by_listing = [service_documents(cat, listing) for listing in listings]
    services = [service for documents in by_listing for service in documents]
    yield from _list_files("services", [service_summary(s) for s in services], size)
    for service in services:
        yield OutputFile(urls.record("services", service["id"]), feed_json(service))
    yield from _list_files("organizations",
                           [organization_summary(cat, listing) for listing in listings], size)
    for listing, documents in zip(listings, by_listing):
        doc = organization_document(cat, listing, [service_summary(s) for s in documents])
        yield OutputFile(urls.record("organizations", doc["id"]), feed_json(doc))
    taxonomies = [taxonomy_document(cat, name) for name in TAXONOMIES]
    yield from _list_files("taxonomies", taxonomies, size)
    yield from _list_files("taxonomy_terms", [term for taxonomy in taxonomies
                                              for term in taxonomy["taxonomy_terms"]], size)


def openreferral_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    return feed_files(inputs.catalogue)
