"""Where "find support", its per-need pages and data, and the gaps report live."""
from __future__ import annotations


def support(query: str = "") -> str:
    """The referral page ("Find support"), optionally with answers filled in."""
    return "/support/" + (f"?{query}" if query else "")


def support_need(need: str) -> str:
    return f"/support/{need}/"


def support_index() -> str:
    return "/support/referral-index.json"


def support_details(need: str) -> str:
    return f"/support/{need}/services.json"


def gaps_report() -> str:
    return "/reports/gaps/"
