"""The commissioning room's records: guidance pages and open opportunities."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

JOINT_BIDS = ("yes", "no")


@dataclass(frozen=True, kw_only=True)
class Guide:
    """A guidance page, such as "How tendering works"; `position` orders the index."""

    slug: str
    path: str
    title: str
    summary: str
    position: int = 100
    body: str | None = None


@dataclass(frozen=True, kw_only=True)
class Value:
    """What a contract or grant is worth, in whole pounds: one figure or a range."""

    low: int
    high: int | None = None


@dataclass(frozen=True, kw_only=True)
class Lead:
    """The person to write to about a joint bid (often at the lead partner)."""

    name: str
    email: str


@dataclass(frozen=True, kw_only=True)
class Opportunity:
    """A tender, grant round or call for partners, open until its deadline.

    `deadline` is a London date, or a naive London date and time when the funder
    names one; from the day after its date, the opportunity is in the archive.
    `funder_listing` ("orgs/<slug>" or "providers/<slug>") is set when the funder
    is in the directory.
    """

    slug: str
    path: str
    title: str
    summary: str
    funder: str
    posted: dt.date
    deadline: dt.date | dt.datetime
    link: str
    funder_listing: str | None = None
    value: Value | None = None
    joint_bids: str = "no"
    lead: Lead | None = None
    needs: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    body: str | None = None

    @property
    def welcomes_joint_bids(self) -> bool:
        return self.joint_bids == "yes"

    @property
    def closing_day(self) -> dt.date:
        deadline = self.deadline
        return deadline.date() if isinstance(deadline, dt.datetime) else deadline
