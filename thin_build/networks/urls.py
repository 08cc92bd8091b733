"""Where the networks' pages and member lists live."""
from __future__ import annotations


def networks() -> str:
    return "/networks/"


def network(slug: str) -> str:
    return f"/networks/{slug}/"


def members_csv(slug: str) -> str:
    return f"/networks/{slug}/members.csv"
