"""The small-cell rule at its boundary: 2 is hidden, 3 is shown, 0 reveals nobody."""
from __future__ import annotations

import pytest

from thin_build.evidence.figures import amount, count, percent
from thin_build.evidence.suppress import SMALL_CELL, is_suppressed, protect_totals, shown


def test_the_threshold_is_three() -> None:
    assert SMALL_CELL == 3


@pytest.mark.parametrize("n, hidden, text", [
    (0, False, "0"), (1, True, "fewer than 3"), (2, True, "fewer than 3"), (3, False, "3"),
    (4, False, "4"), (1234, False, "1,234"),
])
def test_shown_and_is_suppressed_at_the_boundary(n, hidden, text) -> None:
    assert (is_suppressed(n), shown(n)) == (hidden, text)


def test_cells_follow_the_same_rule_in_page_and_csv() -> None:
    assert (count(2).text, count(2).csv, count(2).value) == ("fewer than 3", "fewer than 3", None)
    assert (count(3).text, count(3).csv, count(3).value) == ("3", "3", 3)
    assert (amount(50_000, 2, "£").text, amount(50_000, 2, "£").csv) == (
        "fewer than 3", "fewer than 3")
    assert (amount(50_000, 3, "£").text, amount(50_000, 3, "£").csv) == ("£50,000", "50000")
    assert amount(None, 0, "£").text == "none given"
    assert (percent(2, 10).text, percent(3, 10).text, percent(1, 8).text) == (
        "fewer than 3", "30%", "fewer than 3")
    assert percent(5, 8).text == "63%"  # 62.5 rounds up


@pytest.mark.parametrize("counts, hidden", [
    ([5, 4, 3], set()),          # nothing small
    ([5, 1, 4], {1, 2}),         # one small row: the next smallest goes too
    ([5, 1, 0, 4], {1, 3}),      # an empty row hides nothing, so it is no complement
    ([2, 1, 6], {0, 1}),         # two small rows protect each other
    ([1, 0], {0}),               # no other row to hide: the total is small itself
])
def test_complementary_suppression_protects_a_lone_small_row(counts, hidden) -> None:
    assert protect_totals(counts) == hidden
