"""The Atom feed of new events and notices, for feed readers and newsletters.

Every date in it comes from content (`posted`), never from the clock, so the same
content gives the same bytes. Entry ids are the pages' addresses, which stay the
same across rebuilds. Past events and expired notices drop out of the feed.
`atom_feed` writes any room's feed from plain entries.
"""
from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from . import model, urls
from .occurrences import Occurrence, occurrences
from .views import current_notices, organiser_link, when_text, where_text

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 50


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _next(event: model.Event, today: dt.date) -> Occurrence | None:
    return next((o for o in occurrences(event) if o.last_day >= today), None)


@dataclass(frozen=True)
class AtomEntry:
    """One entry of an Atom feed; `link` is absolute and doubles as the entry's id."""

    posted: dt.date
    title: str
    link: str
    summary: str
    author: str
    category: str


def updates_feed(cat: Catalogue, events: Iterable[model.Event],
                 notices: Iterable[model.Notice], today: dt.date) -> bytes:
    """Newest first: events still to come and notices still on the board."""
    base = cat.site.base_url.rstrip("/")
    entries = []
    for event in events:
        if (coming := _next(event, today)) is not None:
            summary = f"{when_text(coming, with_date=True)}. {where_text(event)}. {event.summary}"
            entries.append((event.posted, "event", event.slug, AtomEntry(
                event.posted, event.title, base + urls.event(event.slug), summary,
                organiser_link(cat, event.organiser).text,
                cat.lookup("event_categories", event.category).name)))
    for notice in current_notices(notices, today):
        entries.append((notice.posted, "notice", notice.slug, AtomEntry(
            notice.posted, notice.title, base + urls.notice(notice.slug), notice.summary,
            organiser_link(cat, notice.posted_by).text, _("Notice board"))))
    entries.sort(key=lambda e: (-e[0].toordinal(), e[1], e[2]))
    return atom_feed(cat, _("%(site)s: new events and notices") % {"site": cat.site.title},
                     _("The community calendar and notice board of %(site)s.")
                     % {"site": cat.site.title},
                     urls.updates_feed(), urls.calendar(), [e[3] for e in entries], today)


def atom_feed(cat: Catalogue, title: str, subtitle: str, feed_url: str, page_url: str,
              entries: Sequence[AtomEntry], today: dt.date) -> bytes:
    """An Atom feed of `entries` in the order given (newest first), at most MAX_ENTRIES.

    The feed's `updated` is the newest entry's date (today only when it is empty), so
    the bytes change only when the content does.
    """
    base = cat.site.base_url.rstrip("/")
    entries = entries[:MAX_ENTRIES]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _text(feed, "title", title)
    _text(feed, "subtitle", subtitle)
    _text(feed, "id", base + feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + feed_url)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + page_url)
    _text(feed, "updated", _stamp(max((e.posted for e in entries), default=today)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", cat.site.title)
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        _text(entry, "title", item.title)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=item.link)
        _text(entry, "id", item.link)
        _text(entry, "published", _stamp(item.posted))
        _text(entry, "updated", _stamp(item.posted))
        entry_author = ET.SubElement(entry, f"{{{ATOM}}}author")
        _text(entry_author, "name", item.author)
        ET.SubElement(entry, f"{{{ATOM}}}category", term=item.category)
        _text(entry, "summary", item.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _text(parent: ET.Element, name: str, text: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{name}").text = text
