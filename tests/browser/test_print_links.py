"""The pages that print carry download links to their PDFs that everyone can use.

On the sample site: the A–Z, a ward, a support need and a listing page each offer
their PDF with title, size and page count in the link text. Each page passes axe and
the Nu checker, the link is reached by keyboard with a visible focus, the file it
names exists, and the layout still fits a 320 px phone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page

from .support import axe_violations, fail_if_any, format_violations, open_page
from .test_html_valid import vnu_errors

# Page → the PDFs it links to (the sample site's own slugs).
PRINT_PAGES = {
    "/orgs/": ("/print/directory.pdf", "/print/directory-large-print.pdf"),
    "/wards/bow-east/": ("/print/wards/bow-east.pdf",),
    "/support/funding/": ("/print/needs/funding.pdf",),
    "/orgs/marigold-carers-centre/": ("/print/flyers/orgs/marigold-carers-centre.pdf",),
    "/providers/grantwise-east/": ("/print/flyers/providers/grantwise-east.pdf",),
}
LINKS = "#printable a[download]"


@pytest.mark.parametrize("path", sorted(PRINT_PAGES))
def test_print_links_are_accessible_and_name_real_files(
    page: Page, site_server: str, built_site: Path, path: str
) -> None:
    open_page(page, site_server + path)
    links = page.locator(LINKS)
    hrefs = tuple(links.nth(i).get_attribute("href") for i in range(links.count()))
    assert hrefs == PRINT_PAGES[path]
    for i, href in enumerate(hrefs):
        assert (built_site / href.lstrip("/")).is_file(), href
        assert "(PDF, " in links.nth(i).inner_text()
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, path), pytrace=False)


def test_a_print_link_is_reached_by_keyboard_with_visible_focus(
    page: Page, site_server: str
) -> None:
    open_page(page, site_server + "/wards/bow-east/")
    link = page.locator(LINKS).first
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the ward edition's download link", pytrace=False)
    outline = link.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("none", ""), "the focused download link shows no outline"


def test_print_links_fit_a_phone(page: Page, site_server: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_server + "/orgs/")
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    box = page.locator(LINKS).first.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 320


def test_pages_with_print_links_are_valid_html(built_site: Path) -> None:
    files = [str(built_site / path.lstrip("/") / "index.html") for path in sorted(PRINT_PAGES)]
    fail_if_any(vnu_errors(built_site, *files), "HTML error(s) from vnu")
