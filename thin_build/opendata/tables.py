"""The downloads: which tables there are, and each one written as CSV, JSON and JSON Lines.

A table's rows are worked out once (`Column.value` over every record) and the three
formats written from the same cells, so they cannot disagree: the CSV cell is the
JSON value with lists joined by "; " and an empty field left empty. Records come in
slug order (the catalogue's), nothing depends on the clock, so a rebuild writes the
same bytes.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Iterable, Iterator

from ..core.catalogue import Catalogue
from ..core.i18n import N_
from ..core.memo import Kept, PerRecord
from ..core.site import Licence
from .cells import cell_text
from .columns import Column, ServiceRow, columns
from .csv_format import csv_from_lines, csv_line


def _services(cat: Catalogue) -> Iterator[ServiceRow]:
    for provider in cat.providers:
        for position, service in enumerate(provider.services, 1):
            yield ServiceRow(provider, position, service)


@dataclass(frozen=True)
class Table:
    """One download: its file name, what a row is, and where its rows come from."""

    name: str  # the file name without extension: organisations.csv
    kind: str  # whose columns it has (`columns.KINDS`)
    title: str
    row_is: str  # "one row per …"
    rows: Callable[[Catalogue], Iterable[Any]]
    json_lines: bool = False  # also as JSON Lines: the tables that grow large
    # The record a row is made from alone, besides the names it looks up (`row_memo`).
    record_of: Callable[[Any], Any] = lambda row: row

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        return columns(self.kind)

    @cached_property
    def row_memo(self) -> PerRecord[tuple[str, str]]:
        """A row's CSV line and JSON text, kept while its record is the same object
        and the collections it names keep their records' names (and which records there
        are: a slug that names no record, `borough-wide`, is written as it is)."""
        looked_up = {name for col in self.columns for name in col.looks_up}
        return PerRecord(f"opendata {self.name}", frozenset(
            f"{name}.{field}" for name in looked_up for field in ("name", "slug")))


# `title` and `row_is` are marked: the files keep the English, the /data/ page translates.
TABLES = (
    Table("organisations", "org", N_("Organisations"),
          N_("one row per voluntary or community organisation"), lambda cat: cat.orgs,
          json_lines=True),
    Table("providers", "provider", N_("Support providers"),
          N_("one row per infrastructure support provider; its services are in the services "
             "table"), lambda cat: cat.providers),
    Table("services", "service", N_("Services"),
          N_("one row per service, with the provider that offers it"), _services,
          json_lines=True, record_of=lambda row: row.service),
    Table("events", "event", N_("Events"),
          N_("one row per event, past ones included; a repeating event is one row, with its "
             "recurrence columns"), lambda cat: cat.events, json_lines=True),
    Table("notices", "notice", N_("Notices"), N_("one row per notice, expired ones included"),
          lambda cat: cat.notices),
    Table("toolkits", "toolkit", N_("Toolkits"),
          N_("one row per toolkit; its files are under /toolkits/files/"),
          lambda cat: cat.toolkits),
    Table("opportunities", "opportunity", N_("Opportunities"),
          N_("one row per tender, grant round or call for partners, closed ones included"),
          lambda cat: cat.opportunities),
)
# The kinds `thin import csv` reads, by the table whose template it publishes.
IMPORT_KINDS = {"organisations": "org", "providers": "provider"}


@dataclass(frozen=True)
class Written:
    """A table's columns, how many rows it has, and its files (extension → bytes)."""

    table: Table
    header: tuple[str, ...]
    count: int
    files: dict[str, bytes]


def write_table(table: Table, cat: Catalogue, kept: Kept | None = None) -> Written:
    """The table's files; with `kept` (`inputs.kept(table.row_memo)`), a row whose record
    is the one it was made from last time is not made again."""
    cols = table.columns
    header = tuple(col.name for col in cols)

    def make(row: Any) -> tuple[str, str]:
        cells = tuple(col.value(row, cat) for col in cols)
        return csv_line([cell_text(c) for c in cells]), _json(dict(zip(header, cells)))

    made = [make(row) if kept is None else kept.get(table.record_of(row), lambda r=row: make(r))
            for row in table.rows(cat)]
    texts = [text for _line, text in made]
    files = {"csv": csv_from_lines(header, [line for line, _text in made]).encode("utf-8"),
             "json": _json_document(table, header, texts, cat.site.data_licence)}
    if table.json_lines:
        files["jsonl"] = "".join(text + "\n" for text in texts).encode("utf-8")
    return Written(table, header, len(made), files)


def _json_document(table: Table, header: tuple[str, ...], rows: list[str],
                   licence: Licence) -> bytes:
    """The table as one JSON object: what it is, its licence, its columns, its rows
    (each already JSON).

    One row per line keeps the file readable and diffable without a second layout.
    """
    head = _json({"table": table.name, "title": table.title, "rows_are": table.row_is,
                  "licence": {"name": licence.name, "url": licence.url},
                  "columns": list(header)})
    lines = ",\n".join(rows)
    return (head[:-1] + ',"rows":[\n' + lines + ("\n" if rows else "") + "]}\n").encode("utf-8")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
