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
from ..core.i18n import gettext as _
from ..core.i18n import ngettext
from ..core.plan import BuildInputs
from ..directory.model import BOROUGH_WIDE, Organisation, Provider
from ..referral.rank import lower_first
from . import urls
from .directory_pdf import directory_data
from .documents import DIRECTORY_TEMPLATE, PrintDocument, in_default_language

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
    """Every edition, in the site's own language only (see `documents.in_default_language`)."""
    if not in_default_language(inputs):
        return
    cat = inputs.catalogue
    site = cat.site.title
    for ward in cat.wards:
        if ward.slug == BOROUGH_WIDE:
            continue
        orgs, providers = ward_selection(cat, ward.slug)
        # Translators: a printed edition's name, on its cover: "Bow East edition".
        edition = _("%(ward)s edition") % {"ward": ward.name}
        yield PrintDocument(
            ward_path(ward.slug), DIRECTORY_TEMPLATE,
            _("%(site)s: %(edition)s") % {"site": site, "edition": edition}, "ward",
            _edition(cat, orgs, providers, edition),
            description=" ".join((
                ngettext("The %(num)d organisation working in %(ward)s",
                         "The %(num)d organisations working in %(ward)s", len(orgs))
                % {"num": len(orgs), "ward": ward.name},
                ngettext("and the %(num)d support provider working there or borough-wide.",
                         "and the %(num)d support providers working there or borough-wide.",
                         len(providers)) % {"num": len(providers)})), in_parts=True)
    for need in cat.needs:
        providers = need_selection(cat, need.slug)
        if providers:
            need_name = lower_first(need.name)
            edition = _("Support for %(need)s") % {"need": need_name}
            yield PrintDocument(
                need_path(need.slug), DIRECTORY_TEMPLATE,
                _("%(site)s: %(edition)s") % {"site": site, "edition": edition}, "need",
                _edition(cat, (), providers, edition),
                description=ngettext(
                    "The %(num)d support provider for %(need)s, with each service.",
                    "The %(num)d support providers for %(need)s, with each service.",
                    len(providers)) % {"num": len(providers), "need": need_name}, in_parts=True)
    yield PrintDocument(
        LARGE_PRINT_PATH, LARGE_PRINT_TEMPLATE,
        _("%(site)s: support providers in large print") % {"site": site},
        "large-print", _edition(cat, (), cat.providers, _("Large print edition")),
        description=_("Every support provider by need, in large type."), in_parts=True)


def _edition(cat: Catalogue, orgs, providers, edition: str) -> dict:
    return {**directory_data(cat, tuple(orgs), tuple(providers)), "edition": edition}
