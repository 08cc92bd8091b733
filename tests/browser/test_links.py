"""Every internal link, image and script reference in the built site resolves.

Checked on the files rather than through the server: it is faster, needs no
browser, and a static host serves exactly these files anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .support import (
    SITE_BASE_URL,
    fail_if_any,
    file_for_url_path,
    site_url_to_path,
    url_path_for_file,
)

#: Attributes whose value is a single URL.
URL_ATTRIBUTES = frozenset({"href", "xlink:href", "src", "action", "poster"})

#: Fragments a browser honours without a matching id (HTML: "top" scrolls to
#: the start of the document).
IMPLICIT_FRAGMENTS = frozenset({"top"})


@dataclass(frozen=True)
class Reference:
    """One URL found in a page, with its line for the report."""

    value: str
    line: int


class ScannedPage(HTMLParser):
    """The URLs a page references and the fragment targets (ids) it offers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.references: list[Reference] = []
        self.anchors: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Collect URL attributes, srcset candidates, ids and legacy ``<a name>`` targets."""
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name in URL_ATTRIBUTES:
                self.references.append(Reference(value.strip(), line))
            elif name == "srcset":
                candidates = (c.split()[0] for c in value.split(",") if c.strip())
                self.references.extend(Reference(url, line) for url in candidates)
            elif name == "id" or (name == "name" and tag == "a"):
                self.anchors.add(value)


@cache
def scan(file: Path) -> ScannedPage:
    """Parse ``file`` once, however many pages link to it."""
    page = ScannedPage()
    page.feed(file.read_text(encoding="utf-8"))
    page.close()
    return page


def is_path_relative(url: str) -> bool:
    """True for ``x/y`` or ``../y``: no scheme, no host, a path not starting with ``/``."""
    parts = urlsplit(url)
    has_origin = bool(parts.scheme or parts.netloc)
    return not has_origin and parts.path != "" and not parts.path.startswith("/")


def broken_references(site: Path, file: Path) -> Iterable[str]:
    """Describe each internal reference in ``file`` that points at nothing."""
    page_url = urljoin(SITE_BASE_URL, url_path_for_file(site, file).lstrip("/"))
    is_not_found_page = file == site / "404.html"
    for reference in scan(file).references:
        if not reference.value:
            continue
        target_url = urljoin(page_url, reference.value)
        target_path = site_url_to_path(target_url)
        if target_path is None:
            continue  # another site, mailto:, tel:, data: …
        where = f"{file.relative_to(site)}:{reference.line} → {reference.value}"
        if is_not_found_page and is_path_relative(reference.value):
            # 404.html is served at whatever URL was missing, so a relative
            # link from it resolves differently on every request.
            yield f"{where} (relative link on the 404 page)"
            continue
        target = file_for_url_path(site, urlsplit(target_path).path)
        if not target.is_file():
            hint = " (a directory: add a trailing slash)" if target.is_dir() else ""
            yield f"{where} (no file {target.relative_to(site)}){hint}"
            continue
        fragment = unquote(urlsplit(target_url).fragment)
        if fragment and fragment not in IMPLICIT_FRAGMENTS and target.suffix == ".html":
            if fragment not in scan(target).anchors:
                yield f"{where} (no id=\"{fragment}\" in {target.relative_to(site)})"


def test_internal_links_resolve(built_site: Path) -> None:
    """No page links to a missing file or to a fragment id its target lacks."""
    pages = sorted(built_site.rglob("*.html"))
    assert pages, f"No .html files in {built_site}"
    broken = [problem for file in pages for problem in broken_references(built_site, file)]
    fail_if_any(broken, "broken internal reference(s), page:line → reference")
