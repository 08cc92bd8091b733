"""Page plans and build inputs: what build steps take and what they give back.

A step is a pure function of `BuildInputs` that yields `PagePlan`s (URL, template,
plain data) and `OutputFile`s, so pages can be rendered in any order, in parallel,
or one at a time when a single file changes. Templates receive a plan's `data` and
nothing else.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, TypeVar

from .catalogue import Catalogue
from .contributions import Contributions
from .present import Link

T = TypeVar("T")


@dataclass(frozen=True)
class PagePlan:
    url: str
    template: str
    title: str
    description: str
    data: dict[str, Any] = field(default_factory=dict)
    breadcrumbs: tuple[Link, ...] = ()
    in_sitemap: bool = True


@dataclass(frozen=True)
class BuildInputs:
    """What every build step reads: the catalogue, today, and other capabilities' parts."""

    catalogue: Catalogue
    today: dt.date
    contributions: Contributions = Contributions({})
    # The content repository, for steps that read more than the catalogue (its git history).
    root: Path | None = None
    # The templates folder, for steps that render more than pages (printing's PDFs).
    templates: Path | None = None
    # Whether to make PDFs: off for `thin build --no-pdf` and the preview server.
    pdf: bool = True
    _derived: dict[Callable[[Catalogue], Any], Any] = field(
        default_factory=dict, repr=False, compare=False)
    _computed: dict[Callable[["BuildInputs"], Any], Any] = field(
        default_factory=dict, repr=False, compare=False)

    def derived(self, make: Callable[[Catalogue], T]) -> T:
        """An index computed from the catalogue once per build and shared by every step.

        So a build with 20,000 organisations groups them by ward once, not once a page.
        """
        if make not in self._derived:
            self._derived[make] = make(self.catalogue)
        return self._derived[make]

    def computed(self, make: Callable[["BuildInputs"], T]) -> T:
        """A result computed from the whole inputs once per build, for steps that need
        another step's output before their own pages: the PDFs' sizes and page counts
        are known before the pages linking to them are rendered.
        """
        if make not in self._computed:
            self._computed[make] = make(self)
        return self._computed[make]

    def contributed(self, point: str) -> tuple[Any, ...]:
        return self.contributions.to(point)
