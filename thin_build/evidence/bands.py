"""NCVO's income bands, as the UK Civil Society Almanac reports organisations.

Boundary rule: a band includes its lower limit and excludes its upper one, so an
income of exactly £10,000 is "small", exactly £100,000 is "medium", and so on
(`lower <= income < upper`). The Almanac writes its bands as "£10k–£100k"; this is
the reading that puts every income in exactly one band.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.i18n import N_


@dataclass(frozen=True)
class Band:
    slug: str
    name: str
    range_text: str
    lower: int
    upper: int | None  # None: no upper limit

    def holds(self, income: int) -> bool:
        return self.lower <= income and (self.upper is None or income < self.upper)


# `name` and `range_text` are marked, and translated where shown.
BANDS = (
    Band("micro", N_("Micro"), N_("under £10,000"), 0, 10_000),
    Band("small", N_("Small"), N_("£10,000 to under £100,000"), 10_000, 100_000),
    Band("medium", N_("Medium"), N_("£100,000 to under £1 million"), 100_000, 1_000_000),
    Band("large", N_("Large"), N_("£1 million to under £10 million"), 1_000_000, 10_000_000),
    Band("major", N_("Major"), N_("£10 million to under £100 million"), 10_000_000,
         100_000_000),
    Band("super-major", N_("Super-major"), N_("£100 million or more"), 100_000_000, None),
)



def band_of(income: int) -> Band:
    """The one band an income falls in (incomes are never negative: the field says so)."""
    return next(band for band in BANDS if band.holds(income))
