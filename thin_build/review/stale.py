"""Listings due for review (`thin report stale`), grouped by who should check them.

A directory is only as good as its last check. Every record with a `last_verified`
field (organisations and providers today, any kind that adds the field later) is due
`stale_after_months` after that date (`directory.model.review_date`, the rule the
listing pages' "needs review" mark uses), or at once when it was never verified. The
report lists those due by `today`, or within `within_days` after it for a look
ahead, most overdue first; listings marked `closed` are left out, as they are no
longer offered to anyone.

Who should check a listing:

- a provider checks its own listing, through its referral contact;
- an organisation is checked by the first provider in its `works_with`, which
  already knows the group and referred or agreed its support;
- anything else (an organisation working with no provider) goes to the
  coordinators, at the site's `contact_email`.

Groups come in the order of their most overdue listing, so the first heading of the
weekly issue is the one to chase first.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..core.catalogue import Catalogue
from ..core.urls import edit_link
from ..directory.indexes import sort_key
from ..directory.model import Provider, review_date
from .tables import Column, Group, Report

COLUMNS = (Column("listing"), Column("kind"), Column("last verified"), Column("due"),
           Column("status"), Column("file"), Column("edit", url=True, link_text="edit"))
EMPTY = "No listings are due for review."


@dataclass(frozen=True)
class Due:
    """One listing due for review: `due` is None when it was never verified."""

    listing: Any
    due: dt.date | None
    checker: str  # "Name (email)" of who should check it

    @property
    def urgency(self) -> tuple:
        return (self.due is not None, self.due or dt.date.min, sort_key(self.listing.name),
                self.listing.path)


def due_listings(cat: Catalogue, today: dt.date, within_days: int = 0) -> tuple[Due, ...]:
    """Every listing due by `today` plus `within_days`, most overdue first."""
    months = cat.site.stale_after_months
    horizon = today + dt.timedelta(days=within_days)
    found = []
    for items in cat.collections.values():
        for item in items:
            if not hasattr(item, "last_verified") or getattr(item, "status", "") == "closed":
                continue
            due = review_date(item.last_verified, months) if item.last_verified else None
            if due is None or due <= horizon:
                found.append(Due(item, due, _checker(cat, item)))
    return tuple(sorted(found, key=lambda entry: entry.urgency))


def _checker(cat: Catalogue, item: Any) -> str:
    if isinstance(item, Provider):
        return f"{item.name} ({item.referral_contact.email})"
    providers = {provider.slug: provider for provider in cat.collections.get("providers", ())}
    for slug in getattr(item, "works_with", ()):
        if slug in providers:
            return _checker(cat, providers[slug])
    return f"Coordinators ({cat.site.contact_email})"


def kind_label(item: Any) -> str:
    """"organisation" for an Organisation, "joint project" for a JointProject."""
    return re.sub(r"(?<!^)(?=[A-Z])", " ", type(item).__name__).lower()


def _status(due: dt.date | None, today: dt.date) -> str:
    if due is None:
        return "never verified"
    days = (today - due).days
    if days == 0:
        return "due today"
    plural = "s" * (abs(days) != 1)
    return f"overdue by {days} day{plural}" if days > 0 else f"due in {-days} day{plural}"


def stale_report(cat: Catalogue, today: dt.date, within_days: int = 0) -> Report:
    """The report `thin report stale` prints and the weekly issue holds."""
    site = cat.site
    groups: dict[str, list[tuple[str, ...]]] = {}
    for entry in due_listings(cat, today, within_days):
        item = entry.listing
        groups.setdefault(entry.checker, []).append((
            item.name, kind_label(item),
            item.last_verified.isoformat() if item.last_verified else "never",
            entry.due.isoformat() if entry.due else "now", _status(entry.due, today),
            item.path, edit_link(site.repository_url, site.repository_branch, item.path)))
    ahead = f", or due within {within_days} days" if within_days else ""
    intro = (f"On {today.isoformat()}: listings last checked {site.stale_after_months} months "
             f"ago or more, or never{ahead}; most overdue first, grouped by who should check "
             "them. Check each with the group, then set last_verified to the day you checked.")
    return Report("Listings due for review", intro, COLUMNS,
                  tuple(Group(heading, tuple(rows)) for heading, rows in groups.items()),
                  EMPTY, group_column="who should check")
