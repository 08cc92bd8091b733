"""Events in time: recurrence expanded into occurrences, in London wall-clock time.

Pure functions of the model, no I/O: the validator uses them to check a series,
the pages to list what is on, and the tests to compare with three iCalendar
parsers. Content gives London local times; an occurrence carries an aware
datetime (so its UTC instant is exact across the clock changes) or, for all-day
events, plain dates.

The rules are deliberately the subset of RFC 5545 every client expands the same
way: WEEKLY with BYDAY (weeks start on Monday), MONTHLY on the start's day of the
month (at most the 28th, which every month has) or on the first to fourth or
last weekday, ending by UNTIL or COUNT, with EXDATEs; a series starts on a day
its own rule produces.
"""
from __future__ import annotations

import calendar as stdlib_calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Iterable
from zoneinfo import ZoneInfo

from ..directory.model import DAYS
from . import model

LONDON = ZoneInfo("Europe/London")
MAX_COUNT = 200
MAX_SERIES_DAYS = 2 * 366
WEEK_NUMBERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1}


@dataclass(frozen=True)
class Occurrence:
    """One time an event happens.

    Timed: `start` and `end` are aware London datetimes. All-day: `start` is the
    first day and `end` the last day, inclusive (iCalendar's DTEND is the day after).
    """

    event: model.Event
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        """The last London date the occurrence covers (an end at midnight covers none)."""
        if isinstance(self.end, dt.datetime):
            end = self.end - dt.timedelta(microseconds=1) if self.end > self.start else self.end
            return end.date()
        return self.end

    def sort_key(self) -> tuple:
        """All-day occurrences first on their day, then by start time and title."""
        instant = self.start.timestamp() if isinstance(self.start, dt.datetime) else 0.0
        return (self.first_day, not self.all_day, instant, self.event.title.casefold(),
                self.event.slug)


def local_time_problem(moment: dt.datetime) -> str | None:
    """Why a London wall-clock time is unusable: skipped or repeated by a clock change.

    Calendar apps disagree about such times, so content may not use them.
    """
    first = moment.replace(tzinfo=LONDON, fold=0)
    second = moment.replace(tzinfo=LONDON, fold=1)
    if first.utcoffset() != second.utcoffset():
        roundtrip = first.astimezone(dt.timezone.utc).astimezone(LONDON).replace(tzinfo=None)
        if roundtrip != moment:
            return (f"{moment:%Y-%m-%d %H:%M} does not exist in London: the clocks go forward "
                    "an hour that night; choose another time")
        return (f"{moment:%Y-%m-%d %H:%M} happens twice in London: the clocks go back an hour "
                "that night; choose another time")
    return None


def london(moment: dt.datetime) -> dt.datetime:
    """A naive London wall-clock time as an aware datetime."""
    return moment.replace(tzinfo=LONDON)


def first_span(event: model.Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | dt.time]:
    """The first occurrence's start and end as written, an end time joined to the start's day.

    Mismatched kinds (an all-day start with a timed end) are returned as they are,
    for the validator to report.
    """
    end = event.end
    if isinstance(event.start, dt.datetime) and type(end) is dt.time:
        end = dt.datetime.combine(event.start.date(), end)
    return event.start, end


def nth_weekday(year: int, month: int, weekday: int, week: str) -> dt.date:
    """The first…fourth or last `weekday` (0 = Monday) of a month."""
    days = [day for day in range(1, stdlib_calendar.monthrange(year, month)[1] + 1)
            if dt.date(year, month, day).weekday() == weekday]
    return dt.date(year, month, days[WEEK_NUMBERS[week] - 1 if week != "last" else -1])


def _add_months(day: dt.date, months: int) -> tuple[int, int]:
    year, month = divmod(day.month - 1 + months, 12)
    return day.year + year, month + 1


def _candidates(start: dt.date, rule: model.Recurrence) -> Iterable[dt.date]:
    """Every date the rule produces from `start` on, in order, without end."""
    if rule.frequency == "weekly":
        weekdays = sorted(DAYS.index(d) for d in rule.days) or [start.weekday()]
        monday = start - dt.timedelta(days=start.weekday())
        week = 0
        while True:
            for weekday in weekdays:
                day = monday + dt.timedelta(days=7 * week + weekday)
                if day >= start:
                    yield day
            week += rule.interval
    else:
        months = 0
        while True:
            year, month = _add_months(start, months)
            if rule.week:
                yield nth_weekday(year, month, DAYS.index(rule.days[0]), rule.week)
            else:
                yield dt.date(year, month, start.day)
            months += rule.interval


def rule_dates(event: model.Event) -> tuple[dt.date, ...]:
    """The start dates of a series, skipped dates included, bounded by COUNT or UNTIL.

    A hard cap on days and items keeps a mistaken rule from running away; the
    validator reports series that reach it.
    """
    start = event.start.date() if isinstance(event.start, dt.datetime) else event.start
    rule = event.recurrence
    if rule is None:
        return (start,)
    last = start + dt.timedelta(days=MAX_SERIES_DAYS)
    if rule.until is not None:
        last = min(last, rule.until)
    dates: list[dt.date] = []
    for day in _candidates(start, rule):
        if day > last or len(dates) >= (rule.count or MAX_COUNT * 4):
            break
        dates.append(day)
    return tuple(dates)


@functools.lru_cache(maxsize=4096)
def occurrences(event: model.Event) -> tuple[Occurrence, ...]:
    """Every occurrence of an event, skipped dates left out, in order.

    Timed occurrences keep the first one's exact duration (RFC 5545 says DTEND's
    duration is exact), so an evening session is two hours long in March and in April.
    Cached: checks, pages, listings and feeds all ask for the same (frozen) events.
    """
    start, end = first_span(event)
    skip = set(event.recurrence.skip_dates) if event.recurrence else set()
    found = []
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        # Subtracting two London times gives wall-clock time; go through UTC for the exact.
        length = london(end).astimezone(dt.timezone.utc) - london(start).astimezone(dt.timezone.utc)
        for day in rule_dates(event):
            if day not in skip:
                begin = london(dt.datetime.combine(day, start.time()))
                finish = (begin.astimezone(dt.timezone.utc) + length).astimezone(LONDON)
                found.append(Occurrence(event, begin, finish))
    elif not isinstance(start, dt.datetime) and type(end) is dt.date:
        length = end - start
        found = [Occurrence(event, day, day + length) for day in rule_dates(event)
                 if day not in skip]
    return tuple(found)


def series_last_day(event: model.Event) -> dt.date | None:
    """The last day the series covers, or None when every date is skipped."""
    found = occurrences(event)
    return found[-1].last_day if found else None


def between(items: Iterable[Occurrence], first: dt.date, last: dt.date) -> list[Occurrence]:
    """Occurrences that touch any day from `first` to `last` inclusive, in order."""
    return sorted((o for o in items if o.last_day >= first and o.first_day <= last),
                  key=Occurrence.sort_key)


def notice_is_current(notice: model.Notice, today: dt.date) -> bool:
    """On the board from its posted date to its expiry date, both inclusive."""
    return notice.posted <= today <= notice.expires
