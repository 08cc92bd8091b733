"""Links to the PDFs from the pages they print: A–Z, ward, support need and listing pages.

Each is a `Section` contributed to the page's extension point and shown by
`printing/edition_links.html`: a download link whose text carries the PDF's title,
size and page count ("PDF, 120 KB, 6 pages"), read from the rendered PDFs themselves
(`engine.rendered_pdfs`), so the numbers are the file's. A build without PDFs
(`--no-pdf`, the preview server) shows no link rather than a link to nothing.
"""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..core.taxonomy import Term
from ..directory.listing_pages import Section
from ..directory.model import Organisation, Provider
from ..referral.rank import lower_first
from . import urls
from .documents import in_default_language
from .editions import LARGE_PRINT_PATH, need_path, ward_path
from .engine import rendered_pdfs
from .flyers import flyer_path
from .pages import pdf_link

LINKS_TEMPLATE = "printing/edition_links.html"
ANCHOR = "printable"


def _section(inputs: BuildInputs, heading: str, intro: str, paths: tuple[str, ...],
             nav: str | None = None) -> Iterator[Section]:
    """The section, if any of `paths` was rendered this build."""
    pdfs = rendered_pdfs(inputs)
    links = tuple({**pdf_link(pdfs[path]), "filename": _saved_as(path)}
                  for path in paths if path in pdfs)
    if links:
        yield Section(ANCHOR, nav, LINKS_TEMPLATE,
                      {"heading": heading, "intro": intro, "links": links})


def _saved_as(path: str) -> str:
    """The file name a download is saved as, unique in a Downloads folder of many:
    "print/wards/weavers.pdf" → "wards-weavers.pdf", not a bare "weavers.pdf"."""
    return "-".join(path.split("/")[1:])


def a_to_z_links(inputs: BuildInputs) -> Iterator[Section]:
    if not in_default_language(inputs):
        yield from _section(
            inputs, _("Print the directory"),
            _("Every support provider by need, with a contents page and an index, ready "
              "to print."), (urls.provider_directory(),))
        return
    yield from _section(
        inputs, _("Print the directory"),
        _("Every organisation and support provider, with a contents page and an index, "
          "ready to print; the large-print edition lists the support providers."),
        (urls.full_directory(), LARGE_PRINT_PATH))


def ward_edition_link(inputs: BuildInputs, facet: str, term: Term) -> Iterator[Section]:
    if facet == "wards":
        yield from _section(
            inputs, _("Print the %(ward)s directory") % {"ward": term.name},
            _("The organisations working in %(ward)s and the support providers working "
              "here or across the borough.") % {"ward": term.name}, (ward_path(term.slug),))


def need_edition_link(inputs: BuildInputs, need: Term) -> Iterator[Section]:
    yield from _section(
        inputs, _("Print this list"),
        _("The support providers for %(need)s, with each service, who it is for and how "
          "to get it.") % {"need": lower_first(need.name)}, (need_path(need.slug),),
        # Translators: a short link in the page's own menu, to the section with the PDF.
        nav=_("Print"))


def org_flyer_link(inputs: BuildInputs, org: Organisation) -> Iterator[Section]:
    yield from _flyer(inputs, flyer_path("orgs", org.slug))


def provider_flyer_link(inputs: BuildInputs, provider: Provider) -> Iterator[Section]:
    yield from _flyer(inputs, flyer_path("providers", provider.slug))


def _flyer(inputs: BuildInputs, path: str) -> Iterator[Section]:
    yield from _section(
        inputs, _("Print a flyer"),
        _("A one-page A4 flyer for a noticeboard, with a QR code that opens this page."),
        # Translators: a short link in the page's own menu, to the section with the flyer.
        (path,), nav=_("Flyer"))
