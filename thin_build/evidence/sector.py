"""Who the sector is: organisations by stage, income band, ward, group, activity,
language and network, and income by stage and band.

Every function takes the organisations counted (`counted`: listed and not closed)
and returns a `Table`. An organisation that did not give its income is left out of
the income figures, never counted as zero, and the coverage sentence says how many
gave it. Counts by ward, group, activity, language and network count an
organisation once in each it names, so they add up to more than the total.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..core.catalogue import Catalogue
from ..core.i18n import gettext as _
from ..directory.model import Organisation
from .bands import BANDS, band_of
from .figures import Chart, Table, amount, based_on, count, label, median
from .suppress import protect_totals


def income_header() -> tuple[str, ...]:
    """The income tables' columns after the first, in the page's language."""
    return (_("Organisations"), _("Gave their income"), _("Total income"), _("Median income"))


def counted(cat: Catalogue) -> tuple[Organisation, ...]:
    """The organisations evidence is about: every listing except those that have closed."""
    return tuple(org for org in cat.orgs if org.status != "closed")


def _income_rows(groups: Sequence[tuple[str, Sequence[Organisation]]],
                 total_label: str) -> tuple[tuple, ...]:
    """Rows of count, givers, total and median income, with a total row at the end."""
    incomes = [[o.annual_income for o in orgs if o.annual_income is not None]
               for _name, orgs in groups]
    hidden = protect_totals([len(given) for given in incomes])
    rows = []
    for index, ((name, orgs), given) in enumerate(zip(groups, incomes)):
        rows.append((label(name), count(len(orgs)), count(len(given)),
                     amount(sum(given), len(given), "£", index in hidden),
                     amount(median(given), len(given), "£", index in hidden)))
    everyone = [org for _name, orgs in groups for org in orgs]
    given = [income for row in incomes for income in row]
    rows.append((label(total_label), count(len(everyone)), count(len(given)),
                 amount(sum(given), len(given), "£"), amount(median(given), len(given), "£")))
    return tuple(rows)


def _income_coverage(orgs: Sequence[Organisation]) -> str:
    return based_on(sum(1 for o in orgs if o.annual_income is not None), len(orgs),
                    _("their income"))


def by_stage(cat: Catalogue, orgs: Sequence[Organisation]) -> Table:
    groups = [(stage.name, [o for o in orgs if o.stage == stage.slug]) for stage in cat.stages]
    return Table(
        "stages", _("Organisations and income by stage of development"),
        (_("Stage"), *income_header()), _income_rows(groups, _("All stages")),
        _income_coverage(orgs),
        (_("A stage is how an organisation describes the way it works (the THIN plan's "
           "stages), not only its income."),),
        Chart(_("Bar chart of the number of organisations at each stage of development; "
                "the table below gives the numbers and the income."), 1, "organisations"),
        totals=1)


def by_band(orgs: Sequence[Organisation]) -> Table:
    with_income = [o for o in orgs if o.annual_income is not None]
    groups = [(f"{_(band.name)} ({_(band.range_text)})",
               [o for o in with_income if band_of(o.annual_income) is band]) for band in BANDS]
    return Table(
        "income-bands", _("Organisations and income by income band"),
        (_("Income band"), *income_header()),
        _income_rows(groups, _("All that gave their income")), _income_coverage(orgs),
        (_("Bands are NCVO's, as in the UK Civil Society Almanac. A band includes its lower "
           "limit: an income of exactly £10,000 is small, exactly £100,000 is medium."),
         _("Organisations that did not give their income are in no band.")),
        Chart(_("Bar chart of the number of organisations in each NCVO income band, from "
                "micro to super-major; the table below gives the numbers and the income."),
              1, "organisations"), totals=1)


def tally(terms: Iterable, orgs: Sequence[Organisation],
          field: Callable[[Organisation], Sequence[str]]) -> tuple[tuple[str, int], ...]:
    """(term name, organisations naming it), most named first, then in the taxonomy's order.

    Terms nobody names are left out: a long list of zeros hides what is there.
    """
    numbers = {}
    for org in orgs:
        for slug in field(org):
            numbers[slug] = numbers.get(slug, 0) + 1
    named = [(term.name, numbers[term.slug], index)
             for index, term in enumerate(terms) if numbers.get(term.slug)]
    return tuple((name, total) for name, total, _index in
                 sorted(named, key=lambda item: (-item[1], item[2])))


def breakdown(slug: str, title: str, heading: str, orgs: Sequence[Organisation],
              terms: Iterable, field: Callable[[Organisation], Sequence[str]],
              what: str, unit: str = "organisations") -> Table:
    """Organisations by one list field (wards, groups, activities, languages, networks).

    `unit` is the chart's (`charts.UNITS`): "members" heads the column "Members".
    """
    column = _("Members") if unit == "members" else _("Organisations")
    rows = tuple((label(name), count(total)) for name, total in tally(terms, orgs, field))
    given = sum(1 for org in orgs if field(org))
    return Table(
        slug, title, (heading, column), rows, based_on(given, len(orgs), what),
        (_("An organisation is counted once for each it names, so the numbers add up to "
           "more than the number of organisations."),),
        # Translators: %(title)s is the table's title, e.g. "organisations by ward"
        Chart(_("Bar chart of %(title)s, largest first; the table below gives the same "
                "numbers.") % {"title": title[:1].lower() + title[1:]}, 1, unit))


def breakdowns(cat: Catalogue, orgs: Sequence[Organisation]) -> tuple[Table, ...]:
    return (
        breakdown("wards", _("Organisations by ward"), _("Ward"), orgs, cat.wards,
                  lambda o: o.wards, _("the wards they work in")),
        breakdown("groups", _("Organisations by the people they help"),
                  _("Beneficiary group"), orgs, cat.groups, lambda o: o.groups,
                  _("who they help")),
        breakdown("activities", _("Organisations by activity"), _("Activity"), orgs,
                  cat.activities, lambda o: o.activities, _("what they do")),
        breakdown("languages", _("Languages offered"), _("Language"), orgs, cat.languages,
                  lambda o: o.languages, _("the languages they work in")),
        breakdown("networks", _("Networks and their members"), _("Network"), orgs,
                  cat.networks, lambda o: o.networks, _("a network they belong to"),
                  "members"),
    )
