"""Trends: listings and checked listings at each month end, from the git history.

`history.listing_history` reads the repository (locally, cached); this module turns
its points into an evidence table and chart, or keeps its reason, in words, for a
build with no history (a download without `.git`, a content folder inside another
repository), so the page says why instead of failing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.plan import BuildInputs
from ..core.present import human_date
from .figures import Chart, Table, count, label
from .history import listing_history

CHART_MONTHS = 24  # the chart shows the last two years; the table and CSV every month


@dataclass(frozen=True)
class Trend:
    table: Table | None
    reason: str  # why there is no trend; empty when there is one


def trends(inputs: BuildInputs) -> Trend:
    months = inputs.catalogue.site.stale_after_months
    history = listing_history(inputs.root, inputs.today, months)
    if not history.available or not history.points:
        return Trend(None, history.reason or "There is no month end in the history yet.")
    points = history.points
    rows = tuple((label(human_date(point.month_end)), count(point.listings),
                  count(point.verified)) for point in points)
    older = max(len(rows) - CHART_MONTHS, 0)
    return Trend(Table(
        "trends", "Listings over time",
        ("Month end", "Listings", f"Checked in the {months} months before"), rows,
        f"Counted from the repository's history: every organisation and provider listing "
        f"at {_month_ends(len(points))}, the first on {human_date(points[0].month_end)}.",
        ("A listing counts as checked at a month end when its last_verified date was less "
         f"than {months} months before it.",),
        Chart(f"Bar chart of the number of listings at each month end, for the last "
              f"{min(len(rows), CHART_MONTHS)} months; the table below gives every month "
              "with the number checked.", 1, "listings"),
        chart_from=older), "")


def _month_ends(number: int) -> str:
    return "1 month end" if number == 1 else f"each of {number:,} month ends"
