"""Where the search page and its index files live."""
from __future__ import annotations


def search() -> str:
    return "/search/"


def search_file(name: str) -> str:
    return f"/search/{name}"
