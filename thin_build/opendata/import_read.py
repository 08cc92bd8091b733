"""Reading a spreadsheet's CSV: two encodings only, every cell with its row and column.

Spreadsheets save CSV as UTF-8 (with or without a byte-order mark) or, in older
Excel, as Windows-1252; those are the only two accepted, and the one used is said
in the output. Anything else (UTF-16 "Unicode text", a file that is partly one and
partly the other) is refused rather than guessed, because a wrong guess turns
"café" into "cafÃ©" silently. Positions are the spreadsheet's: row 1 is the header,
column 1 is A.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ..core.errors import Location, Problem, error
from ..core.text import FORBIDDEN_RE, forbidden_char
from .csv_format import FORMULA_STARTS

MAX_CSV_BYTES = 200 * 1024 * 1024
# A multi-byte UTF-8 sequence: its presence in a file that is not valid UTF-8 means
# that parts of the file were saved in two encodings.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
_SAVE_AS = "save it again as \"CSV UTF-8\" (Excel: File → Save As → CSV UTF-8)"


@dataclass(frozen=True)
class Cell:
    """A cleaned cell: its text (None when empty or refused) and where it is."""

    value: str | None
    location: Location


@dataclass(frozen=True)
class Sheet:
    """A CSV read into rows of cells; `rows` pairs each row's number with its cells."""

    encoding: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]


def read_sheet(data: bytes, name: str, problems: list[Problem]) -> Sheet | None:
    """The sheet, or None with a file-level problem; cell problems are appended too."""
    if len(data) > MAX_CSV_BYTES:
        problems.append(error("file-too-large", f"is {len(data) // 2**20} MiB; imports read "
                              f"at most {MAX_CSV_BYTES // 2**20} MiB. Split the file",
                              Location(name)))
        return None
    decoded = decode_csv(data, name)
    if isinstance(decoded, Problem):
        problems.append(decoded)
        return None
    text, encoding = decoded
    rows: list[tuple[int, tuple[Cell, ...]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for number, cells in enumerate(reader, start=1):
            rows.append((number, tuple(_cell(value, Location(name, number, column), problems)
                                       for column, value in enumerate(cells, start=1))))
    except csv.Error as exc:
        problems.append(error("csv-syntax", f"the CSV cannot be read after row {len(rows)}: "
                              f"{exc}; {_SAVE_AS}", Location(name, len(rows) + 1, 1)))
        return None
    if not rows or not any(cell.value for cell in rows[0][1]):
        problems.append(error("empty-file", "has no header row: the first row names the "
                              "columns (see `thin import template`)", Location(name)))
        return None
    return Sheet(encoding, rows[0][1], tuple(rows[1:]))


def decode_csv(data: bytes, name: str) -> tuple[str, str] | Problem:
    """(text, "UTF-8" | "UTF-8 with BOM" | "Windows-1252"), or why it is neither."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(data):
        return error("bad-encoding", f"is saved as UTF-16 (\"Unicode text\"); {_SAVE_AS}",
                     Location(name))
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "UTF-8 with BOM"
        except UnicodeDecodeError as exc:
            return _not_readable(data, exc.start + 3, name, "it starts with a UTF-8 "
                                 "byte-order mark, but is not all UTF-8")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if _UTF8_SEQUENCE.search(data):
            return _not_readable(data, exc.start, name, "parts of it are UTF-8 and parts are "
                                 "not (mixed encodings)")
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        return _not_readable(data, exc.start, name, "it is neither UTF-8 nor Windows-1252")


def _not_readable(data: bytes, offset: int, name: str, why: str) -> Problem:
    line = data.count(b"\n", 0, offset) + 1
    return error("bad-encoding", f"cannot be read: {why}; byte 0x{data[offset]:02x} at offset "
                 f"{offset} (line {line} of the file) is the first that does not fit. "
                 f"{_SAVE_AS[0].upper()}{_SAVE_AS[1:]}", Location(name))


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: a header of plain letters with a zero between."""
    head = data[:16]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


def _cell(value: str, location: Location, problems: list[Problem]) -> Cell:
    """Line ends normalised, our own formula marks removed, formulas and controls refused.

    A leading apostrophe before `= + - @`, a tab or CR is the mark the portal's CSV
    downloads add (`csv_format.neutralise`), so it is taken off again. A cell that
    still starts with `=` is a formula: the import takes text, never a formula, so
    it is refused with its position rather than stored for a spreadsheet to run later.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.startswith("'") and value[1:2] and value[1] in FORMULA_STARTS:
        value = value[1:]
    elif value.startswith("="):
        problems.append(error("formula", f"the cell starts with `=`, so it is a spreadsheet "
                              f"formula ({value[:40]!r}); imports take plain text only: type the "
                              "value itself, or put an apostrophe (') before the =", location))
        return Cell(None, location)
    bad = sorted(set(FORBIDDEN_RE.findall(value)))
    if bad:
        problems.extend(forbidden_char(char, location, "delete it from the cell (it is often "
                                       "invisible; retype the text around it)") for char in bad)
        return Cell(None, location)
    return Cell(value.strip() or None, location)
