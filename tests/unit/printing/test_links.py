"""The site's pages link to their PDFs, with the file's own size and page count."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.helpers import BASE_SITE, TODAY
from tests.unit.printing.support import page_count
from thin_build.build import build_site

SUMMARY = re.compile(r"^(?P<title>.+) \(PDF, (?P<size>\d+ KB|\d+ bytes|[\d.]+ MB), "
                     r"(?P<pages>\d+) pages?\)$")
# Each page that prints, and the PDFs it offers (site paths).
PAGES = {
    "orgs/index.html": ["/print/directory.pdf", "/print/directory-large-print.pdf"],
    "wards/weavers/index.html": ["/print/wards/weavers.pdf"],
    "support/payroll/index.html": ["/print/needs/payroll.pdf"],
    "orgs/bow-youth/index.html": ["/print/flyers/orgs/bow-youth.pdf"],
    "providers/hub/index.html": ["/print/flyers/providers/hub.pdf"],
}


class DownloadLinks(HTMLParser):
    """Every `<a download>` of a page: (href, download value, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and "download" in attributes:
            self._open = {"href": attributes["href"], "download": attributes["download"],
                          "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            link = self._open
            self.links.append((link["href"], link["download"], " ".join(link["text"].split())))
            self._open = None


def download_links(path) -> list[tuple[str, str, str]]:
    parser = DownloadLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def human(size: int) -> str:
    """The size as written by hand for these small files: bytes, then whole kilobytes."""
    return f"{size} bytes" if size < 1024 else f"{round(size / 1024)} KB"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built") / "site"
    build_site(BASE_SITE, out, TODAY, pdf=True)
    return out


@pytest.mark.parametrize("page", sorted(PAGES))
def test_a_page_links_to_its_pdfs_with_their_size_and_page_count(built, page):
    links = download_links(built / page)
    printed = [link for link in links if link[0].startswith("/print/")]
    assert [href for href, _, _ in printed] == PAGES[page]
    for href, download, text in printed:
        pdf = built / href.lstrip("/")
        assert download == "-".join(href.split("/")[2:])
        match = SUMMARY.match(text)
        assert match, text
        assert match["size"] == human(pdf.stat().st_size)
        assert int(match["pages"]) == page_count(pdf.read_bytes())
        assert text.endswith("1 page)") == (int(match["pages"]) == 1)


def test_the_ward_link_names_the_ward_and_the_flyer_is_one_page(built):
    (_, saved_as, ward), = download_links(built / "wards" / "weavers" / "index.html")
    assert ward.startswith("Test Portal: Weavers edition (PDF, ")
    assert saved_as == "wards-weavers.pdf"
    (_, _, flyer), = [link for link in download_links(built / "orgs/bow-youth/index.html")
                      if link[0].startswith("/print/")]
    assert flyer.endswith(", 1 page)")


def test_other_browse_pages_offer_no_edition(built):
    assert not download_links(built / "groups" / "bme" / "index.html")


def test_without_pdfs_no_page_links_to_one(tmp_path):
    out = tmp_path / "site"
    build_site(BASE_SITE, out, TODAY, pdf=False)
    assert not (out / "print" / "directory.pdf").exists()
    for page in PAGES:
        assert not [link for link in download_links(out / page)
                    if link[0].startswith("/print/")], page
