"""An organisation's own small site: its pages and its news posts.

Both live in the organisation's folder (`orgs/<org>/<page>.md`,
`orgs/<org>/news/<yyyy-mm-dd>-<name>.md`), so a record's slug is `<org>/<name>`: two
groups can each have an "about" page. `org` and `name` split it back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..core.downloads import Download
from ..core.translatable import Translatable


@dataclass(frozen=True, kw_only=True)
class SitePart(Translatable):
    """What a page and a post share: where they are, whose site they belong to, and
    their translations (`translations:` in the file, as listings have them)."""

    slug: str
    path: str
    title: str
    body: str | None = None

    @property
    def org(self) -> str:
        return self.slug.partition("/")[0]

    @property
    def name(self) -> str:
        return self.slug.partition("/")[2]


@dataclass(frozen=True, kw_only=True)
class SitePage(SitePart):
    """A page of the site, such as "Volunteer with us", placed in its menu by `order`."""

    summary: str | None = None
    order: int = 100


@dataclass(frozen=True, kw_only=True)
class NewsPost(SitePart):
    """A news post, dated; `image` is a file in the site's `media/` folder."""

    date: dt.date
    summary: str
    image: Download | None = None
    image_alt: str | None = None
