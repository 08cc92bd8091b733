"""The catalogue model: review dates by calendar months, lookups, opening periods."""
from __future__ import annotations

import datetime as dt

import pytest

from thin_build.core.taxonomy import Term
from thin_build.directory import model as directory_model
from thin_build.directory.model import OpeningPeriod, review_due

D = dt.date


@pytest.mark.parametrize("verified, months, due_on", [
    (D(2025, 1, 31), 1, D(2025, 2, 28)),    # no 31 February: the last day of the month
    (D(2024, 1, 31), 1, D(2024, 2, 29)),    # leap year
    (D(2024, 2, 29), 12, D(2025, 2, 28)),   # from a leap day to a common year
    (D(2024, 2, 29), 48, D(2028, 2, 29)),   # and to the next leap day
    (D(2023, 2, 28), 12, D(2024, 2, 28)),   # not moved to the 29th
    (D(2025, 3, 31), 1, D(2025, 4, 30)),
    (D(2025, 12, 15), 1, D(2026, 1, 15)),   # across the year end
    (D(2025, 11, 30), 3, D(2026, 2, 28)),
    (D(2025, 6, 12), 12, D(2026, 6, 12)),
    (D(2025, 6, 12), 120, D(2035, 6, 12)),
])
def test_review_is_due_exactly_n_calendar_months_later(verified, months, due_on) -> None:
    assert not review_due(verified, months, due_on - dt.timedelta(days=1))
    assert review_due(verified, months, due_on)
    assert review_due(verified, months, due_on + dt.timedelta(days=1))


def test_never_verified_is_always_due() -> None:
    assert review_due(None, 12, D(2000, 1, 1))


def test_verified_today_is_not_due() -> None:
    assert not review_due(D(2026, 11, 24), 1, D(2026, 11, 24))


@pytest.mark.parametrize("opens, closes, past", [
    ("09:00", "17:00", False), ("20:00", "02:00", True), ("00:00", "24:00", False),
    ("22:00", "24:00", False), ("09:00", "00:00", True),
])
def test_opening_period_past_midnight(opens: str, closes: str, past: bool) -> None:
    assert OpeningPeriod(days=("mon",), opens=opens, closes=closes).past_midnight is past


def test_records_are_frozen() -> None:
    term = Term(slug="a", name="A")
    with pytest.raises(AttributeError):
        term.name = "B"  # type: ignore[misc]


def test_days_and_names_agree() -> None:
    assert list(directory_model.DAY_NAMES) == list(directory_model.DAYS)
    assert directory_model.DAY_NAMES["sun"] == "Sunday"
