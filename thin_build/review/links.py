"""Every external link in the content, with where it is (`thin report links`).

Websites, toolkit and regional links, event pages, and addresses written inside
Markdown bodies or any other text all rot the same way, so this reads the raw
records (every value as typed, with its place) instead of each kind's fields: a new
kind's links are found without a line of code here, and content that does not
validate yet is still listed. An `http:` or `https:` address is found wherever it
starts in a value, up to a space, a quote, an angle bracket or a closing
parenthesis or bracket (so Markdown's `[text](https://…)` and `<https://…>` give
the bare address); full stops and commas that end a sentence are not part of it.
The site settings are left out: their addresses are the portal's own.

Each is placed at its line and column in the file, found by searching the file from
the value's own line, so a link on the tenth line of a body points at that line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..core.errors import Location
from ..core.raw import RawList, RawMap, RawNode, RawRecord, RawScalar
from .link_check import OUTCOMES, Result
from .tables import Column, Group, Report

_URL = re.compile(r"https?://[^\s<>\"'`()\[\]{}|\\^]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_~"
_HAS_HOST = re.compile(r"https?://[^/.?#]", re.IGNORECASE)  # not "https://." or "http:///x"
EMPTY = "No external links found."
SETTINGS = "site"  # the portal's own addresses (base_url, repository_url): not content


@dataclass(frozen=True)
class FoundLink:
    url: str
    location: Location
    field: str


def _walk(node: RawNode | None, field: str) -> Iterator[tuple[str, RawScalar]]:
    if isinstance(node, RawScalar):
        if node.value:
            yield field, node
    elif isinstance(node, RawList):
        for number, item in enumerate(node.items):
            yield from _walk(item, f"{field}[{number}]")
    elif isinstance(node, RawMap):
        for key, (_where, value) in node.entries.items():
            yield from _walk(value, f"{field}.{key}" if field else key)


def urls_in(text: str) -> list[str]:
    """The addresses in a value, in order, without the punctuation that ends a sentence."""
    found = (match.rstrip(_TRAILING) for match in _URL.findall(text))
    return [url for url in found if _HAS_HOST.match(url)]


class _Placer:
    """Finds each address in its file, searching forward from where the last one was."""

    def __init__(self, root: Path, path: str) -> None:
        try:
            self.lines = (root / path).read_text(encoding="utf-8-sig").splitlines()
        except (OSError, UnicodeError):
            self.lines = []

    def place(self, url: str, start: Location) -> Location | None:
        """Where `url` next appears at or after `start`; None when the file does not hold it."""
        line, column = start.line, start.column
        for number in range(line, len(self.lines) + 1):
            found = self.lines[number - 1].find(url, column - 1 if number == line else 0)
            if found >= 0:
                return Location(start.path, number, found + 1)
        return None


def find_links(records: Iterable[RawRecord], root: Path) -> list[FoundLink]:
    """Every external address in the records, sorted by address, then place."""
    found = []
    for record in records:
        if record.kind == SETTINGS:
            continue
        placer = None
        for field, scalar in _walk(record.data, ""):
            start = scalar.location
            for url in urls_in(scalar.value or ""):
                placer = placer or _Placer(root, record.path)
                where = placer.place(url, start)
                found.append(FoundLink(url, where or scalar.location, field or "value"))
                if where:  # the value's next address comes after this one
                    start = Location(where.path, where.line, where.column + len(url))
    return sorted(found, key=lambda link: (link.url, link.location.path, link.location.line,
                                           link.location.column))


_INTRO = ("Every web address in the content, for someone to open and check it still "
          "goes to the right place.")


def links_report(links: list[FoundLink]) -> Report:
    rows = tuple((link.url, str(link.location), link.field) for link in links)
    return Report("External links", _INTRO, (Column("address", url=True), Column("where"),
                                             Column("field")), (Group("", rows),), EMPTY)


_HEADINGS = {
    "broken": "Broken: the site answered with an error; fix or remove the link",
    "unreachable": "Unreachable: no such host, or the connection failed",
    "timeout": "Timed out: try again later before changing anything",
    "redirect": "Redirected: the page has moved; consider using the new address",
    "ok": "Working",
}


def checked_report(links: list[FoundLink], results: dict[str, Result]) -> Report:
    """The links grouped by what checking them found, worst first; places joined."""
    places: dict[str, list[str]] = {}
    for link in links:
        places.setdefault(link.url, []).append(str(link.location))
    groups = tuple(Group(_HEADINGS[outcome], tuple(
        (url, results[url].detail, "; ".join(where)) for url, where in places.items()
        if results[url].outcome == outcome)) for outcome in OUTCOMES)
    intro = ("Every web address in the content, tried once each (HEAD, then GET if that "
             "fails). A timed-out or unreachable host may only be down today.")
    return Report("External links checked", intro, (Column("address", url=True),
                                                    Column("result"), Column("where")),
                  groups, EMPTY, group_column="outcome")


def failures(results: dict[str, Result]) -> int:
    """How many addresses did not answer well (for `--strict`); a redirect still works."""
    return sum(result.outcome not in ("ok", "redirect") for result in results.values())
