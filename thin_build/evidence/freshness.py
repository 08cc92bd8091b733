"""How fresh the evidence is: the share of listings checked within the site's review age.

A figure is only as good as the listings under it, so the page says how many were
checked with their organisation in the last `stale_after_months` months (12 unless
`content/site.yaml` says otherwise), by the same rule as the directory's "needs
review" mark (`directory.model.review_due`).
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..core.present import human_date
from ..directory.model import Listing, review_due
from .figures import Table, based_on, count, label, percent


def fresh(listings: Sequence[Listing], months: int, today: dt.date) -> int:
    return sum(1 for item in listings if not review_due(item.last_verified, months, today))


def freshness(orgs: Sequence[Listing], providers: Sequence[Listing], months: int,
              today: dt.date) -> Table:
    groups = (("Organisations", orgs), ("Support providers", providers),
              ("All listings", (*orgs, *providers)))
    rows = []
    for name, listings in groups:
        checked = fresh(listings, months, today)
        rows.append((label(name), count(len(listings)), count(checked),
                     percent(checked, len(listings))))
    dated = sum(1 for item in (*orgs, *providers) if item.last_verified is not None)
    return Table(
        "freshness", f"Listings checked in the last {months} months",
        ("Listings", "Listed", f"Checked in the last {months} months", "Share (%)"), tuple(rows),
        based_on(dated, len(orgs) + len(providers), "the date they were last checked",
                 "listings"),
        (f"A listing counts as checked when someone confirmed it with the organisation less "
         f"than {months} months before {human_date(today)}. Listings never checked "
         "count as not checked.",))
