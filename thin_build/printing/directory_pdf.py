"""The full directory as one PDF: cover, how to use it, contents, support by need,
organisations A–Z, and indexes of needs and wards, all with page numbers.

Page numbers are never computed here: the template links every contents and index
line to its entry's anchor and the stylesheet prints `target-counter`, so WeasyPrint
fills in the page each entry actually landed on.
"""
from __future__ import annotations

from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.plan import BuildInputs
from ..directory.indexes import sort_key
from ..directory.model import BOROUGH_WIDE
from . import urls
from .documents import PrintDocument
from .entries import a_to_z, by_need


def directory_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    cat = inputs.catalogue
    yield PrintDocument(
        urls.full_directory(), "printing/directory.html", f"{cat.site.title}: the full directory",
        "directory", directory_data(cat, cat.orgs, cat.providers),
        description="Every support provider by need and every organisation A–Z, with a "
                    "contents page and indexes of needs and wards.")


def directory_data(cat: Catalogue, orgs, providers) -> dict:
    """What the directory template shows, for any selection of organisations and providers.

    The editions reuse it and `printing/directory.html` with their own `edition` name;
    with no organisations there is no A–Z and no ward index.
    """
    needs = by_need(cat, providers)
    letters = a_to_z(cat, orgs)
    return {"borough": cat.site.borough, "portal_url": cat.site.base_url, "edition": None,
            "needs": needs, "letters": letters,
            "ward_index": ward_index(cat, orgs, providers),
            "counts": {"orgs": len(orgs), "providers": len(providers)}}


def ward_index(cat: Catalogue, orgs, providers) -> list[dict]:
    """Each ward with the listings working there (A–Z), as links to their entries.

    A provider working across the borough is in every ward, so it is named once in the
    contents instead of under all twenty wards; its services link to their own pages.
    """
    wards = []
    for ward in cat.wards:
        if ward.slug == BOROUGH_WIDE:
            continue
        named = [(o.name, f"o-{o.slug}") for o in orgs if ward.slug in o.wards]
        named += [(p.name, f"s-{p.slug}-1") for p in providers
                  if ward.slug in p.wards and p.services]
        if named:
            wards.append({"name": ward.name, "anchor": f"ward-{ward.slug}",
                          "entries": [{"name": name, "anchor": anchor} for name, anchor
                                      in sorted(named, key=lambda item: sort_key(item[0]))]})
    return wards
