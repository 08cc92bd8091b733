"""The scoring rule's numbers and words, written once and shipped to the page.

`templates/static/assessment/assessment-core.js` applies the rule (docs/health-check.md
explains it): per area, over the questions for the group's stage that are not "not
relevant", the score is the share answered "yes", rounded down to a whole per cent;
"no" and "not sure" both count as gaps, because an answer nobody can show evidence for
is a gap to a funder or commissioner too. An area gets a verdict only once every one
of its questions is answered.
"""
from __future__ import annotations

STRONG = 80          # a score of at least this is "strong"
GETTING_THERE = 50   # at least this (and below STRONG) is "getting there"

# (value of the radio button, label, one character in a shared link)
ANSWERS = (("yes", "Yes", "y"), ("no", "No", "n"), ("not-sure", "Not sure", "s"),
           ("not-relevant", "Not relevant", "x"))
UNANSWERED = "-"

VERDICTS = {
    "strong": "Strong",
    "getting-there": "Getting there",
    "needs-attention": "Needs attention",
    "not-answered": "Not answered yet",
    "not-relevant": "Not relevant to your group",
}


def rule_data() -> dict:
    """The rule as the page's JSON carries it."""
    return {"strong": STRONG, "gettingThere": GETTING_THERE, "answers": [list(a) for a in ANSWERS],
            "unanswered": UNANSWERED, "verdicts": VERDICTS}
