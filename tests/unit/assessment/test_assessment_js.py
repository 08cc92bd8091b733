"""The page's scoring, action plan and shared links, in Node, against the Python reference.

A fixture questionnaire of two areas of three questions (each question for some of the
three stages: four questions at stage 1 and 2, five at stage 3) is built on the base site; for each stage every pattern of the five
answers (yes, no, not sure, not relevant, none) over that stage's questions is scored,
planned and encoded by assessment-core.js in one Node process, and must equal
`reference.py` exactly. Every link made is read back, and malformed links and links
from an older version of the questions are refused.
"""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.assessment import reference
from thin_build.assessment.data import version
from thin_build.build import build_site
from thin_build.referral.rank import Ranker

RUNNER = REPO / "tests" / "js" / "assessment-run.js"
ANSWERS = ("yes", "no", "not-sure", "not-relevant", None)

FIXTURE = """\
title: Fixture health check
intro: Two areas, three questions each.
areas:
  - id: money
    title: Money
    intro: Money matters.
    questions:
      - {id: records, text: Records?, stages: [stage-1, stage-2, stage-3], why: W.,
         action: Keep records., need: funding, toolkits: [funding-bid-basics]}
      - {id: staff-pay, text: Staff pay?, stages: [stage-2, stage-3], why: W.,
         action: Pay staff., need: payroll, toolkits: [payroll-checklist, funding-bid-basics]}
      - {id: first-bid, text: First bid?, stages: [stage-1, stage-3], why: W., action: Bid.,
         need: funding}
  - id: place
    title: Place
    intro: Where you work.
    questions:
      - {id: room, text: Room?, stages: [stage-1, stage-2, stage-3], why: W., action: Find one.,
         need: premises}
      - {id: lease, text: Lease?, stages: [stage-3], why: W., action: Sign one., need: premises,
         toolkits: [payroll-checklist]}
      - {id: payslips, text: Payslips?, stages: [stage-1, stage-2], why: W., action: Print.,
         need: payroll}
"""


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("assessment") / "repo"
    shutil.copytree(BASE_SITE, root)
    (root / "content" / "healthcheck.yaml").write_text(FIXTURE, encoding="utf-8")
    result = build_site(root, root / "site", TODAY)
    return result.catalogue, root / "site"


def every_case(questionnaire) -> list[dict]:
    """Every answer pattern for each stage; questions of other stages answered "no"."""
    cases = []
    for stage in ("stage-1", "stage-2", "stage-3"):
        mine = [q.id for _area, q in questionnaire.questions(stage)]
        others = {q.id: "no" for _area, q in questionnaire.questions() if q.id not in mine}
        for pattern in itertools.product(ANSWERS, repeat=len(mine)):
            answers = dict(others) | {qid: a for qid, a in zip(mine, pattern) if a}
            cases.append({"stage": stage, "answers": answers})
    return cases


def run_node(site: Path, tmp_path: Path, cases: list[dict], fragments: list[str],
             rule: dict | None = None) -> dict:
    """The core's answers; `rule` replaces the thresholds in a copy of questions.json."""
    questions = site / "health-check" / "questions.json"
    if rule:
        data = json.loads(questions.read_text(encoding="utf-8"))
        data["rule"] |= rule
        questions = tmp_path / "questions.json"
        questions.write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "input.json").write_text(json.dumps({"cases": cases, "fragments": fragments}),
                                         encoding="utf-8")
    run = subprocess.run([shutil.which("node") or "node", str(RUNNER), str(questions),
                          str(site / "support" / "referral-index.json"),
                          str(tmp_path / "input.json")],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def older_fragment(questionnaire) -> str:
    """A link made before the last question was added: same stage, one answer fewer."""
    last = questionnaire.areas[-1]
    before = replace(questionnaire, areas=questionnaire.areas[:-1] + (
        replace(last, questions=last.questions[:-1]),))
    assert version(before) != version(questionnaire)
    return reference.fragment(before, "stage-1", {"records": "yes"})


def test_every_answer_pattern_scores_plans_and_links_as_the_reference(fixture_site,
                                                                      tmp_path) -> None:
    cat, site = fixture_site
    questionnaire = cat.healthcheck
    ranker = Ranker(cat)
    cases = every_case(questionnaire)
    assert len(cases) == 2 * 5 ** 4 + 5 ** 5
    expected = [{"scores": reference.scores(questionnaire, c["stage"], c["answers"]),
                 "plan": reference.plan(cat, ranker, questionnaire, c["stage"], c["answers"]),
                 "fragment": reference.fragment(questionnaire, c["stage"], c["answers"])}
                for c in cases]
    got = run_node(site, tmp_path, cases, [e["fragment"] for e in expected])
    differences = [(case, want, have) for case, want, have in zip(cases, expected, got["results"])
                   if want != have]
    assert differences[:3] == [] and len(got["results"]) == len(cases)
    for case, decoded in zip(cases, got["decoded"]):
        mine = {q.id for _area, q in questionnaire.questions(case["stage"])}
        assert decoded == {"status": "ok", "stage": case["stage"],
                           "answers": {k: v for k, v in case["answers"].items() if k in mine}}


def test_thresholds_are_inclusive_in_javascript_too(fixture_site, tmp_path) -> None:
    """The fixture's areas score 0, 33, 50, 66 or 100 per cent, never exactly 80; with thresholds at 66 and 33 both boundaries are hit exactly, so
    `>` for `>=` in the JavaScript fails here."""
    cat, site = fixture_site
    questionnaire = cat.healthcheck
    cases = every_case(questionnaire)
    expected = [reference.scores(questionnaire, c["stage"], c["answers"], 66, 33) for c in cases]
    percents = {s["percent"] for scores in expected for s in scores}
    assert {66, 33} <= percents
    got = run_node(site, tmp_path, cases, [], {"strong": 66, "gettingThere": 33})["results"]
    assert [r["scores"] for r in got] == expected


def test_the_fixture_exercises_every_verdict_and_both_kinds_of_suggestion(fixture_site) -> None:
    """Guards the exhaustive test: the patterns reach every verdict, plans with and
    without a provider to suggest, and toolkits, so a wrong branch cannot hide."""
    cat, _site = fixture_site
    questionnaire, ranker = cat.healthcheck, Ranker(cat)
    verdicts, suggested = set(), set()
    for case in every_case(questionnaire):
        verdicts |= {s["verdict"] for s in reference.scores(questionnaire, case["stage"],
                                                            case["answers"])}
        suggested |= {item["suggestion"] is None for item in reference.plan(
            cat, ranker, questionnaire, case["stage"], case["answers"])}
    assert verdicts == {"strong", "getting-there", "needs-attention", "not-answered",
                        "not-relevant"}
    assert suggested == {True, False}


MALFORMED = ["answers=", "answers=zz", "answers={v}.stage-9.yy", "answers={v}.stage-1.yyy",
             "answers={v}.stage-1.yyyyy", "answers={v}.stage-1.yq--", "answers={v}.stage-1.YYYY",
             "<img src=x onerror=alert(1)>", "javascript:alert(1)", "answers={v}.stage-1.y%27-",
             "answers={v}.__proto__.", "answers={v}.constructor.", "answers={v}.stage-1." + "y" * 5000,
             "answers={v}.stage-1.yyyy&x=1", "answers={v}..yyyy", "answers={v}.stage-1"]


def test_malformed_and_older_links_are_refused(fixture_site, tmp_path) -> None:
    cat, site = fixture_site
    v = version(cat.healthcheck)
    fragments = ["", "#", *(m.format(v=v) for m in MALFORMED),
                 "answers=00000000.stage-1.yyyy", older_fragment(cat.healthcheck),
                 "#answers={v}.stage-1.yn-x".format(v=v)]
    decoded = run_node(site, tmp_path, [], fragments)["decoded"]
    assert [d["status"] for d in decoded] == (["none", "none"] + ["malformed"] * len(MALFORMED)
                                              + ["older", "older", "ok"])
    assert decoded[-1] == {"status": "ok", "stage": "stage-1",
                           "answers": {"records": "yes", "first-bid": "no",
                                       "payslips": "not-relevant"}}


def test_node_runner_fails_loudly_on_a_broken_file(fixture_site, tmp_path) -> None:
    _cat, site = fixture_site
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    run = subprocess.run([shutil.which("node") or "node", str(RUNNER), str(tmp_path / "broken.json"),
                          str(site / "support" / "referral-index.json"),
                          str(tmp_path / "broken.json")], capture_output=True, check=False)
    assert run.returncode != 0
