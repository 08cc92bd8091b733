"""Every internal link, image and script reference in a built site resolves.

The pull-request workflow runs this on the built `site/` before a coordinator
merges: a renamed listing or a removed page must not leave links to nothing. It
reads the files rather than a server, because a static host serves exactly these
files, and it needs no browser.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes whose value is a single URL.
URL_ATTRIBUTES = frozenset({"href", "xlink:href", "src", "action", "poster"})
# Fragments a browser honours without a matching id ("top" scrolls to the start).
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


@lru_cache(maxsize=4096)
def scan(file: Path) -> ScannedPage:
    """Parse `file` once, however many pages link to it."""
    page = ScannedPage()
    page.feed(file.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def file_for_url_path(site: Path, url_path: str) -> Path:
    """The file a static server sends for a root-relative path (`/orgs/x/` → its index.html)."""
    relative = unquote(url_path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    return site / relative


def url_path_for_file(site: Path, file: Path) -> str:
    """The root-relative URL path a file is served at."""
    return ("/" + file.relative_to(site).as_posix()).removesuffix("index.html")


def _is_path_relative(url: str) -> bool:
    parts = urlsplit(url)
    has_origin = bool(parts.scheme or parts.netloc)
    return not has_origin and parts.path != "" and not parts.path.startswith("/")


def _inside(site: Path, target: Path) -> bool:
    return target.resolve().is_relative_to(site.resolve())


def broken_references(site: Path, file: Path, base_url: str) -> Iterator[str]:
    """Each internal reference in `file` that points at nothing, as `page:line → ref (why)`."""
    page_url = urljoin(base_url, url_path_for_file(site, file).lstrip("/"))
    is_not_found_page = file == site / "404.html"
    for reference in scan(file).references:
        if not reference.value:
            continue
        target_url = urljoin(page_url, reference.value)
        if not target_url.startswith(base_url):
            continue  # another site, mailto:, tel:, data: …
        where = f"{file.relative_to(site).as_posix()}:{reference.line} → {reference.value}"
        if is_not_found_page and _is_path_relative(reference.value):
            # 404.html is served at whatever URL was missing, so a relative link from
            # it resolves differently on every request.
            yield f"{where} (relative link on the 404 page)"
            continue
        target = file_for_url_path(site, "/" + urlsplit(target_url[len(base_url):]).path)
        if not _inside(site, target):
            yield f"{where} (outside the site)"
            continue
        if not target.is_file():
            hint = " (a directory: add a trailing slash)" if target.is_dir() else ""
            yield f"{where} (no file {target.relative_to(site).as_posix()}){hint}"
            continue
        fragment = unquote(urlsplit(target_url).fragment)
        if fragment and fragment not in IMPLICIT_FRAGMENTS and target.suffix == ".html":
            if fragment not in scan(target).anchors:
                yield f"{where} (no id=\"{fragment}\" in {target.relative_to(site).as_posix()})"


def broken_links(site: Path, base_url: str) -> list[str]:
    """Every broken internal reference of every page of the built `site`, in file order."""
    site = Path(site)
    base = base_url if base_url.endswith("/") else base_url + "/"
    pages: Iterable[Path] = sorted(site.rglob("*.html"))
    scan.cache_clear()
    return [problem for file in pages for problem in broken_references(site, file, base)]
