"""The red / amber / green rule, defined once for projects and strategies' work plans.

Computed at the build's date from the file alone, so nobody sets a colour by hand and
every colour comes with its reasons in words (docs/projects.md states the rule):

- red: a milestone `missed`, or not done more than 30 days after its due date; or an
  outcome below 50 % of its pro-rata target;
- amber: a milestone `at-risk`, or not done after its due date (up to 30 days); an
  outcome below 80 % of its pro-rata target; or spend more than 10 % over pro rata;
- green: none of these.

Pro rata is the whole-project figure times the share of the project's days that have
passed (`today` − start) ÷ (end − start), capped at 1. Comparisons are made in whole
numbers (no floating point), so exactly 80 % is green and exactly 30 days is amber.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Sequence

from ..core.i18n import N_, format_number
from ..core.i18n import gettext as _
from ..core.present import human_date
from ..referral.rank import lower_first
from .model import Milestone, Outcome

RED, AMBER, GREEN = "red", "amber", "green"
GRACE_DAYS = 30
RED_PERCENT, AMBER_PERCENT, SPEND_PERCENT = 50, 80, 110
# The words for green, translated where shown (`Status.summary`).
ALL_WELL = N_("every milestone is on time, every outcome is at least %(amber)s %% of its "
              "pro-rata target and spend is within %(over)s %% of pro rata")
PLAN_WELL = N_("every milestone is on time")


@dataclass(frozen=True)
class Reason:
    colour: str
    text: str


@dataclass(frozen=True)
class Status:
    """The colour and every reason found, reds first, each in file order."""

    colour: str
    reasons: tuple[Reason, ...]
    well: str = ALL_WELL  # the words for green

    @property
    def summary(self) -> str:
        """"amber: the volunteer training milestone was due on 1 October 2026" (the colour
        is the key, the reasons in the page's language)."""
        worst = [r.text for r in self.reasons if r.colour == self.colour]
        limits = {"amber": AMBER_PERCENT, "over": SPEND_PERCENT - 100}
        return f"{self.colour}: " + ("; ".join(worst) if worst else _(self.well) % limits)


@dataclass(frozen=True)
class Elapsed:
    """How far through its dates a project is at `today`: `days` of `total`."""

    days: int
    total: int

    @classmethod
    def at(cls, start: dt.date, end: dt.date, today: dt.date) -> "Elapsed":
        total = max((end - start).days, 1)
        return cls(min(max((today - start).days, 0), total), total)

    def pro_rata(self, amount: int) -> int:
        """The amount expected by now, rounded down to a whole unit (for the words)."""
        return amount * self.days // self.total

    def below(self, value: int, amount: int, percent: int) -> bool:
        """value < percent % of amount × days ÷ total, compared exactly."""
        return value * self.total * 100 < percent * amount * self.days

    def above(self, value: int, amount: int, percent: int) -> bool:
        return value * self.total * 100 > percent * amount * self.days


def milestone_reason(milestone: Milestone, today: dt.date) -> Reason | None:
    # Translators: %(name)s is a milestone's title, e.g. "the volunteer training milestone"
    words = {"name": lower_first(milestone.title), "due": human_date(milestone.due),
             "days": GRACE_DAYS}
    if milestone.status == "done":
        return None
    if milestone.status == "missed":
        return Reason(RED, _("the %(name)s milestone was missed (due on %(due)s)") % words)
    late = (today - milestone.due).days
    if late > GRACE_DAYS:
        return Reason(RED, _("the %(name)s milestone was due on %(due)s, more than %(days)s "
                             "days ago") % words)
    if late > 0:
        return Reason(AMBER, _("the %(name)s milestone was due on %(due)s") % words)
    if milestone.status == "at-risk":
        return Reason(AMBER, _("the %(name)s milestone is at risk (due on %(due)s)") % words)
    return None


def outcome_reason(outcome: Outcome, elapsed: Elapsed) -> Reason | None:
    if elapsed.days == 0 or outcome.target == 0:
        return None
    for colour, percent in ((RED, RED_PERCENT), (AMBER, AMBER_PERCENT)):
        if elapsed.below(outcome.achieved, outcome.target, percent):
            # Translators: %(unit)s is the outcome's own unit, e.g. "volunteers trained"
            return Reason(colour, _("%(name)s is at %(achieved)s %(unit)s, below %(percent)s %% "
                                    "of the %(expected)s expected by now") % {
                "name": lower_first(outcome.name), "achieved": format_number(outcome.achieved),
                "unit": outcome.unit, "percent": percent,
                "expected": format_number(elapsed.pro_rata(outcome.target))})
    return None


def spend_reason(budget: int, spend: int, elapsed: Elapsed) -> Reason | None:
    if elapsed.above(spend, budget, SPEND_PERCENT):
        return Reason(AMBER, _("spend is %(spend)s, more than 10 %% over the %(expected)s "
                               "expected by now") % {
            "spend": f"£{format_number(spend)}",
            "expected": f"£{format_number(elapsed.pro_rata(budget))}"})
    return None


def rate(today: dt.date, start: dt.date, end: dt.date, milestones: Sequence[Milestone],
         outcomes: Sequence[Outcome] = (), budget: int | None = None,
         spend: int = 0) -> Status:
    """The status at `today` of a project (or, without outcomes and budget, a work plan)."""
    elapsed = Elapsed.at(start, end, today)
    found = [milestone_reason(m, today) for m in milestones]
    found += [outcome_reason(o, elapsed) for o in outcomes]
    if budget is not None:
        found.append(spend_reason(budget, spend, elapsed))
    reasons = [r for r in found if r is not None]
    reasons.sort(key=lambda r: r.colour != RED)  # stable: file order within a colour
    colour = reasons[0].colour if reasons else GREEN
    return Status(colour, tuple(reasons), ALL_WELL if outcomes or budget is not None
                  else PLAN_WELL)
