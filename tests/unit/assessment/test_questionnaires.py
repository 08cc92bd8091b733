"""Questionnaire files: conversion, the checks, the version, the JSON and the pages."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.assessment.data import questionnaire_data, version
from thin_build.assessment.model import Questionnaire
from thin_build.assessment.pages import assessment_outputs
from thin_build.build import build_site, check_site
from thin_build.core.plan import PagePlan
from thin_build.core.write import OutputFile

AGREED_TOOLKITS = {
    "trustee-roles-fact-sheet", "governing-document-guide", "annual-plan-template",
    "safeguarding-policy-template", "dbs-checks-fact-sheet", "health-and-safety-policy-template",
    "risk-register-template", "cash-flow-forecast-template", "bookkeeping-basics-guide",
    "full-cost-recovery-toolkit", "volunteer-policy-template", "volunteer-recruitment-toolkit",
    "funding-bid-toolkit", "data-protection-fact-sheet", "outcomes-measurement-guide",
    "quality-standards-overview", "tendering-readiness-toolkit", "employing-staff-fact-sheet",
    "premises-and-leases-guide", "organisational-health-check-printable",
    "consortium-agreement-template", "insurance-fact-sheet",
    "equality-and-inclusion-policy-template"}

MESSY = """\
title: Readiness
intro: Ready?
stages: [stage-2, stage-3]
areas:
  - id: money
    title: Money
    intro: M.
    questions:
      - {id: accounts, text: A?, stages: [stage-2, stage-3], why: W., action: Do., need: premises}
      - {id: accounts, text: B?, stages: [stage-1], why: W., action: Do., need: funding}
  - id: people
    title: People
    intro: P.
    questions:
      - {id: staff, text: C?, stages: [stage-2], why: W., action: Do., need: payroll}
"""


@pytest.fixture(scope="module")
def sample():
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    return cat


def test_every_problem_of_a_readiness_file_is_reported_at_once(make_site) -> None:
    """The readiness checklist is checked by the same engine, in its own file; one file's
    mistakes all come back together, each located."""
    _cat, problems = check_site(make_site({"content/readiness.yaml": MESSY}), TODAY)
    assert [str(p) for p in problems] == [
        "content/readiness.yaml:10:14: error[question-duplicate]: `areas[1].questions[2].id`: "
        "question id `accounts` is already used by `areas[1].questions[1].id` on line 9; give "
        "each question its own id",
        "content/readiness.yaml:10:43: error[question-stage]: `areas[1].questions[2].stages`: "
        "'stage-1' is not one of the stages this questionnaire is for (stage-2, stage-3); remove "
        "it, or add it to `stages` at the top of the file",
        "content/readiness.yaml:11:9: error[question-stage-gap]: `areas[2]`: area `people` has "
        "no question for stage-3; add one, or add stage-3 to the `stages` of a question that fits",
    ]


def test_a_file_that_does_not_convert_is_not_checked_twice(make_site) -> None:
    """An unknown key stops conversion; the checks then stay quiet instead of guessing."""
    broken = MESSY.replace("title: Money", "titel: Money")
    _cat, problems = check_site(make_site({"content/readiness.yaml": broken}), TODAY)
    assert [p.code for p in problems] == ["required", "unknown-key"]


def test_the_base_site_has_a_health_check_and_no_readiness_checklist(make_site) -> None:
    cat, _problems = check_site(make_site(), TODAY)
    assert isinstance(cat.healthcheck, Questionnaire) and cat.readiness is None
    outputs = list(assessment_outputs(inputs_for(cat)))
    urls = sorted(o.url if isinstance(o, PagePlan) else o.path for o in outputs)
    assert urls == ["/health-check/", "/health-check/stage-1/", "/health-check/stage-2/",
                    "/health-check/stage-3/", "/readiness/", "health-check/questions.json"]
    readiness = next(o for o in outputs if isinstance(o, PagePlan) and o.url == "/readiness/")
    assert readiness.data == {"questionnaire": None, "support": "/support/"}


def test_the_version_follows_ids_stages_and_order_not_wording(make_site) -> None:
    cat, _problems = check_site(make_site(), TODAY)
    health = cat.healthcheck
    area = health.areas[0]
    first, second = area.questions
    variants = {
        "reworded": (replace(first, text="New words?"), second),
        "restaged": (replace(first, stages=("stage-1",)), second),
        "renamed": (replace(first, id="other"), second),
        "reordered": (second, first),
    }
    changed = {name: version(replace(health, areas=(replace(area, questions=questions),)
                                     + health.areas[1:])) != version(health)
               for name, questions in variants.items()}
    assert changed == {"reworded": False, "restaged": True, "renamed": True, "reordered": True}


def test_the_json_names_toolkits_needs_and_only_the_providers_it_can_suggest(make_site) -> None:
    cat, _problems = check_site(make_site(), TODAY)
    data = questionnaire_data(cat, cat.healthcheck)
    assert data["toolkits"] == {
        "funding-bid-basics": {"title": "Funding bid basics", "url": "/toolkits/funding-bid-basics/"},
        "payroll-checklist": {"title": "Payroll checklist", "url": "/toolkits/payroll-checklist/"}}
    assert data["needs"]["payroll"] == {"name": "Payroll", "page": "/support/payroll/",
                                        "support": "/support/?need=payroll"}
    assert sorted(data["needs"]) == ["funding", "payroll", "premises"]
    assert data["providers"] == {"hub": "/providers/hub/", "payroll-bureau": "/providers/payroll-bureau/"}
    assert [s["slug"] for s in data["stages"]] == ["stage-1", "stage-2", "stage-3"]
    assert data["referralIndex"] == "/support/referral-index.json"


def test_the_json_is_written_byte_identical(make_site, tmp_path) -> None:
    root = make_site()
    first = build_site(root, tmp_path / "one", TODAY).out / "health-check" / "questions.json"
    second = build_site(root, tmp_path / "two", TODAY).out / "health-check" / "questions.json"
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text(encoding="utf-8"))["version"] == version(
        build_site(root, tmp_path / "three", TODAY).catalogue.healthcheck)


def test_each_stage_checklist_holds_exactly_that_stages_questions(sample) -> None:
    for item in assessment_outputs(inputs_for(sample)):
        if isinstance(item, OutputFile) or item.template != "assessment/checklist.html":
            continue
        questionnaire = sample.healthcheck if item.url.startswith("/health-check/") \
            else sample.readiness
        shown = [q["id"] for area in item.data["areas"] for q in area["questions"]]
        stage = item.data["stage"].slug
        assert shown == [q.id for _area, q in questionnaire.questions(stage)], item.url


def test_the_sample_health_check_covers_eight_areas_and_every_stage(sample) -> None:
    health = sample.healthcheck
    assert len(health.questions()) >= 40 and len(health.areas) >= 8
    for area in health.areas:
        assert {s for q in area.questions for s in q.stages} == {"stage-1", "stage-2", "stage-3"}
    readiness = sample.readiness
    assert len(readiness.questions()) >= 20 and readiness.stages == ("stage-2", "stage-3")
    used = {slug for q in (health, readiness) for _a, question in q.questions()
            for slug in question.toolkits}
    assert used <= AGREED_TOOLKITS and all(q.toolkits for _a, q in health.questions())
