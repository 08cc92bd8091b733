"""The scoring rule's numbers and words, written once and shipped to the page.

`templates/static/assessment/assessment-core.js` applies the rule (docs/health-check.md
explains it): per area, over the questions for the group's stage that are not "not
relevant", the score is the share answered "yes", rounded down to a whole per cent;
"no" and "not sure" both count as gaps, because an answer nobody can show evidence for
is a gap to a funder or commissioner too. An area gets a verdict only once every one
of its questions is answered.
"""
from __future__ import annotations

from ..core.i18n import N_
from ..core.i18n import gettext as _

STRONG = 80          # a score of at least this is "strong"
GETTING_THERE = 50   # at least this (and below STRONG) is "getting there"

# (value of the radio button, label, one character in a shared link); the labels are
# translated where shown (`answers()`), the values and characters never are.
ANSWERS = (("yes", N_("Yes"), "y"), ("no", N_("No"), "n"), ("not-sure", N_("Not sure"), "s"),
           ("not-relevant", N_("Not relevant"), "x"))
UNANSWERED = "-"

VERDICTS = {
    # Translators: a health check area's verdict: a score of 80% or more
    "strong": N_("Strong"),
    # Translators: a health check area's verdict: a score from 50% to 79%
    "getting-there": N_("Getting there"),
    # Translators: a health check area's verdict: a score below 50%
    "needs-attention": N_("Needs attention"),
    "not-answered": N_("Not answered yet"),
    "not-relevant": N_("Not relevant to your group"),
}


def answers() -> tuple[tuple[str, str, str], ...]:
    """The answers with their labels in the page's language."""
    return tuple((value, _(label), char) for value, label, char in ANSWERS)


def rule_data() -> dict:
    """The rule as the page's JSON carries it, its words in the page's language."""
    return {"strong": STRONG, "gettingThere": GETTING_THERE,
            "answers": [list(a) for a in answers()], "unanswered": UNANSWERED,
            "verdicts": {key: _(label) for key, label in VERDICTS.items()}}
