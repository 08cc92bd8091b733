"""Trends: listings and checked listings at each month end, from the git history.

`history.listing_history` reads the repository (locally, cached); this module turns
its points into an evidence table and chart, or keeps its reason, in words, for a
build with no history (a download without `.git`, a content folder inside another
repository), so the page says why instead of failing.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
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
        return Trend(None, history.reason or _("There is no month end in the history yet."))
    points = history.points
    rows = tuple((label(human_date(point.month_end)), count(point.listings),
                  count(point.verified)) for point in points)
    older = max(len(rows) - CHART_MONTHS, 0)
    shown = min(len(rows), CHART_MONTHS)
    return Trend(Table(
        "trends", _("Listings over time"),
        (_("Month end"), _("Listings"),
         ngettext("Checked in the %(num)s month before", "Checked in the %(num)s months before",
                  months) % {"num": months}), rows,
        # Translators: %(first)s is the date of the first month end counted
        ngettext("Counted from the repository's history: every organisation and provider "
                 "listing at %(num)s month end, the first on %(first)s.",
                 "Counted from the repository's history: every organisation and provider "
                 "listing at each of %(num)s month ends, the first on %(first)s.", len(points))
        % {"num": format_number(len(points)), "first": human_date(points[0].month_end)},
        (ngettext("A listing counts as checked at a month end when its last_verified date "
                  "was less than %(num)s month before it.",
                  "A listing counts as checked at a month end when its last_verified date "
                  "was less than %(num)s months before it.", months) % {"num": months},),
        Chart(ngettext("Bar chart of the number of listings at each month end, for the last "
                       "%(num)s month; the table below gives every month with the number "
                       "checked.",
                       "Bar chart of the number of listings at each month end, for the last "
                       "%(num)s months; the table below gives every month with the number "
                       "checked.", shown) % {"num": shown}, 1, "listings"),
        chart_from=older), "")
