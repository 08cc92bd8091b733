"""Duplicate organisations: the same group listed twice under different files.

Providers each kept their own list of the same groups; merging them into one
directory is exactly when duplicates appear, so the validator looks for them by
every identifier a person might have copied: name, registration number, web site,
email and phone, each normalised first.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import defaultdict
from typing import Callable, Iterable

from ..core.errors import Location, Problem, Severity
from ..core.raw import RawMap, RawRecord

_NAME_NOISE = re.compile(r"\b(the|ltd|limited|cic|cio|charity|uk)\b")
# Names and pairs remembered: an incremental rebuild checks every listing again, and
# all but the edited one have the names they had (at 20,000 organisations 0.6 s a rebuild).
_REMEMBERED = 1 << 17


@functools.lru_cache(maxsize=_REMEMBERED)
def normalise_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    return " ".join(_NAME_NOISE.sub(" ", text).split())


def normalise_website(url: str) -> str:
    host_and_path = re.sub(r"^[a-z]+://", "", url.lower())
    return re.sub(r"^www\.", "", host_and_path).rstrip("/")


def normalise_phone(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("44") else digits


# field, how to normalise it, and whether a clash is an error or only worth a look.
_IDENTIFIERS: tuple[tuple[str, Callable[[str], str], Severity], ...] = (
    ("name", normalise_name, Severity.ERROR),
    ("charity_number", str.upper, Severity.ERROR),
    ("company_number", str.upper, Severity.ERROR),
    ("website", normalise_website, Severity.WARNING),
    ("email", str.casefold, Severity.WARNING),
    ("phone", normalise_phone, Severity.WARNING),
)


def duplicate_listings(listings: Iterable, raw: dict, kind: str) -> list[Problem]:
    """Report both files of every clash, at the line of the clashing field."""
    listings = sorted(listings, key=lambda item: item.path)
    problems = []
    for field, normalise, severity in _IDENTIFIERS:
        groups: dict[str, list] = defaultdict(list)
        for item in listings:
            value = getattr(item, field, None)
            if value:
                groups[normalise(value)].append(item)
        for same in groups.values():
            for item in same[1:]:
                problems.extend(_pair(same[0], item, field, severity, raw, kind))
    problems.extend(_near_names(listings, raw, kind))
    return problems


# Two normalised names this similar (difflib's ratio) are probably one organisation
# typed twice; the validator, the duplicates report and `thin changes` all use it.
NEAR_NAME = 0.9


@functools.lru_cache(maxsize=_REMEMBERED)
def name_similarity(a: str, b: str) -> float:
    """difflib's ratio of two normalised names, 0 when cheap upper bounds rule out NEAR_NAME.

    Most pairs compared share a word rather than a spelling, so the length bound and
    `quick_ratio` settle them before the quadratic `ratio`.
    """
    if 2 * min(len(a), len(b)) < NEAR_NAME * (len(a) + len(b)):
        return 0.0
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.ratio() if matcher.quick_ratio() >= NEAR_NAME else 0.0


def _near_names(listings: list, raw: dict, kind: str) -> list[Problem]:
    """Names one typo apart; comparing sorted neighbours keeps this linear-ish at scale."""
    named = sorted(((normalise_name(item.name), item) for item in listings),
                   key=lambda pair: (pair[0], pair[1].path))
    problems = []
    for (name_a, a), (name_b, b) in zip(named, named[1:]):
        if name_a != name_b and name_similarity(name_a, name_b) >= NEAR_NAME:
            problems.extend(_pair(a, b, "name", Severity.WARNING, raw, kind, "a very similar"))
    return problems


def _pair(first, second, field: str, severity: Severity, raw: dict, kind: str,
          how: str = "the same") -> list[Problem]:
    label = field.replace("_", " ")
    code = "duplicate-org" if severity is Severity.ERROR else "possible-duplicate"
    return [Problem(code, f"has {how} {label} as {other.path}; if they are one organisation, "
                    "merge the files", _location(raw[(kind, this.slug)], field), severity)
            for this, other in ((first, second), (second, first))]


def _location(record: RawRecord, field: str) -> Location:
    if isinstance(record.data, RawMap) and field in record.data.entries:
        return record.data.entries[field][0]
    return record.location
