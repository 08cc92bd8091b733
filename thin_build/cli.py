"""The `thin` command: a thin layer of click over the library API in `build.py`."""
from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

import click

from . import build
from .capabilities import PORTAL
from .cli_build import build_command
from .cli_i18n import i18n_group
from .cli_options import ROOT as _ROOT
from .cli_options import TODAY as _TODAY
from .cli_options import day as _date
from .cli_report import report_group
from .core import guide, scaffold
from .core.load import slugify
from .opendata.columns import import_template
from .opendata.import_csv import import_csv
from .openreferral.importer import import_openreferral
from .openreferral.mapping import Options
from .report import failed, format_problem, summary
from .review.changes import compare_revisions
from .review.changes_format import as_markdown, as_text
from .review.gittree import GitError
from .review.site_links import broken_links
from .sites.scaffold import SITE_KINDS, write_site_file


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


@main.command()
@_ROOT
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Loopback address to bind (the preview is never public).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--pdf", is_flag=True, help="Make the printable PDFs too (slower rebuilds).")
def serve(root: Path, host: str, port: int, pdf: bool) -> None:
    """Build, serve site/ on this machine, and rebuild when files change."""
    from .serve import serve as run_server
    if not _is_loopback(host):
        raise click.BadParameter("the preview server only binds to a loopback address",
                                 param_hint="--host")
    run_server(root, host, port, click.echo, **({"pdf": True} if pdf else {}))


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
@click.argument("kind", type=click.Choice(sorted(
    {k.name for k in PORTAL.kinds if k.new_values and k.source.inside is None} | set(SITE_KINDS))))
@click.argument("name")
@click.option("--org", help="The organisation (slug) whose own site gets the page or news post.")
def new(root: Path, today, kind: str, name: str, org: str | None) -> None:
    """Write a commented skeleton for a new organisation, provider, event or notice, or
    (with --org) a page or news post of an organisation's own site."""
    if (kind in SITE_KINDS) != bool(org):
        raise click.BadParameter(f"`thin new {kind} --org <slug> NAME` for a site's page or "
                                 "news; no --org for the other kinds", param_hint="--org")
    if org:
        try:
            path = write_site_file(root, kind, org, name, build.resolve_today(_date(today)))
        except ValueError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(f"Wrote {path}; fill it in, then run `thin validate`.")
        return
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


@main.command("check-links")
@_ROOT
@click.option("--site", "site_dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              default=None, help="The built site to check (default: ROOT/site).")
def check_links(root: Path, site_dir: Path | None) -> None:
    """Check that every internal link, image and script in the built site resolves."""
    catalogue, problems = build.check_site(root)
    if catalogue is None:
        click.echo(summary(problems) + "; run `thin validate` to see the problems", err=True)
        sys.exit(1)
    site_dir = site_dir if site_dir is not None else root / "site"
    broken = broken_links(site_dir, catalogue.site.base_url)
    for problem in broken:
        click.echo(problem)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    click.echo(f"{len(broken)} broken internal reference{'s' * (len(broken) != 1)} "
               f"in {pages} pages", err=True)
    sys.exit(1 if broken else 0)


@main.command()
@_ROOT
@_TODAY
@click.option("--base", required=True, help="The revision to compare with: a branch, tag or "
              "commit, such as origin/main.")
@click.option("--head", default=None, help="The revision to report on (default: the files as "
              "they are now, committed or not).")
@click.option("--format", "style", type=click.Choice(["text", "markdown"]), default="text",
              show_default=True, help="markdown writes a GitHub job summary.")
def changes(root: Path, today, base: str, head: str | None, style: str) -> None:
    """What a branch changes in the content compared with BASE: listings added, removed,
    renamed and changed, field by field, with the warnings a reviewer must see first
    (docs/changes.md). Exits 2 when a revision does not exist."""
    day = _date(today)
    try:
        result = compare_revisions(root, base, head, PORTAL,
                                   lambda folder: build.check_site(folder, day, cache=False)[1])
    except GitError as exc:
        click.echo(f"thin changes: {exc}", err=True)
        sys.exit(2)
    click.echo((as_markdown if style == "markdown" else as_text)(result), nl=False)


main.add_command(build_command)
main.add_command(report_group)
main.add_command(i18n_group)


@main.group("import")
def import_group() -> None:
    """Bring listings in from spreadsheets and other directories (docs/imports.md)."""


_IMPORT_KINDS = click.Choice(["org", "provider"])


@import_group.command("csv")
@_ROOT
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--kind", type=_IMPORT_KINDS, required=True, help="What each row is.")
@click.option("--dry-run", is_flag=True, help="Check every row and say what would be "
              "written; write nothing.")
@click.option("--update", is_flag=True, help="Change existing listings: only the fields a "
              "row fills in.")
@click.option("--strict", is_flag=True, help="Write nothing if any row has a problem.")
@click.option("--services", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              default=None, help="With --kind provider: a services table (one row per "
              "service, as in the services download).")
def import_csv_command(root: Path, file: Path, kind: str, dry_run: bool, update: bool,
                       strict: bool, services: Path | None) -> None:
    """Turn a spreadsheet saved as CSV into organisation or provider files.

    Problems are located as FILE:ROW:COLUMN (the header is row 1, column A is 1).
    """
    if services is not None and kind != "provider":
        raise click.BadParameter("services belong to providers: use --kind provider",
                                 param_hint="--services")
    result = import_csv(file, kind, root, PORTAL, update=update, strict=strict,
                        dry_run=dry_run, services=services)
    for path, encoding in ((file, result.encoding), (services, result.services_encoding)):
        if encoding:
            click.echo(f"Read {path} as {encoding}")
    for problem in result.problems:
        click.echo(format_problem(problem))
    verb = "" if result.committed else "would be "
    for label, paths in (("written", result.written), ("updated", result.updated)):
        for path in paths:
            click.echo(f"{path}: {verb}{label}")
    for path in result.skipped:
        click.echo(f"{path}: skipped, it exists (use --update to change it)")
    click.echo(result.summary(dry_run, strict))
    sys.exit(1 if result.failed else 0)


@import_group.command("template")
@click.option("--kind", type=_IMPORT_KINDS, required=True, help="What each row is.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the template to this file (default: print it).")
def import_template_command(kind: str, out: Path | None) -> None:
    """A CSV to fill in: the columns `thin import csv` reads and one example row."""
    text = import_template(kind)
    if out is None:
        click.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8", newline="")
    click.echo(f"Wrote {out}; fill in one row per {kind}, then run "
               f"`thin import csv {out} --kind {kind} --dry-run`.")


@import_group.command("openreferral")
@_ROOT
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--kind", type=_IMPORT_KINDS, default=None, help="Import every organisation as "
              "this (default: as the feed says, else provider if it has services).")
@click.option("--type", "provider_type", default=None, help="Provider type slug for "
              "providers the data gives none.")
@click.option("--need", default=None, help="Support need slug for services the data gives none.")
@click.option("--stage", default=None, help="Stage slug for organisations the data gives none.")
@click.option("--dry-run", is_flag=True, help="Check everything and say what would be "
              "written; write nothing.")
def import_openreferral_command(root: Path, path: Path, kind: str | None,
                                provider_type: str | None, need: str | None,
                                stage: str | None, dry_run: bool) -> None:
    """Turn Open Referral UK JSON or an HSDS CSV data package (PATH: a file or a folder)
    into organisation and provider files; never overwrites one (docs/openreferral.md)."""
    options = Options(kind=kind, provider_type=provider_type, need=need, stage=stage)
    result = import_openreferral(path, root, PORTAL, options, dry_run=dry_run)
    for finding in result.findings:
        click.echo(str(finding))
    for written in result.written:
        click.echo(f"{written}: {'would be written' if dry_run else 'written'}")
    click.echo(result.summary(dry_run))
    sys.exit(1 if result.failed else 0)
