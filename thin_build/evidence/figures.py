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

from .suppress import FEWER_THAN, is_suppressed, shown

NOT_GIVEN = "none given"


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
        return Cell(FEWER_THAN, FEWER_THAN)
    return Cell(shown(organisations), str(organisations), organisations)


def amount(total: int | None, based_on: int, unit: str = "", hidden: bool = False) -> Cell:
    """A sum or median resting on `based_on` organisations; `unit` "£" for money.

    Suppressed when it rests on fewer than 3 (or `hidden` says a total would give a
    small row away); "none given" when no organisation gave the figure.
    """
    if based_on == 0 or total is None:
        return Cell(NOT_GIVEN, "")
    if hidden or is_suppressed(based_on):
        return Cell(FEWER_THAN, FEWER_THAN)
    if unit == "£":
        return Cell(f"£{total:,}", str(total), total)
    return Cell(f"{total:,} {unit}".rstrip(), str(total), total)


def percent(part: int, whole: int) -> Cell:
    """A share as a whole percentage (halves rounded up), hidden when `part` is small."""
    if whole == 0:
        return Cell(NOT_GIVEN, "")
    if is_suppressed(part):
        return Cell(FEWER_THAN, FEWER_THAN)
    value = int((Decimal(100 * part) / whole).quantize(Decimal(1), ROUND_HALF_UP))
    return Cell(f"{value}%", str(value), value)


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
    """The coverage sentence: "Based on 37 of 42 organisations that gave their income."."""
    if total == 0:
        return f"No {noun} are listed yet."
    if given == total:
        return f"Based on all {total:,} {noun}, which all gave {what}."
    return f"Based on {given:,} of {total:,} {noun} that gave {what}."
