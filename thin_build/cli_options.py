"""The options every `thin` command shares, defined once for `cli.py` and `cli_report.py`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

TODAY = click.option("--today", type=click.DateTime(["%Y-%m-%d"]), default=None,
                     help="Date to treat as today (default: SOURCE_DATE_EPOCH, else the clock).")
ROOT = click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
                    show_default=True, help="The content repository.")


def day(value) -> dt.date | None:
    """The date of a `--today` value, or None when it was not given."""
    return value.date() if value else None
