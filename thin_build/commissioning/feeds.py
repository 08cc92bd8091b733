"""The deadlines calendar (iCalendar) and the new-opportunities feed (Atom).

Both reuse the calendar room's writers, so escaping, folding, the Europe/London
VTIMEZONE and stable ids are done once. A deadline is one VEVENT: all day on its
date, or a moment (DTSTART = DTEND) at its London time; the UID is
`opportunity-<slug>@<host>` and DTSTAMP the `posted` date, so rebuilding changes
nothing a subscriber sees. Only open opportunities are in either feed.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

import icalendar

from ..calendar import ics
from ..calendar.atom import AtomEntry, atom_feed
from ..calendar.occurrences import london
from ..core.catalogue import Catalogue
from . import model, urls
from .views import deadline_text, money


def uid(cat: Catalogue, item: model.Opportunity) -> str:
    return ics.site_uid(cat, f"opportunity-{item.slug}")


def deadlines_calendar(cat: Catalogue, items: Sequence[model.Opportunity]) -> bytes:
    """Open opportunities' deadlines, by slug, for a calendar app."""
    items = sorted(items, key=lambda item: item.slug)
    calendar = ics.new_calendar(
        cat, f"{cat.site.title}: opportunity deadlines",
        f"Closing dates of tenders and grants for voluntary groups in {cat.site.borough}.",
        urls.opportunities(), feed="Opportunity deadlines")
    timed = [item.deadline.year for item in items if isinstance(item.deadline, dt.datetime)]
    if timed:
        calendar.add_component(ics.london_vtimezone(min(timed), max(timed)))
    for item in items:
        calendar.add_component(_deadline(cat, item))
    return calendar.to_ical()


def _deadline(cat: Catalogue, item: model.Opportunity) -> icalendar.Event:
    page = ics.url_property(cat, urls.opportunity(item.slug))
    event = icalendar.Event()
    event.add("uid", uid(cat, item))
    event.add("dtstamp", dt.datetime.combine(item.posted, dt.time(), dt.timezone.utc))
    if isinstance(item.deadline, dt.datetime):
        event.add("dtstart", london(item.deadline))
        event.add("dtend", london(item.deadline))
    else:
        event.add("dtstart", item.deadline)
        event.add("dtend", item.deadline + dt.timedelta(days=1))  # DTEND is the day after
    event.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy
    event.add("summary", f"Deadline: {item.title}")
    lines = [item.summary, "", f"Funder: {item.funder}."]
    if item.value is not None:
        lines.append(f"Value: {money(item.value)}")
    if item.welcomes_joint_bids:
        lines.append("Joint bids and consortia welcome.")
    timed = " (London time)" if isinstance(item.deadline, dt.datetime) else ""
    lines += [f"Closes: {deadline_text(item)}{timed}", f"How to apply: {item.link}",
              f"Details: {page}"]
    event.add("description", "\n".join(lines))
    event.add("url", page)
    return event


def new_opportunities(cat: Catalogue, items: Sequence[model.Opportunity],
                      today: dt.date) -> bytes:
    """Open opportunities, newest posted first (then by slug)."""
    base = cat.site.base_url.rstrip("/")
    newest = sorted(items, key=lambda item: (-item.posted.toordinal(), item.slug))
    entries = [AtomEntry(item.posted, item.title, base + urls.opportunity(item.slug),
                         f"Closes {deadline_text(item)}. {item.summary}", item.funder,
                         "Joint bids welcome" if item.welcomes_joint_bids else "Opportunity")
               for item in newest]
    return atom_feed(cat, f"{cat.site.title}: new opportunities",
                     f"Tenders, grants and calls for partners for voluntary groups in "
                     f"{cat.site.borough}.", urls.opportunities_feed(), urls.opportunities(),
                     entries, today)
