"""What a capability's checks read once every record has been converted.

Checks see the whole site (cross-references, duplicates, freshness), so they run
after conversion, on converted records, with the raw records at hand to point each
problem at the file and line of the field it is about.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Mapping

from .errors import Location
from .raw import RawMap, RawRecord
from .site import SiteConfig


@dataclass(frozen=True)
class Checking:
    """The converted site, before it becomes a catalogue.

    `records` holds each folder collection's records that converted (in file order),
    `singles` each one-file kind's record (None when absent or broken), `raw` every
    raw record by (kind, slug) and `raw_singles` each one-file kind's raw record.
    """

    records: Mapping[str, tuple[Any, ...]]
    singles: Mapping[str, Any]
    raw: Mapping[tuple[str, str], RawRecord]
    raw_singles: Mapping[str, RawRecord]
    taxonomies: Mapping[str, tuple[Any, ...]]
    site: SiteConfig | None
    sections: frozenset[str]
    today: dt.date

    def field_location(self, kind: str, slug: str, name: str) -> Location:
        return field_location(self.raw[(kind, slug)], name)


def field_location(raw: RawRecord, name: str) -> Location:
    """Where field `name` is written in a raw record; the file itself when it is not."""
    entry = raw.data.entries.get(name) if isinstance(raw.data, RawMap) else None
    return entry[0] if entry else raw.location
