"""Content pages (`content/pages/`): about, how to add a listing, accessibility, privacy."""
from __future__ import annotations

from dataclasses import dataclass

from ..core.translatable import Translatable


@dataclass(frozen=True, kw_only=True)
class Page(Translatable):
    """A content page such as "About THIN" or the accessibility statement."""

    slug: str
    path: str
    title: str
    summary: str
    order: int = 100
    body: str | None = None
