"""The questionnaire files, declared once: `content/healthcheck.yaml` and `content/readiness.yaml`.

One declaration serves both: the readiness checklist is the health check's engine
with its own questions. Needs, stages and toolkits are references, so a typo gets
"did you mean"; what a reference cannot see (an id used twice, an area that leaves a
stage without questions) is in `checks.py`.
"""
from __future__ import annotations

from ..core.capability import Kind, Source
from ..core.declare import Field, ListOf, Record, example_of, refs_field, text_field
from ..core.fields import SLUG, Ref
from . import model

QUESTION = Record(model.Question, (
    Field("id", SLUG, "a short name for the question, unique in the file; change it when "
          "you change what the question asks, so old shared links are not misread",
          "annual-accounts", required=True),
    text_field("text", "the question, answered yes, no, not sure or not relevant",
               "Do you prepare annual accounts and share them with your members?",
               required=True),
    refs_field("stages", "stages", "the stages of development the question is for",
               ["stage-1", "stage-2", "stage-3"], required=True, min_items=1),
    text_field("why", "why it matters, in a sentence or two", "Funders ask for your latest "
               "accounts, and members have a right to see how money is spent.", required=True,
               max_length=400, multiline=True),
    text_field("action", "what to do if the answer is no or not sure", "Ask a volunteer "
               "treasurer to draw up a simple income and spending account for the year.",
               required=True, max_length=400, multiline=True),
    Field("need", Ref("needs"), "the support need to ask a provider about", "finance",
          required=True),
    refs_field("toolkits", "toolkits", "toolkits that help, by slug", ["bookkeeping-basics-guide"],
               where="toolkits/"),
), "a question", translatable=("text", "why", "action"))

AREA = Record(model.Area, (
    Field("id", SLUG, "a short name for the area, unique in the file", "money", required=True),
    text_field("title", "the area's heading", "Managing money", required=True, max_length=80),
    text_field("intro", "what the area covers, in a sentence", "How you keep track of money "
               "and report on it.", required=True, max_length=400, multiline=True),
    Field("questions", ListOf(QUESTION, min_items=1, max_items=40), "the area's questions; "
          "every stage the questionnaire is for needs at least one", [example_of(QUESTION)],
          required=True),
), "an area of questions", translatable=("title", "intro"))

QUESTIONNAIRE = Record(model.Questionnaire, (
    text_field("title", "the questionnaire's name, its page heading", "Organisational health "
               "check", required=True, max_length=80),
    text_field("intro", "who it is for and what they will get, shown under the heading",
               "Answer yes, no or not sure to see how your group is doing and what to do next.",
               required=True, max_length=600, multiline=True),
    refs_field("stages", "stages", "the stages it is for; leave out when it is for every stage",
               ["stage-2", "stage-3"]),
    Field("areas", ListOf(AREA, min_items=1, max_items=30), "the areas, in the order they are "
          "asked", [example_of(AREA)], required=True),
), "a self-assessment questionnaire", translatable=("title", "intro"))


def _kind(name: str, path: str) -> Kind:
    return Kind(name, Source(path, (".yaml",), single_file=True, required=False), QUESTIONNAIRE,
                name, path)


HEALTH_CHECK = "healthcheck"
READINESS = "readiness"
KINDS = (_kind(HEALTH_CHECK, "content/healthcheck.yaml"),
         _kind(READINESS, "content/readiness.yaml"))
