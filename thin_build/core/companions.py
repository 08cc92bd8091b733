"""Companion tables: a CSV kept beside a record's file, read as part of that record.

Some content is naturally a spreadsheet that many people append to (a survey's
results, one row per respondent), while what it means is declared in the record's
YAML (the survey's questions). The loader reads `<slug><suffix>` with the same checks
as any content file (size, strict UTF-8, forbidden characters, conflict markers) and
gives its rows to the record as one more field, every cell a `RawScalar` located at
`file.csv:row:column` (row = the line the row starts on, as a spreadsheet numbers it;
the header is row 1). Converting and checking the cells is the declaration's job.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .capability import Companion
from .errors import Location, Problem, error
from .raw import RawList, RawMap, RawRecord, RawScalar
from .text import check_text, decode


def read_table(path: Path, rel: str, max_bytes: int) -> tuple[RawList | None, list[Problem]]:
    """Every row of a CSV file (header first) as located raw cells, or why it cannot be read."""
    where = Location(rel)
    size = path.stat().st_size
    if size > max_bytes:
        return None, [error("file-too-large", f"is {size // 1024} KiB; tables may be at most "
                            f"{max_bytes // 1024} KiB. Split it or remove old rows", where)]
    text, problems = decode(path.read_bytes(), rel)
    if text is None:
        return None, problems
    if problems := check_text(text, rel):
        return None, problems
    if not text.strip():
        return None, [error("empty-file", "is empty; it needs at least its header row", where)]
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, start = [], 1
    try:
        for cells in reader:
            location = Location(rel, start, 1)
            if any(cell.strip() for cell in cells):
                rows.append(RawList(tuple(
                    RawScalar(cell.strip() or None, Location(rel, start, column))
                    for column, cell in enumerate(cells, start=1)), location))
            start = reader.line_num + 1
    except csv.Error as exc:
        return None, [error("bad-csv", f"cannot be read as CSV ({exc}); check the quotes on "
                            "this row", Location(rel, start, 1))]
    return RawList(tuple(rows), Location(rel, 1, 1)), []


def attach(records: list[RawRecord], tables: list[tuple[str, Path]], folder: str,
           companion: Companion, names: set[str], max_bytes: int) -> list[Problem]:
    """Give each table to the record it sits beside; a table without one is an error.

    `names` are the folder's file names: a record that failed to load still has its
    file, so its table is then skipped rather than called an orphan.
    """
    problems: list[Problem] = []
    by_slug = {record.slug: record for record in records}
    for rel, path in tables:
        slug = rel.rsplit("/", 1)[-1][:-len(companion.suffix)]
        record = by_slug.get(slug)
        if record is None:
            if not any(name.rpartition(".")[0] == slug for name in names):
                problems.append(error(
                    "orphan-table", f"has no {slug}.yaml beside it in {folder}/ to belong to; "
                    f"a {companion.suffix} file needs its record. Add {folder}/{slug}.yaml, or "
                    f"rename this file after an existing one", Location(rel)))
            continue
        table, found = read_table(path, rel, max_bytes)
        problems.extend(found)
        if table is None or not isinstance(record.data, RawMap):
            continue
        if companion.field in record.data.entries:  # reported here, once; the table wins
            problems.append(error("unknown-key", f"`{companion.field}` is read from {rel}; "
                                  "remove this key", record.data.entries[companion.field][0]))
        record.data.entries[companion.field] = (table.location, table)
    return problems
