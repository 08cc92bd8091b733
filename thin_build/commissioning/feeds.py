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
from ..core.i18n import gettext as _
from . import model, urls
from .views import deadline_text, money


def uid(cat: Catalogue, item: model.Opportunity) -> str:
    return ics.site_uid(cat, f"opportunity-{item.slug}")


def deadlines_calendar(cat: Catalogue, items: Sequence[model.Opportunity]) -> bytes:
    """Open opportunities' deadlines, by slug, for a calendar app."""
    items = sorted(items, key=lambda item: item.slug)
    calendar = ics.new_calendar(
        # Translators: a calendar's name; %(site)s is the site's name
        cat, _("%(site)s: opportunity deadlines") % {"site": cat.site.title},
        _("Closing dates of tenders and grants for voluntary groups in %(borough)s.")
        % {"borough": cat.site.borough}, urls.opportunities(), feed="Opportunity deadlines")
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
    # Translators: a deadline's name in a calendar app; %(title)s is the opportunity's
    event.add("summary", _("Deadline: %(title)s") % {"title": item.title})
    lines = [item.summary, "", _("Funder: %(funder)s.") % {"funder": item.funder}]
    if item.value is not None:
        lines.append(_("Value: %(value)s") % {"value": money(item.value)})
    if item.welcomes_joint_bids:
        lines.append(_("Joint bids and consortia welcome."))
    closes = deadline_text(item)
    if isinstance(item.deadline, dt.datetime):
        # Translators: a deadline with its time, e.g. "Friday 15 January 2027, 12:00 (London time)"
        closes = _("%(deadline)s (London time)") % {"deadline": closes}
    lines += [_("Closes: %(deadline)s") % {"deadline": closes},
              _("How to apply: %(link)s") % {"link": item.link},
              _("Details: %(link)s") % {"link": page}]
    event.add("description", "\n".join(lines))
    event.add("url", page)
    return event


def new_opportunities(cat: Catalogue, items: Sequence[model.Opportunity],
                      today: dt.date) -> bytes:
    """Open opportunities, newest posted first (then by slug)."""
    base = cat.site.base_url.rstrip("/")
    newest = sorted(items, key=lambda item: (-item.posted.toordinal(), item.slug))
    entries = [AtomEntry(item.posted, item.title, base + urls.opportunity(item.slug),
                         _("Closes %(deadline)s.") % {"deadline": deadline_text(item)}
                         + f" {item.summary}", item.funder,
                         _("Joint bids welcome") if item.welcomes_joint_bids
                         else _("Opportunity"))
               for item in newest]
    return atom_feed(cat, _("%(site)s: new opportunities") % {"site": cat.site.title},
                     _("Tenders, grants and calls for partners for voluntary groups in "
                       "%(borough)s.") % {"borough": cat.site.borough},
                     urls.opportunities_feed(), urls.opportunities(), entries, today)
