"""Checks on events and notices that no single field can make alone.

An end after its start, a repeat rule every calendar app expands the same way,
somewhere to go, dates on the board that make sense. Each problem points at the
field to change; `validate` runs these after converting every file.
"""
from __future__ import annotations

import datetime as dt

from ..core.checking import Checking
from ..core.errors import Location, Problem, error, warning
from ..core.raw import RawMap, RawRecord
from ..directory.model import DAY_NAMES, DAYS
from . import model
from .occurrences import (
    MAX_SERIES_DAYS,
    first_span,
    local_time_problem,
    nth_weekday,
    occurrences,
    rule_dates,
)


def check_agenda(site: Checking) -> list[Problem]:
    """Events that end after they start and repeat alike everywhere; notices in date."""
    problems: list[Problem] = []
    raw, today = site.raw, site.today
    for event in site.records["events"]:
        record = raw[("event", event.slug)]
        problems += _check_span(event, record)
        if event.recurrence is not None:
            problems += _check_recurrence(event, event.recurrence, record)
        if event.venue is None and event.online is None:
            problems.append(error("required", "say where it happens: give a `venue`, an "
                                  "`online` link, or both", record.location))
        if event.posted > today:
            problems.append(error("future-date", f"`posted` {event.posted} is in the future",
                                  _at(record, "posted")))
    for notice in site.records["notices"]:
        problems += _check_notice(notice, raw[("notice", notice.slug)], today)
    return problems


def _at(record: RawRecord, *keys: str) -> Location:
    """Where a (nested) key is written, or the nearest enclosing one that is."""
    node, where = record.data, record.location
    for key in keys:
        entry = node.entries.get(key) if isinstance(node, RawMap) else None
        if entry is None:
            break
        where, node = entry
    return where


def _check_span(event: model.Event, record: RawRecord) -> list[Problem]:
    start, end = first_span(event)
    where = _at(record, "end")
    if event.all_day and type(end) is not dt.date:
        return [error("end-before-start", "an all-day event (its `start` is a date) ends on a "
                      f"date: its last day, e.g. `end: {start}`", where)]
    if not event.all_day and type(end) is dt.date:
        return [error("end-before-start", "give the end as a time (\"12:00\") or a date and "
                      "time; a date alone is for all-day events", where)]
    if isinstance(end, dt.datetime) and end <= start:
        written = end.strftime("%H:%M") if type(event.end) is dt.time else f"{end:%Y-%m-%d %H:%M}"
        return [error("end-before-start", f"ends at {written}, before it starts at "
                      f"{start:%Y-%m-%d %H:%M}; for an event past midnight give the end's "
                      "date too", where)]
    if isinstance(end, dt.datetime) and (problem := local_time_problem(end)):
        return [error("clock-change", problem, where)]
    if type(end) is dt.date and end < start:
        return [error("end-before-start", f"ends on {end}, before it starts on {start}", where)]
    return []


def _check_recurrence(event: model.Event, rule: model.Recurrence,
                      record: RawRecord) -> list[Problem]:
    """The rule itself first; occurrences only once the rule is sound."""
    here = _at(record, "recurrence")
    problems = [error("bad-recurrence", message, _at(record, "recurrence", key))
                for key, message in _rule_mistakes(event, rule)]
    if problems:
        return problems
    produced = set(rule_dates(event))
    for day in rule.skip_dates:
        if day not in produced:
            problems.append(warning("not-an-occurrence", f"{day} is in `skip_dates` but the "
                                    "series does not run that day; check the date",
                                    _at(record, "recurrence", "skip_dates")))
    found = occurrences(event)
    if not found:
        problems.append(error("bad-recurrence", "every date of the series is in `skip_dates`",
                              _at(record, "recurrence", "skip_dates")))
    unusable = (problem for occurrence in (found if not event.all_day else ())
                for moment in (occurrence.start, occurrence.end)
                if (problem := local_time_problem(moment.replace(tzinfo=None))))
    if problem := next(unusable, None):  # one message says it; a weekly series has many
        problems.append(error("clock-change", f"a time in the series is unusable: {problem}",
                              here))
    return problems


def _rule_mistakes(event: model.Event, rule: model.Recurrence) -> list[tuple[str, str]]:
    """(key, message) for each way the rule falls outside what every client agrees on."""
    start = event.start.date() if isinstance(event.start, dt.datetime) else event.start
    weekday = DAYS[start.weekday()]
    mistakes = []
    if (rule.until is None) == (rule.count is None):
        mistakes.append(("until" if rule.until else "frequency",
                         "give exactly one of `until` (the last date) and `count` (how many "
                         "times), so the series ends"))
    if rule.until is not None and rule.until < start:
        mistakes.append(("until", f"`until` {rule.until} is before the start, {start}"))
    elif rule.until is not None and (rule.until - start).days > MAX_SERIES_DAYS:
        mistakes.append(("until", "a series may run for at most two years; add a new one "
                         "when it is renewed"))
    if rule.frequency == "weekly":
        if rule.week is not None:
            mistakes.append(("week", "`week` is for monthly series; leave it out"))
        if rule.days and weekday not in rule.days:
            mistakes.append(("days", f"the start, {start}, is a {DAY_NAMES[weekday]}, "
                             f"which is not in `days`; start on one of its days"))
    elif rule.week is not None:
        if len(rule.days) != 1:
            mistakes.append(("days", "with `week`, give exactly one day, e.g. `days: [tue]` "
                             "with `week: first` for the first Tuesday"))
        elif nth_weekday(start.year, start.month, DAYS.index(rule.days[0]),
                          rule.week) != start:
            day_name = DAY_NAMES[rule.days[0]]
            mistakes.append(("week", f"the start, {start}, is not the {rule.week} {day_name} "
                             "of its month; start on the first date of the series"))
    else:
        if rule.days:
            mistakes.append(("days", "a monthly series repeats on the start's date; to repeat "
                             "on a weekday, add `week` (e.g. `week: first`) with one day"))
        if start.day > 28:
            mistakes.append(("frequency", f"not every month has a {start.day}th; use `week: "
                             "last` with the day of the week instead"))
    return mistakes


def _check_notice(notice: model.Notice, record: RawRecord, today: dt.date) -> list[Problem]:
    problems = []
    if notice.expires < notice.posted:
        problems.append(error("expires-before-posted", f"expires on {notice.expires}, before "
                              f"it is posted on {notice.posted}", _at(record, "expires")))
    elif notice.expires < today:
        problems.append(warning("expired", f"expired on {notice.expires}, so it is no longer "
                                "shown; delete the file or give a later `expires` date",
                                _at(record, "expires")))
    if notice.posted > today:
        problems.append(error("future-date", f"`posted` {notice.posted} is in the future",
                              _at(record, "posted")))
    if notice.flyer is not None and not notice.flyer.is_pdf and not notice.flyer.alt:
        problems.append(error("missing-alt", "the flyer is an image: add `alt` with what it "
                              "says, for people who cannot see it", _at(record, "flyer", "file")))
    return problems
