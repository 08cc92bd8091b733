"""Constants and small helpers the tests share."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SITES = REPO / "tests" / "sites"
BASE_SITE = SITES / "base"
TODAY = dt.date(2026, 11, 24)
