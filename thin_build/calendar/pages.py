"""The calendar and notice-board build steps: pages, iCalendar feeds and the Atom feed.

Pages: what's on (the next eight weeks, day by day), a month table for each month
from last month to five months ahead, a listing per category and per organiser,
one page per event, the past-events archive and the notice board. Files: the
whole calendar, a feed per category and per organiser (each with a webcal: link),
an "add to my calendar" file per event, and the Atom feed.

"Today" is `BuildInputs.today` (from --today, SOURCE_DATE_EPOCH or the clock), so a
build is reproducible and tests can fix the date.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Iterator

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link, human_date, month_and_year, pagers
from ..core.taxonomy import Term
from ..core.write import OutputFile
from ..directory.model import DAYS
from ..directory.views import day_name
from . import ics, model, urls
from .atom import updates_feed
from .event_page import event_page
from .occurrences import series_last_day
from .views import (
    all_occurrences,
    by_day,
    category_link,
    current_notices,
    long_date,
    month_grid,
    notice_view,
    organiser_link,
    subscribe,
    time_range,
)

WEEKS_AHEAD = 8
MONTHS_BEFORE, MONTHS_AFTER = 1, 5
LISTING_DAYS = 183  # category and organiser pages: about six months ahead
FEED_HISTORY_DAYS = 92  # feeds keep events that finished in the last three months
PAST_PAGE_SIZE = 30
_CALENDAR = Link(N_("Calendar"), urls.calendar())
_TIMES_NOTE = N_("Times are London time (GMT in winter, BST in summer).")


def _calendar_crumb() -> Link:
    return Link(_(_CALENDAR.text), _CALENDAR.url)


def calendar_pages(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today = inputs.catalogue, inputs.today
    occurrences = all_occurrences(cat.events)
    yield upcoming_page(cat, occurrences, today)
    months = month_window(today)
    for index, (year, month) in enumerate(months):
        yield month_page(cat, occurrences, year, month, today,
                         months[index - 1] if index else None,
                         months[index + 1] if index + 1 < len(months) else None)
    for category in cat.event_categories:
        yield category_page(cat, category, occurrences, today)
    by_organiser = _grouped(occurrences, lambda occurrence: occurrence.event.organiser)
    for ref in organisers(cat):
        yield organiser_page(cat, ref, by_organiser.get(ref, []), today)
    yield from past_pages(cat, today)


def event_pages(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    """Each event's page and its own iCalendar file (`Step(per="events")`)."""
    cat = inputs.catalogue
    for event in inputs.each("events"):
        yield event_plan(cat, event, inputs.today)
        yield OutputFile(urls.event_ics(event.slug).lstrip("/"), ics.single_event(cat, event))


def calendar_files(inputs: BuildInputs) -> Iterator[OutputFile]:
    cat, today = inputs.catalogue, inputs.today
    current = [e for e in cat.events if series_last_day(e) >= today - dt.timedelta(
        days=FEED_HISTORY_DAYS)]
    written: dict[str, bytes] = {}  # each event's VEVENT, written once for all its feeds
    # Translators: the name of the calendar feed people subscribe to, "THIN: community calendar"
    yield OutputFile(urls.calendar_feed().lstrip("/"), ics.feed(
        cat, current, _("%(site)s: community calendar") % {"site": cat.site.title},
        _("Events for voluntary and community groups in %(borough)s.")
        % {"borough": cat.site.borough}, urls.calendar(), written))
    for category in cat.event_categories:
        yield OutputFile(urls.category_feed(category.slug).lstrip("/"), ics.feed(
            cat, [e for e in current if e.category == category.slug],
            f"{cat.site.title}: {category.name}", category.description or category.name,
            urls.calendar_category(category.slug), written))
    by_organiser = _grouped(current, lambda event: event.organiser)
    for ref in organisers(cat):
        name = organiser_link(cat, ref).text
        yield OutputFile(urls.organiser_feed(ref).lstrip("/"), ics.feed(
            cat, by_organiser.get(ref, []), _("%(name)s: events") % {"name": name},
            _("Events run by %(name)s.") % {"name": name}, urls.calendar_organiser(ref),
            written))
    yield OutputFile(urls.updates_feed().lstrip("/"),
                     updates_feed(cat, cat.events, cat.notices, today))


def _grouped(items: list, key) -> dict[str, list]:
    """`items` by `key(item)`, each group in the items' order: one pass over a calendar
    of thousands of events, not one per organiser (`tests/unit/test_scaling.py`)."""
    groups: dict[str, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def notice_board(inputs: BuildInputs) -> Iterator[PagePlan]:
    cat, today = inputs.catalogue, inputs.today
    notices = tuple(notice_view(cat, n) for n in current_notices(cat.notices, today))
    yield PagePlan(urls.notices(), "calendar/notices.html", _("Notice board"),
                   _("Notices and flyers from voluntary and community groups in %(borough)s.")
                   % {"borough": cat.site.borough},
                   {"notices": notices, "atom": urls.updates_feed(), "calendar": urls.calendar()})


def organisers(cat: Catalogue) -> list[str]:
    return sorted({event.organiser for event in cat.events})


def month_window(today: dt.date) -> list[tuple[int, int]]:
    """(year, month) from MONTHS_BEFORE months ago to MONTHS_AFTER months ahead."""
    months = []
    for offset in range(-MONTHS_BEFORE, MONTHS_AFTER + 1):
        year, month = divmod(today.month - 1 + offset, 12)
        months.append((today.year + year, month + 1))
    return months


def _month_link(year_month: tuple[int, int] | None) -> Link | None:
    if year_month is None:
        return None
    year, month = year_month
    return Link(month_and_year(year, month), urls.calendar_month(year, month))


def _common(cat: Catalogue, today: dt.date) -> dict:
    """Links every calendar page offers: months, categories, feeds, the archive."""
    return {
        "months": tuple(_month_link(m) for m in month_window(today)),
        "categories": tuple(category_link(cat, c.slug) for c in cat.event_categories),
        # Translators: completes "Subscribe to ... in your calendar app"
        "feed": subscribe(cat, _("the whole calendar"), urls.calendar_feed()),
        "atom": urls.updates_feed(), "past": urls.calendar_past(), "calendar": urls.calendar(),
        "times_note": _(_TIMES_NOTE),
    }


def upcoming_page(cat: Catalogue, occurrences, today: dt.date) -> PagePlan:
    last = today + dt.timedelta(weeks=WEEKS_AHEAD, days=-1)
    return PagePlan(urls.calendar(), "calendar/calendar.html", _("What's on"),
                    _("Training, network meetings, funding sessions and community events in "
                      "%(borough)s, day by day.") % {"borough": cat.site.borough},
                    {**_common(cat, today), "days": by_day(cat, occurrences, today, last, today),
                     "range": time_range(long_date(today), long_date(last)),
                     "notices": urls.notices()})


def month_page(cat: Catalogue, occurrences, year: int, month: int, today: dt.date,
               previous: tuple[int, int] | None, following: tuple[int, int] | None) -> PagePlan:
    name = month_and_year(year, month)
    weeks = month_grid(cat, occurrences, year, month, today)
    count = len({item.url + cell.date_iso for week in weeks for cell in week
                 for item in cell.items})
    return PagePlan(urls.calendar_month(year, month), "calendar/calendar_month.html",
                    _("Calendar: %(month)s") % {"month": name},
                    _("Events in %(month)s, as a month calendar.") % {"month": name},
                    {**_common(cat, today), "caption": name, "weeks": weeks,
                     "weekdays": tuple((day_name(d, "EEE"), day_name(d)) for d in DAYS),
                     "count": count, "previous": _month_link(previous),
                     "next": _month_link(following)}, (_calendar_crumb(),))


def category_page(cat: Catalogue, category: Term, occurrences,
                  today: dt.date) -> PagePlan:
    last = today + dt.timedelta(days=LISTING_DAYS)
    mine = [o for o in occurrences if o.event.category == category.slug]
    return PagePlan(urls.calendar_category(category.slug), "calendar/calendar_listing.html",
                    category.name, category.description
                    or _("%(category)s: upcoming events.") % {"category": category.name},
                    {**_common(cat, today), "intro": category.description,
                     "days": by_day(cat, mine, today, last, today), "until": human_date(last),
                     "listing_feed": subscribe(cat, category.name, urls.category_feed(
                         category.slug)), "organiser": None}, (_calendar_crumb(),))


def organiser_page(cat: Catalogue, ref: str, mine, today: dt.date) -> PagePlan:
    """The upcoming events of one organiser; `mine` is its occurrences, in order."""
    last = today + dt.timedelta(days=LISTING_DAYS)
    who = organiser_link(cat, ref)
    return PagePlan(urls.calendar_organiser(ref), "calendar/calendar_listing.html",
                    _("Events: %(name)s") % {"name": who.text},
                    _("Upcoming events run by %(name)s.") % {"name": who.text},
                    {**_common(cat, today), "intro": None,
                     "days": by_day(cat, mine, today, last, today), "until": human_date(last),
                     # Translators: completes "Subscribe to ... in your calendar app"
                     "listing_feed": subscribe(cat, _("events by %(name)s") % {"name": who.text},
                                               urls.organiser_feed(ref)),
                     "organiser": who}, (_calendar_crumb(),))


def event_plan(cat: Catalogue, event: model.Event, today: dt.date) -> PagePlan:
    view = event_page(cat, event, today)
    return PagePlan(urls.event(event.slug), "calendar/event.html", event.title, event.summary,
                    {"event": event, "view": view, "times_note": _(_TIMES_NOTE)},
                    (_calendar_crumb(), view.category))


def past_pages(cat: Catalogue, today: dt.date) -> Iterable[PagePlan]:
    """Events whose last date has gone, most recent first, in pages."""
    finished = sorted(((series_last_day(e), e) for e in cat.events
                       if series_last_day(e) < today), key=lambda p: (-p[0].toordinal(), p[1].slug))
    items = tuple({"title": e.title, "url": urls.event(e.slug), "date": human_date(day),
                   "date_iso": day.isoformat(), "organiser": organiser_link(cat, e.organiser),
                   "category": category_link(cat, e.category)} for day, e in finished)
    chunks = [items[i:i + PAST_PAGE_SIZE] for i in range(0, len(items), PAST_PAGE_SIZE)] or [()]
    for (number, chunk), pager in zip(enumerate(chunks, start=1),
                                      pagers(len(chunks), urls.calendar_past)):
        title = (_("Past events, page %(number)d") % {"number": number} if number > 1
                 else _("Past events"))
        yield PagePlan(urls.calendar_past(number), "calendar/calendar_past.html", title,
                       _("Events that have already happened."),
                       {**_common(cat, today), "items": chunk, "pager": pager,
                        "total": len(items)}, (_calendar_crumb(),))
