"""Where the directory's pages live: organisations, providers and the browse pages."""
from __future__ import annotations


def org(slug: str) -> str:
    return f"/orgs/{slug}/"


def orgs_page(number: int) -> str:
    return "/orgs/" if number == 1 else f"/orgs/page/{number}/"


def provider(slug: str) -> str:
    return f"/providers/{slug}/"


def providers() -> str:
    return "/providers/"


def providers_by_type() -> str:
    return "/providers/by-type/"


def browse_index(facet: str) -> str:
    return f"/{facet}/"


def browse(facet: str, slug: str, number: int = 1) -> str:
    base = f"/{facet}/{slug}/"
    return base if number == 1 else f"{base}page/{number}/"
