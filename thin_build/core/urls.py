"""The core's URLs: the home page, media, static assets, edit and report links, output files.

Each capability keeps the URLs of its own pages in its own `urls.py`; every path is
site-relative, ends in `/` for a directory page, and is built only from validated slugs.
"""
from __future__ import annotations

from urllib.parse import quote, urlencode

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


def report_problem_link(repository_url: str, name: str, path: str) -> str:
    """A new issue from the `listing-update.yml` form with the listing's name and file filled in.

    GitHub fills an issue form's fields from query parameters named by their ids, so a
    visitor only ticks what is wrong; every value is percent-encoded.
    """
    query = urlencode({"template": "listing-update.yml", "title": f"Problem with {name}",
                       "listing": name, "file": path}, quote_via=quote)
    return f"{repository_url.rstrip('/')}/issues/new?{query}"


def output_file(url: str) -> str:
    """The file a URL is written to: directory URLs get an index.html."""
    relative = url.lstrip("/")
    return relative + "index.html" if url.endswith("/") else relative


def download(path: str) -> str:
    """A downloadable file is published at its repository path (`toolkits/files/a.pdf`)."""
    return f"/{path}"
