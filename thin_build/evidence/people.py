"""Who gives their time: paid staff, volunteers, volunteer hours and what they are worth.

Volunteer time is valued by **replacement cost**, as NCVO's Almanac does: the hours
given, times the hourly wage it would cost to pay someone for them. The hours are
only those organisations give in `volunteer_hours_per_month`; there is no assumed
number of hours per volunteer, because no single figure fits a lunch club and a
night shelter alike, and an invented default would be published as if it were a
count. The rate is the one in `content/site.yaml` (`volunteer_rate`), always shown
with its name, source and the date it was checked.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, Sequence

from ..core.i18n import N_, format_number, ngettext
from ..core.i18n import gettext as _
from ..core.present import human_date
from ..core.site import HourlyRate
from ..directory.model import Organisation
from .figures import Cell, Table, amount, based_on, count, label, median
from .suppress import is_suppressed

MONTHS = 12


@dataclass(frozen=True)
class Value:
    """The replacement value of the hours organisations gave, a year, in whole pounds."""

    hours_a_month: int
    organisations: int  # how many gave their hours
    pounds_a_year: int


def replacement_value(orgs: Sequence[Organisation], rate: HourlyRate) -> Value:
    hours = [o.volunteer_hours_per_month for o in orgs if o.volunteer_hours_per_month is not None]
    pounds = (Decimal(sum(hours) * MONTHS) * Decimal(rate.amount)).quantize(
        Decimal(1), ROUND_HALF_UP)
    return Value(sum(hours), len(hours), int(pounds))


def rate_text(rate: HourlyRate) -> str:
    """"£14.80 an hour, the London Living Wage (source; checked 3 November 2025)"."""
    # Translators: %(name)s is the rate's name, e.g. "London Living Wage"; %(source)s who sets it
    return _("£%(amount)s an hour, the %(name)s (%(source)s; checked %(date)s)") % {
        "amount": rate.amount, "name": rate.name, "source": rate.source,
        "date": human_date(rate.date)}


# The names are translated where the table is made.
_FIGURES: tuple[tuple[str, Callable[[Organisation], int | None]], ...] = (
    (N_("Paid staff"), lambda o: o.paid_staff),
    (N_("Volunteers"), lambda o: o.volunteers),
    (N_("Volunteer hours a month"), lambda o: o.volunteer_hours_per_month),
)


def people(orgs: Sequence[Organisation]) -> Table:
    rows = []
    for name, field in _FIGURES:
        given = [value for value in map(field, orgs) if value is not None]
        rows.append((label(_(name)), amount(sum(given), len(given)),
                     amount(median(given), len(given)), count(len(given))))
    return Table(
        "people", _("Paid staff, volunteers and volunteer hours"),
        # Translators: column headings of the table of paid staff and volunteers
        (_("Figure"), _("Total"), _("Median per organisation"), _("Organisations that gave it")),
        tuple(rows),
        ngettext("Each figure is based on the organisations that gave it (the last column), "
                 "of %(num)s organisation.",
                 "Each figure is based on the organisations that gave it (the last column), "
                 "of %(num)s organisations.", len(orgs)) % {"num": format_number(len(orgs))},
        (_("Organisations that did not give a figure are left out of it, not counted as "
           "none."),))


def volunteer_value(orgs: Sequence[Organisation], rate: HourlyRate) -> Table:
    value = replacement_value(orgs, rate)
    hours_a_year = value.hours_a_month * MONTHS
    hidden = is_suppressed(value.organisations)
    rows = (
        (label(_("Volunteer hours a month")), amount(value.hours_a_month, value.organisations)),
        (label(_("Volunteer hours a year (12 months)")),
         amount(hours_a_year, value.organisations)),
        (label(_("Hourly rate: %(name)s") % {"name": rate.name}),
         Cell(f"£{rate.amount}", rate.amount)),
        (label(_("Replacement value a year")),
         amount(value.pounds_a_year, value.organisations, "£", hidden)),
    )
    return Table(
        "volunteer-value", _("What volunteers' time is worth"), (_("Figure"), _("Value")), rows,
        based_on(value.organisations, len(orgs), _("their volunteer hours a month")),
        (_("Valued at %(rate)s.") % {"rate": rate_text(rate)},
         _("Replacement value is what it would cost to pay someone for the same hours: hours "
           "a month, times 12, times the hourly rate. It leaves out organisations that did "
           "not give their hours, so the true value is higher.")))
