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
from typing import Any, Callable, Iterator, Mapping, TypeVar

from .catalogue import Catalogue
from .contributions import Contributions
from .memo import Kept, Memos, PerRecord
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
    # Set by an incremental rebuild: the records, by collection, whose own pages are made
    # again (`inputs.each`); None in a full build, where every record's are.
    only: Mapping[str, frozenset[str]] | None = None
    # The catalogue in the site's own language, when `catalogue` is another language's:
    # language-neutral files (the open data, the Open Referral feed) are made from it in
    # every pass, so a later pass's page describes the very files the first pass wrote.
    unlocalised: Catalogue | None = None
    # Values worked out per record (`core.memo`): shared by a build's language passes,
    # and kept between an incremental rebuild's builds.
    memos: Memos = field(default_factory=Memos, repr=False, compare=False)
    _derived: dict[Callable[[Catalogue], Any], Any] = field(
        default_factory=dict, repr=False, compare=False)
    _computed: dict[Callable[["BuildInputs"], Any], Any] = field(
        default_factory=dict, repr=False, compare=False)
    _current: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def each(self, collection: str) -> Iterator[Any]:
        """The records of a collection a per-record step makes pages for (`Step.per`):
        all of them in a full build, only the changed ones in an incremental rebuild."""
        wanted = None if self.only is None else self.only.get(collection)
        for record in getattr(self.catalogue, collection):
            if wanted is None or record.slug in wanted:
                self._current[collection] = record.slug
                yield record
        self._current.pop(collection, None)

    def current(self, collection: str | None) -> str:
        """The slug `each(collection)` last gave, "" before the first and after the last:
        the record whose pages a `per` step is making now, so a rebuild knows which
        files are that record's. Exact as long as the step yields a record's pages
        before it takes the next record."""
        return self._current.get(collection, "") if collection else ""

    @property
    def site_language_catalogue(self) -> Catalogue:
        """What language-neutral files are made from (see `unlocalised`)."""
        return self.catalogue if self.unlocalised is None else self.unlocalised

    def kept(self, kind: PerRecord[T]) -> Kept[T] | None:
        """The values of `kind` kept by record (`core.memo`); None when not kept."""
        return self.memos.of(kind)

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
