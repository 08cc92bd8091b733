"""Where the skills exchange lives."""
from __future__ import annotations


def exchange() -> str:
    return "/skills/"


def skill(slug: str) -> str:
    """A skill's part of the exchange page."""
    return f"/skills/#skill-{slug}"
