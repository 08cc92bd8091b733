"""Each organisation's site as the build sees it: which organisations have one, their
pages in menu order and their news as published on the build's day.

Computed once a build (`inputs.computed(sites)`), so the many pages of many sites
never sort or filter the whole catalogue again.
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


def sites(inputs: BuildInputs) -> Mapping[str, Site]:
    """Organisation slug → its site, for every folder-shaped organisation.

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
    return {org.slug: Site(
        org,
        tuple(sorted(pages[org.slug], key=lambda p: (p.order, p.title.casefold(), p.slug))),
        tuple(sorted(posts[org.slug], key=lambda p: (-p.date.toordinal(), p.slug))))
        for org in cat.orgs if has_site(org)}
