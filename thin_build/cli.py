"""The `thin` command: a thin layer of click over the library API in `build.py`."""
from __future__ import annotations

import datetime as dt
import ipaddress
import sys
from pathlib import Path

import click

from . import build
from .capabilities import PORTAL
from .core import guide, scaffold
from .core.errors import ContentError
from .core.load import slugify
from .referral.gaps import find_gaps, gaps_text
from .report import failed, format_problem, summary

_TODAY = click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
                      help="Date to treat as today (default: SOURCE_DATE_EPOCH, else the clock).")
_ROOT = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
                     show_default=True, help="The content repository.")


def _date(value) -> dt.date | None:
    return value.date() if value else None


@click.group()
@click.version_option(package_name="thin-portal")
def main() -> None:
    """THIN Portal: validate and build the borough's community portal from plain files."""


@main.command()
@_ROOT
@_TODAY
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text",
              show_default=True, help="github prints GitHub Actions annotations.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def validate(root: Path, today, style: str, strict: bool) -> None:
    """Check every content file and cross-reference; report all problems at once."""
    _catalogue, problems = build.check_site(root, _date(today))
    for problem in problems:
        click.echo(format_problem(problem, style))
    click.echo(summary(problems, strict), err=style == "github")
    sys.exit(1 if failed(problems, strict) else 0)


@main.command("build")
@_ROOT
@_TODAY
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: ROOT/site).")
def build_command(root: Path, today, out: Path | None) -> None:
    """Validate, then build the whole site atomically into site/."""
    try:
        result = build.build_site(root, out, _date(today))
    except ContentError as exc:
        for problem in exc.problems:
            click.echo(format_problem(problem), err=True)
        click.echo(summary(exc.problems) + "; site not built (the previous one is unchanged)",
                   err=True)
        sys.exit(1)
    for problem in result.problems:
        click.echo(format_problem(problem), err=True)
    click.echo(f"Built {result.pages} pages ({result.files} files) into {result.out}")


@main.command()
@_ROOT
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Loopback address to bind (the preview is never public).")
@click.option("--port", default=8000, show_default=True, type=int)
def serve(root: Path, host: str, port: int) -> None:
    """Build, serve site/ on this machine, and rebuild when files change."""
    from .serve import serve as run_server
    if not _is_loopback(host):
        raise click.BadParameter("the preview server only binds to a loopback address",
                                 param_hint="--host")
    run_server(root, host, port, click.echo)


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command()
@_ROOT
@_TODAY
@click.argument("kind", type=click.Choice(sorted(k.name for k in PORTAL.kinds if k.new_values)))
@click.argument("name")
def new(root: Path, today, kind: str, name: str) -> None:
    """Write a commented skeleton for a new organisation, provider, event or notice."""
    slug = slugify(name)
    if not slug:
        raise click.BadParameter("the name needs at least one letter or digit", param_hint="NAME")
    declared = PORTAL.kind(kind)
    path = root / declared.source.path / f"{slug}.md"
    if path.exists():
        raise click.ClickException(f"{path} already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold.skeleton(declared, name, build.resolve_today(_date(today)), root),
                    encoding="utf-8")
    click.echo(f"Wrote {path}; fill it in, then run `thin validate`.")


@main.command()
@_ROOT
@click.option("--check", is_flag=True, help="Fail if the generated files are out of date.")
def docs(root: Path, check: bool) -> None:
    """Regenerate docs/content-guide.md and schemas/ from the schema."""
    outputs = {root / "docs" / "content-guide.md": guide.content_guide(PORTAL)}
    outputs |= {root / "schemas" / name: text
                for name, text in guide.json_schemas(PORTAL).items()}
    stale = [path for path, text in outputs.items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    if check:
        for path in stale:
            click.echo(f"{path} is out of date: run `thin docs`", err=True)
        sys.exit(1 if stale else 0)
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(outputs[path], encoding="utf-8")
        click.echo(f"Wrote {path}")


@main.group("report")
def report_group() -> None:
    """Reports for coordinators, worked out from the content."""


@report_group.command("gaps")
@_ROOT
@_TODAY
def report_gaps(root: Path, today) -> None:
    """Gaps and duplication in support provision.

    Needs and stages no provider serves, needs only one provider serves, needs with no
    agreed referral agency, and where many providers overlap (docs/referral.md).
    """
    catalogue, problems = build.check_site(root, _date(today))
    if catalogue is None:
        for problem in problems:
            click.echo(format_problem(problem), err=True)
        click.echo(summary(problems) + "; fix the content to see the report", err=True)
        sys.exit(1)
    click.echo(gaps_text(find_gaps(catalogue)), nl=False)
