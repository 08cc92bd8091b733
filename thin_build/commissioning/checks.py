"""Checks on opportunities that no single field can make alone.

A deadline after the posting date, no posting from the future, and someone to write
to whenever joint bids are invited: the "interested in a joint bid" link needs an
address. Each problem points at the field to change.
"""
from __future__ import annotations

from functools import partial

from ..core.checking import Checking
from ..core.errors import Problem, error


def check_opportunities(site: Checking) -> list[Problem]:
    problems: list[Problem] = []
    for item in site.records["opportunities"]:
        at = partial(site.field_location, "opportunity", item.slug)
        if item.closing_day < item.posted:
            problems.append(error("opportunity-deadline-before-posted", f"the deadline, "
                                  f"{item.closing_day}, is before it was posted on "
                                  f"{item.posted}; check both dates", at("deadline")))
        if item.posted > site.today:
            problems.append(error("future-date", f"`posted` {item.posted} is in the future",
                                  at("posted")))
        if item.welcomes_joint_bids and item.lead is None:
            problems.append(error("opportunity-no-lead", "joint bids are welcome, so name the "
                                  "person to contact: add `lead:` with their `name` and "
                                  "`email`, or set `joint_bids: no`", at("joint_bids")))
    return problems
