"""Events and notices, declared once."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..core.capability import Kind, Source, Taxonomy
from ..core.declare import (
    Field,
    ListOf,
    Record,
    example_of,
    refs_field,
    text_field,
)
from ..core.fields import POSTCODE, Choice, Date, Integer, Markdown, Ref, Url
from ..core.taxonomy import term_record
from ..directory.model import DAYS
from . import model
from .fields import FlyerPath, LocalDateTime, OrganiserRef
from .occurrences import MAX_COUNT

RECURRENCE = Record(model.Recurrence, (
    Field("frequency", Choice(model.FREQUENCIES), "how often it repeats", "weekly",
          required=True),
    Field("interval", Integer(1, 12), "every how many weeks or months (2: fortnightly)", 1),
    Field("days", ListOf(Choice(DAYS), min_items=1, max_items=7), "weekly: the days "
          "it runs (default: the start's day, which must be one of them); monthly with "
          "`week`: the one day", ["tue"]),
    Field("week", Choice(model.WEEKS_OF_MONTH), "monthly: which one of the month's `days` "
          "(`last` and [fri]: the last Friday); leave out to repeat on the start's date, "
          "at most the 28th", "first"),
    Field("until", Date(), "the last date it may run; give this or `count`", "2027-03-30"),
    Field("count", Integer(1, MAX_COUNT), "how many times it runs in all, skipped dates "
          "included; give this or `until`", 10),
    Field("skip_dates", ListOf(Date(), max_items=100), "dates in the series when it does "
          "not run, such as holidays", ["2026-12-29"]),
), "frequency, interval, days, week, until or count, and skip dates")

VENUE = Record(model.Venue, (
    text_field("name", "the venue's name", "Example Community Centre", required=True,
               max_length=120),
    text_field("address", "street address without the postcode, one part per line",
               "12 Example Road\nLondon", max_length=300, multiline=True),
    Field("postcode", POSTCODE, "postcode of the venue", "E3 2AA"),
    Field("ward", Ref("wards"), "the ward the venue is in", "bow-east"),
    Field("step_free", Choice(model.STEP_FREE), "step-free access to the room", "yes"),
), "name, address, postcode, ward and step-free access")

_ORGANISER_HELP = ("`orgs/<slug>` for an organisation or `providers/<slug>` for a support "
                   "provider")

EVENT = Record(model.Event, (
    text_field("title", "the event's name", "Writing funding bids: a workshop", required=True,
               max_length=120),
    text_field("summary", "one or two sentences for listings and calendar apps",
               "A practical morning on finding funders and writing a strong first bid.",
               required=True, max_length=300),
    Field("category", Ref("event_categories"), "the kind of "
          "event", "training", required=True),
    Field("organiser", OrganiserRef(), "who runs it: " + _ORGANISER_HELP,
          "providers/example-hub", required=True),
    Field("start", LocalDateTime(), "when it starts, in London time; a date alone for an "
          "all-day event", "2026-12-03 10:00", required=True),
    Field("end", LocalDateTime(time_only=True), "when it ends: a time the same day, a date "
          "and time, or for an all-day event its last day", "12:00", required=True),
    Field("recurrence", RECURRENCE, "how it repeats; leave out for a one-off event",
          {"frequency": "weekly", "count": 8}),
    Field("venue", VENUE, "where it happens; give this, `online`, or both", example_of(VENUE)),
    Field("online", Url(), "the link to join online", "https://meet.example.org/funding-bids"),
    refs_field("stages", "stages", "stages of development it is for; leave out "
               "if it is for everyone", ["stage-1"]),
    refs_field("groups", "groups", "beneficiary groups it is for",
               ["young-people"]),
    refs_field("languages", "languages", "languages it is run in",
               ["english"]),
    text_field("cost", "what it costs", "Free"),
    Field("booking", Url(), "where to book a place", "https://book.example.org/funding-bids"),
    text_field("accessibility", "access at the event: step-free entry, hearing loop, BSL, "
               "quiet room", "Step-free entrance, hearing loop, BSL on request.", max_length=600,
               multiline=True),
    Field("posted", Date(), "the date it was added; feeds list new events by it",
          "2026-11-20", required=True),
    Field("body", Markdown(), "the text after the front matter: what happens and who it is "
          "for", "Bring a project idea; we will work on it together."),
), "an event", translatable=("title", "summary", "cost", "accessibility", "body"))

FLYER = Record(model.Flyer, (
    Field("file", FlyerPath(), "the flyer, kept in content/media/", "flyers/winter-fair.pdf",
          required=True),
    text_field("alt", "for an image, what it says, for people who cannot see it (required for "
               "images)", "Winter fair, Saturday 12 December, 11am to 3pm, Example Hall.",
               max_length=1000, multiline=True),
), "a PDF or an image")

NOTICE = Record(model.Notice, (
    text_field("title", "the notice's heading", "Volunteers wanted for the winter fair",
               required=True, max_length=120),
    text_field("summary", "one or two sentences for the board and feeds",
               "We need six volunteers to help run stalls on the day.", required=True,
               max_length=300),
    Field("posted_by", OrganiserRef(), "who posted it: " + _ORGANISER_HELP,
          "providers/example-hub", required=True),
    Field("posted", Date(), "the date it goes on the board", "2026-11-20", required=True),
    Field("expires", Date(), "the last date it is shown; the build takes it off the board "
          "after this", "2026-12-20", required=True),
    Field("flyer", FLYER, "a flyer to download or show", example_of(FLYER)),
    Field("link", Url(), "a web page with more information",
          "https://our-group.example.org/winter-fair"),
    Field("body", Markdown(), "the text after the front matter: the notice in full",
          "Email us to **sign up**."),
), "a notice", translatable=("title", "summary", "body"))

TAXONOMIES = (Taxonomy("event_categories", term_record("an event category")),)


def _first_organiser(root: Path) -> dict[str, str]:
    """A real organiser for a skeleton, so it validates: the first provider, else org."""
    for folder in ("providers", "orgs"):
        names = sorted(p.stem for p in (root / folder).glob("*.md"))
        if names:
            return {"organiser": f"{folder}/{names[0]}", "posted_by": f"{folder}/{names[0]}"}
    return {}


def _new_event(today: dt.date, root: Path) -> dict[str, Any]:
    """Dated so the new event is not already past, with somewhere for it to happen."""
    return {"posted": today.isoformat(), "start": f"{today + dt.timedelta(days=14)} 10:00",
            "end": "12:00", "venue": example_of(VENUE)} | _first_organiser(root)


def _new_notice(today: dt.date, root: Path) -> dict[str, Any]:
    return ({"posted": today.isoformat(), "expires": (today + dt.timedelta(days=28)).isoformat()}
            | _first_organiser(root))


KINDS = (
    Kind("event", Source("events", (".md",), required=False), EVENT, "events",
         "events/<slug>.md", new_values=_new_event),
    Kind("notice", Source("content/notices", (".md",), required=False), NOTICE, "notices",
         "content/notices/<slug>.md", new_values=_new_notice),
)
