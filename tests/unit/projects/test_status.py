"""The red / amber / green rule at fixed dates, at each boundary, with its words.

The project runs 100 days (1 January to 11 April 2026), so on 20 February half of it
has passed: a target of 100 is 50 pro rata and a budget of £10,000 is £5,000.
"""
from __future__ import annotations

import datetime as dt

import pytest

from thin_build.projects.model import Actual, Milestone, Outcome
from thin_build.projects.status import rate

START, END = dt.date(2026, 1, 1), dt.date(2026, 4, 11)
HALFWAY = dt.date(2026, 2, 20)
WELL = ("every milestone is on time, every outcome is at least 80 % of its pro-rata target "
        "and spend is within 10 % of pro rata")


def trained(value: int) -> Outcome:
    return Outcome(name="Volunteers trained", unit="volunteers", target=100,
                   actuals=(Actual(start=START, end=dt.date(2026, 1, 31), value=value),))


def training(status: str = "on-track", due: dt.date = dt.date(2026, 1, 21)) -> Milestone:
    return Milestone(title="Volunteer training", due=due, status=status)


def summary(today=HALFWAY, milestones=(), outcomes=(), budget=10_000, spend=0) -> str:
    return rate(today, START, END, milestones, outcomes, budget, spend).summary


@pytest.mark.parametrize("today, expected", [
    (dt.date(2026, 1, 21), f"green: {WELL}"),  # due today: not late yet
    (dt.date(2026, 1, 22), "amber: the volunteer training milestone was due on 21 January 2026"),
    (HALFWAY, "amber: the volunteer training milestone was due on 21 January 2026"),  # 30 days
    (dt.date(2026, 2, 21), "red: the volunteer training milestone was due on 21 January 2026, "
     "more than 30 days ago"),  # 31 days
])
def test_an_overdue_milestone_is_amber_up_to_exactly_30_days_then_red(today, expected) -> None:
    assert summary(today, [training()]) == expected


@pytest.mark.parametrize("status, expected", [
    ("done", f"green: {WELL}"),
    ("missed", "red: the volunteer training milestone was missed (due on 21 March 2026)"),
    ("at-risk", "amber: the volunteer training milestone is at risk (due on 21 March 2026)"),
    ("not-started", f"green: {WELL}"),
])
def test_a_milestone_not_yet_due_by_its_reported_state(status, expected) -> None:
    assert summary(milestones=[training(status, dt.date(2026, 3, 21))]) == expected


def test_a_milestone_done_late_is_not_held_against_the_project() -> None:
    assert summary(dt.date(2026, 4, 1), [training("done")]) == f"green: {WELL}"


@pytest.mark.parametrize("achieved, expected", [
    (40, f"green: {WELL}"),  # exactly 80 % of 50
    (39, "amber: volunteers trained is at 39 volunteers, below 80 % of the 50 expected by now"),
    (25, "amber: volunteers trained is at 25 volunteers, below 80 % of the 50 expected by now"),
    (24, "red: volunteers trained is at 24 volunteers, below 50 % of the 50 expected by now"),
])
def test_outcomes_against_their_pro_rata_target(achieved, expected) -> None:
    assert summary(outcomes=[trained(achieved)]) == expected


def test_pro_rata_follows_the_days_passed_and_stops_at_the_end() -> None:
    # 80 days of 100: 80 expected, 64 is exactly 80 %; after the end the whole 100.
    assert summary(dt.date(2026, 3, 22), outcomes=[trained(64)]) == f"green: {WELL}"
    assert summary(dt.date(2026, 3, 22), outcomes=[trained(63)]).startswith("amber:")
    assert summary(dt.date(2026, 6, 1), outcomes=[trained(80)]) == f"green: {WELL}"
    assert summary(dt.date(2026, 6, 1), outcomes=[trained(79)]) == (
        "amber: volunteers trained is at 79 volunteers, below 80 % of the 100 expected by now")


def test_before_the_start_no_outcome_or_spend_is_expected() -> None:
    assert summary(dt.date(2025, 12, 1), outcomes=[trained(0)], spend=1) == (
        "amber: spend is £1, more than 10 % over the £0 expected by now")
    assert summary(dt.date(2025, 12, 1), outcomes=[trained(0)]) == f"green: {WELL}"


@pytest.mark.parametrize("spend, expected", [
    (5_500, f"green: {WELL}"),  # exactly 10 % over
    (5_501, "amber: spend is £5,501, more than 10 % over the £5,000 expected by now"),
])
def test_spend_more_than_10_percent_over_pro_rata_is_amber(spend, expected) -> None:
    assert summary(spend=spend) == expected


def test_red_reasons_come_first_and_the_summary_names_only_the_worst() -> None:
    status = rate(HALFWAY, START, END, [training("at-risk", dt.date(2026, 3, 1)),
                                        training("missed", dt.date(2026, 3, 2))],
                  [trained(30)], 10_000, 6_000)
    assert status.colour == "red"
    assert [(r.colour, r.text) for r in status.reasons] == [
        ("red", "the volunteer training milestone was missed (due on 2 March 2026)"),
        ("amber", "the volunteer training milestone is at risk (due on 1 March 2026)"),
        ("amber", "volunteers trained is at 30 volunteers, below 80 % of the 50 expected by now"),
        ("amber", "spend is £6,000, more than 10 % over the £5,000 expected by now")]
    assert status.summary == "red: the volunteer training milestone was missed (due on 2 March 2026)"


def test_a_work_plan_is_rated_on_its_milestones_alone() -> None:
    assert rate(HALFWAY, START, END, [training("done")]).summary == (
        "green: every milestone is on time")
