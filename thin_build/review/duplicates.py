"""Likely duplicates across organisations and providers (`thin report duplicates`).

The validator warns about listings of one kind sharing an identifier, and about
names one typo apart among sorted neighbours. A coordinator merging lists wants
more: an organisation that is also listed as a provider, and "Bow Youth Project"
next to "The Bow Youth Projects", which sort far apart. So every listing is put in
an inverted index under its normalised tokens (`directory.dedupe`'s normalisers):

- each word of its name, each pair of neighbouring words, and the whole name
  without spaces;
- its phone, email, website, the website's host, charity and company numbers.

Every pair of listings that shares a token is compared, and kept when at least one
reason holds; the reasons say why, strongest first. A token shared by more than
MAX_SHARED listings ("community", a shared switchboard) is skipped: it would make
thousands of pairs, and listings that are really one group share a rarer token too
(a name pair, a number). So the work grows with the pairs that share rare tokens,
not with the square of the directory.
"""
from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..core.catalogue import Catalogue
from ..directory.dedupe import (
    NEAR_NAME,
    name_similarity,
    normalise_name,
    normalise_phone,
    normalise_website,
)
from .stale import kind_label
from .tables import Column, Group, Report

MAX_SHARED = 50
COLUMNS = (Column("listing"), Column("file"), Column("other listing"), Column("other file"),
           Column("why"))
EMPTY = "No likely duplicates found."


def _host(url: str) -> str:
    return normalise_website(url).partition("/")[0]


# (token prefix, field, normaliser, reason): the identifiers a person might copy.
_IDENTIFIERS: tuple[tuple[str, str, Callable[[str], str], str], ...] = (
    ("charity", "charity_number", str.upper, "same charity number"),
    ("company", "company_number", str.upper, "same company number"),
    ("phone", "phone", normalise_phone, "same phone"),
    ("email", "email", str.casefold, "same email"),
    ("website", "website", normalise_website, "same website"),
)

_WEBSITE = [field for _prefix, field, _normalise, _reason in _IDENTIFIERS].index("website")


@dataclass(frozen=True)
class Keys:
    """A listing's values as compared: normalised once, not once per pair."""

    name: str
    identifiers: tuple[tuple[str, str], ...]  # (as written, normalised); ("", "") when absent
    host: str

    @classmethod
    def of(cls, item: Any) -> "Keys":
        values = tuple((value, normalise(value)) if (value := getattr(item, field, None))
                       else ("", "") for _prefix, field, normalise, _reason in _IDENTIFIERS)
        website = getattr(item, "website", None)
        return cls(normalise_name(item.name), values, _host(website) if website else "")

    def tokens(self) -> set[str]:
        words = self.name.split()
        tokens = {f"word:{word}" for word in words}
        tokens |= {f"words:{a} {b}" for a, b in zip(words, words[1:])}
        tokens.add("name:" + "".join(words))
        tokens |= {f"{prefix}:{normalised}" for (prefix, *_rest), (_value, normalised)
                   in zip(_IDENTIFIERS, self.identifiers) if normalised}
        return tokens | ({f"host:{self.host}"} if self.host else set())


def reasons(a: Any, b: Any, keys_a: Keys | None = None, keys_b: Keys | None = None
            ) -> list[str]:
    """Why two listings look like one, strongest first; empty when they do not."""
    keys_a, keys_b = keys_a or Keys.of(a), keys_b or Keys.of(b)
    found = []
    for (_prefix, _field, _normalise, reason), (value_a, norm_a), (value_b, norm_b) in zip(
            _IDENTIFIERS, keys_a.identifiers, keys_b.identifiers):
        if norm_a and norm_a == norm_b:
            found.append(f"{reason} {value_a}" if value_a == value_b
                         else f"{reason} {value_a} / {value_b}")
    same_site = keys_a.identifiers[_WEBSITE][1] == keys_b.identifiers[_WEBSITE][1]
    if keys_a.host and keys_a.host == keys_b.host and not same_site:
        found.append(f"same website host {keys_a.host}")
    if keys_a.name == keys_b.name:
        found.insert(0, "same name")
    elif (ratio := name_similarity(keys_a.name, keys_b.name)) >= NEAR_NAME:
        found.append(f"similar names {ratio:.2f}")
    return found


def _listings(cat: Catalogue) -> list[Any]:
    return sorted((item for name in ("orgs", "providers")
                   for item in cat.collections.get(name, ())), key=lambda item: item.path)


def candidate_pairs(keys: list[Keys], cap: int = MAX_SHARED) -> set[tuple[int, int]]:
    """Every pair of positions in `keys` sharing a token held by `cap` or fewer."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, listing_keys in enumerate(keys):
        for token in listing_keys.tokens():
            index[token].append(position)
    return {pair for positions in index.values() if 1 < len(positions) <= cap
            for pair in itertools.combinations(positions, 2)}


def likely_duplicates(cat: Catalogue) -> list[tuple[Any, Any, list[str]]]:
    """(listing, other listing, reasons): most reasons first, then by file."""
    listings = _listings(cat)
    keys = [Keys.of(item) for item in listings]
    found = [(listings[i], listings[j], why) for i, j in candidate_pairs(keys)
             if (why := reasons(listings[i], listings[j], keys[i], keys[j]))]
    return sorted(found, key=lambda pair: (-len(pair[2]), pair[0].path, pair[1].path))


def duplicates_report(cat: Catalogue) -> Report:
    rows: Iterable[tuple[str, ...]] = (
        (f"{a.name} ({kind_label(a)})", a.path, f"{b.name} ({kind_label(b)})", b.path,
         "; ".join(why)) for a, b, why in likely_duplicates(cat))
    intro = ("Pairs of organisations and providers that may be one group listed twice, "
             "with why each was flagged. If they are one, merge the files; if not, "
             "nothing needs doing.")
    return Report("Likely duplicate listings", intro, COLUMNS, (Group("", tuple(rows)),), EMPTY)
