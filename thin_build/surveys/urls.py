"""Where each survey's pages and files live: under the evidence room's `/evidence/surveys/`."""
from __future__ import annotations


def survey(slug: str) -> str:
    """How providers add results: the CSV's columns, an example row, the pull request."""
    return f"/evidence/surveys/{slug}/"


def form(slug: str) -> str:
    """The survey as a printable paper form."""
    return f"/evidence/surveys/{slug}/form/"


def template_csv(slug: str) -> str:
    """An empty results file: the header row and the example row."""
    return f"/evidence/surveys/{slug}/results-template.csv"


def results_section(slug: str) -> str:
    """The survey's results on the evidence page."""
    return f"/evidence/#survey-{slug}"


def stylesheet() -> str:
    return "/static/surveys/surveys.css"
