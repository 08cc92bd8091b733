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
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs
from . import urls
from .documents import PrintDocument, in_default_language

CALENDAR_TEMPLATE = "printing/calendar.html"
# Paper stays on a noticeboard for weeks, so no day is headed "Today".
NO_TODAY = dt.date.min


def calendar_path() -> str:
    return urls.pdf("whats-on")


def calendar_documents(inputs: BuildInputs) -> Iterator[PrintDocument]:
    """What's on, in the site's own language (see `documents.in_default_language`)."""
    if not in_default_language(inputs):
        return
    cat, today = inputs.catalogue, inputs.today
    last = today + dt.timedelta(weeks=WEEKS_AHEAD, days=-1)
    span = _("%(first)s to %(last)s") % {"first": long_date(today), "last": long_date(last)}
    base = cat.site.base_url.rstrip("/")
    days = tuple({"heading": day.heading,
                  "events": tuple({"view": view, "address": base + view.url}
                                  for view in day.items)}
                 for day in by_day(cat, all_occurrences(cat.events), today, last, NO_TODAY))
    yield PrintDocument(
        path=calendar_path(), template=CALENDAR_TEMPLATE, kind="calendar",
        title=_("What's on in %(borough)s: the next %(weeks)d weeks")
        % {"borough": cat.site.borough, "weeks": WEEKS_AHEAD},
        description=_("Events day by day, %(span)s.") % {"span": span},
        data={"span": span, "days": days, "times_note": _(_TIMES_NOTE),
              "calendar_address": base + calendar_urls.calendar(), "site": cat.site.title})
