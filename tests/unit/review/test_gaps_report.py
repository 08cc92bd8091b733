"""`thin report gaps --format markdown|csv`: referral's findings as a table, row per need."""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import check_site
from thin_build.cli import main
from thin_build.referral.gaps import find_gaps, gaps_text
from thin_build.review.gaps import gaps_report
from thin_build.review.tables import render


def gaps():
    catalogue, problems = check_site(BASE_SITE, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    return find_gaps(catalogue)


def test_csv_has_a_row_per_finding() -> None:
    rows = list(csv.reader(io.StringIO(render(gaps_report(gaps()), "csv").removeprefix("\ufeff"),
                                       newline="")))
    assert rows == [
        ["finding", "need", "detail"],
        ["Needs and stages no provider serves", "Funding and fundraising", "Stage 3: established"],
        ["Needs and stages no provider serves", "Payroll", "Stage 1: emerging"],
        ["Needs only one provider serves", "Funding and fundraising",
         "Example Voluntary Action Hub"],
        ["Needs only one provider serves", "Payroll", "Community Payroll Bureau"],
        ["Needs only one provider serves", "Premises", "Example Voluntary Action Hub"],
        ["Needs with no agreed referral agency", "Funding and fundraising", "no agency agreed"],
        ["Needs with no agreed referral agency", "Payroll", "no agency agreed"],
        ["Needs with no agreed referral agency", "Premises", "no agency agreed"],
    ]


def test_the_command_keeps_its_text_and_adds_markdown() -> None:
    run = CliRunner().invoke
    text = run(main, ["report", "gaps", "--root", str(BASE_SITE), "--today", "2026-11-24"])
    assert (text.exit_code, text.stdout) == (0, gaps_text(gaps()))
    markdown = run(main, ["report", "gaps", "--root", str(BASE_SITE), "--today", "2026-11-24",
                          "--format", "markdown"])
    assert markdown.exit_code == 0
    assert markdown.stdout.startswith("# Gaps in support provision\n")
    assert ("## Needs only one provider serves\n\n| need | detail |\n|---|---|\n"
            "| Funding and fundraising | Example Voluntary Action Hub |\n") in markdown.stdout
