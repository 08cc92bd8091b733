"""Projects and strategies: every mistake located on its line, with how to fix it."""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from tests.unit.test_cli import run
from thin_build.build import check_site

P = "content/projects/p.md"
S = "content/strategies/s.md"
PROVIDERS = ("'providers/nowhere' is not an organisation (orgs/<slug>) or a support provider "
             "(providers/<slug>); did you mean `providers/hub` or `providers/payroll-bureau`?")
NOT_LISTED = " (a partner must be in the directory: add its listing first)"


def project_file(**fields: str | None) -> str:
    """A valid project on top of the base site, `fields` replaced (None removes one)."""
    data = {"title": "Shared hall", "summary": "Two groups share a hall.",
            "lead": "providers/hub", "partners": "[orgs/bow-youth]",
            "funder": "Example Fund (fictional)", "start": "2026-04-01",
            "end": "2027-03-31", "budget": "20000",
            "outcomes": ("\n  - name: Sessions\n    unit: sessions\n    target: 40\n"
                         "    actuals:\n      - start: 2026-04-01\n        end: 2026-06-30\n"
                         "        value: 10"),
            "milestones": "\n  - title: Hall booked\n    due: 2026-05-01\n    status: done"}
    data |= fields
    lines = [f"{key}: {value}" for key, value in data.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\nText.\n"


def strategy_file(**fields: str | None) -> str:
    data = {"title": "Premises", "summary": "Space.", "theme": "premises", "lead": "hub",
            "start": "2026-04-01", "end": "2029-03-31",
            "milestones": "\n  - title: Audit\n    due: 2026-09-30\n    status: done"}
    data |= fields
    lines = [f"{key}: {value}" for key, value in data.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def problems_for(make_site, files: dict[str, str]) -> list[str]:
    _catalogue, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems]


def test_a_valid_project_and_strategy_pass(make_site) -> None:
    assert problems_for(make_site, {P: project_file(), S: strategy_file()}) == []


@pytest.mark.parametrize("fields, expected", [
    ({"outcomes": "\n  - name: Sessions\n    unit: sessions\n    target: 40\n    actuals:\n"
                  "      - start: 2026-04-01\n        end: 2026-06-30\n        value: -3"},
     f"{P}:17:16: error[project-negative-actual]: `outcomes[1].actuals[1].value`: -3 is "
     "negative; an actual counts what was achieved in the period, so write 0 or more (a "
     "correction goes in the period it corrects)"),
    ({"outcomes": "\n  - name: Sessions\n    unit: sessions\n    target: 40\n    actuals:\n"
                  "      - start: 2026-03-01\n        end: 2026-06-30\n        value: 3"},
     f"{P}:15:16: error[project-period-outside]: `outcomes[1].actuals[1]`: the period 1 March "
     "2026 to 30 June 2026 is outside the project's dates (1 April 2026 to 31 March 2027); "
     "correct the period or the project's `start` and `end`"),
    ({"outcomes": "\n  - name: Sessions\n    unit: sessions\n    target: 40\n    actuals:\n"
                  "      - start: 2027-01-01\n        end: 2027-06-30\n        value: 3"},
     f"{P}:16:14: error[project-period-outside]: `outcomes[1].actuals[1]`: the period 1 "
     "January 2027 to 30 June 2027 is outside the project's dates (1 April 2026 to 31 March "
     "2027); correct the period or the project's `start` and `end`"),
    ({"milestones": "\n  - title: Report\n    due: 2027-04-30"},
     f"{P}:20:10: error[milestone-after-end]: `milestones[1].due`: 30 April 2027 is after the "
     "project ends on 31 March 2027; move the milestone or the `end`"),
    ({"partners": "[orgs/bow-youth, providers/nowhere]"},
     f"{P}:5:28: error[project-unknown-partner]: `partners[2]`: {PROVIDERS}{NOT_LISTED}"),
    ({"partners": "[orgs/bow-yuth]"},
     f"{P}:5:12: error[project-unknown-partner]: `partners[1]`: 'orgs/bow-yuth' is not an "
     "organisation (orgs/<slug>) or a support provider (providers/<slug>); did you mean "
     f"`orgs/bow-youth`?{NOT_LISTED}"),
    ({"budget": "about twenty thousand"},
     f"{P}:9:9: error[project-bad-budget]: `budget`: 'about twenty thousand' is not an amount "
     "in whole pounds; write it like `85000` or `£85,000` (no pence, no words)"),
    ({"spend": "£1,000.50"},
     f"{P}:22:8: error[project-bad-budget]: `spend`: '£1,000.50' is not an amount in whole "
     "pounds; write it like `85000` or `£85,000` (no pence, no words)"),
    ({"end": "2026-03-01", "outcomes": None, "milestones": None},
     f"{P}:8:6: error[end-before-start]: the project ends on 1 March 2026, before it starts "
     "on 1 April 2026; check both dates"),
])
def test_project_mistakes_are_located(make_site, fields, expected) -> None:
    assert problems_for(make_site, {P: project_file(**fields)}) == [expected]


def test_a_partner_twice_or_the_lead_as_partner_is_a_warning(make_site) -> None:
    text = project_file(partners="[orgs/bow-youth, providers/hub, orgs/bow-youth]")
    assert problems_for(make_site, {P: text}) == [
        f"{P}:5:28: warning[project-duplicate-partner]: `partners[2]`: 'providers/hub' is the "
        "lead already; delete it from `partners`",
        f"{P}:5:43: warning[project-duplicate-partner]: `partners[3]`: 'orgs/bow-youth' is "
        "already a partner; delete the second mention"]


@pytest.mark.parametrize("lead, expected", [
    ("bow-youth", f"{S}:5:7: error[strategy-lead-not-provider]: `lead`: 'bow-youth' is not a "
     "support provider in providers/; 'Bow Youth Project' is an organisation "
     "(orgs/bow-youth.md): name it in `members` and give a provider as the lead"),
    ("providers/hub", f"{S}:5:7: error[strategy-lead-not-provider]: `lead`: 'providers/hub' "
     "is not a support provider in providers/; write the slug alone: `hub`"),
    ("hubb", f"{S}:5:7: error[strategy-lead-not-provider]: `lead`: 'hubb' is not a support "
     "provider in providers/; did you mean `hub`?"),
])
def test_a_strategy_lead_must_be_a_provider(make_site, lead, expected) -> None:
    assert problems_for(make_site, {S: strategy_file(lead=lead)}) == [expected]


def test_a_work_plan_milestone_after_its_end(make_site) -> None:
    text = strategy_file(milestones="\n  - title: Review\n    due: 2029-06-30")
    assert problems_for(make_site, {S: text}) == [
        f"{S}:10:10: error[milestone-after-end]: `milestones[1].due`: 30 June 2029 is after "
        "the work plan ends on 31 March 2029; move the milestone or the `end`"]


def test_unknown_theme_toolkit_and_strategy_get_did_you_mean(make_site) -> None:
    found = problems_for(make_site, {
        S: strategy_file(theme="premisses", document="funding-bid-basic"),
        P: project_file(strategy="premise", themes="[premises]")})
    assert found == [
        f"{P}:22:11: error[unknown-ref]: `strategy`: 'premise' is not in content/strategies/; "
        "did you mean `premises`?",
        f"{S}:4:8: error[unknown-ref]: `theme`: 'premisses' is not in "
        "content/taxonomies/strategy-themes.yaml; did you mean `premises`?",
        f"{S}:12:11: error[unknown-ref]: `document`: 'funding-bid-basic' is not in toolkits/; "
        "did you mean `funding-bid-basics`?"]


def test_an_update_from_the_future(make_site) -> None:
    text = project_file(updates="\n  - date: 2026-12-25\n    text: Christmas lunch held.")
    assert problems_for(make_site, {P: text}) == [
        f"{P}:23:11: error[future-date]: `updates[1].date`: 2026-12-25 is in the future"]


def test_thin_new_project_writes_a_skeleton_that_validates(make_site) -> None:
    root = make_site()
    day = ("--today", TODAY.isoformat())
    result = run("new", "project", "Shared minibus", "--root", root, *day)
    assert result.exit_code == 0, result.output
    text = (root / "content/projects/shared-minibus.md").read_text(encoding="utf-8")
    assert 'lead: "providers/hub"' in text and f'start: "{TODAY.isoformat()}"' in text
    assert run("validate", "--root", root, *day).stdout == (
        "0 errors, 0 warnings: content passes\n")
