"""The assessment step: each questionnaire's page, its printable stage checklists, its JSON.

The questionnaire page is the form: real radio buttons, shown by JavaScript, which
scores the answers and builds the action plan in the browser from the JSON written
here. Without JavaScript the page leads to one checklist per stage, printable, with
the same actions beside every question. The page exists even before the file does
(saying so), because the menu and the home page link to it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.taxonomy import Term
from ..core.translate import name_link
from ..core.write import OutputFile
from ..referral import urls as referral_urls
from ..referral.index import compact_json
from ..toolkits import urls as toolkit_urls
from . import model, rule, urls
from .data import questionnaire_data, stages_of
from .schema import HEALTH_CHECK, READINESS


@dataclass(frozen=True)
class Tool:
    """One questionnaire the portal publishes: its file's kind and where its pages live.
    `name` and `description` are marked, and translated where a page shows them."""

    kind: str
    section: str
    name: str
    description: str


TOOLS = (
    Tool(HEALTH_CHECK, urls.HEALTH_CHECK, N_("Organisational health check"),
         N_("Check how your group is run, area by area, and get an action plan that names "
            "toolkits and local support providers.")),
    Tool(READINESS, urls.READINESS, N_("Commissioning readiness checklist"),
         N_("Check whether your organisation is ready to bid for public service contracts, "
            "and get an action plan for the gaps.")),
)


def assessment_outputs(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    cat = inputs.catalogue
    for tool in TOOLS:
        questionnaire = getattr(cat, tool.kind)
        yield questionnaire_page(cat, tool, questionnaire)
        if questionnaire is None:
            continue
        yield OutputFile(urls.questions(tool.section).lstrip("/"),
                         compact_json(questionnaire_data(cat, questionnaire)))
        for stage in stages_of(cat, questionnaire):
            yield checklist_page(cat, tool, questionnaire, stage)


def _stage_links(cat: Catalogue, tool: Tool,
                 questionnaire: model.Questionnaire) -> tuple[dict, ...]:
    return tuple({"slug": s.slug, "name": s.name, "income_guide": s.income_guide,
                  "description": s.description, "checklist": urls.checklist(tool.section, s.slug),
                  "count": len(questionnaire.questions(s.slug))}
                 for s in stages_of(cat, questionnaire))


def _question(cat: Catalogue, question: model.Question) -> dict:
    need = cat.lookup("needs", question.need)
    return {"id": question.id, "text": question.text, "why": question.why,
            "action": question.action, "stages": " ".join(question.stages),
            "toolkits": tuple(Link(cat.lookup("toolkits", slug).title, toolkit_urls.toolkit(slug))
                              for slug in question.toolkits),
            "need": name_link(need, referral_urls.support_need(need.slug))}


def _areas(cat: Catalogue, questionnaire: model.Questionnaire,
           stage: str | None = None) -> tuple[dict, ...]:
    return tuple({"id": area.id, "title": area.title, "intro": area.intro,
                  "questions": tuple(_question(cat, q) for q in area.questions
                                     if stage is None or stage in q.stages)}
                 for area in questionnaire.areas)


def _rule() -> dict:
    return {"strong": rule.STRONG, "below_strong": rule.STRONG - 1,
            "getting_there": rule.GETTING_THERE,
            "answers": tuple((value, label) for value, label, _char in rule.answers())}


def questionnaire_page(cat: Catalogue, tool: Tool,
                       questionnaire: model.Questionnaire | None) -> PagePlan:
    if questionnaire is None:
        return PagePlan(urls.questionnaire(tool.section), "assessment/questionnaire.html",
                        _(tool.name), _(tool.description),
                        {"questionnaire": None, "support": referral_urls.support()})
    return PagePlan(urls.questionnaire(tool.section), "assessment/questionnaire.html",
                    questionnaire.title, _(tool.description), {
                        "questionnaire": {"intro": questionnaire.intro},
                        "stages": _stage_links(cat, tool, questionnaire),
                        "areas": _areas(cat, questionnaire), "rule": _rule(),
                        "data": urls.questions(tool.section), "storage": tool.section,
                        "others": tuple(Link(_(other.name), urls.questionnaire(other.section))
                                        for other in TOOLS
                                        if other != tool and getattr(cat, other.kind))})


def checklist_page(cat: Catalogue, tool: Tool, questionnaire: model.Questionnaire,
                   stage: Term) -> PagePlan:
    return PagePlan(urls.checklist(tool.section, stage.slug), "assessment/checklist.html",
                    f"{questionnaire.title}: {stage.name}",
                    # Translators: %(tool)s is "organisational health check" or "commissioning
                    # readiness checklist"; %(stage)s a stage of development
                    _("Every question of the %(tool)s for %(stage)s, with what to do about each "
                      "gap. Print it and fill it in together.")
                    % {"tool": _(tool.name).lower(), "stage": stage.name}, {
                        "stage": stage, "areas": _areas(cat, questionnaire, stage.slug),
                        "rule": _rule(), "form": urls.questionnaire(tool.section),
                        "other_stages": tuple(s for s in _stage_links(cat, tool, questionnaire)
                                              if s["slug"] != stage.slug)},
                    (Link(questionnaire.title, urls.questionnaire(tool.section)),))
