"""Where content pages live: at the top level, so `/about/` reads well."""
from __future__ import annotations


def page(slug: str) -> str:
    return f"/{slug}/"
