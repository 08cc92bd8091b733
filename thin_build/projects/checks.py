"""Checks on projects and strategies that need two fields at once: dates inside the
project, milestones before its end, a lead who is not also a partner.

Nested values (a milestone's `due`, an actual's `start`) are located on their own
line through the raw record, so the message points at the date to change.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from ..core.checking import Checking
from ..core.errors import Location, Problem, error, warning
from ..core.present import human_date
from ..core.raw import RawList, RawMap, RawNode, RawRecord
from . import model


def nested_location(raw: RawRecord, *path: str | int) -> Location:
    """Where a nested value is written (`"outcomes", 0, "actuals", 1, "start"`), or the
    deepest part of the path that exists."""
    node: RawNode = raw.data
    location = raw.location
    for step in path:
        if isinstance(step, int) and isinstance(node, RawList) and step < len(node.items):
            node = node.items[step]
        elif isinstance(step, str) and isinstance(node, RawMap) and step in node.entries:
            node = node.entries[step][1]
        else:
            break
        location = node.location
    return location


def _dates(raw: RawRecord, what: str, start: dt.date, end: dt.date) -> Iterator[Problem]:
    if end < start:
        yield error("end-before-start", f"the {what} ends on {human_date(end)}, before it "
                    f"starts on {human_date(start)}; check both dates",
                    nested_location(raw, "end"))


def _milestones(raw: RawRecord, what: str, end: dt.date,
                milestones: tuple[model.Milestone, ...]) -> Iterator[Problem]:
    for index, milestone in enumerate(milestones):
        if milestone.due > end:
            yield error("milestone-after-end", f"`milestones[{index + 1}].due`: "
                        f"{human_date(milestone.due)} is after the {what} ends on "
                        f"{human_date(end)}; move the milestone or the `end`",
                        nested_location(raw, "milestones", index, "due"))


def _periods(raw: RawRecord, project: model.JointProject) -> Iterator[Problem]:
    for o, outcome in enumerate(project.outcomes):
        for a, actual in enumerate(outcome.actuals):
            name = f"`outcomes[{o + 1}].actuals[{a + 1}]`"
            if actual.end < actual.start:
                yield error("end-before-start", f"{name}: the period ends on "
                            f"{human_date(actual.end)}, before it starts on "
                            f"{human_date(actual.start)}",
                            nested_location(raw, "outcomes", o, "actuals", a, "end"))
            elif actual.start < project.start or actual.end > project.end:
                field = "start" if actual.start < project.start else "end"
                yield error("project-period-outside", f"{name}: the period "
                            f"{human_date(actual.start)} to {human_date(actual.end)} is "
                            f"outside the project's dates ({human_date(project.start)} to "
                            f"{human_date(project.end)}); correct the period or the "
                            "project's `start` and `end`",
                            nested_location(raw, "outcomes", o, "actuals", a, field))


def _lead_as_partner(raw: RawRecord, project: model.JointProject) -> Iterator[Problem]:
    if project.lead in project.partners:
        index = project.partners.index(project.lead)
        yield warning("project-duplicate-partner", f"`partners[{index + 1}]`: "
                      f"{project.lead!r} is the lead already; delete it from `partners`",
                      nested_location(raw, "partners", index))


def _updates(raw: RawRecord, updates: tuple[model.Update, ...],
             today: dt.date) -> Iterator[Problem]:
    for index, update in enumerate(updates):
        if update.date > today:
            yield error("future-date", f"`updates[{index + 1}].date`: {update.date} is in "
                        "the future", nested_location(raw, "updates", index, "date"))


def check_projects(site: Checking) -> list[Problem]:
    problems: list[Problem] = []
    for project in site.records["projects"]:
        raw = site.raw[("project", project.slug)]
        problems += _dates(raw, "project", project.start, project.end)
        problems += _milestones(raw, "project", project.end, project.milestones)
        problems += _periods(raw, project)
        problems += _lead_as_partner(raw, project)
        problems += _updates(raw, project.updates, site.today)
    for strategy in site.records["strategies"]:
        raw = site.raw[("strategy", strategy.slug)]
        problems += _dates(raw, "work plan", strategy.start, strategy.end)
        problems += _milestones(raw, "work plan", strategy.end, strategy.milestones)
    return problems
