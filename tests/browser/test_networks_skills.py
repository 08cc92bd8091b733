"""The networks' and the skills exchange's pages in Chromium: axe, a phone, the keyboard,
the Nu checker on exactly these page types, and the members CSV as a browser downloads it.

The sample site is built for 24 November 2026; the matching rule is tested in
tests/unit/skills/ and the members lists in tests/unit/networks/.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .support import file_for_url_path, open_page
from .test_accessibility import OVERFLOWING_ELEMENTS_JS, REFLOW_WIDTH
from .test_calendar import assert_axe_clean, tab_stops
from .test_html_valid import vnu_errors

SKILLS = "/skills/"
NETWORKS = "/networks/"
NETWORK = "/networks/faith-forum/"
NETWORK_WITHOUT_CONVENOR = "/networks/environment-network/"
ORG_WITH_SWAPS = "/orgs/cafe-sonder-community-kitchen/"
PAGES = (SKILLS, NETWORKS, NETWORK, NETWORK_WITHOUT_CONVENOR, ORG_WITH_SWAPS)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", (1280, REFLOW_WIDTH))
def test_pages_pass_axe_and_reflow(page: Page, site_server: str, path: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, site_server + path)
    scroll_width, client_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll_width > client_width:
        culprits = page.evaluate(OVERFLOWING_ELEMENTS_JS, 5)
        pytest.fail(f"{path} is {scroll_width}px wide at {client_width}px: {culprits}",
                    pytrace=False)
    assert_axe_clean(page, f"{path} at {width}px")


def test_the_nu_checker_finds_no_errors_in_these_pages(built_site: Path) -> None:
    files = [str(file_for_url_path(built_site, path)) for path in PAGES]
    assert vnu_errors(built_site, *files) == []


def test_the_swap_section_is_in_the_local_menu_and_reached_by_keyboard(
        page: Page, site_server: str) -> None:
    open_page(page, site_server + ORG_WITH_SWAPS)
    menu_link = page.locator('a[href="#skill-swaps"]')
    assert menu_link.count() == 1
    heading = page.locator("#skill-swaps h2")
    assert heading.text_content() == "You could swap skills with…"
    assert page.locator("#skill-swaps .badge").first.text_content() == (
        "Swap: you could help each other")
    stops = tab_stops(page)
    hrefs = [stop["href"] for stop in stops]
    email = page.locator("#skill-swaps a[href^='mailto:']").first.get_attribute("href")
    assert "#skill-swaps" in hrefs and email in hrefs
    assert all(stop["outline"] or stop["shadow"] for stop in stops)


def test_the_members_csv_downloads_and_lists_the_page_members(page: Page,
                                                              site_server: str) -> None:
    open_page(page, site_server + NETWORK)
    link = page.get_by_role("link", name="Download the member list (CSV)")
    response = page.request.get(site_server + link.get_attribute("href"))
    assert response.ok
    text = response.body().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    names = page.locator("main .cards .card-title a").all_text_contents()
    assert [row["name"] for row in rows] == names and len(names) == 5


def test_the_exchange_page_works_without_javascript(browser, site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + SKILLS)
        assert page.locator("#swaps").text_content() == (
            "Swaps: groups that could help each other")
        page.locator('nav a[href="#skill-bookkeeping"]').click()
        assert page.url.endswith("#skill-bookkeeping")
    finally:
        context.close()
