"""The calendar's records: events (one-off or repeating) and notice-board entries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.translatable import Translatable

FREQUENCIES = ("weekly", "monthly")
WEEKS_OF_MONTH = ("first", "second", "third", "fourth", "last")
STEP_FREE = ("yes", "no", "partly")


@dataclass(frozen=True, kw_only=True)
class Recurrence:
    """How an event repeats (weekly or monthly), and when the series stops.

    Exactly one of `until` (a last date, inclusive) and `count` is given; `week`
    with one of `days` means "the first Tuesday", without it the start's day of month.
    """

    frequency: str
    interval: int = 1
    days: tuple[str, ...] = ()
    week: str | None = None
    until: dt.date | None = None
    count: int | None = None
    skip_dates: tuple[dt.date, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Venue:
    name: str
    address: str | None = None
    postcode: str | None = None
    ward: str | None = None
    step_free: str | None = None


@dataclass(frozen=True, kw_only=True)
class Event(Translatable):
    """One event, or the first of a series; times are London wall-clock times.

    `start` is a naive datetime (local London time) or, for an all-day event, a date.
    `end` is a datetime, a time on the start's day, or for all-day events the last
    day (inclusive). `organiser` is "orgs/<slug>" or "providers/<slug>", the same
    names `Catalogue.lookup` uses, because organisations and providers are separate
    namespaces.
    """

    slug: str
    path: str
    title: str
    summary: str
    category: str
    organiser: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | dt.time
    posted: dt.date
    recurrence: Recurrence | None = None
    venue: Venue | None = None
    online: str | None = None
    stages: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    cost: str | None = None
    booking: str | None = None
    accessibility: str | None = None
    body: str | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


@dataclass(frozen=True, kw_only=True)
class Flyer:
    """A flyer kept in content/media: a PDF, or an image with its text as `alt`."""

    file: str
    alt: str | None = None

    @property
    def is_pdf(self) -> bool:
        return self.file.endswith(".pdf")


@dataclass(frozen=True, kw_only=True)
class Notice(Translatable):
    """A notice-board entry, shown from `posted` to `expires` (inclusive)."""

    slug: str
    path: str
    title: str
    summary: str
    posted_by: str
    posted: dt.date
    expires: dt.date
    flyer: Flyer | None = None
    link: str | None = None
    body: str | None = None
