"""Constants and small helpers the tests share."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
BASE_SITE = SITES / "base"
TODAY = dt.date(2026, 11, 24)


def inputs_for(catalogue, today: dt.date = TODAY):
    """What a build step receives, for calling one page plan directly."""
    from thin_build.capabilities import PORTAL
    from thin_build.core.plan import BuildInputs
    return BuildInputs(catalogue, today, PORTAL.contributions())
