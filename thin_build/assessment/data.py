"""The JSON a questionnaire's page reads (`/<section>/questions.json`), and its version.

Paths are written without the language's prefix: the page adds its own base (`data-base`,
`/bn/` on a Bengali page), as the referral page does with its index. The page needs no
other file of ours but the referral index, which it ranks with the
referral page's own `rank` (the top suggestion for each gap's need at the group's
stage, so the action plan and "Find support" can never disagree). Slugs are resolved
here to titles and URLs; keys are sorted so the file is byte-identical build to build.
"""
from __future__ import annotations

import hashlib

from ..core.catalogue import Catalogue
from ..core.taxonomy import Term
from ..core.urls import query_string
from ..directory import urls as directory_urls
from ..referral import urls as referral_urls
from ..toolkits import urls as toolkit_urls
from . import model
from .rule import rule_data


def stages_of(cat: Catalogue, questionnaire: model.Questionnaire) -> tuple[Term, ...]:
    """The stages a questionnaire is for, in the taxonomy's order."""
    wanted = questionnaire.stages
    return tuple(s for s in cat.stages if not wanted or s.slug in wanted)


def version(questionnaire: model.Questionnaire) -> str:
    """A fingerprint of the questions' ids, stages and order.

    A shared link carries it: a link made before a question was added, removed,
    moved or given to another stage has answers in the wrong places, so the page
    ignores it (and says so) instead of misreading it.
    """
    lines = [f"{area.id}/{question.id}:{','.join(sorted(question.stages))}"
             for area, question in questionnaire.questions()]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:8]


def questionnaire_data(cat: Catalogue, questionnaire: model.Questionnaire) -> dict:
    """Everything the page computes results and the action plan from."""
    used_needs = {q.need for _area, q in questionnaire.questions()}
    used_toolkits = sorted({slug for _area, q in questionnaire.questions() for slug in q.toolkits})
    return {
        "version": version(questionnaire),
        "title": questionnaire.title,
        "stages": [{"slug": s.slug, "name": s.name} for s in stages_of(cat, questionnaire)],
        "areas": [{"id": area.id, "title": area.title, "questions": [
            {"id": q.id, "text": q.text, "stages": list(q.stages), "action": q.action,
             "need": q.need, "toolkits": list(q.toolkits)} for q in area.questions]}
            for area in questionnaire.areas],
        "toolkits": {slug: {"title": cat.lookup("toolkits", slug).title,
                            "url": toolkit_urls.toolkit(slug)} for slug in used_toolkits},
        "needs": {n.slug: {"name": n.name, "page": referral_urls.support_need(n.slug),
                           "support": referral_urls.support(query_string({"need": n.slug}))}
                  for n in cat.needs if n.slug in used_needs},
        "providers": {p.slug: directory_urls.provider(p.slug) for p in cat.providers
                      if any(s.need in used_needs for s in p.services)},
        "referralIndex": referral_urls.support_index(),
        "rule": rule_data(),
    }
