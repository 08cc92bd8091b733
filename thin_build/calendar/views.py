"""Calendar views: occurrences, days, months and notices → plain data for templates.

Like `directory/views.py`, everything a template shows is resolved here: organiser and
category names and links, London times in words and as `datetime` attributes,
subscribe links in both https: and webcal: form.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..core import urls as core_urls
from ..core.catalogue import Catalogue
from ..core.i18n import format_date, format_time
from ..core.i18n import gettext as _
from ..core.markup import render_markdown
from ..core.present import Link, day_and_month, human_date
from ..core.translate import name_link, text_lang
from ..directory import urls as directory_urls
from ..directory.model import split_listing_ref
from . import model, urls
from .occurrences import Occurrence, between, notice_is_current, occurrences


@dataclass(frozen=True)
class OccurrenceView:
    """One occurrence in a list or a month: enough to decide whether to open it."""

    title: str
    url: str
    when: str
    start_iso: str
    where: str
    organiser: Link
    category: Link
    summary: str
    lang: str | None = None  # the title's and summary's, when not the page's language


@dataclass(frozen=True)
class DayView:
    heading: str
    date_iso: str
    anchor: str
    items: tuple[OccurrenceView, ...]


@dataclass(frozen=True)
class MonthCell:
    """A day of a month grid; `number` is None for the days of the months around it."""

    number: int | None
    date_iso: str
    label: str
    today: bool
    items: tuple[OccurrenceView, ...]


@dataclass(frozen=True)
class Subscribe:
    """A feed offered as a download (https:) and as a subscription (webcal:)."""

    label: str
    url: str
    webcal: str


@dataclass(frozen=True)
class FlyerView:
    url: str
    is_pdf: bool
    alt: str | None
    kind: str


@dataclass(frozen=True)
class NoticeView:
    title: str
    anchor: str
    url: str
    summary: str
    body_html: str
    posted_by: Link
    posted_text: str
    posted_iso: str
    expires_text: str
    expires_iso: str
    flyer: FlyerView | None
    link: str | None


def organiser_link(cat: Catalogue, ref: str) -> Link:
    collection, slug = split_listing_ref(ref)
    listing = cat.lookup(collection, slug)
    url = directory_urls.org(slug) if collection == "orgs" else directory_urls.provider(slug)
    return Link(listing.name, url, text_lang(listing, "name"))


def category_link(cat: Catalogue, slug: str) -> Link:
    return name_link(cat.lookup("event_categories", slug), urls.calendar_category(slug))


def subscribe(cat: Catalogue, label: str, path: str) -> Subscribe:
    absolute = cat.site.base_url.rstrip("/") + path
    return Subscribe(label, path, urls.webcal(absolute))


def clock(moment: dt.datetime) -> str:
    """A London time of day in the page's language ("14:30" in English). `moment` is
    London time already, and the short pattern has no zone, so its wall-clock time is
    what is formatted: a naive time, which `format_time` remembers (a calendar of
    thousands of events shows the same few dozen times)."""
    return format_time(moment.time(), "short")


def short_date(day: dt.date) -> str:
    return day_and_month(day)


def long_date(day: dt.date) -> str:
    """"Tuesday 24 November 2026", in the page's language."""
    return format_date(day, "EEEE d MMMM y")


def time_range(start: str, end: str) -> str:
    # Translators: a range of days or of times: "Monday to Thursday", "09:00 to 17:00"
    return _("%(start)s to %(end)s") % {"start": start, "end": end}


def when_text(occurrence: Occurrence, with_date: bool = False) -> str:
    """"10:00 to 12:00", "All day", or a range over several days, in London time."""
    first, last = occurrence.first_day, occurrence.last_day
    if occurrence.all_day:
        if first == last:
            return _("%(date)s, all day") % {"date": long_date(first)} if with_date else _(
                "All day")
        # Translators: an event over several whole days: "All day, 3 March to 5 March"
        return _("All day, %(start)s to %(end)s") % {"start": short_date(first),
                                                    "end": short_date(last)}
    start, end = occurrence.start, occurrence.end
    if first == last:
        times = time_range(clock(start), clock(end))
        # Translators: a date, then a range of times: "Tuesday 24 November 2026, 10:00 to 12:00"
        return _("%(date)s, %(times)s") % {"date": long_date(first), "times": times} \
            if with_date else times
    # Translators: an event over several days: "18:00 on Friday 4 December 2026 to 12:00 on
    # Saturday 5 December 2026"
    return _("%(start_time)s on %(start_date)s to %(end_time)s on %(end_date)s") % {
        "start_time": clock(start), "start_date": long_date(first),
        "end_time": clock(end), "end_date": long_date(last)}


def iso(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="minutes")
    return value.isoformat()


def where_text(event: model.Event) -> str:
    if event.venue and event.online:
        # Translators: where an event is: a venue's name, and also online
        return _("%(venue)s, and online") % {"venue": event.venue.name}
    if event.venue:
        return event.venue.name + (f", {event.venue.postcode}" if event.venue.postcode else "")
    # Translators: where an event is: only on the internet
    return _("Online")


def occurrence_view(cat: Catalogue, occurrence: Occurrence,
                    with_date: bool = False) -> OccurrenceView:
    event = occurrence.event
    return OccurrenceView(
        title=event.title, url=urls.event(event.slug), when=when_text(occurrence, with_date),
        start_iso=iso(occurrence.start), where=where_text(event),
        organiser=organiser_link(cat, event.organiser),
        category=category_link(cat, event.category), summary=event.summary,
        lang=text_lang(event, "title", "summary"))


def by_day(cat: Catalogue, items: Iterable[Occurrence], first: dt.date,
           last: dt.date, today: dt.date) -> tuple[DayView, ...]:
    """Days from `first` to `last` that have something on, each with what is on.

    An occurrence over several days is listed on each of them (within the range).
    """
    days: dict[dt.date, list[Occurrence]] = defaultdict(list)
    for occurrence in between(items, first, last):
        day = max(occurrence.first_day, first)
        while day <= min(occurrence.last_day, last):
            days[day].append(occurrence)
            day += dt.timedelta(days=1)
    return tuple(DayView(_("Today, %(date)s") % {"date": long_date(day)} if day == today
                         else long_date(day), day.isoformat(),
                         f"day-{day.isoformat()}",
                         tuple(occurrence_view(cat, o) for o in days[day]))
                 for day in sorted(days))


def month_grid(cat: Catalogue, items: Iterable[Occurrence], year: int, month: int,
               today: dt.date) -> tuple[tuple[MonthCell, ...], ...]:
    """Weeks (Monday first) of one month; the cells of other months are empty."""
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    days = {day.date_iso: day for day in by_day(cat, items, first, last, today)}
    cursor = first - dt.timedelta(days=first.weekday())
    weeks = []
    while cursor <= last:
        week = []
        for _weekday in range(7):
            inside = cursor.month == month
            found = days.get(cursor.isoformat())
            week.append(MonthCell(cursor.day if inside else None, cursor.isoformat(),
                                  long_date(cursor), cursor == today and inside,
                                  found.items if found and inside else ()))
            cursor += dt.timedelta(days=1)
        weeks.append(tuple(week))
    return tuple(weeks)


def all_occurrences(events: Iterable[model.Event]) -> list[Occurrence]:
    return sorted((o for event in events for o in occurrences(event)), key=Occurrence.sort_key)


def flyer_view(flyer: model.Flyer) -> FlyerView:
    kind = "PDF" if flyer.is_pdf else flyer.file.rsplit(".", 1)[-1].upper().replace("JPG", "JPEG")
    return FlyerView(core_urls.media(flyer.file), flyer.is_pdf, flyer.alt, kind)


def notice_view(cat: Catalogue, notice: model.Notice) -> NoticeView:
    return NoticeView(
        title=notice.title, anchor=f"notice-{notice.slug}", url=urls.notice(notice.slug),
        summary=notice.summary, body_html=render_markdown(notice.body),
        posted_by=organiser_link(cat, notice.posted_by),
        posted_text=human_date(notice.posted), posted_iso=notice.posted.isoformat(),
        expires_text=human_date(notice.expires), expires_iso=notice.expires.isoformat(),
        flyer=flyer_view(notice.flyer) if notice.flyer else None, link=notice.link)


def current_notices(notices: Iterable[model.Notice], today: dt.date) -> list[model.Notice]:
    """Notices on the board today, newest first."""
    return sorted((n for n in notices if notice_is_current(n, today)),
                  key=lambda n: (-n.posted.toordinal(), n.slug))
