"""The evidence summary as a one-page PDF, for the councillor who wants it on paper.

The same data as /evidence/summary/ (`pages.summary_data`), through the printing
room's engine, so the printed figures, their coverage and their source are the
web page's; the PDF lists with the others on /print/.
"""
from __future__ import annotations

from typing import Iterator

from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from ..printing.documents import PRINT_CSS, PrintDocument
from . import urls
from .pages import summary_data


def summary_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    borough = inputs.catalogue.site.borough
    yield PrintDocument(
        urls.SUMMARY_PDF, "evidence/summary_print.html",
        # Translators: the printed summary's title; the same words head the summary page
        _("The voluntary sector in %(borough)s: the figures") % {"borough": borough},
        "evidence", summary_data(inputs),
        description=_("One page for decision makers: organisations, income and volunteers, "
                      "each figure with the number of organisations it rests on."),
        stylesheets=(PRINT_CSS, urls.stylesheet()))
