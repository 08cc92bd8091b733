"""The projects room's records: joint projects, joint infrastructure strategies and
the strategy themes they serve.

A project and a strategy share the parts the status rule reads (`Milestone`,
`Outcome`), so one engine (`status.py`) rates both.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.taxonomy import Term

MILESTONE_STATES = ("not-started", "on-track", "at-risk", "done", "missed")


@dataclass(frozen=True, kw_only=True)
class StrategyTheme(Term):
    """One of the plan's specialist sectors, and which providers specialise in it.

    A provider matches a theme when its type is in `provider_types`, one of its
    specialisms is in `groups`, or it offers a service for one of `needs`.
    """

    provider_types: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Actual:
    """What an outcome achieved in one reporting period (both dates included)."""

    start: dt.date
    end: dt.date
    value: int


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """A result the project promised: `target` over the whole project, in `unit`s."""

    name: str
    unit: str
    target: int
    actuals: tuple[Actual, ...] = ()

    @property
    def achieved(self) -> int:
        return sum(actual.value for actual in self.actuals)


@dataclass(frozen=True, kw_only=True)
class Milestone:
    """A dated step of a project or a strategy's work plan, with its state as reported."""

    title: str
    due: dt.date
    status: str = "not-started"
    note: str | None = None


@dataclass(frozen=True, kw_only=True)
class Update:
    """A dated progress note, in Markdown."""

    date: dt.date
    text: str


@dataclass(frozen=True, kw_only=True)
class JointProject:
    """A project run by a lead organisation or provider with partners.

    `lead` and `partners` are listing references (`orgs/<slug>`, `providers/<slug>`);
    `budget` and `spend` are whole pounds.
    """

    slug: str
    path: str
    title: str
    summary: str
    lead: str
    partners: tuple[str, ...] = ()
    funder: str
    start: dt.date
    end: dt.date
    budget: int
    spend: int = 0
    outcomes: tuple[Outcome, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    updates: tuple[Update, ...] = ()
    needs: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    strategy: str | None = None
    body: str | None = None

    @property
    def members(self) -> tuple[str, ...]:
        """The lead then the partners, each once."""
        return tuple(dict.fromkeys((self.lead, *self.partners)))


@dataclass(frozen=True, kw_only=True)
class Strategy:
    """A joint infrastructure strategy for one theme: a lead provider, a working group,
    its document (a toolkit) and a work plan of milestones from `start` to `end`."""

    slug: str
    path: str
    title: str
    summary: str
    theme: str
    lead: str  # a provider's slug
    members: tuple[str, ...] = ()
    document: str | None = None  # a toolkit's slug
    start: dt.date
    end: dt.date
    milestones: tuple[Milestone, ...] = ()
    body: str | None = None
