"""The open data page in Chromium: its column lists opened by keyboard, on a phone.

The columns sit in closed `<details>`, which axe and the reflow check on the closed
page never see; here every list is opened (the first with the keyboard), then the
page must still fit 320 px without sideways scrolling and pass axe, and every
download link must fetch its file.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page, expect

from .support import WCAG_TAGS, axe_violations, format_violations, open_page

DATA = "/data/"


def test_the_column_lists_open_by_keyboard_and_fit_a_phone(page: Page,
                                                           site_server: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_server + DATA)
    first = page.locator("details").first
    first.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(first).to_have_attribute("open", "")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    width, viewport = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert width <= viewport, f"{DATA} with its columns open is {width}px wide"
    violations = axe_violations(page, WCAG_TAGS)
    assert not violations, format_violations(violations, f"{DATA} with columns open")


def test_every_download_link_fetches_its_file(page: Page, site_server: str,
                                              built_site: Path) -> None:
    open_page(page, site_server + DATA)
    links = page.locator("main a[href^='/data/']")
    files = {p.name for p in (built_site / "data").iterdir()} - {"index.html"}
    assert links.count() == len(files) > 0
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        response = page.request.get(site_server + href)
        assert response.status == 200, href
        assert response.body() == (built_site / href.lstrip("/")).read_bytes(), href
