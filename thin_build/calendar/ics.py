"""iCalendar (RFC 5545) feeds: the whole calendar, a category, an organiser, one event.

The `icalendar` library writes the text: it escapes commas, semicolons,
backslashes and newlines and folds lines at 75 octets without splitting a UTF-8
character. This module decides what goes in:

- one VEVENT per event with RRULE and EXDATE, so calendar apps expand a series
  themselves; the rules are the subset `checks.py` allows, which every client agrees on;
- a UID from the event's slug and the site's host, so a subscriber sees the same
  event, not a duplicate, after every rebuild;
- DTSTAMP from the event's `posted` date, so the same content gives the same bytes;
- a VTIMEZONE for Europe/London written from the zone's real transitions over the
  years the feed covers, each observance starting at the local time the clocks
  change (01:00 GMT in March, 02:00 BST in October), so parsers that read the
  VTIMEZONE (ical.js, as in Thunderbird) and those that use their own zone data
  agree on every UTC time.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Iterable
from urllib.parse import urlsplit

import icalendar

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..directory.model import split_listing_ref
from . import model, urls
from .occurrences import LONDON, WEEK_NUMBERS, first_span, london, occurrences

PRODID = "-//THIN Portal//{feed}//EN"  # the product, and which of its feeds
REFRESH = "PT6H"


def _single_line(value: str, what: str) -> str:
    """UIDs and URLs go into iCalendar unescaped: a line break would forge a property."""
    if "\r" in value or "\n" in value:
        raise ValueError(f"{what} contains a line break: {value!r}")
    return value


END = b"END:VCALENDAR\r\n"


def feed(cat: Catalogue, events: Iterable[model.Event], name: str, description: str,
         url: str, written: dict[str, bytes] | None = None) -> bytes:
    """A subscribable calendar of `events` (sorted by slug), published at `url`.

    An event is in several feeds (the whole calendar, its category's, its organiser's),
    and folding its lines is most of the cost, so each VEVENT's text is written once
    into `written` (by slug, for one step's feeds) and spliced in: a component's text
    is the same inside a calendar as alone, so the bytes are what `to_ical` of the
    whole calendar gives (`tests/unit/calendar/test_ics.py`).
    """
    events = sorted(events, key=lambda e: e.slug)
    written = {} if written is None else written
    head = new_calendar(cat, name, description, url).to_ical()
    parts = [head[:-len(END)]]
    if years := _years(events):
        parts.append(_vtimezone_text(*years))
    for event in events:
        if event.slug not in written:
            written[event.slug] = vevent(cat, event).to_ical()
        parts.append(written[event.slug])
    return b"".join(parts) + END


@functools.lru_cache(maxsize=64)
def _vtimezone_text(first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of those years as text: the same for every feed covering them."""
    return london_vtimezone(first_year, last_year).to_ical()


def new_calendar(cat: Catalogue, name: str, description: str, url: str,
                 feed: str = "Community calendar") -> icalendar.Calendar:
    """A feed's header, without components: any room's feed of London dates starts here."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID.format(feed=feed))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for key, value in (("name", name), ("x-wr-calname", name), ("description", description),
                       ("x-wr-caldesc", description)):
        calendar.add(key, icalendar.vText(value))  # given as vText, or icalendar skips escaping
    calendar.add("url", url_property(cat, url))
    calendar.add("refresh-interval", dt.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH)
    return calendar


def single_event(cat: Catalogue, event: model.Event) -> bytes:
    """The "add to my calendar" file for one event (or series)."""
    return feed(cat, [event], event.title, event.summary, urls.event(event.slug))


def absolute(cat: Catalogue, path: str) -> str:
    return cat.site.base_url.rstrip("/") + path


def url_property(cat: Catalogue, path: str) -> str:
    """A page's absolute address for a URL property, refused if it holds a line break."""
    return _single_line(absolute(cat, path), "URL")


def uid(cat: Catalogue, event: model.Event) -> str:
    return site_uid(cat, f"event-{event.slug}")


def site_uid(cat: Catalogue, name: str) -> str:
    """`<name>@<the site's host>`: the same on every rebuild, unique across sites."""
    host = urlsplit(cat.site.base_url).hostname or "thin-portal.invalid"
    return _single_line(f"{name}@{host}", "UID")


def vevent(cat: Catalogue, event: model.Event) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", uid(cat, event))
    component.add("dtstamp", dt.datetime.combine(event.posted, dt.time(), dt.timezone.utc))
    start, end = first_span(event)
    if event.all_day:
        component.add("dtstart", start)
        component.add("dtend", end + dt.timedelta(days=1))  # DTEND is the day after
    else:
        component.add("dtstart", london(start))
        component.add("dtend", london(end))
    if event.recurrence is not None:
        component.add("rrule", _rrule(event, event.recurrence))
        for day in event.recurrence.skip_dates:
            component.add("exdate", day if event.all_day
                          else london(dt.datetime.combine(day, event.start.time())))
    component.add("summary", event.title)
    component.add("description", _description(cat, event))
    if where := _location(event):
        component.add("location", where)
    component.add("url", url_property(cat, urls.event(event.slug)))
    component.add("categories", [cat.lookup("event_categories", event.category).name])
    return component


def _rrule(event: model.Event, rule: model.Recurrence) -> dict:
    parts: dict = {"freq": rule.frequency.upper()}
    if rule.interval != 1:
        parts["interval"] = rule.interval
    if rule.frequency == "weekly":
        parts["byday"] = [d.upper()[:2] for d in rule.days] or None
        parts["wkst"] = "MO"
    elif rule.week:
        parts["byday"] = [f"{WEEK_NUMBERS[rule.week]}{rule.days[0].upper()[:2]}"]
    if rule.count is not None:
        parts["count"] = rule.count
    elif event.all_day:
        parts["until"] = rule.until
    else:  # RFC 5545: with a TZID start, UNTIL is in UTC; the end of the until day in London
        last = london(dt.datetime.combine(rule.until, dt.time(23, 59, 59)))
        parts["until"] = last.astimezone(dt.timezone.utc)
    return {key: value for key, value in parts.items() if value is not None}


def _location(event: model.Event) -> str | None:
    if event.venue is None:
        return event.online
    venue = event.venue
    lines = [venue.name, *(line.strip() for line in (venue.address or "").splitlines()
                           if line.strip())]
    return ", ".join(lines + ([venue.postcode] if venue.postcode else []))


def _description(cat: Catalogue, event: model.Event) -> str:
    collection, slug = split_listing_ref(event.organiser)
    # Translators: lines of an event's description in people's calendar apps
    lines = [event.summary, "",
             _("Organised by %(name)s.") % {"name": cat.lookup(collection, slug).name}]
    if event.cost:
        lines.append(_("Cost: %(cost)s") % {"cost": event.cost})
    if event.online:
        lines.append(_("Join online: %(url)s") % {"url": event.online})
    if event.booking:
        lines.append(_("Book: %(url)s") % {"url": event.booking})
    lines.append(_("Details: %(url)s") % {"url": absolute(cat, urls.event(event.slug))})
    return "\n".join(lines)


def _years(events: list[model.Event]) -> tuple[int, int] | None:
    """The years the timed events' occurrences cover, for a bounded VTIMEZONE."""
    timed = [o for e in events if not e.all_day for o in occurrences(e)]
    if not timed:
        return None
    return min(o.first_day.year for o in timed), max(o.last_day.year for o in timed)


def _transitions(first: dt.datetime, last: dt.datetime) -> list[tuple[dt.datetime, dt.timedelta]]:
    """(UTC instant, offset after) of each clock change between two UTC instants."""
    found = []
    moment = first
    offset = moment.astimezone(LONDON).utcoffset()
    while moment < last:
        next_day = moment + dt.timedelta(days=1)
        if next_day.astimezone(LONDON).utcoffset() != offset:
            hour = moment
            while hour.astimezone(LONDON).utcoffset() == offset:
                hour += dt.timedelta(hours=1)
            offset = hour.astimezone(LONDON).utcoffset()
            found.append((hour, offset))
        moment = next_day
    return found


def london_vtimezone(first_year: int, last_year: int) -> icalendar.Timezone:
    """Europe/London from 1 January of `first_year` to the end of `last_year`.

    One observance per clock change, each with only a DTSTART: ical.js ignores an
    observance's DTSTART once it has RDATEs, which is how icalendar's own generator
    writes repeats, and would then read a whole summer as GMT.
    """
    start = dt.datetime(first_year, 1, 1, tzinfo=dt.timezone.utc)
    end = dt.datetime(last_year + 1, 1, 1, tzinfo=dt.timezone.utc)
    zone = icalendar.Timezone()
    zone.add("tzid", "Europe/London")
    initial = start.astimezone(LONDON)
    zone.add_component(_observance(initial.dst() != dt.timedelta(0), initial.replace(tzinfo=None),
                                   initial.utcoffset(), initial.utcoffset(), initial.tzname()))
    before = initial.utcoffset()
    for instant, after in _transitions(start, end):
        local = (instant + before).replace(tzinfo=None)  # wall-clock time as the clocks change
        zone.add_component(_observance(after > before, local, before, after,
                                       instant.astimezone(LONDON).tzname()))
        before = after
    return zone


def _observance(daylight: bool, local: dt.datetime, before: dt.timedelta, after: dt.timedelta,
                name: str) -> icalendar.Component:
    component = icalendar.TimezoneDaylight() if daylight else icalendar.TimezoneStandard()
    component.add("dtstart", local)
    component.add("tzoffsetfrom", before)
    component.add("tzoffsetto", after)
    component.add("tzname", name)
    return component
