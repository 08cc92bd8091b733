"""Editions of the printed directory: one per ward, one per support need, and large print.

An edition is the full directory's layout (`directory_pdf.directory_data` and its
template) over a selection, so every edition reads the same way and has the same
contents page, running headers and page numbers:
- a ward's edition: the organisations that work in the ward, the providers that work
  there and every borough-wide provider (a drop-in in one ward hands out one booklet);
- a need's edition: the providers of that need with only their services for it; a
  need nobody offers yet gets none;
- large print: the provider directory in at least 16 pt type, one column, wide line
  spacing (`printing/edition_large_print.html`), for readers with low vision.
"""
from __future__ import annotations

import dataclasses
from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.plan import BuildInputs
from ..directory.model import BOROUGH_WIDE, Organisation, Provider
from ..referral.rank import lower_first
from . import urls
from .directory_pdf import directory_data
from .documents import PrintDocument

DIRECTORY_TEMPLATE = "printing/directory.html"
LARGE_PRINT_TEMPLATE = "printing/edition_large_print.html"
LARGE_PRINT_PATH = urls.pdf("directory-large-print")


def ward_path(slug: str) -> str:
    return urls.pdf(f"wards/{slug}")


def need_path(slug: str) -> str:
    return urls.pdf(f"needs/{slug}")


def ward_selection(cat: Catalogue, ward: str) -> tuple[list[Organisation], list[Provider]]:
    """Who a ward's edition lists: its organisations, and its and the borough's providers."""
    orgs = [org for org in cat.orgs if ward in org.wards]
    providers = [p for p in cat.providers if p.borough_wide or ward in p.wards]
    return orgs, providers


def need_selection(cat: Catalogue, need: str) -> list[Provider]:
    """The providers of one need, each with only its services for that need."""
    return [dataclasses.replace(p, services=tuple(s for s in p.services if s.need == need))
            for p in cat.providers if any(s.need == need for s in p.services)]


def edition_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    cat = inputs.catalogue
    title = cat.site.title
    for ward in cat.wards:
        if ward.slug == BOROUGH_WIDE:
            continue
        orgs, providers = ward_selection(cat, ward.slug)
        yield PrintDocument(
            ward_path(ward.slug), DIRECTORY_TEMPLATE, f"{title}: {ward.name} edition", "ward",
            _edition(cat, orgs, providers, f"{ward.name} edition"),
            description=f"The {len(orgs)} organisations working in {ward.name} and the "
                        f"{len(providers)} support providers working there or borough-wide.")
    for need in cat.needs:
        providers = need_selection(cat, need.slug)
        if providers:
            yield PrintDocument(
                need_path(need.slug), DIRECTORY_TEMPLATE,
                f"{title}: support for {lower_first(need.name)}", "need",
                _edition(cat, (), providers, f"Support for {lower_first(need.name)}"),
                description=f"The {len(providers)} support providers for "
                            f"{lower_first(need.name)}, with each service.")
    yield PrintDocument(
        LARGE_PRINT_PATH, LARGE_PRINT_TEMPLATE, f"{title}: support providers in large print",
        "large-print", _edition(cat, (), cat.providers, "Large print edition"),
        description="Every support provider by need, in large type.")


def _edition(cat: Catalogue, orgs, providers, edition: str) -> dict:
    return {**directory_data(cat, tuple(orgs), tuple(providers)), "edition": edition}
