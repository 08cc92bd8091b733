"""The evidence build step: `/evidence/`, its printable summary, and a CSV per table.

Everything comes from one `collect` (and one read of the git history), so the page,
the summary and the files agree. Other rooms add sections to the page through
`EVIDENCE_PAGE`: each item is `(inputs) -> Iterable[Section]` (the directory's
`listing_pages.Section`), rendered in registry order after the evidence's own
sections and listed in the page's local menu; the survey results arrive this way.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from markupsafe import Markup

from ..core.filetypes import human_size
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, human_date
from ..core.write import OutputFile
from ..directory.listing_pages import Section
from ..opendata.csv_format import csv_text
from ..printing.engine import rendered_pdfs
from ..printing.pages import pdf_link
from . import urls
from .bands import BANDS
from .charts import bar_chart
from .collect import Evidence, collect
from .figures import Cell, Table
from .suppress import SMALL_CELL
from .trends import Trend, trends

EVIDENCE_PAGE = "evidence.page"
# The CSV's own columns after the table's, translated where the file is written.
# Translators: a CSV file's last columns: what a figure rests on, notes about it, where it is from
CSV_EXTRA = (N_("Coverage"), N_("Notes"), N_("Source"))
SUMMARY_TABLES = ("stages", "income-bands", "people")
_EVIDENCE_TEXT = N_("Evidence")


@dataclass(frozen=True)
class TableView:
    """A table as the templates show it: cells in words, its chart, and its download."""

    slug: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    coverage: str
    notes: tuple[str, ...]
    chart: Markup | None
    csv_url: str
    csv_size: str

    @property
    def anchor(self) -> str:
        """The slug as an id: a survey's tables are `surveys/<survey>/<table>`."""
        return anchor(self.slug)


def anchor(slug: str) -> str:
    return slug.replace("/", "-")


def source_line(inputs: BuildInputs) -> str:
    site = inputs.catalogue.site
    # Translators: the source line of every figure; %(site)s is the site's name
    return (_("%(site)s (%(address)s), from the organisation and provider listings as they "
              "stood on %(date)s.")
            % {"site": site.title, "address": site.base_url, "date": human_date(inputs.today)})


def table_csv(table: Table, source: str) -> str:
    """The table as CSV: its columns, then its coverage, notes and source on every row.

    Repeating them on each row keeps the file one plain table that any spreadsheet or
    script reads, and a row copied out of it still says what it rests on.
    """
    notes = " ".join(table.notes)
    return csv_text((*table.header, *(_(name) for name in CSV_EXTRA)),
                    ((*(cell.csv for cell in row), table.coverage, notes, source)
                     for row in table.rows))


def _chart(table: Table) -> Markup | None:
    if table.chart is None:
        return None
    column = table.chart.column
    bars = [(row[0].text, row[column].value) for row in table.chart_rows()]
    return Markup(bar_chart(f"chart-{anchor(table.slug)}", table.title, table.chart.description,
                            bars, table.chart.unit))


def table_views(tables: tuple[Table, ...],
                source: str) -> tuple[list[TableView], list[OutputFile]]:
    """Each table as page data and as its CSV download, so the two can never disagree.

    Public because the surveys room publishes its tables through the same pair.
    """
    views, files = [], []
    for table in tables:
        text = table_csv(table, source)
        files.append(OutputFile(urls.table_csv(table.slug).lstrip("/"), text))
        views.append(TableView(table.slug, table.title, table.header, table.rows,
                               table.coverage, table.notes, _chart(table),
                               urls.table_csv(table.slug),
                               human_size(len(text.encode("utf-8")))))
    return views, files


def _contributed(inputs: BuildInputs) -> tuple[Section, ...]:
    return tuple(section for part in inputs.contributed(EVIDENCE_PAGE)
                 for section in part(inputs))


def _method(evidence: Evidence) -> dict:
    """The rules behind the figures, stated on the page as docs/evidence.md states them."""
    return {"small_cell": SMALL_CELL, "rate": evidence.rate,
            "bands": tuple(f"{_(band.name)}: {_(band.range_text)}" for band in BANDS)}


@dataclass(frozen=True)
class Figures:
    """One build's evidence: the figures, the trend, each table as page data and as CSV."""

    evidence: Evidence
    trend: Trend
    views: tuple[TableView, ...]
    files: tuple[OutputFile, ...]


def figures(inputs: BuildInputs) -> Figures:
    """Computed once a build (`inputs.computed`): the pages and the printed summary share it."""
    return inputs.computed(_figures)


def _figures(inputs: BuildInputs) -> Figures:
    evidence = collect(inputs.catalogue, inputs.today)
    trend = trends(inputs)
    tables = evidence.tables + ((trend.table,) if trend.table else ())
    views, files = table_views(tables, source_line(inputs))
    return Figures(evidence, trend, tuple(views), tuple(files))


def _common(inputs: BuildInputs, found: Figures) -> dict:
    return {"headlines": found.evidence.headlines, "built": human_date(inputs.today),
            "built_iso": inputs.today.isoformat(), "source": source_line(inputs),
            "method": _method(found.evidence), "stylesheet": urls.stylesheet()}


def summary_data(inputs: BuildInputs) -> dict:
    """What the one-page summary shows, on the web and on paper alike."""
    found, cat = figures(inputs), inputs.catalogue
    by_slug = {view.slug: view for view in found.views}
    return {**_common(inputs, found), "tables": tuple(by_slug[slug] for slug in SUMMARY_TABLES),
            "evidence": urls.evidence(), "borough": cat.site.borough,
            "site_title": cat.site.title,
            "absolute_evidence": cat.site.base_url.rstrip("/") + urls.evidence()}


def evidence_outputs(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    cat, found = inputs.catalogue, figures(inputs)
    yield from found.files
    by_slug = {view.slug: view for view in found.views}
    yield PagePlan(
        urls.evidence(), "evidence/index.html", _("Evidence about the voluntary sector"),
        _("Figures about the voluntary and community organisations of %(borough)s: what they "
          "do, what they earn, who gives their time and what it is worth, each with the "
          "number of organisations it rests on.") % {"borough": cat.site.borough},
        {**_common(inputs, found), "tables": found.views[:len(found.evidence.tables)],
         "trend": found.trend, "trend_table": by_slug.get("trends"),
         "sections": _contributed(inputs), "summary": urls.summary(),
         "summary_pdf": summary_pdf_link(inputs)})
    yield PagePlan(
        urls.summary(), "evidence/summary.html", _("Evidence summary"),
        _("A one-page summary of the evidence about the voluntary sector in %(borough)s, for "
          "printing.") % {"borough": cat.site.borough},
        {**summary_data(inputs), "summary_pdf": summary_pdf_link(inputs)},
        (Link(_(_EVIDENCE_TEXT), urls.evidence()),))


def summary_pdf_link(inputs: BuildInputs) -> dict | None:
    """The printed summary's download link with its size, or None in a build without PDFs."""
    pdf = rendered_pdfs(inputs).get(urls.SUMMARY_PDF)
    return pdf_link(pdf) if pdf else None


def footer_link(_cat) -> tuple[Link, ...]:
    return (Link(_(_EVIDENCE_TEXT), urls.evidence()),)
