"""`thin report stale|duplicates|gaps|links`: the coordinators' reports (docs/reports.md).

Each command loads the content, asks `review/` for a `Report` and prints it in the
format asked for; the reports themselves never print. Reports that need the
catalogue stop, with the problems, when the content does not validate; the links
report reads the files as they are, so it works on content that does not yet.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import build
from .capabilities import PORTAL
from .cli_options import ROOT, TODAY, day
from .core.catalogue import Catalogue
from .core.load import load_repository
from .referral.gaps import find_gaps, gaps_text
from .report import format_problem, summary
from .review import link_check, links
from .review.duplicates import duplicates_report
from .review.gaps import gaps_report
from .review.stale import stale_report
from .review.tables import FORMATS, render

_FORMAT = click.option("--format", "style", type=click.Choice(FORMATS), default="text",
                       show_default=True, help="markdown for a GitHub issue or job summary, "
                       "csv for a spreadsheet.")


def _catalogue(root: Path, today) -> Catalogue:
    catalogue, problems = build.check_site(root, day(today))
    if catalogue is None:
        for problem in problems:
            click.echo(format_problem(problem), err=True)
        click.echo(summary(problems) + "; fix the content to see the report", err=True)
        sys.exit(1)
    return catalogue


@click.group("report")
def report_group() -> None:
    """Reports for coordinators, worked out from the content."""


@report_group.command("stale")
@ROOT
@TODAY
@_FORMAT
@click.option("--within", type=click.IntRange(0, 366), default=0, show_default=True,
              help="Also list listings that fall due in this many days.")
@click.option("--count", is_flag=True, help="Print only how many listings are due.")
def report_stale(root: Path, today, style: str, within: int, count: bool) -> None:
    """Listings due for review, most overdue first, grouped by who should check them."""
    report = stale_report(_catalogue(root, today), build.resolve_today(day(today)), within)
    click.echo(report.count if count else render(report, style), nl=count)


@report_group.command("duplicates")
@ROOT
@_FORMAT
def report_duplicates(root: Path, style: str) -> None:
    """Organisations and providers that may be one group listed twice, and why."""
    click.echo(render(duplicates_report(_catalogue(root, None)), style), nl=False)


@report_group.command("gaps")
@ROOT
@TODAY
@_FORMAT
def report_gaps(root: Path, today, style: str) -> None:
    """Gaps and duplication in support provision.

    Needs and stages no provider serves, needs only one provider serves, needs with no
    agreed referral agency, and where many providers overlap (docs/referral.md).
    """
    gaps = find_gaps(_catalogue(root, today))
    click.echo(gaps_text(gaps) if style == "text" else render(gaps_report(gaps), style),
               nl=False)


@report_group.command("links")
@ROOT
@_FORMAT
@click.option("--check", is_flag=True, help="Try each link (HEAD, then GET) and report "
              "errors, timeouts and redirects.")
@click.option("--timeout", type=click.FloatRange(0.1, 120), default=10.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--delay", type=click.FloatRange(0, 60), default=1.0, show_default=True,
              help="Seconds between two requests to the same host.")
@click.option("--cache", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where answers are kept for a week (default: ROOT/.thin-cache/links.json).")
@click.option("--strict", is_flag=True, help="With --check: exit 1 when a link is broken, "
              "unreachable or timed out.")
def report_links(root: Path, style: str, check: bool, timeout: float, delay: float,
                 cache: Path | None, strict: bool) -> None:
    """Every external link in the content, with its file and line, to check by hand or
    with --check; a flaky host never makes this fail unless --strict."""
    loaded = load_repository(root, PORTAL.sources())
    if problems := len(loaded.problems):
        click.echo(f"{problems} problem{'s' * (problems != 1)} reading the content; files "
                   "that could not be read are left out (run `thin validate`)", err=True)
    found = links.find_links(loaded.records, root)
    if not check:
        click.echo(render(links.links_report(found), style), nl=False)
        return
    settings = link_check.Settings(timeout=timeout, delay=delay)
    results = link_check.check_links((link.url for link in found),
                                     cache or root / ".thin-cache" / "links.json", settings)
    click.echo(render(links.checked_report(found, results), style), nl=False)
    sys.exit(1 if strict and links.failures(results) else 0)
