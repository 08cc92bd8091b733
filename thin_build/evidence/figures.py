"""What an evidence table is: cells that know how the page and the CSV write them.

Every figure is made once, here, as a `Cell` holding both spellings (the page's
"£1,250" and the CSV's "1250"), so a suppressed small cell reads "fewer than 3" in
the page, the chart and the CSV alike: no writer can forget the rule. A `Table` also
carries its coverage sentence and the chart drawn from the same numbers.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Sequence

from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
from .suppress import fewer_than, is_suppressed, shown


def not_given() -> str:
    """A figure no organisation gave, in the page's language."""
    # Translators: in an evidence table, where no organisation gave the figure
    return _("none given")


@dataclass(frozen=True)
class Cell:
    """One table cell: `text` for the page, `csv` for the file, `value` for a chart.

    `value` is None when the figure is suppressed or there is nothing to show.
    """

    text: str
    csv: str
    value: int | None = None
    number: bool = True  # right-aligned in the page; False for a row's label


@dataclass(frozen=True)
class Chart:
    """A bar chart of one column of its table: which column, and what it shows."""

    description: str
    column: int
    unit: str = ""


@dataclass(frozen=True)
class Table:
    """One evidence table: its rows, what it rests on, and how it is drawn.

    `slug` names the CSV file and the page anchor; `coverage` is the sentence shown
    beside the table and written into every row of its CSV.
    """

    slug: str
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    coverage: str
    notes: tuple[str, ...] = ()
    chart: Chart | None = None
    totals: int = 0  # rows at the end that sum the others: in the table, not the chart
    chart_from: int = 0  # rows before this one are in the table only (old months)

    def chart_rows(self) -> tuple[tuple[Cell, ...], ...]:
        return self.rows[self.chart_from:len(self.rows) - self.totals]


def label(text: str) -> Cell:
    return Cell(text, text, number=False)


def count(organisations: int) -> Cell:
    """A number of organisations (or listings), suppressed below the small-cell limit."""
    if is_suppressed(organisations):
        return Cell(fewer_than(), fewer_than())
    return Cell(shown(organisations), str(organisations), organisations)


def amount(total: int | None, based_on: int, unit: str = "", hidden: bool = False) -> Cell:
    """A sum or median resting on `based_on` organisations; `unit` "£" for money.

    Suppressed when it rests on fewer than 3 (or `hidden` says a total would give a
    small row away); "none given" when no organisation gave the figure.
    """
    if based_on == 0 or total is None:
        return Cell(not_given(), "")
    if hidden or is_suppressed(based_on):
        return Cell(fewer_than(), fewer_than())
    if unit == "£":
        return Cell(f"£{format_number(total)}", str(total), total)
    return Cell(f"{format_number(total)} {unit}".rstrip(), str(total), total)


def percent(part: int, whole: int) -> Cell:
    """A share as a whole percentage (halves rounded up), hidden when `part` is small."""
    if whole == 0:
        return Cell(not_given(), "")
    if is_suppressed(part):
        return Cell(fewer_than(), fewer_than())
    value = int((Decimal(100 * part) / whole).quantize(Decimal(1), ROUND_HALF_UP))
    return Cell(f"{format_number(value)}%", str(value), value)


def median(values: Sequence[int]) -> int | None:
    """The median to the nearest pound (halves rounded up); None for no values.

    Organisations that did not give the figure are left out, never counted as zero.
    """
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    pair = Decimal(ordered[middle - 1] + ordered[middle]) / 2
    return int(pair.quantize(Decimal(1), ROUND_HALF_UP))


def based_on(given: int, total: int, what: str, noun: str = "organisations") -> str:
    """The coverage sentence: "Based on 37 of 42 organisations that gave their income.".

    `what` is a translated phrase ("their income"); `noun` is one of the keys below, each
    a whole sentence to translate, since a sentence cannot be built from a word.
    """
    values = {"given": format_number(given), "total": format_number(total), "what": what}
    if noun == "responses":
        if total == 0:
            return _("No responses are listed yet.")
        if given == total:
            # Translators: %(what)s is what was given, e.g. "their stage"
            return ngettext("Based on the %(total)s response, which gave %(what)s.",
                            "Based on all %(total)s responses, which all gave %(what)s.",
                            total) % values
        return ngettext("Based on %(given)s of %(total)s response that gave %(what)s.",
                        "Based on %(given)s of %(total)s responses that gave %(what)s.",
                        total) % values
    if noun == "listings":
        if total == 0:
            return _("No listings are listed yet.")
        if given == total:
            return ngettext("Based on the %(total)s listing, which gave %(what)s.",
                            "Based on all %(total)s listings, which all gave %(what)s.",
                            total) % values
        return ngettext("Based on %(given)s of %(total)s listing that gave %(what)s.",
                        "Based on %(given)s of %(total)s listings that gave %(what)s.",
                        total) % values
    if total == 0:
        return _("No organisations are listed yet.")
    if given == total:
        # Translators: %(what)s is what was given, e.g. "their income"
        return ngettext("Based on the %(total)s organisation, which gave %(what)s.",
                        "Based on all %(total)s organisations, which all gave %(what)s.",
                        total) % values
    return ngettext("Based on %(given)s of %(total)s organisation that gave %(what)s.",
                    "Based on %(given)s of %(total)s organisations that gave %(what)s.",
                    total) % values
