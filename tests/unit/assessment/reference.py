"""A Python reference of the self-assessment rule, to check assessment-core.js against.

Written from docs/health-check.md over the catalogue's own records (not the JSON the
page reads), so a mistake in the JSON shows up as a difference too. The plan's
suggestion is the first of `Ranker.rank`, the rule the referral page applies.
"""
from __future__ import annotations

from urllib.parse import urlencode

from thin_build.assessment import rule
from thin_build.assessment.data import version
from thin_build.assessment.model import Questionnaire
from thin_build.core.catalogue import Catalogue
from thin_build.directory import urls as directory_urls
from thin_build.referral import urls as referral_urls
from thin_build.referral.rank import Query, Ranker
from thin_build.toolkits import urls as toolkit_urls

GAPS = ("no", "not-sure")
LABELS = {value: label for value, label, _char in rule.ANSWERS}
CHARS = {value: char for value, _label, char in rule.ANSWERS}


def scores(questionnaire: Questionnaire, stage: str, answers: dict[str, str],
           strong: int = rule.STRONG, getting_there: int = rule.GETTING_THERE) -> list[dict]:
    found = []
    for area in questionnaire.areas:
        given = [answers.get(q.id) for q in area.questions if stage in q.stages]
        yes, not_relevant = given.count("yes"), given.count("not-relevant")
        gaps = sum(answer in GAPS for answer in given)
        unanswered = len(given) - yes - gaps - not_relevant
        percent = None
        if unanswered:
            verdict = "not-answered"
        elif yes + gaps == 0:
            verdict = "not-relevant"
        else:
            percent = 100 * yes // (yes + gaps)
            verdict = ("strong" if percent >= strong else
                       "getting-there" if percent >= getting_there else "needs-attention")
        found.append({"id": area.id, "title": area.title, "total": len(given), "yes": yes,
                      "gaps": gaps, "notRelevant": not_relevant, "unanswered": unanswered,
                      "percent": percent, "verdict": verdict, "label": rule.VERDICTS[verdict]})
    return found


def plan(cat: Catalogue, ranker: Ranker, questionnaire: Questionnaire, stage: str,
         answers: dict[str, str]) -> list[dict]:
    found = []
    for area, q in questionnaire.questions(stage):
        if answers.get(q.id) not in GAPS:
            continue
        need = cat.lookup("needs", q.need)
        top = next(iter(ranker.rank(Query(q.need, stage))), None)
        found.append({
            "area": area.id, "areaTitle": area.title, "id": q.id, "text": q.text,
            "answer": answers[q.id], "answerLabel": LABELS[answers[q.id]], "action": q.action,
            "toolkits": [{"title": cat.lookup("toolkits", slug).title,
                          "url": toolkit_urls.toolkit(slug)} for slug in q.toolkits],
            "need": {"slug": need.slug, "name": need.name,
                     "page": referral_urls.support_need(need.slug),
                     "support": referral_urls.support(urlencode({"need": need.slug, "stage": stage}))},
            "suggestion": None if top is None else {
                "slug": top.provider.slug, "name": top.provider.name,
                "url": directory_urls.provider(top.provider.slug), "reasons": list(top.reasons)},
        })
    return found


def fragment(questionnaire: Questionnaire, stage: str, answers: dict[str, str]) -> str:
    chars = "".join(CHARS.get(answers.get(q.id, ""), rule.UNANSWERED)
                    for _area, q in questionnaire.questions(stage))
    return f"answers={version(questionnaire)}.{stage}.{chars}"
