"""Small-cell suppression: the one rule for every evidence figure.

A figure resting on fewer than ``SMALL_CELL`` organisations is never shown as a
number, in a page, a chart or a CSV, so no single group's finances or answers can be
read off the evidence. Every figure goes through ``shown`` (words) or
``is_suppressed`` (a decision), so the threshold lives here and nowhere else.
"""

from __future__ import annotations

from typing import Sequence

from ..core.i18n import format_number
from ..core.i18n import gettext as _

SMALL_CELL = 3


def fewer_than() -> str:
    """The words a suppressed figure shows, in the page's language: "fewer than 3"."""
    # Translators: shown instead of a number too small to publish, e.g. "fewer than 3"
    return _("fewer than %(num)s") % {"num": format_number(SMALL_CELL)}


def is_suppressed(count: int) -> bool:
    """True when a figure about ``count`` organisations must not be shown.

    Zero is not suppressed: "none" reveals nothing about any one organisation.
    """
    return 0 < count < SMALL_CELL


def shown(count: int) -> str:
    """The count as a page or CSV shows it: "fewer than 3", or "1,234"."""
    return fewer_than() if is_suppressed(count) else format_number(count)


def protect_totals(counts: Sequence[int]) -> frozenset[int]:
    """The rows whose money figure must be hidden in a column whose total is published.

    Hiding one small row is not enough when the column's total is shown: the total
    minus the other rows gives it back. So when exactly one row is small, the next
    smallest row with organisations in it is hidden too (complementary suppression).
    `counts` are the organisations each row's figure rests on.
    """
    hidden = {index for index, count in enumerate(counts) if is_suppressed(count)}
    if len(hidden) == 1:
        others = sorted((count, index) for index, count in enumerate(counts)
                        if index not in hidden and count > 0)
        if others:
            hidden.add(others[0][1])
    return frozenset(hidden)
