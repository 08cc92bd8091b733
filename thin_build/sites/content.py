"""Each organisation's site as the build sees it: which organisations have one, their
pages in menu order and their news as published on the build's day.

The pages and posts are grouped once a build (`inputs.computed`), so the many pages
of many sites never sort or filter the whole catalogue again; each site is then made
from its own organisation's record (`site_of`).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping

from ..core.folders import INDEX
from ..core.plan import BuildInputs
from ..directory.model import Organisation
from . import model


@dataclass(frozen=True)
class Site:
    """One organisation's site: pages by `order` then title, posts newest first."""

    org: Organisation
    pages: tuple[model.SitePage, ...]
    posts: tuple[model.NewsPost, ...]


def has_site(org: Organisation) -> bool:
    """A folder-shaped organisation (`orgs/<slug>/index.md`) has a site; a file has a listing."""
    return org.path.rpartition("/")[2].rpartition(".")[0] == INDEX


def site_of(inputs: BuildInputs, org: Organisation) -> Site | None:
    """`org`'s site, or None: made from its own record, pages and posts only, so a step
    making one site's pages reads no other organisation (`Step(per="orgs")`)."""
    if not has_site(org):
        return None
    pages, posts = inputs.computed(_by_org)
    return Site(org, pages.get(org.slug, ()), posts.get(org.slug, ()))


def _by_org(inputs: BuildInputs) -> tuple[Mapping[str, tuple[model.SitePage, ...]],
                                          Mapping[str, tuple[model.NewsPost, ...]]]:
    """Each organisation's pages in menu order and its posts newest first, by slug.

    A post dated after the build's day is left out everywhere (pages, feed, search)
    until that day; the check has warned about it.
    """
    cat = inputs.catalogue
    pages: dict[str, list[model.SitePage]] = defaultdict(list)
    posts: dict[str, list[model.NewsPost]] = defaultdict(list)
    for page in cat.site_pages:
        pages[page.org].append(page)
    for post in cat.news_posts:
        if post.date <= inputs.today:
            posts[post.org].append(post)
    return ({slug: tuple(sorted(items, key=lambda p: (p.order, p.title.casefold(), p.slug)))
             for slug, items in pages.items()},
            {slug: tuple(sorted(items, key=lambda p: (-p.date.toordinal(), p.slug)))
             for slug, items in posts.items()})
