"""The toolkit library's records: toolkits with their downloads, and regional links."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.downloads import Download
from ..core.translatable import Translatable

# The kinds of material, in the words the THIN plan uses; each has a filter page.
TOOLKIT_TYPES = ("fact sheet", "guide", "template", "policy", "toolkit", "health check",
                 "quality standard")
AREAS = ("regional", "london", "national")


@dataclass(frozen=True, kw_only=True)
class ToolkitFile(Translatable):
    """One download: the file (type and size read from its content) and its label."""

    file: Download
    label: str


@dataclass(frozen=True, kw_only=True)
class Toolkit(Translatable):
    """A fact sheet, template, policy or guide, with files to download or a link.

    `topics` are support needs and `stages` stages of development, so a toolkit is
    found by the same words as the support that goes with it; `author` is a provider.
    """

    slug: str
    path: str
    title: str
    type: str
    topics: tuple[str, ...]
    author: str
    licence: str
    last_reviewed: dt.date
    stages: tuple[str, ...] = ()
    files: tuple[ToolkitFile, ...] = ()
    link: str | None = None
    body: str | None = None


@dataclass(frozen=True, kw_only=True)
class RegionalLink:
    """Support beyond the borough: who, what they offer, where, and for which needs."""

    name: str
    offer: str
    url: str
    area: str
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class RegionalLinks:
    """content/links.yaml: regional, London and national support, one entry each."""

    links: tuple[RegionalLink, ...] = ()
