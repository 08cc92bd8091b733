"""Joint projects and strategies in Chromium: axe on every page type (also at 320 px),
status in words beside its colour, and the filters by keyboard without JavaScript.

The site is built for 24 November 2026 (``conftest.BUILD_DATE``), so the statuses
are fixed: one red, two amber and three green projects.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from .support import open_page
from .test_calendar import assert_axe_clean, tab_stops

LIST = "/projects/"
PAGES = (LIST, "/projects/need/training/", "/projects/theme/premises/",
         "/projects/partner/orgs/isle-commons-community-centre/",
         "/projects/young-leaders/", "/projects/digital-skills-for-staff/",
         "/strategies/", "/strategies/volunteer-support/",
         "/strategies/theme/children-young-and-older-people/")


@pytest.mark.parametrize("path", PAGES)
def test_project_pages_pass_axe_on_a_desktop_and_a_phone(page: Page, site_server: str,
                                                          path: str) -> None:
    open_page(page, site_server + path)
    assert_axe_clean(page, path)
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_server + path)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{path} scrolls sideways at 320 px: {widths}"
    assert_axe_clean(page, f"{path} at 320 px")


def test_each_status_is_a_word_as_well_as_a_colour(page: Page, site_server: str) -> None:
    open_page(page, site_server + LIST)
    labels = page.locator("main .card .rag-label").all_inner_texts()
    assert sorted(labels) == ["Amber", "Amber", "Green", "Green", "Green", "Red"]
    colours = page.evaluate("""() => [...document.querySelectorAll('main .card .rag-label')]
        .map((el) => getComputedStyle(el).backgroundColor)""")
    assert len(set(colours)) == 3  # one colour per status, repeating the word


def test_filters_work_by_keyboard_without_javascript(browser: Browser,
                                                     site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        open_page(page, site_server + LIST)
        stops = tab_stops(page)
        hrefs = [stop["href"] for stop in stops]
        for target in ("/projects/need/training/", "/projects/theme/premises/",
                       "/projects/partner/orgs/isle-commons-community-centre/",
                       "/projects/outcomes.csv", "/projects/milestones.ics"):
            assert target in hrefs, target
        assert all(stop["outline"] or stop["shadow"] for stop in stops)
        page.locator('main a[href="/projects/theme/premises/"]').first.focus()
        page.keyboard.press("Enter")
        page.wait_for_url("**/projects/theme/premises/")
        assert page.locator("main .card-title").all_inner_texts() == [
            "Shared premises register"]
    finally:
        context.close()
