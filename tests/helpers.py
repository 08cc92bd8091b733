"""Constants and small helpers the tests share."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from thin_build.capabilities import PORTAL
from thin_build.core.catalogue import Catalogue
from thin_build.core.plan import BuildInputs

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
BASE_SITE = SITES / "base"
TODAY = dt.date(2026, 11, 24)


def inputs_for(catalogue: Catalogue, today: dt.date = TODAY) -> BuildInputs:
    """What a build step receives, for calling one page plan directly."""
    return BuildInputs(catalogue, today, PORTAL.contributions())
