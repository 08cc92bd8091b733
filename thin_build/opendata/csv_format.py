"""CSV text that spreadsheets open correctly and cannot be tricked into running.

One writer for every CSV the portal publishes (the downloads, the import templates,
Open Referral's HSDS tables), so the rules are stated once and tested once:

- RFC 4180: fields separated by commas, records ended by CRLF; a field holding a
  comma, a double quote, CR or LF is quoted, with its quotes doubled.
- UTF-8 with a byte-order mark: the returned text starts with U+FEFF, so the file
  written as UTF-8 starts with EF BB BF and Excel reads Bengali text as Bengali.
- Formulas neutralised (OWASP's "CSV injection" rule): a cell starting with `=`,
  `+`, `-`, `@`, a tab or a carriage return gets an apostrophe `'` in front, so a
  spreadsheet shows it as text instead of running it. A cell that is a plain number
  (`-5`, `+44`, `-2.5`) is left alone: a number cannot run anything, and changing
  it would corrupt the data.
"""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from ..core.i18n import N_

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_NEEDS_QUOTES = re.compile(r'[",\r\n]')

RULES = (
    N_("UTF-8 with a byte-order mark, so Excel shows every script correctly."),
    N_("RFC 4180: commas between fields, CRLF at the end of each row; a field containing a "
    "comma, a double quote or a line break is put in double quotes, and a double quote "
    "inside it is written twice."),
    N_("The first row holds the column names."),
    N_("A cell starting with =, +, -, @, a tab or a carriage return gets an apostrophe (') "
    "in front, so a spreadsheet shows it as text instead of running it as a formula. "
    "Cells that are plain numbers, such as -5, are left as they are."),
)


def neutralise(cell: str) -> str:
    """The cell with an apostrophe in front when a spreadsheet would read it as a formula."""
    if cell.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def csv_field(cell: str) -> str:
    """One field as RFC 4180 writes it, after neutralising."""
    cell = neutralise(cell)
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_line(row: Sequence[str]) -> str:
    """One row's line, without its CRLF. A row of one empty cell is written `""`: an
    empty line would read as no row."""
    return ",".join(csv_field(cell) for cell in row) or '""'


def csv_text(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """The whole file: BOM, the header row, then one line per row, each ended by CRLF."""
    width = len(header)
    lines = []
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row has {len(row)} cells for {width} columns")
        lines.append(csv_line(row))
    return csv_from_lines(header, lines)


def csv_from_lines(header: Sequence[str], lines: Iterable[str]) -> str:
    """The whole file from rows already written by `csv_line` (kept between builds)."""
    return "\r\n".join([BOM + ",".join(csv_field(name) for name in header), *lines]) + "\r\n"
