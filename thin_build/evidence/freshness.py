"""How fresh the evidence is: the share of listings checked within the site's review age.

A figure is only as good as the listings under it, so the page says how many were
checked with their organisation in the last `stale_after_months` months (12 unless
`content/site.yaml` says otherwise), by the same rule as the directory's "needs
review" mark (`directory.model.review_due`).
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from ..core.i18n import gettext as _
from ..core.i18n import ngettext
from ..core.present import human_date
from ..directory.model import Listing, review_due
from .figures import Table, based_on, count, label, percent


def fresh(listings: Sequence[Listing], months: int, today: dt.date) -> int:
    return sum(1 for item in listings if not review_due(item.last_verified, months, today))


def freshness(orgs: Sequence[Listing], providers: Sequence[Listing], months: int,
              today: dt.date) -> Table:
    groups = ((_("Organisations"), orgs), (_("Support providers"), providers),
              (_("All listings"), (*orgs, *providers)))
    rows = []
    for name, listings in groups:
        checked = fresh(listings, months, today)
        rows.append((label(name), count(len(listings)), count(checked),
                     percent(checked, len(listings))))
    dated = sum(1 for item in (*orgs, *providers) if item.last_verified is not None)
    number = {"num": months, "date": human_date(today)}
    return Table(
        "freshness", ngettext("Listings checked in the last %(num)s month",
                              "Listings checked in the last %(num)s months", months) % number,
        # Translators: column headings of the table of listings checked recently
        (_("Listings"), _("Listed"),
         ngettext("Checked in the last %(num)s month", "Checked in the last %(num)s months",
                  months) % number, _("Share (%)")), tuple(rows),
        based_on(dated, len(orgs) + len(providers), _("the date they were last checked"),
                 "listings"),
        (ngettext("A listing counts as checked when someone confirmed it with the "
                  "organisation less than %(num)s month before %(date)s. Listings never "
                  "checked count as not checked.",
                  "A listing counts as checked when someone confirmed it with the "
                  "organisation less than %(num)s months before %(date)s. Listings never "
                  "checked count as not checked.", months) % number,))
