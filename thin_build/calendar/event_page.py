"""One event's page: when (a series in words, its next dates), where, who, and JSON-LD."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.catalogue import Catalogue
from ..core.i18n import N_, ngettext, pgettext
from ..core.i18n import gettext as _
from ..core.markup import json_for_html, render_markdown
from ..core.present import Link, human_date, join_words
from ..core.translate import name_link
from ..directory import urls as directory_urls
from ..directory import views as directory_views
from ..directory.model import DAY_NAMES, DAYS
from . import model, urls
from .occurrences import (
    LONDON,
    WEEK_NUMBERS,
    Occurrence,
    first_span,
    london,
    occurrences,
)
from .views import category_link, clock, iso, long_date, organiser_link, time_range, when_text

NEXT_DATES = 12
STEP_FREE = {"yes": N_("Step-free access"), "no": N_("No step-free access"),
             "partly": N_("Partly step-free: check the accessibility notes")}
# Translators: which week of the month a monthly event is in: "the first Tuesday"
WEEKS = {"first": N_("first"), "second": N_("second"), "third": N_("third"),
         "fourth": N_("fourth"), "last": N_("last")}


@dataclass(frozen=True)
class DateView:
    text: str
    iso: str


@dataclass(frozen=True)
class VenueView:
    name: str
    address_lines: tuple[str, ...]
    postcode: str | None
    ward: Link | None
    step_free: str | None


@dataclass(frozen=True)
class EventPage:
    """Everything `event.html` shows; `dates` are the next ones, or the last if finished."""

    schedule: str | None
    dates: tuple[DateView, ...]
    more_dates: int
    finished: bool
    skipped: tuple[DateView, ...]
    venue: VenueView | None
    organiser: Link
    category: Link
    stages: tuple[str, ...]
    groups: tuple[Link, ...]
    languages: tuple[directory_views.LanguageView, ...]
    body_html: str
    ics_url: str
    json_ld: str


def _ordinal(number: int) -> str:
    """"16th": a day of the month in the page's language (each ending a msgid of its own)."""
    teens = 10 <= number % 100 <= 20
    ending = "th" if teens else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    # Translators: a day of the month as an ordinal, as in "on the 1st of every month"
    texts = {"st": pgettext("day of month", "%(number)dst"),
             "nd": pgettext("day of month", "%(number)dnd"),
             "rd": pgettext("day of month", "%(number)drd"),
             "th": pgettext("day of month", "%(number)dth")}
    return texts[ending] % {"number": number}


def schedule_text(event: model.Event) -> str | None:
    """"Every Tuesday and Thursday, 10:00 to 12:00, from 16 March 2027 until 8 April 2027"."""
    rule = event.recurrence
    if rule is None:
        return None
    start, end = first_span(event)
    first_day = start.date() if isinstance(start, dt.datetime) else start
    day_name = directory_views.day_name
    days = [day_name(d) for d in DAYS if d in rule.days] or [day_name(DAYS[first_day.weekday()])]
    number = rule.interval
    if rule.frequency == "weekly":
        # Translators: a weekly series; %(days)s is a list of days, "Tuesday and Thursday"
        every = _("Every %(days)s") % {"days": join_words(days)} if number == 1 else ngettext(
            "Every %(num)d week on %(days)s", "Every %(num)d weeks on %(days)s", number) % {
            "num": number, "days": join_words(days)}
    elif rule.week:
        # Translators: a monthly series: "On the first Tuesday of every month"
        every = ngettext("On the %(week)s %(day)s of every month",
                         "On the %(week)s %(day)s of every %(num)d months", number) % {
            "week": _(WEEKS[rule.week]), "day": days[0], "num": number}
    else:
        # Translators: a monthly series: "On the 16th of every month"
        every = ngettext("On the %(date)s of every month",
                         "On the %(date)s of every %(num)d months", number) % {
            "date": _ordinal(first_day.day), "num": number}
    hours = _("all day") if event.all_day else time_range(clock(start), clock(end))
    ending = (_("until %(date)s") % {"date": human_date(rule.until)} if rule.until
              else ngettext("%(num)d time in all", "%(num)d times in all", rule.count)
              % {"num": rule.count})
    # Translators: a whole series: "Every Tuesday, 10:00 to 12:00, from 16 March 2027 until
    # 8 April 2027" (or "... 6 times in all")
    return _("%(every)s, %(hours)s, from %(first)s %(ending)s") % {
        "every": every, "hours": hours, "first": human_date(first_day), "ending": ending}


def _venue(cat: Catalogue, venue: model.Venue | None) -> VenueView | None:
    if venue is None:
        return None
    ward = cat.lookup("wards", venue.ward) if venue.ward else None
    lines = tuple(line.strip() for line in (venue.address or "").splitlines() if line.strip())
    return VenueView(venue.name, lines, venue.postcode,
                     name_link(ward, directory_urls.browse("wards", ward.slug)) if ward else None,
                     _(STEP_FREE[venue.step_free]) if venue.step_free in STEP_FREE else None)


def event_page(cat: Catalogue, event: model.Event, today: dt.date) -> EventPage:
    found = occurrences(event)
    upcoming = [o for o in found if o.last_day >= today]
    shown = upcoming[:NEXT_DATES] or found[-1:]
    return EventPage(
        schedule=schedule_text(event),
        dates=tuple(DateView(when_text(o, with_date=True), iso(o.start)) for o in shown),
        more_dates=max(0, len(upcoming) - NEXT_DATES),
        finished=not upcoming,
        skipped=tuple(DateView(long_date(day), day.isoformat())
                      for day in (event.recurrence.skip_dates if event.recurrence else ())
                      if day >= today),
        venue=_venue(cat, event.venue),
        organiser=organiser_link(cat, event.organiser),
        category=category_link(cat, event.category),
        stages=tuple(s.name for s in cat.lookup_many("stages", event.stages)),
        groups=directory_views.term_links(cat, "groups", event.groups, "groups"),
        languages=directory_views.languages(cat, event.languages),
        body_html=render_markdown(event.body),
        ics_url=urls.event_ics(event.slug),
        json_ld=event_json_ld(cat, event, (upcoming or found)[0]))


def _schema_day(day: str) -> str:
    return f"https://schema.org/{DAY_NAMES[day]}"


def event_json_ld(cat: Catalogue, event: model.Event, shown: Occurrence) -> str:
    """schema.org Event for the next (or last) occurrence, with the series as a Schedule."""
    base = cat.site.base_url.rstrip("/")
    organiser = organiser_link(cat, event.organiser)
    mode = ("Mixed" if event.venue and event.online else "Online" if event.online else "Offline")
    places: list[dict] = []
    if event.venue:
        venue = _venue(cat, event.venue)
        places.append({"@type": "Place", "name": venue.name, "address": {
            "@type": "PostalAddress", "streetAddress": ", ".join(venue.address_lines),
            "postalCode": venue.postcode or "", "addressLocality": "London",
            "addressCountry": "GB"}})
    if event.online:
        places.append({"@type": "VirtualLocation", "url": event.online})
    data: dict = {
        "@context": "https://schema.org", "@type": "Event", "name": event.title,
        "description": event.summary, "url": base + urls.event(event.slug),
        "startDate": iso(shown.start), "endDate": iso(shown.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}EventAttendanceMode",
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "Organization", "name": organiser.text,
                      "url": base + organiser.url},
        "inLanguage": [lang.code for lang in cat.lookup_many("languages", event.languages)],
    }
    if event.booking or event.cost:
        data["offers"] = {"@type": "Offer", **({"url": event.booking} if event.booking else {}),
                          **({"description": event.cost} if event.cost else {})}
    if event.recurrence:
        data["eventSchedule"] = _schedule_json(event, event.recurrence)
    return json_for_html(data)


def _schedule_json(event: model.Event, rule: model.Recurrence) -> dict:
    start, end = first_span(event)
    first_day = start.date() if isinstance(start, dt.datetime) else start
    unit = "W" if rule.frequency == "weekly" else "M"
    schedule: dict = {"@type": "Schedule", "repeatFrequency": f"P{rule.interval}{unit}",
                      "startDate": first_day.isoformat(), "scheduleTimezone": LONDON.key}
    days = rule.days or (DAYS[first_day.weekday()],)
    if rule.frequency == "weekly" or rule.week:
        schedule["byDay"] = [_schema_day(d) for d in days]
    if rule.week:
        schedule["byMonthWeek"] = WEEK_NUMBERS[rule.week]
    elif rule.frequency == "monthly":
        schedule["byMonthDay"] = first_day.day
    if not event.all_day:
        schedule["startTime"] = f"{start:%H:%M}"
        schedule["endTime"] = f"{london(end):%H:%M}"
    if rule.until:
        schedule["endDate"] = rule.until.isoformat()
    else:
        schedule["repeatCount"] = rule.count
    if rule.skip_dates:
        schedule["exceptDate"] = [day.isoformat() for day in rule.skip_dates]
    return schedule
