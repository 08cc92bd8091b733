"""Pagers (`core.present.pagers`): first, last and nearby pages, gaps for the rest."""
from __future__ import annotations

import pytest

from thin_build.core.present import pagers


def _shown(count: int, number: int) -> str:
    pager = pagers(count, lambda n: f"/p/{n}/")[number - 1]
    return " ".join("…" if link is None else (f"[{link.text}]" if link.url == pager["current"]
                                             else link.text) for link in pager["pages"])


@pytest.mark.parametrize("count, number, shown", [
    (2, 1, "[1] 2"),
    (7, 4, "1 2 3 [4] 5 6 7"),
    (8, 1, "[1] 2 3 … 8"),
    (8, 5, "1 2 3 4 [5] 6 7 8"),   # a gap would stand for one page: it is linked instead
    (20, 10, "1 … 8 9 [10] 11 12 … 20"),
    (667, 667, "1 … 665 666 [667]"),
])
def test_a_pager_shows_the_ends_and_the_neighbours(count: int, number: int, shown: str) -> None:
    assert _shown(count, number) == shown


def test_one_page_has_no_pager_and_every_page_is_reached_by_next() -> None:
    assert pagers(1, str) == [None]
    chain = pagers(30, lambda n: f"/p/{n}/")
    assert [p["next"] for p in chain[:-1]] == [p["current"] for p in chain[1:]]
    assert [p["previous"] for p in chain[1:]] == [p["current"] for p in chain[:-1]]
