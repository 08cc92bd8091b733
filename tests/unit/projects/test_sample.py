"""The bundled projects and strategies: fictional, the plan's seven themes, and the
status mix the guide promises on the tests' date and a week later, when a new user
is likely to try the sample."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.projects.views import project_status, strategy_status


@pytest.fixture(scope="module")
def sample():
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, "\n".join(map(str, problems))
    assert not [p for p in problems if p.code.startswith(("project", "strategy", "milestone"))]
    return catalogue


@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 12, 1)])
def test_one_red_two_amber_three_green(sample, today) -> None:
    colours = {p.slug: project_status(p, today).colour for p in sample.projects}
    assert Counter(colours.values()) == {"red": 1, "amber": 2, "green": 3}
    assert colours["digital-skills-for-staff"] == "red"
    assert {s for s, c in colours.items() if c == "amber"} == {"trading-for-good",
                                                               "young-leaders"}


def test_each_rule_shows_in_the_sample(sample) -> None:
    words = {p.slug: project_status(p, TODAY).summary for p in sample.projects}
    assert words["digital-skills-for-staff"] == (
        "red: the laptop loan scheme milestone was missed (due on 31 July 2026)")
    assert words["trading-for-good"] == (
        "amber: the business plan workshops milestone was due on 6 November 2026")
    assert words["young-leaders"] == (
        "amber: the residential weekend milestone is at risk (due on 30 April 2027); young "
        "leaders trained is at 90 young people, below 80 % of the 123 expected by now")
    red = project_status(sample.lookup("projects", "digital-skills-for-staff"), TODAY)
    assert [r.text for r in red.reasons if r.colour == "amber"] == [
        "spend is £33,000, more than 10 % over the £27,155 expected by now"]


def test_the_plans_seven_strategies_one_per_theme(sample) -> None:
    themes = [t.slug for t in sample.strategy_themes]
    assert themes == ["general-community-development", "bme-vco-development", "premises",
                      "social-enterprise", "workforce-development", "volunteer-support",
                      "children-young-and-older-people"]
    assert sorted(s.theme for s in sample.strategies) == sorted(themes)
    for strategy in sample.strategies:
        assert strategy.document and strategy.members and strategy.milestones, strategy.slug
        assert (strategy.end - strategy.start).days in (1095, 1096), strategy.slug  # 3 years
    assert {strategy_status(s, TODAY).colour for s in sample.strategies} == {
        "red", "amber", "green"}


def test_projects_are_fictional_and_sit_under_strategies(sample) -> None:
    for project in sample.projects:
        assert project.funder.endswith("(fictional)"), project.path
        assert project.strategy and project.themes and project.partners, project.path
        assert project.updates, project.path
