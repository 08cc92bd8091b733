"""`thin report stale`: listings due for review at fixed dates, exact rows in every format."""
from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import check_site
from thin_build.cli import main
from thin_build.review.stale import EMPTY, stale_report
from thin_build.review.tables import MARKDOWN_LIMIT, Column, Group, Report, render

EDIT = "https://git.example.org/thin/portal/edit/main/"


def org(name: str, verified: str | None, *extra: str) -> str:
    lines = [f"name: {name}", "summary: A fictional group.", "wards: [weavers]",
             "stage: stage-1", *extra]
    return "\n".join(lines + ([f"last_verified: {verified}"] if verified else [])) + "\n"


# At TODAY (2026-11-24), twelve months: due on 2026-10-01 is 54 days overdue (30 days
# to 31 October, 24 more to 24 November); due on 2026-11-24 is due today; 2025-11-30 is
# due on 2026-11-30, in six days; a closed group is never listed.
FILES = {
    "orgs/old-mill.yaml": org("Old Mill Group", "2025-10-01", "works_with: [hub]"),
    "orgs/never-checked.yaml": org("Never Checked Group", None),
    "orgs/leap.yaml": org("Leap Group", "2025-11-24", "works_with: [payroll-bureau, hub]"),
    "orgs/soon.yaml": org("Soon Group", "2025-11-30", "works_with: [hub]"),
    "orgs/closed-cafe.yaml": org("Closed Cafe", "2024-01-01", "status: closed"),
}


@pytest.fixture
def site(make_site):
    return make_site(FILES)


def report(root, within: int = 0):
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    return stale_report(catalogue, TODAY, within)


def test_text_rows_most_overdue_first_grouped_by_who_checks(site) -> None:
    assert render(report(site), "text") == (
        "Listings due for review (3)\n"
        "On 2026-11-24: listings last checked 12 months ago or more, or never; most overdue "
        "first, grouped by who should check them. Check each with the group, then set "
        "last_verified to the day you checked.\n"
        "\n"
        "Coordinators (hello@example.org)\n"
        "  listing              kind          last verified  due         status              file                     edit\n"
        f"  Never Checked Group  organisation  never          now         never verified      orgs/never-checked.yaml  {EDIT}orgs/never-checked.yaml\n"
        "\n"
        "Example Voluntary Action Hub (referrals@hub.example.org)\n"
        "  listing              kind          last verified  due         status              file                     edit\n"
        f"  Old Mill Group       organisation  2025-10-01     2026-10-01  overdue by 54 days  orgs/old-mill.yaml       {EDIT}orgs/old-mill.yaml\n"
        "\n"
        "Community Payroll Bureau (referrals@payroll.example.org)\n"
        "  listing              kind          last verified  due         status              file                     edit\n"
        f"  Leap Group           organisation  2025-11-24     2026-11-24  due today           orgs/leap.yaml           {EDIT}orgs/leap.yaml\n"
    )


def test_looking_ahead_adds_what_falls_due_soon_in_its_group(site) -> None:
    lines = render(report(site, within=6), "text").splitlines()
    assert lines[0] == "Listings due for review (4)"
    assert "or never, or due within 6 days; most overdue first" in lines[1]
    hub = lines.index("Example Voluntary Action Hub (referrals@hub.example.org)")
    assert [line.split("  ")[1] for line in lines[hub + 2:hub + 4]] == [
        "Old Mill Group", "Soon Group"]
    assert "2025-11-30     2026-11-30  due in 6 days" in lines[hub + 3]
    assert render(report(site, within=5), "text").startswith("Listings due for review (3)")


def test_a_short_month_moves_the_due_date_to_its_last_day(make_site) -> None:
    """Three months after 31 August is 30 November (November has no 31st)."""
    root = make_site({"orgs/late.yaml": org("Late Summer Group", "2026-08-31"),
                      "content/site.yaml": (BASE_SITE.joinpath("content/site.yaml")
                                            .read_text().replace("stale_after_months: 12",
                                                                 "stale_after_months: 3"))})
    rows = [row for group in report(root, within=6).groups for row in group.rows]
    assert ("Late Summer Group", "organisation", "2026-08-31", "2026-11-30", "due in 6 days",
            "orgs/late.yaml", EDIT + "orgs/late.yaml") in rows


def test_markdown_is_one_table_per_group_with_links_to_edit(site) -> None:
    text = render(report(site), "markdown")
    assert text.startswith("# Listings due for review\n\nOn 2026-11-24: ")
    assert "set last\\_verified to the day" in text
    assert (
        "## Example Voluntary Action Hub (referrals\\@hub.example.org)\n"
        "\n"
        "| listing | kind | last verified | due | status | file | edit |\n"
        "|---|---|---|---|---|---|---|\n"
        "| Old Mill Group | organisation | 2025-10-01 | 2026-10-01 | overdue by 54 days | "
        f"orgs/old-mill.yaml | [edit](<{EDIT}orgs/old-mill.yaml>) |\n"
        "\n"
        "## Community Payroll Bureau") in text


def test_csv_has_a_row_per_listing_with_who_checks_it(site) -> None:
    text = render(report(site), "csv")
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows == [
        ["who should check", "listing", "kind", "last verified", "due", "status", "file",
         "edit"],
        ["Coordinators (hello@example.org)", "Never Checked Group", "organisation", "never",
         "now", "never verified", "orgs/never-checked.yaml", EDIT + "orgs/never-checked.yaml"],
        ["Example Voluntary Action Hub (referrals@hub.example.org)", "Old Mill Group",
         "organisation", "2025-10-01", "2026-10-01", "overdue by 54 days", "orgs/old-mill.yaml",
         EDIT + "orgs/old-mill.yaml"],
        ["Community Payroll Bureau (referrals@payroll.example.org)", "Leap Group",
         "organisation", "2025-11-24", "2026-11-24", "due today", "orgs/leap.yaml",
         EDIT + "orgs/leap.yaml"],
    ]


def test_markup_in_a_name_stays_text_in_markdown(make_site) -> None:
    root = make_site({"orgs/stars.yaml": org("Stars *and* Bars | @everyone <b>", "2025-01-05")})
    text = render(report(root), "markdown")
    assert "| Stars \\*and\\* Bars \\| \\@everyone \\<b\\> | organisation |" in text


def test_the_empty_report_says_so_except_in_csv(make_site) -> None:
    root = make_site()
    empty = report(root)
    assert empty.count == 0
    assert render(empty, "text").endswith("\n\nNo listings are due for review.\n")
    assert render(empty, "markdown").endswith("\n\nNo listings are due for review.\n")
    assert render(empty, "csv") == (
        "\ufeffwho should check,listing,kind,last verified,due,status,file,edit\r\n")


def run(*args: str):
    return CliRunner().invoke(main, ["report", "stale", *args])


def test_count_prints_only_the_number_due(site, make_site) -> None:
    result = run("--root", str(site), "--today", "2026-11-24", "--count")
    assert (result.exit_code, result.stdout) == (0, "3\n")
    result = run("--root", str(site), "--today", "2026-11-24", "--count", "--within", "6")
    assert result.stdout == "4\n"


def test_the_command_prints_the_report_in_the_format_asked(site) -> None:
    result = run("--root", str(site), "--today", "2026-11-24", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == render(report(site), "markdown")


def test_content_that_does_not_validate_is_reported_not_crashed_on(make_site) -> None:
    root = make_site({"orgs/broken.yaml": "name: [unclosed\n"})
    result = run("--root", str(root), "--today", "2026-11-24")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("orgs/broken.yaml:2:1: error[yaml-syntax]: ")
    assert result.stderr.endswith(
        "\n1 error, 0 warnings: content fails; fix the content to see the report\n")


def test_a_name_a_spreadsheet_would_run_is_text_in_csv(make_site) -> None:
    root = make_site({"orgs/sums.yaml": org("=SUM(1+1) Group", "2025-01-05")})
    rows = list(csv.reader(io.StringIO(render(report(root), "csv").removeprefix("\ufeff"),
                                       newline="")))
    assert rows[1][1] == "'=SUM(1+1) Group"


def test_markdown_stays_short_enough_for_a_github_issue() -> None:
    """GitHub refuses a body over 65,536 characters: rows past the limit are counted."""
    rows = tuple((f"Group {n:04d}", "x" * 100) for n in range(1000))
    big = Report("Listings due for review", "Intro.", (Column("listing"), Column("note")),
                 (Group("First", rows[:600]), Group("Second", rows[600:])), EMPTY)
    text = render(big, "markdown")
    assert len(text) <= MARKDOWN_LIMIT
    written = [line for line in text.splitlines() if line.startswith("| Group ")]
    assert written[0].startswith("| Group 0000 |")
    assert [line[2:12] for line in written] == [f"Group {n:04d}" for n in range(len(written))]
    assert "## Second" not in text
    assert text.endswith(f"\n{1000 - len(written)} more rows left out to keep this short "
                         "enough for GitHub; run the command for them all.\n")
    # 35 characters of title and intro, 40 of heading, table head and the blank line after
    # it, then 118 a row (117 and its line end): (60,000 - 75) // 118 = 507.
    assert len(written) == 507
