"""A survey as plain data for its form and its "how to add results" page.

The form and the CSV are read off the same questions, so the page can say exactly
which column each printed question fills and what may be written in it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..opendata.csv_format import csv_text
from .model import RESPONDENT, SCALE, Question, Survey

# Translated where shown (`scale`).
SCALE_WORDS = {1: N_("very dissatisfied"), 2: N_("dissatisfied"), 3: N_("neither"),
               4: N_("satisfied"), 5: N_("very satisfied")}


@dataclass(frozen=True)
class Option:
    slug: str
    name: str


@dataclass(frozen=True)
class FormQuestion:
    """A question as printed: its boxes (one per option), or a 1–5 grid, or lines to write on."""

    number: int
    id: str
    type: str
    text: str
    help: str | None
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Column:
    """One column of the results CSV and what to write in it."""

    name: str
    what: str
    example: str


def _options(question: Question, cat: Catalogue) -> tuple[Option, ...]:
    taxonomy = {"stage": "stages", "ward": "wards"}.get(question.type, "needs")
    if question.type == "text":
        return ()
    return tuple(Option(slug, cat.lookup(taxonomy, slug).name) for slug in question.options)


def form_questions(survey: Survey, cat: Catalogue) -> tuple[FormQuestion, ...]:
    return tuple(FormQuestion(number, q.id, q.type, q.text, q.help, _options(q, cat))
                 for number, q in enumerate(survey.questions, start=1))


def columns(survey: Survey, cat: Catalogue) -> tuple[Column, ...]:
    """Every column in the order the header must list them, each with an example value."""
    example_org = cat.orgs[0].slug if cat.orgs else ""
    found = [Column(RESPONDENT, _("the organisation's slug (its file name in orgs/ without "
                                  "the ending), or empty to answer anonymously"), example_org)]
    for question in survey.questions:
        first = question.options[:1]
        if question.type in ("stage", "ward"):
            # Translators: %(slugs)s lists the allowed values, kept as written
            what = (_("one stage slug, or empty: %(slugs)s") if question.type == "stage"
                    else _("one ward slug, or empty: %(slugs)s"))
            found.append(Column(question.id, what % {"slugs": ", ".join(question.options)},
                                first[0] if first else ""))
        elif question.type == "needs":
            found.append(Column(question.id, _("the needs ticked, as slugs separated by `;`"),
                                "; ".join(question.options[:2])))
        elif question.type == "satisfaction":
            found += [Column(name, _("1 to 5 for %(need)s, or empty if the group had no "
                                     "support with it") % {"need": option.name},
                             "4" if index == 0 else "")
                      for index, (name, option) in enumerate(zip(question.columns(),
                                                                 _options(question, cat)))]
        else:
            found.append(Column(question.id, _("leave empty: free text is never published "
                                              "(keep the paper form instead)"), ""))
    return tuple(found)


def template_csv(survey: Survey, cat: Catalogue) -> str:
    """The header and one example row, for a provider to fill in a spreadsheet."""
    found = columns(survey, cat)
    return csv_text([c.name for c in found], [[c.example for c in found]])


def scale() -> tuple[tuple[int, str], ...]:
    return tuple((point, _(SCALE_WORDS[point])) for point in SCALE)
