"""Raw records: what the loader read, before any meaning is given to it.

Every scalar is kept as the text the contributor typed (or None for an empty or
null value), never converted by YAML's implicit typing, and every node remembers
where it came from, so the validator can convert by the schema and point at the
exact line of each mistake.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Union

from .errors import Location


@dataclass(frozen=True)
class RawScalar:
    value: str | None
    location: Location


@dataclass(frozen=True)
class RawList:
    items: tuple["RawNode", ...]
    location: Location


@dataclass(frozen=True)
class RawMap:
    """A mapping whose keys keep their own locations (for "unknown key" messages)."""

    entries: dict[str, tuple[Location, "RawNode"]]
    location: Location

    def get(self, key: str) -> "RawNode | None":
        entry = self.entries.get(key)
        return entry[1] if entry else None


RawNode = Union[RawScalar, RawList, RawMap]


@dataclass(frozen=True)
class RawRecord:
    """One content file: its kind (from its folder), slug (from its name) and data."""

    kind: str
    path: str
    slug: str
    data: RawNode

    @property
    def location(self) -> Location:
        return Location(self.path, 1, 1)
