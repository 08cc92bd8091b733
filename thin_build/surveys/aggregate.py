"""A survey's results as evidence tables: needs wanted by stage and by ward beside what
providers offer, and satisfaction with support received, per need.

Every count goes through the evidence room's cells (`evidence.figures.count`), so a
figure about fewer than 3 organisations reads "fewer than 3" in the page, the chart and
the CSV. Where a row's total is published, one more cell is hidden ("hidden") when the small
ones alone could be worked out from it (`_hidden`). What
providers offer is the referral gaps report's own reading of the provider files
(`referral.gaps`), not a second count.
"""
from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from ..core.catalogue import Catalogue
from ..core.i18n import format_number
from ..core.i18n import gettext as _
from ..evidence.figures import Cell, Chart, Table, based_on, count, label, not_given, percent
from ..evidence.suppress import SMALL_CELL, fewer_than, is_suppressed, protect_totals
from ..referral.gaps import find_gaps, providers_for
from .model import SCALE, Survey


def _too_few() -> Cell:
    return Cell(fewer_than(), fewer_than())


def _cover() -> Cell:
    """Not small itself, hidden so a total cannot reveal one."""
    # Translators: in a survey table, a figure hidden so that a total cannot reveal a small one
    return Cell(_("hidden"), _("hidden"))


def _not_shown() -> Cell:
    return Cell(_("not shown: it would reveal a small cell"), _("not shown"))


def _hidden(counts: list[int]) -> frozenset[int]:
    """The cells to hide in a row whose total is shown.

    `protect_totals` covers a single small cell; two small cells alone are not safe
    either (2 and 2 hidden in a row of 8 with 4 shown can only be 2 and 2), so they
    get the next smallest cell as cover too.
    """
    hidden = set(protect_totals(counts))
    if len(hidden) > 1 and all(is_suppressed(counts[index]) for index in hidden):
        others = sorted((value, index) for index, value in enumerate(counts)
                        if index not in hidden and value > 0)
        hidden.update(index for _value, index in others[:1])
    return frozenset(hidden)


def _cell(value: int, hidden: bool) -> Cell:
    """A count in a row with a total: "fewer than 3", or "hidden" when it is the cover."""
    if is_suppressed(value) or not hidden:
        return count(value)
    return _cover()


def _counts(counts: list[int]) -> list[Cell]:
    hidden = _hidden(counts)
    return [_cell(value, index in hidden) for index, value in enumerate(counts)]


def _plain(number: int) -> Cell:
    """A count of public listings (providers): nothing private, so never suppressed."""
    return Cell(format_number(number), str(number), number)


def _names(cat: Catalogue, taxonomy: str, slugs) -> list[str]:
    return [cat.lookup(taxonomy, slug).name for slug in slugs]


def needs_by_stage(survey: Survey, cat: Catalogue) -> Table | None:
    needs, stage = survey.question("needs"), survey.question("stage")
    if needs is None:
        return None
    stages = stage.options if stage else ()
    unserved: dict[str, list[str]] = {}
    for need, term in find_gaps(cat).unserved:
        unserved.setdefault(need.slug, []).append(term.name)
    rows = []
    for need, name in zip(needs.options, _names(cat, "needs", needs.options)):
        wanting = [r for r in survey.responses if need in r.needs]
        by_stage = Counter(r.stage for r in wanting)
        cells = _counts([by_stage[s] for s in stages] + [by_stage[None]])
        # Translators: no stage is unserved by providers for this need
        gaps = ", ".join(unserved.get(need, ())) or _("none")
        rows.append((label(name), *cells, count(len(wanting)),
                     _plain(len(providers_for(cat, need))), label(gaps)))
    given = sum(r.stage is not None for r in survey.responses)
    return Table(
        f"surveys/{survey.slug}/needs-by-stage",
        _("Support wanted, by stage, beside what providers offer"),
        (_("Support need"), *_names(cat, "stages", stages), _("Stage not given"),
         _("All organisations wanting it"), _("Providers offering it"),
         _("Stages no provider serves")),
        tuple(rows), based_on(given, len(survey.responses), _("their stage"), "responses"),
        (_("Counts are organisations that answered the survey; providers are counted from "
           "their listings, as in the gaps report."),),
        Chart(_("Number of responding organisations that want each kind of support."),
              len(stages) + 2, "organisations"))


def needs_by_ward(survey: Survey, cat: Catalogue) -> Table | None:
    """Per ward: how many answered, and the needs at least 3 of them want.

    A ward-by-need grid would be mostly "fewer than 3" with a borough's worth of wards,
    so each ward lists only the needs whose count may be shown, largest first.
    """
    needs, ward = survey.question("needs"), survey.question("ward")
    if needs is None or ward is None:
        return None
    names = dict(zip(needs.options, _names(cat, "needs", needs.options)))
    offering = {need: len(providers_for(cat, need)) for need in needs.options}
    rows = []
    for ward_slug, ward_name in zip(ward.options, _names(cat, "wards", ward.options)):
        in_ward = [r for r in survey.responses if r.ward == ward_slug]
        wanted = Counter(need for r in in_ward for need in r.needs)
        listed = sorted((need for need in needs.options if wanted[need] >= SMALL_CELL),
                        key=lambda need: -wanted[need])  # stable: ties in taxonomy order
        # Translators: one need in a ward's list, e.g. "Governance: 4 (providers offering it: 2)"
        text = "; ".join(_("%(need)s: %(wanted)s (providers offering it: %(offering)s)")
                         % {"need": names[need], "wanted": format_number(wanted[need]),
                            "offering": format_number(offering[need])} for need in listed)
        if not text:
            text = (_("none wanted by %(num)s or more") % {"num": SMALL_CELL} if in_ward
                    else _("no answers"))
        rows.append((label(ward_name), count(len(in_ward)), label(text)))
    given = sum(r.ward is not None for r in survey.responses)
    return Table(
        f"surveys/{survey.slug}/needs-by-ward", _("Support wanted, by ward"),
        (_("Ward"), _("Organisations that answered"),
         _("Needs wanted by %(num)s or more of them") % {"num": SMALL_CELL}),
        tuple(rows), based_on(given, len(survey.responses), _("their ward"), "responses"),
        (_("A need wanted by fewer than %(num)s organisations in a ward is left out of that "
           "ward's list, so no single group's answer can be read off it.")
         % {"num": SMALL_CELL},))


def _mean(scores: list[int]) -> Cell:
    if not scores:
        return Cell(not_given(), "")
    mean = (Decimal(sum(scores)) / len(scores)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return Cell(format_number(mean, 1), str(mean))


def satisfaction(survey: Survey, cat: Catalogue) -> Table | None:
    question = survey.question("satisfaction")
    if question is None:
        return None
    rows = []
    for need, name in zip(question.options, _names(cat, "needs", question.options)):
        scores = [score for r in survey.responses for n, score in r.satisfaction if n == need]
        spread = Counter(scores)
        points = [spread[point] for point in SCALE]
        hidden = (frozenset(range(len(SCALE))) if is_suppressed(len(scores))
                  else _hidden(points))
        cells = [_too_few() if is_suppressed(len(scores)) else _cell(value, index in hidden)
                 for index, value in enumerate(points)]
        # With the visible cells, the average or the share satisfied would give hidden
        # cells back, so they go too.
        mean = _not_shown() if hidden and scores else _mean(scores)
        satisfied = (_not_shown() if hidden & {3, 4} and scores
                     else percent(spread[4] + spread[5], len(scores)))
        rows.append((label(name), count(len(scores)), mean, *cells, satisfied))
    rated = sum(bool(r.satisfaction) for r in survey.responses)
    return Table(
        f"surveys/{survey.slug}/satisfaction", _("Satisfaction with support received"),
        (_("Support need"), _("Organisations rating it"), _("Average (1 to 5)"),
         *(_("Rated %(point)s") % {"point": point} for point in SCALE),
         _("Satisfied (4 or 5)")),
        tuple(rows), based_on(rated, len(survey.responses), _("a rating"), "responses"),
        (_("1 is very dissatisfied and 5 very satisfied; a group rates only the needs it had "
           "support with. Where a rating is hidden, the average and the share satisfied are "
           "hidden too, because with the other figures they would give it back."),),
        Chart(_("Share of organisations rating each kind of support 4 or 5."), 3 + len(SCALE),
              "per cent"))


def survey_tables(survey: Survey, cat: Catalogue) -> tuple[Table, ...]:
    made = (needs_by_stage(survey, cat), needs_by_ward(survey, cat), satisfaction(survey, cat))
    return tuple(table for table in made if table is not None)
