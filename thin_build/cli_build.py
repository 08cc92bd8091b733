"""`thin build`: the whole site, or (`--incremental`) only what changed since the last build.

Failures are reported as located lines, never a traceback, and leave the previous site
as it was: content problems all at once, a page that cannot be rendered in one line.
`--timings` writes the seconds of every stage and step for the benchmark.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import build
from .cli_options import ROOT, TODAY, day
from .core.errors import BuildError, ContentError
from .core.timings import timings_json
from .incremental import Rebuilder
from .report import format_problem, summary


@click.command("build")
@ROOT
@TODAY
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: ROOT/site).")
@click.option("--no-pdf", "no_pdf", is_flag=True,
              help="Leave out the printable PDFs, for a quick preview.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Processes rendering pages (default: THIN_JOBS, else one per core).")
@click.option("--timings", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the seconds of each stage and build step to this JSON file.")
@click.option("--incremental", is_flag=True,
              help="Rebuild only what changed since the last --incremental build "
                   "(state in .thin-cache/); the same files as a full build.")
def build_command(root: Path, today, out: Path | None, no_pdf: bool, jobs: int | None,
                  timings: Path | None, incremental: bool) -> None:
    """Validate, then build the whole site atomically into site/."""
    try:
        if incremental:
            return _rebuild(Rebuilder(root, out, day(today), pdf=not no_pdf, jobs=jobs,
                                      persist=True))
        # The old site is deleted after this command returns (see OutputTree.commit).
        result = build.build_site(root, out, day(today), pdf=not no_pdf, jobs=jobs, wait=False)
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(format_problem(problem), err=True)
        click.echo(summary(exc.problems) + "; site not built (the previous one is unchanged)",
                   err=True)
        sys.exit(1)
    except BuildError as exc:
        click.echo(f"{exc}; site not built (the previous one is unchanged)", err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(format_problem(problem), err=True)
    if timings is not None:
        timings.write_text(timings_json(result.timings, result.pages, result.files,
                                        result.jobs), encoding="utf-8")
    click.echo(f"Built {result.pages} pages ({result.files} files) into {result.out}")


def _rebuild(rebuilder: Rebuilder) -> None:
    report = rebuilder.rebuild()
    done = (f"everything ({report.reason})" if report.full else
            f"{report.files_written} files, removed {report.files_removed}")
    click.echo(f"Rebuilt {done} in {report.seconds:.2f} s into {rebuilder.out}")
