"""Where the open data lives: the `/data/` page and its files beside it."""
from __future__ import annotations

SECTION = "data"


def data() -> str:
    return f"/{SECTION}/"


def table_file(table: str, extension: str) -> str:
    """`/data/organisations.csv`: a table in one format."""
    return f"/{SECTION}/{table}.{extension}"


def import_template(table: str) -> str:
    """The CSV a coordinator fills in for `thin import csv`."""
    return f"/{SECTION}/import-template-{table}.csv"
