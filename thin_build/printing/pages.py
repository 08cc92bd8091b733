"""The printing step: every PDF as an output file, and /print/ listing them.

The PDFs come from `engine.rendered_pdfs`, the same memo the pages linking to them
read, so each is rendered at most once a build. /print/ groups them by kind, each
with its size and page count in the link text; a build without PDFs (`--no-pdf`, the
preview server) still has the page, saying how to make them.
"""
from __future__ import annotations

from typing import Iterator

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.write import OutputFile
from . import urls
from .documents import in_default_language
from .engine import RenderedPdf, rendered_pdfs
from .flyers import FLYER, flyer_path

# How /print/ names each kind of document, in the order it lists them.
KIND_HEADINGS = (
    ("directory", N_("The full directory")),
    ("large-print", N_("Large print")),
    ("ward", N_("By ward")),
    ("need", N_("By support need")),
    ("calendar", N_("What's on")),
    (FLYER, N_("One-page flyers")),
    ("evidence", N_("Evidence about the sector")),
)


def print_files(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    """Every PDF but the listings' flyers (steps of their own, per listing), and /print/."""
    pdfs = rendered_pdfs(inputs)
    for pdf in pdfs.values():
        if pdf.kind != FLYER:
            yield OutputFile(pdf.path, pdf.data)
    # Another language's /print/ lists its own few PDFs and points to the site's own
    # language for the rest (editions and flyers are made in that language only).
    english = None if in_default_language(inputs) else core_urls.in_language(urls.print_page(), "")
    yield PagePlan(urls.print_page(), "printing/print.html", _("Printable directories"),
                   _("PDF directories, editions and flyers to print for drop-ins, libraries "
                     "and noticeboards."), {"groups": print_groups(pdfs.values()),
                                             "built": inputs.pdf, "original_page": english},
                   breadcrumbs=(Link(_("Home"), "/"),))


def org_flyers(inputs: BuildInputs) -> Iterator[OutputFile]:
    """Each organisation's flyer (`Step(per="orgs")`); a closed one has none."""
    yield from _flyers(inputs, "orgs")


def provider_flyers(inputs: BuildInputs) -> Iterator[OutputFile]:
    """Each provider's flyer (`Step(per="providers")`)."""
    yield from _flyers(inputs, "providers")


def _flyers(inputs: BuildInputs, collection: str) -> Iterator[OutputFile]:
    pdfs = rendered_pdfs(inputs)
    for listing in inputs.each(collection):
        pdf = pdfs.get(flyer_path(collection, listing.slug))
        if pdf is not None:
            yield OutputFile(pdf.path, pdf.data)


def print_groups(pdfs) -> list[dict]:
    """The PDFs by kind, in `KIND_HEADINGS` order (unknown kinds last), for the template."""
    by_kind: dict[str, list[RenderedPdf]] = {}
    for pdf in pdfs:
        by_kind.setdefault(pdf.kind, []).append(pdf)
    order = [kind for kind, _ in KIND_HEADINGS] + sorted(set(by_kind) - set(dict(KIND_HEADINGS)))
    headings = dict(KIND_HEADINGS)
    return [{"heading": _(headings[kind]) if kind in headings else kind.capitalize(),
             "kind": kind,
             "pdfs": [pdf_link(pdf) for pdf in sorted(by_kind[kind], key=lambda p: p.title)]}
            for kind in order if kind in by_kind]


def pdf_link(pdf: RenderedPdf) -> dict:
    """One PDF as a template shows it: "<title> (PDF, 120 KB, 18 pages)", downloadable."""
    return {"url": "/" + pdf.path, "title": pdf.title, "summary": pdf.summary,
            "description": pdf.description, "filename": pdf.path.rpartition("/")[2]}


def footer_link(_cat: Catalogue) -> tuple[Link, ...]:
    return (Link(_("Printable directories"), urls.print_page()),)
