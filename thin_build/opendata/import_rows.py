"""A spreadsheet row → the raw record a listing file would give, cells as locations.

The columns are the downloads' columns (`columns.columns`), so a downloaded CSV
reads back in. Each row becomes `RawMap`/`RawList`/`RawScalar` nodes carrying the
cell's row and column, exactly what the loader makes of a file; the kind's own
`Record` then converts it, so a spreadsheet gets `thin validate`'s checks and
wording, with no second validator. The flattening is read backwards:
- a list cell is split on ";" (`bow-east; bow-west`);
- a nested record's columns (`referral_contact_email`) make one set of fields;
- a list of records (`opening_hours_days`, `_opens`, `_closes`) holds one value per
  entry, split on ";", the same number in every column; a list inside an entry
  (`mon, tue`) is split on ",".
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..core.convert import suggest
from ..core.declare import ListOf, Record
from ..core.errors import Location, Problem, error
from ..core.guide import nested_record
from ..core.raw import RawList, RawMap, RawNode, RawScalar
from .columns import columns
from .import_read import Cell

Path = tuple[str, ...]


@dataclass(frozen=True)
class Header:
    """Which column of the sheet holds which field (by path), and which hold the
    identifying columns that are no field (`slug`; a service's `provider`)."""

    paths: Mapping[Path, int]
    keys: Mapping[str, int]
    width: int

    def key(self, name: str, cells: tuple[Cell, ...]) -> Cell | None:
        """The row's cell in identifying column `name`, if the sheet has that column."""
        index = self.keys.get(name)
        return cells[index] if index is not None and index < len(cells) else None


def read_header(kind: str, record: Record, header: tuple[Cell, ...], rows,
                update: bool, problems: list[Problem], keys: tuple[str, ...] = ("slug",)
                ) -> Header:
    """Match the header row to the kind's columns, reporting unknown, repeated and
    missing ones (a missing required column is fine with `--update`)."""
    known = {col.name: col.path for col in columns(kind)}
    paths: dict[Path, int] = {}
    found: dict[str, int] = {}
    seen: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = (cell.value or "").strip().lower().replace(" ", "_")
        if not name:
            if any(index < len(cells) and cells[index].value for _n, cells in rows):
                problems.append(error("unknown-column", f"column {index + 1} has no name in "
                                      "the header row; name it or delete the column",
                                      cell.location))
            continue
        if name in seen:
            problems.append(error("duplicate-column", f"the column `{name}` is given twice, "
                                  f"in columns {seen[name] + 1} and {index + 1}; keep one",
                                  cell.location))
            continue
        seen[name] = index
        if name not in known:
            problems.append(error("unknown-column", f"unknown column `{name}`"
                                  f"{suggest(name, known)}", cell.location))
        elif name in keys:
            found[name] = index
        elif known[name]:  # `_names` columns are for people reading the download
            paths[known[name]] = index
    if not update:
        end = Location(header[0].location.path, 1, len(header) + 1)
        for col in columns(kind):
            if col.path and col.path not in paths and _required(record, col.path):
                problems.append(error("missing-column", f"the required column `{col.name}` is "
                                      "missing; add it (see `thin import template`)", end))
    return Header(paths, found, len(header))


def _required(record: Record, path: Path) -> bool:
    """A column is required when every field on its path is (never inside a list)."""
    for name in path:
        field = record.field_map()[name]
        if not field.required or isinstance(field.type, ListOf) and len(path) > 1:
            return False
        record = nested_record(field) or record
    return True


def row_node(record: Record, header: Header, cells: tuple[Cell, ...],
             location: Location, problems: list[Problem]) -> RawMap:
    """The row as a raw record; an empty top-level cell stays an entry, so "required"
    points at it, and a cell past the header's last column is reported."""
    extra = [cell for cell in cells[header.width:] if cell.value]
    if extra:
        problems.append(error("extra-cells", f"the row has a value in column "
                              f"{extra[0].location.column}, but the header names only "
                              f"{header.width} columns; move it under a named column",
                              extra[0].location))
    given = {path: cells[index] if index < len(cells) else Cell(None, _at(location, index))
             for path, index in header.paths.items()}
    return _record(record, (), given, location, problems, top=True)


def _at(location: Location, index: int) -> Location:
    return Location(location.path, location.line, index + 1)


def _record(record: Record, prefix: Path, given: Mapping[Path, Cell], location: Location,
            problems: list[Problem], top: bool = False) -> RawMap | None:
    entries: dict[str, tuple[Location, RawNode]] = {}
    for field in record.fields:
        path = prefix + (field.name,)
        nested = nested_record(field)
        if nested is None:
            if path in given and (top or given[path].value):
                cell = given[path]
                entries[field.name] = (cell.location, _leaf(field.type, cell, ";"))
            continue
        node = (_entries(nested, path, given, problems) if isinstance(field.type, ListOf)
                else _record(nested, path, given, location, problems))
        if node is not None:
            entries[field.name] = (node.location, node)
    if not entries and not top:
        return None
    first = min((loc for loc, _node in entries.values()), default=location)
    return RawMap(entries, location if top else first)


def _leaf(kind, cell: Cell, separator: str) -> RawNode:
    """An empty list cell stays an empty scalar, so a required list says "required"."""
    if not isinstance(kind, ListOf) or not cell.value:
        return RawScalar(cell.value, cell.location)
    items = [item.strip() for item in (cell.value or "").split(separator)]
    return RawList(tuple(RawScalar(item, cell.location) for item in items if item),
                   cell.location)


def _entries(record: Record, path: Path, given: Mapping[Path, Cell],
             problems: list[Problem]) -> RawList | None:
    """A list of records from its columns: entry i is the i-th value of each column."""
    cells = {field.name: given[path + (field.name,)] for field in record.fields
             if path + (field.name,) in given and given[path + (field.name,)].value}
    if not cells:
        return None
    parts = {name: [part.strip() for part in cell.value.split(";")]
             for name, cell in cells.items()}
    counts = {len(values) for values in parts.values()}
    first = min(cell.location for cell in cells.values())
    if len(counts) > 1:
        names = ", ".join(f"`{'_'.join(path + (name,))}` has {len(values)}"
                          for name, values in parts.items())
        problems.append(error("entries-mismatch", f"`{'_'.join(path)}`: each column needs "
                              f"one value per entry, separated by \";\", but {names}", first))
        return None
    items = []
    for index in range(counts.pop()):
        entry = {}
        for field in record.fields:
            if field.name in parts:
                cell = Cell(parts[field.name][index] or None, cells[field.name].location)
                entry[field.name] = (cell.location, _leaf(field.type, cell, ","))
        items.append(RawMap(entry, first))
    return RawList(tuple(items), first)
