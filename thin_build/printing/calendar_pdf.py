"""What's on as a PDF: the next eight weeks, day by day, to pin up or hand out.

It is the calendar's own "what's on" page on paper: the same occurrences
(`calendar.views.all_occurrences`), the same days (`by_day`) and the same eight weeks
from the build's "today" (`calendar.pages.WEEKS_AHEAD`), so the PDF and the page can
never disagree. Each event's page address is printed in full, since paper has no links.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..calendar import urls as calendar_urls
from ..calendar.pages import _TIMES_NOTE, WEEKS_AHEAD
from ..calendar.views import all_occurrences, by_day, long_date
from ..core.plan import BuildInputs
from . import urls
from .documents import PrintDocument

CALENDAR_TEMPLATE = "printing/calendar.html"
# Paper stays on a noticeboard for weeks, so no day is headed "Today".
NO_TODAY = dt.date.min


def calendar_path() -> str:
    return urls.pdf("whats-on")


def calendar_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    cat, today = inputs.catalogue, inputs.today
    last = today + dt.timedelta(weeks=WEEKS_AHEAD, days=-1)
    span = f"{long_date(today)} to {long_date(last)}"
    base = cat.site.base_url.rstrip("/")
    days = tuple({"heading": day.heading,
                  "events": tuple({"view": view, "address": base + view.url}
                                  for view in day.items)}
                 for day in by_day(cat, all_occurrences(cat.events), today, last, NO_TODAY))
    yield PrintDocument(
        path=calendar_path(), template=CALENDAR_TEMPLATE, kind="calendar",
        title=f"What's on in {cat.site.borough}: the next {WEEKS_AHEAD} weeks",
        description=f"Events day by day, {span}.",
        data={"span": span, "days": days, "times_note": _TIMES_NOTE,
              "calendar_address": base + calendar_urls.calendar(), "site": cat.site.title})
