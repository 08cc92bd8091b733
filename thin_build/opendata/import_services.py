"""`--services`: a provider's services from the services table, one row per service.

The providers download leaves services out (a provider has many), and the services
download has one row per service with its provider's slug and position; reading
that table back gives each provider row its `services` list, so a provider can be
created from a spreadsheet and a downloaded pair of tables re-imports whole.
Each service row is converted as part of its provider, so its problems are located
in the services file and stop that provider from being written.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..core.convert import Invalid, suggest
from ..core.errors import Location, Problem, error
from ..core.fields import Integer
from ..core.raw import RawList, RawMap
from ..directory.schema import SERVICE
from .import_read import read_sheet
from .import_rows import read_header, row_node

POSITION = Integer(1, 1000)


@dataclass
class Services:
    """Services by provider slug, each list in position order, with its rows' problems."""

    encoding: str
    lists: dict[str, RawList] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)
    first: dict[str, Location] = field(default_factory=dict)  # where each provider is named
    refused: frozenset[Location] = frozenset()  # cells refused (a formula, a NUL)
    claimed: set[str] = field(default_factory=set)  # the providers asked for so far

    def take(self, slug: str, problems: list[Problem]) -> RawList | None:
        """The provider's services (its rows' problems added to `problems`), once."""
        self.claimed.add(slug)
        problems.extend(self.problems.pop(slug, ()))
        self.first.pop(slug, None)
        return self.lists.pop(slug, None)

    def unclaimed(self) -> list[Problem]:
        """A problem for each provider named in the services file but not in the
        providers file (after every row has claimed its own)."""
        return [error("unknown-ref", f"`provider`: {slug!r} is not a provider in the providers "
                      f"file{suggest(slug, self.claimed)}", location)
                for slug, location in sorted(self.first.items())]


def read_services(source: Path, name: str, problems: list[Problem]) -> Services | None:
    """The services file read and grouped, or None (with its problems) if unreadable."""
    cells: list[Problem] = []
    sheet = read_sheet(Path(source).read_bytes(), name, cells)
    if sheet is None:
        problems.extend(cells)
        return None
    header = read_header("service", SERVICE, sheet.header, sheet.rows, False, problems,
                         keys=("provider", "position"))
    if "provider" not in header.keys:
        problems.append(error("missing-column", "the required column `provider` is missing; "
                              "add it (see the services download)", Location(name, 1, 1)))
    if any(p.is_error for p in problems) or any(p.location.line == 1 for p in cells):
        problems.extend(p for p in cells if p.location.line == 1)
        return None
    by_row = defaultdict(list)
    for p in cells:
        by_row[p.location.line].append(p)
    found = Services(sheet.encoding, refused=frozenset(p.location for p in cells))
    grouped: dict[str, list[tuple[int, int, RawMap]]] = defaultdict(list)
    for number, row in sheet.rows:
        if not any(cell.value for cell in row):
            continue
        here = by_row[number]
        provider = header.key("provider", row)
        if provider is None or not provider.value:
            problems.extend(here + [error("required", "`provider` is required: the slug of "
                                          "the provider offering the service",
                                          Location(name, number, 1))])
            continue
        node = row_node(SERVICE, header, row, Location(name, number, 1), here)
        position = header.key("position", row)
        try:
            place = POSITION.convert_text(position.value) if position and position.value else 0
        except Invalid as exc:
            here.append(error(exc.code, f"`position`: {exc.message}", position.location))
            place = 0
        slug = provider.value
        grouped[slug].append((place, number, node))
        found.problems.setdefault(slug, []).extend(here)
        found.first.setdefault(slug, provider.location)
    for slug, items in grouped.items():
        items.sort(key=lambda item: item[:2])
        found.lists[slug] = RawList(tuple(node for _place, _n, node in items),
                                    items[0][2].location)
    return found
