"""Checks on a site's pages and posts that no single field can make alone.

A page may not take an address the site itself uses (`news`, `events`…); a post's
file name starts with its date, which must be its `date:`; a post dated after the
build's day stays hidden, with a warning naming the day; a picture needs words for
people who cannot see it; and each site keeps to its limits, so one group cannot make
the whole portal slow to build.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from ..core.checking import Checking
from ..core.errors import Location, Problem, error, warning
from . import model

# Addresses under /orgs/<org>/ the site itself publishes (the embeds under `embed`).
RESERVED_PAGES = frozenset({"events", "news", "contact", "embed", "media", "feed", "print"})
MAX_PAGES = 12  # a menu a phone can show
MAX_POSTS = 200
POST_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})-([a-z0-9]+(?:-[a-z0-9]+)*)")


def check_sites(site: Checking) -> list[Problem]:
    problems: list[Problem] = []
    pages: list[model.SitePage] = list(site.records["site_pages"])
    posts: list[model.NewsPost] = list(site.records["news_posts"])
    for page in pages:
        if page.name in RESERVED_PAGES:
            problems.append(error("reserved-page", f"a page called {page.name!r} would take "
                                  f"the site's own /orgs/{page.org}/{page.name}/ address; rename "
                                  "the file (these names are the site's own: "
                                  + ", ".join(sorted(RESERVED_PAGES)) + ")",
                                  Location(page.path)))
    for post in posts:
        problems += _check_post(site, post)
    problems += _over_limit(pages, MAX_PAGES, "pages", "merge some pages or delete one")
    problems += _over_limit(posts, MAX_POSTS, "news posts", "delete the oldest posts")
    return problems


def _check_post(site: Checking, post: model.NewsPost) -> Iterable[Problem]:
    match = POST_NAME.fullmatch(post.name)
    if match is None:
        yield error("bad-filename", f"a news post's file name starts with its date: rename it "
                    f"{post.date.isoformat()}-{post.name}.md (YYYY-MM-DD-name.md)",
                    Location(post.path))
    elif match[1] != post.date.isoformat():
        yield error("date-mismatch", f"`date` is {post.date.isoformat()} but the file name says "
                    f"{match[1]}; make them the same (rename the file "
                    f"{post.date.isoformat()}-{match[2]}.md, or change `date`)",
                    site.field_location("news", post.slug, "date"))
    if post.date > site.today:
        yield warning("future-post", f"is dated {post.date.isoformat()}, after the build's date "
                      f"({site.today.isoformat()}): it stays hidden until "
                      f"{post.date.isoformat()}", site.field_location("news", post.slug, "date"))
    if post.image is not None and not post.image_alt:
        yield error("missing-alt", "`image` needs `image_alt`: say in a few words what the "
                    "picture shows, for people who cannot see it",
                    site.field_location("news", post.slug, "image"))
    if post.image is None and post.image_alt:
        yield warning("unused-alt", "`image_alt` describes a picture, but there is no `image`; "
                      "add the picture or delete this line",
                      site.field_location("news", post.slug, "image_alt"))


def _over_limit(items: Iterable[model.SitePart], limit: int, what: str,
                fix: str) -> list[Problem]:
    """One error per site over its limit, at the first file past it."""
    by_org: dict[str, list[model.SitePart]] = defaultdict(list)
    for item in items:
        by_org[item.org].append(item)
    return [error("too-many", f"orgs/{org}/ has {len(same)} {what}; a site may have at most "
                  f"{limit}: {fix}", Location(sorted(same, key=lambda i: i.path)[limit].path))
            for org, same in sorted(by_org.items()) if len(same) > limit]
