"""All the evidence of one build, computed once: every table and the headline figures.

The page, the printable summary and the CSV files are all drawn from this one
`Evidence`, so a figure can never say one thing on the page and another in its file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.catalogue import Catalogue
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
        Headline("Organisations listed", count(len(orgs)),
                 "Every listed organisation that has not closed."),
        _total(orgs, lambda o: o.annual_income, "their income", "Total annual income", "£"),
        Headline("Median annual income", amount(median(incomes), len(incomes), "£"),
                 based_on(len(incomes), len(orgs), "their income")),
        _total(orgs, lambda o: o.paid_staff, "their number of paid staff", "Paid staff"),
        _total(orgs, lambda o: o.volunteers, "their number of volunteers", "Volunteers"),
        _total(orgs, lambda o: o.volunteer_hours_per_month, "their volunteer hours",
               "Volunteer hours a month"),
    ]
    tables = [by_stage(cat, orgs), by_band(orgs), people(orgs)]
    if rate is not None:
        value = replacement_value(orgs, rate)
        headlines.append(Headline(
            "Replacement value of volunteer time a year",
            amount(value.pounds_a_year, value.organisations, "£"),
            based_on(value.organisations, len(orgs), "their volunteer hours")
            + f" Valued at {rate_text(rate)}."))
        tables.append(volunteer_value(orgs, rate))
    headlines.append(Headline(
        f"Listings checked in the last {months} months", percent(checked, len(listings)),
        f"{shown(checked)} of {len(listings):,} organisation and provider listings."))
    tables.extend(breakdowns(cat, orgs))
    tables.append(freshness(orgs, cat.providers, months, today))
    return Evidence(tuple(headlines), tuple(tables), rate_text(rate) if rate else None)
