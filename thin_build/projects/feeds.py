"""The outcomes and milestones as CSV, and the milestone due dates as iCalendar.

The CSVs go through open data's writer (`csv_format.csv_text`: RFC 4180, UTF-8 with a
BOM, formula cells neutralised); the feed through the calendar's (`ics.new_calendar`),
one all-day VEVENT per milestone. A milestone's UID is `<kind>-<slug>-milestone-<n>`,
`n` its place in the file, so add new milestones at the end to keep subscribers'
copies; DTSTAMP is the project's (or work plan's) start, so a rebuild changes nothing.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

import icalendar

from ..calendar import ics
from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..core.present import human_date
from ..opendata.csv_format import csv_text
from . import model, urls
from .views import STATE_NAMES

OUTCOME_COLUMNS = ("project", "project_title", "outcome", "unit", "target", "period_start",
                   "period_end", "actual")
MILESTONE_COLUMNS = ("kind", "slug", "title", "milestone", "due", "status", "note")


def outcomes_csv(cat: Catalogue) -> str:
    """One row per reporting period; an outcome with none yet has one row, period empty."""
    rows = []
    for project in cat.projects:
        for outcome in project.outcomes:
            head = [project.slug, project.title, outcome.name, outcome.unit,
                    str(outcome.target)]
            rows += [head + [a.start.isoformat(), a.end.isoformat(), str(a.value)]
                     for a in outcome.actuals] or [head + ["", "", ""]]
    return csv_text(OUTCOME_COLUMNS, rows)


def _owners(cat: Catalogue) -> Iterator[tuple[str, str, str, dt.date, tuple[model.Milestone,
                                                                            ...]]]:
    """(kind, slug, title, start, milestones) for every project, then every strategy."""
    for project in cat.projects:
        yield "project", project.slug, project.title, project.start, project.milestones
    for strategy in cat.strategies:
        yield "strategy", strategy.slug, strategy.title, strategy.start, strategy.milestones


def milestones_csv(cat: Catalogue) -> str:
    rows = [[kind, slug, title, m.title, m.due.isoformat(), m.status, m.note or ""]
            for kind, slug, title, _start, milestones in _owners(cat) for m in milestones]
    return csv_text(MILESTONE_COLUMNS, rows)


def uid(cat: Catalogue, kind: str, slug: str, index: int) -> str:
    return ics.site_uid(cat, f"{kind}-{slug}-milestone-{index + 1}")


def milestones_calendar(cat: Catalogue) -> bytes:
    calendar = ics.new_calendar(
        # Translators: a calendar's name; %(site)s is the site's name
        cat, _("%(site)s: project milestones") % {"site": cat.site.title},
        _("Due dates of joint projects' and strategies' milestones in %(borough)s.")
        % {"borough": cat.site.borough}, urls.projects(), feed="Project milestones")
    for kind, slug, title, start, milestones in _owners(cat):
        page = urls.project(slug) if kind == "project" else urls.strategy(slug)
        for index, milestone in enumerate(milestones):
            event = icalendar.Event()
            event.add("uid", uid(cat, kind, slug, index))
            event.add("dtstamp", dt.datetime.combine(start, dt.time(), dt.timezone.utc))
            event.add("dtstart", milestone.due)
            event.add("dtend", milestone.due + dt.timedelta(days=1))  # the day after
            event.add("transp", "TRANSPARENT")
            event.add("summary", f"{title}: {milestone.title}")
            lines = [_("Due: %(date)s") % {"date": human_date(milestone.due)},
                     _("Status as reported: %(state)s")
                     % {"state": _(STATE_NAMES[milestone.status])}]
            if milestone.note:
                lines.append(milestone.note)
            lines.append(_("Details: %(link)s") % {"link": ics.url_property(cat, page)})
            event.add("description", "\n".join(lines))
            event.add("url", ics.url_property(cat, page))
            calendar.add_component(event)
    return calendar.to_ical()
