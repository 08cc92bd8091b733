"""The core's URLs: the home page, media, static assets, edit and report links, output files.

Each capability keeps the URLs of its own pages in its own `urls.py`; every path is
site-relative, ends in `/` for a directory page, and is built only from validated slugs.
Those paths are the same in every language: `localised` adds the language's prefix
(`/bn/orgs/`) while a language's pass is being built, except to language-neutral files
(static assets, media, downloads, open data), which exist once for every language.
"""
from __future__ import annotations

import contextlib
import re
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Iterator, Mapping
from urllib.parse import quote, quote_plus

# Top-level names the core publishes under, so no content page can claim them first.
CORE_SECTIONS = frozenset({"static", "media", "schemas", "404", "sitemap", "index"})


def home() -> str:
    return "/"


def media(path: str) -> str:
    return f"/media/{path}"


def static(name: str) -> str:
    return f"/static/{name}"


def edit_link(repository_url: str, branch: str, path: str) -> str:
    """A "suggest an edit" link in the form GitHub, GitLab and Gitea all understand."""
    return f"{repository_url.rstrip('/')}/edit/{branch}/{path}"


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def query_string(params: Mapping[str, str], plus: bool = True) -> str:
    """`urlencode(params)` (with `quote_via=quote` when not `plus`), byte for byte, but
    leaving alone the values with nothing to encode, as slugs: every organisation's page
    has a handful of these links, and `urlencode` quoted each value character by character."""
    encode = quote_plus if plus else quote

    def part(text: str) -> str:
        return text if _UNRESERVED.fullmatch(text) else encode(text, safe="")
    return "&".join(f"{part(key)}={part(value)}" for key, value in params.items())


def report_problem_link(repository_url: str, name: str, path: str) -> str:
    """A new issue from the `listing-update.yml` form with the listing's name and file filled in.

    GitHub fills an issue form's fields from query parameters named by their ids, so a
    visitor only ticks what is wrong; every value is percent-encoded.
    """
    query = query_string({"template": "listing-update.yml", "title": f"Problem with {name}",
                          "listing": name, "file": path}, plus=False)
    return f"{repository_url.rstrip('/')}/issues/new?{query}"


def output_file(url: str) -> str:
    """The file a URL is written to: directory URLs get an index.html."""
    relative = url.lstrip("/")
    return relative + "index.html" if url.endswith("/") else relative


def download(path: str) -> str:
    """A downloadable file is published at its repository path (`toolkits/files/a.pdf`)."""
    return f"/{path}"


@dataclass(frozen=True)
class Edition:
    """Where the language being built is published: its prefix (`/bn`, or `""` for the
    default language) and the site-relative paths of the files every language shares."""

    prefix: str = ""
    neutral: frozenset[str] = frozenset()
    # Sections whose files (not their pages) every language shares, as `/data/`: a
    # language-neutral capability's (`Registry.neutral_sections`).
    neutral_sections: tuple[str, ...] = ()


NEUTRAL_SECTIONS = ("/static/", "/media/", "/schemas/")
_edition: ContextVar[Edition] = ContextVar("edition", default=Edition())


@contextlib.contextmanager
def publishing(edition: Edition) -> Iterator[None]:
    token = _edition.set(edition)
    try:
        yield
    finally:
        _edition.reset(token)


def language_prefix(code: str, default: str) -> str:
    """`/bn` for Bengali, nothing for the default language (published at `/`)."""
    return "" if code == default else f"/{code}"


def is_neutral(path: str, neutral: frozenset[str] = frozenset(),
               sections: tuple[str, ...] = ()) -> bool:
    """Whether a site-relative path is a file every language shares: in a neutral section,
    one of the `neutral` files, or a file (not a page, which ends in `/`) in `sections`."""
    bare = path.split("?", 1)[0].split("#", 1)[0]
    return (bare.startswith(NEUTRAL_SECTIONS) or bare.lstrip("/") in neutral
            or (bare.startswith(sections) and not bare.endswith("/")))


def localised(path: str) -> str:
    """A site-relative path in the language being built: `/orgs/` → `/bn/orgs/`."""
    edition = _edition.get()
    if not edition.prefix or not path.startswith("/") or is_neutral(path, edition.neutral,
                                                                  edition.neutral_sections):
        return path
    return edition.prefix + path


def in_language(path: str, prefix: str) -> str:
    """The same page in another language (the switcher's and `hreflang` links)."""
    return prefix + path
