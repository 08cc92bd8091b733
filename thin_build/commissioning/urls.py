"""Where the commissioning guidance, the opportunities and their feeds live."""
from __future__ import annotations


def commissioning() -> str:
    return "/commissioning/"


def guide(slug: str) -> str:
    return f"/commissioning/{slug}/"


def opportunities() -> str:
    return "/opportunities/"


def archive() -> str:
    """Opportunities whose deadline has passed, at the build's date."""
    return "/opportunities/archive/"


def opportunity(slug: str) -> str:
    return f"/opportunities/{slug}/"


def deadlines_feed() -> str:
    """The iCalendar feed of open opportunities' deadlines."""
    return "/opportunities/deadlines.ics"


def opportunities_feed() -> str:
    """The Atom feed of new opportunities."""
    return "/opportunities/feed.atom"


def readiness() -> str:
    """The readiness checklist, built by the assessment room; linked by address only."""
    return "/readiness/"
