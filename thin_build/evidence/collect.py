"""All the evidence of one build, computed once: every table and the headline figures.

The page, the printable summary and the CSV files are all drawn from this one
`Evidence`, so a figure can never say one thing on the page and another in its file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.catalogue import Catalogue
from ..core.i18n import format_number, ngettext
from ..core.i18n import gettext as _
from .figures import Cell, Table, amount, based_on, count, median, percent
from .freshness import fresh, freshness
from .people import people, rate_text, replacement_value, volunteer_value
from .sector import breakdowns, by_band, by_stage, counted
from .suppress import shown


@dataclass(frozen=True)
class Headline:
    """One figure of the summary: what it is, its value, and what it rests on."""

    name: str
    value: Cell
    coverage: str


@dataclass(frozen=True)
class Evidence:
    headlines: tuple[Headline, ...]
    tables: tuple[Table, ...]
    rate: str | None  # the hourly rate in words, or None when the site gives none


def _total(orgs, field, what: str, name: str, unit: str = "") -> Headline:
    given = [value for value in map(field, orgs) if value is not None]
    return Headline(name, amount(sum(given), len(given), unit),
                    based_on(len(given), len(orgs), what))


def collect(cat: Catalogue, today: dt.date) -> Evidence:
    orgs = counted(cat)
    months = cat.site.stale_after_months
    rate = cat.site.volunteer_rate
    incomes = [o.annual_income for o in orgs if o.annual_income is not None]
    listings = (*orgs, *cat.providers)
    checked = fresh(listings, months, today)
    headlines = [
        Headline(_("Organisations listed"), count(len(orgs)),
                 _("Every listed organisation that has not closed.")),
        _total(orgs, lambda o: o.annual_income, _("their income"), _("Total annual income"),
               "£"),
        Headline(_("Median annual income"), amount(median(incomes), len(incomes), "£"),
                 based_on(len(incomes), len(orgs), _("their income"))),
        _total(orgs, lambda o: o.paid_staff, _("their number of paid staff"), _("Paid staff")),
        _total(orgs, lambda o: o.volunteers, _("their number of volunteers"), _("Volunteers")),
        _total(orgs, lambda o: o.volunteer_hours_per_month, _("their volunteer hours"),
               _("Volunteer hours a month")),
    ]
    tables = [by_stage(cat, orgs), by_band(orgs), people(orgs)]
    if rate is not None:
        value = replacement_value(orgs, rate)
        headlines.append(Headline(
            _("Replacement value of volunteer time a year"),
            amount(value.pounds_a_year, value.organisations, "£"),
            based_on(value.organisations, len(orgs), _("their volunteer hours")) + " "
            # Translators: %(rate)s is e.g. "£14.80 an hour, the London Living Wage (...)"
            + _("Valued at %(rate)s.") % {"rate": rate_text(rate)}))
        tables.append(volunteer_value(orgs, rate))
    headlines.append(Headline(
        ngettext("Listings checked in the last %(num)s month",
                 "Listings checked in the last %(num)s months", months) % {"num": months},
        percent(checked, len(listings)),
        # Translators: %(checked)s may be a number or "fewer than 3"
        ngettext("%(checked)s of %(total)s organisation and provider listing.",
                 "%(checked)s of %(total)s organisation and provider listings.", len(listings))
        % {"checked": shown(checked), "total": format_number(len(listings))}))
    tables.extend(breakdowns(cat, orgs))
    tables.append(freshness(orgs, cat.providers, months, today))
    return Evidence(tuple(headlines), tuple(tables), rate_text(rate) if rate else None)
