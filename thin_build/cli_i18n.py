"""`thin i18n …`: the interface's translations (docs/languages.md), kept apart so cli.py
stays small. The work is done by `core.i18n_tasks`; this only reads options and prints."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import build
from .cli_options import ROOT
from .core import i18n_tasks
from .core.i18n import Language
from .report import format_problem, summary

# The portal's own source: its Python, its templates and babel.cfg.
SOURCE = build.DEFAULT_TEMPLATES.parent


def _languages(root: Path) -> tuple[Language, ...]:
    catalogue, problems = build.check_site(root)
    if catalogue is None:
        for problem in problems:
            click.echo(format_problem(problem))
        click.echo(summary(problems), err=True)
        sys.exit(1)
    return catalogue.site.languages


@click.group("i18n")
def i18n_group() -> None:
    """Extract, update and check the interface's translations."""


@i18n_group.command("extract")
@ROOT
def extract(root: Path) -> None:
    """Write translations/messages.pot: every string marked in the Python and templates."""
    path = i18n_tasks.write_template(SOURCE, root)
    click.echo(f"wrote {path}")


@i18n_group.command("update")
@ROOT
def update(root: Path) -> None:
    """Bring each language's messages.po up to the strings in the source."""
    written, problems = i18n_tasks.update(SOURCE, root, _languages(root))
    for path in written:
        click.echo(f"updated {path}")
    for problem in problems:
        click.echo(format_problem(problem))
    sys.exit(1 if problems else 0)


@i18n_group.command("check")
@ROOT
@click.option("--format", "style", type=click.Choice(["text", "github"]), default="text",
              show_default=True, help="github prints GitHub Actions annotations.")
def check(root: Path, style: str) -> None:
    """Fail on a missing, fuzzy or broken translation, or a template string not marked."""
    templates = root / "templates" if (root / "templates").is_dir() else build.DEFAULT_TEMPLATES
    problems = i18n_tasks.check(SOURCE, root, templates, _languages(root))
    for problem in problems:
        click.echo(format_problem(problem, style))
    click.echo(summary(problems), err=style == "github")
    sys.exit(1 if problems else 0)
