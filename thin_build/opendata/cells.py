"""Values as the downloads write them: one cell from a record's field, and its CSV text.

Dates `YYYY-MM-DD`, dates with times `YYYY-MM-DDTHH:MM`, times `HH:MM`, amounts in
whole pounds (`10000 to 50000`), whole numbers as numbers (JSON) or digits (CSV),
lists as lists (JSON) or joined with "; " (CSV).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..commissioning.model import Value

# One cell: text, a whole number, or a list of texts; None when the field is empty.
Cell = str | int | tuple[str, ...] | None
LIST_SEPARATOR = "; "
INNER_SEPARATOR = ", "


def cell_text(cell: Cell) -> str:
    """A cell as the CSV writes it: lists joined with "; ", nothing for an empty field."""
    if cell is None:
        return ""
    if isinstance(cell, tuple):
        return LIST_SEPARATOR.join(cell)
    return str(cell)


def make_cell(value: Any, in_list: bool) -> Cell:
    """A field's value as a cell; `in_list`: one value per entry of a list of records."""
    if value is None:
        return None
    if isinstance(value, tuple):
        if in_list:  # one item per entry; an entry's own list is joined with ", "
            return tuple(_entry_text(item) for item in value)
        return tuple(str(scalar_text(item)) for item in value)
    return scalar_text(value)


def _entry_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        return INNER_SEPARATOR.join(str(scalar_text(item)) for item in value)
    return str(scalar_text(value))


def scalar_text(value: Any) -> str | int:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Value):
        return str(value.low) if value.high is None else f"{value.low} to {value.high}"
    return str(value)
