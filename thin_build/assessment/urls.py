"""Where the health check, the readiness checklist, their stage checklists and data live."""
from __future__ import annotations

HEALTH_CHECK = "health-check"
READINESS = "readiness"


def questionnaire(section: str) -> str:
    """The questionnaire's page: the form (with JavaScript) and links to the checklists."""
    return f"/{section}/"


def checklist(section: str, stage: str) -> str:
    """The printable checklist of one stage's questions, for use without JavaScript."""
    return f"/{section}/{stage}/"


def questions(section: str) -> str:
    """The JSON the page computes results and the action plan from."""
    return f"/{section}/questions.json"


def health_check() -> str:
    return questionnaire(HEALTH_CHECK)


def readiness() -> str:
    return questionnaire(READINESS)
