"""Where the evidence page, its printable summary and its CSV files live."""
from __future__ import annotations

SECTION = "evidence"
# The printed summary is published with the other PDFs, under /print/.
SUMMARY_PDF = "print/evidence-summary.pdf"


def evidence() -> str:
    return "/evidence/"


def summary() -> str:
    """The one-page summary for decision makers, laid out for printing."""
    return "/evidence/summary/"


def table_csv(slug: str) -> str:
    return f"/evidence/{slug}.csv"


def stylesheet() -> str:
    return "/static/evidence/evidence.css"
