"""The survey kind (`content/surveys/<slug>.yaml` + `<slug>-results.csv`), declared once.

A survey is converted in two steps: its fields by the declaration, then its questions'
options and its results table against each other (`results.py`), because whether a
column or an answer is right depends on the questions above it. The table arrives from
the loader as one more entry, `results` (a `Companion`); it is not a field anyone
writes, so the guide and the JSON Schema do not offer it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..core.capability import Companion, Kind, Source
from ..core.convert import Context, Invalid
from ..core.declare import Field, ListOf, Record, text_field
from ..core.fields import Choice, Pattern
from ..core.raw import RawList, RawMap, RawNode
from . import model
from .model import RESULTS, RESULTS_SUFFIX
from .results import read_responses, resolve_questions


@dataclass(frozen=True)
class SurveyRecord(Record):
    """A survey whose options and results are checked once its own fields have converted."""

    def convert(self, node: RawNode, ctx: Context, **extra: Any) -> Any:
        table = _results_table(node)
        if table is not None:
            entries = {key: entry for key, entry in node.entries.items() if key != RESULTS}
            node = RawMap(entries, node.location)
        survey = super().convert(node, ctx, **extra)
        questions = resolve_questions(survey.questions, node, ctx)
        if questions is None:
            raise Invalid.reported()
        survey = replace(survey, questions=questions)
        if table is None:
            return survey
        responses = read_responses(survey, table, ctx)
        if responses is None:
            raise Invalid.reported()
        return replace(survey, responses=responses)


def _results_table(node: RawNode) -> RawList | None:
    """The rows the loader read from `<slug>-results.csv`; a `results` key typed into the
    YAML is not one (its location is the YAML file), so it stays an unknown field."""
    found = node.get(RESULTS) if isinstance(node, RawMap) else None
    if isinstance(found, RawList) and found.location.path.endswith(RESULTS_SUFFIX):
        return found
    return None


QUESTION = Record(model.Question, (
    Field("id", Pattern(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", "a question id", "bad-id", "stage"),
          "the question's name, and its column in the results CSV (lowercase, hyphens)",
          "stage", required=True),
    Field("type", Choice(model.QUESTION_TYPES), "what it asks: the group's `stage` or `ward`, "
          "the support `needs` it wants (tick all that apply), `satisfaction` with support "
          "received (1 to 5 for each need), or free `text`, which is never published",
          "needs", required=True),
    text_field("text", "the question as the form prints it", "Which kinds of support do you "
               "want in the next year?", required=True, max_length=300),
    text_field("help", "a line under the question on the form", "Tick all that apply.",
               max_length=300),
    Field("options", ListOf(Pattern(r"[a-z0-9]+(?:-[a-z0-9]+)*", "a slug", "bad-slug",
                                    "funding"), max_items=200),
          "the answer options, as slugs from the taxonomy the type names (stages, wards or "
          "needs); leave out to offer every term", ["funding", "premises"]),
), "a question")

SURVEY = SurveyRecord(model.Survey, (
    text_field("title", "the survey's name", "Shared needs survey 2026", required=True,
               max_length=120),
    text_field("intro", "what the survey is for and who runs it, printed at the top of the "
               "form", "A short survey the support providers share.", required=True,
               max_length=1000, multiline=True),
    Field("questions", ListOf(QUESTION, min_items=1, max_items=50), "the questions, in the "
          "order the form asks them", [{"id": "stage", "type": "stage",
                                        "text": "What stage is your group at?"}],
          required=True),
), "a survey")

KINDS = (
    Kind("survey", Source("content/surveys", (".yaml",), required=False,
                          companion=Companion(RESULTS_SUFFIX, RESULTS)),
         SURVEY, "surveys", "content/surveys/<slug>.yaml"),
)
