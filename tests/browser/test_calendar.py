"""The calendar and notice board in Chromium: keyboard use, axe at any width, no JavaScript.

The site is built for 24 November 2026 (``conftest.BUILD_DATE``), so what is on,
which month is "today" and which notices have expired are fixed.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from .support import (
    CALENDAR,
    CALENDAR_MONTH,
    NOTICES,
    SitePages,
    axe_violations,
    format_violations,
    open_page,
)

#: Tab presses allowed to walk through a page; more means a keyboard trap.
MAX_TABS = 400

FOCUSED_JS = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        href: el.getAttribute('href'),
        inTable: !!el.closest('table.month'),
        isRegion: el.getAttribute('role') === 'region',
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
        shadow: style.boxShadow !== 'none',
    };
}"""


def tab_stops(page: Page) -> list[dict[str, Any]]:
    """Every element Tab reaches, in order, from the top of the page to the end."""
    stops: list[dict[str, Any]] = []
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None or (stops and focused == stops[0] and len(stops) > 3):
            break
        stops.append(focused)
    else:
        pytest.fail(f"Tab never left the page after {MAX_TABS} presses: a keyboard trap?")
    return stops


def assert_axe_clean(page: Page, where: str) -> None:
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, where), pytrace=False)


def test_month_view_is_keyboard_usable(page: Page, site_server: str, site_pages: SitePages) -> None:
    """Tab reaches the scrollable table and every event link in it, each visibly focused."""
    open_page(page, site_server + site_pages.path(CALENDAR_MONTH))
    links_in_table = page.locator("table.month a").count()
    assert links_in_table > 20
    stops = tab_stops(page)
    assert any(stop["isRegion"] for stop in stops), "the scrollable month is not focusable"
    in_table = [stop for stop in stops if stop["inTable"]]
    assert len(in_table) == links_in_table
    assert all(stop["outline"] or stop["shadow"] for stop in stops)
    # Enter on a day's event opens that event's page.
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED_JS)["inTable"]:
            break
    href = page.evaluate("() => document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").count() == 1


def test_month_view_header_cells_name_the_days(page: Page, site_server: str,
                                               site_pages: SitePages) -> None:
    open_page(page, site_server + site_pages.path(CALENDAR_MONTH))
    assert page.locator("table.month caption").inner_text() == "December 2026"
    names = page.locator("table.month thead th").evaluate_all(
        "cells => cells.map(c => c.textContent.trim())")
    assert names[0].endswith("Monday") and names[-1].endswith("Sunday")
    assert page.locator("table.month th[scope=col]").count() == 7


def test_upcoming_list_is_keyboard_usable(page: Page, site_server: str,
                                          site_pages: SitePages) -> None:
    open_page(page, site_server + site_pages.path(CALENDAR))
    stops = tab_stops(page)
    events = [stop["href"] for stop in stops if (stop["href"] or "").startswith("/events/")]
    assert events and events[0] == "/events/tuesday-funding-drop-in/"
    assert any((stop["href"] or "").startswith("webcal:") for stop in stops)
    assert all(stop["outline"] or stop["shadow"] for stop in stops)
    page.locator('a[href="/events/tuesday-funding-drop-in/"]').first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/events/tuesday-funding-drop-in/")
    ics = page.locator('a[href="/events/tuesday-funding-drop-in.ics"]')
    assert ics.count() == 1 and "Add to my calendar" in ics.inner_text()


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("kind", [CALENDAR, CALENDAR_MONTH, NOTICES], ids=lambda k: k.name)
def test_calendar_pages_are_axe_clean_and_reflow(page: Page, site_server: str,
                                                 site_pages: SitePages, kind, width: int) -> None:
    """At 320 px the month table scrolls inside its own region; the page does not."""
    page.set_viewport_size({"width": width, "height": 800})
    path = site_pages.path(kind)
    open_page(page, site_server + path)
    scroll, client = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{path} scrolls sideways at {width}px"
    assert_axe_clean(page, f"{path} at {width}px")


def test_expired_notices_are_absent(page: Page, site_server: str, site_pages: SitePages) -> None:
    open_page(page, site_server + site_pages.path(NOTICES))
    titles = page.locator("article.notice h2").all_inner_texts()
    assert len(titles) == 6
    assert "Halloween craft afternoon" not in titles
    assert "Community small grants: autumn round results" not in titles
    assert "Volunteers wanted for the island winter fair" in titles
    flyer = page.locator("figure.flyer img")
    assert flyer.get_attribute("alt").startswith("Winter fair. Volunteers wanted!")
    flyer.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const img = document.querySelector('figure.flyer img');"
        " return img.complete && img.naturalWidth > 0; }")


def test_calendar_works_without_javascript(browser: Browser, site_server: str,
                                           site_pages: SitePages) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, site_server + site_pages.path(CALENDAR_MONTH))
        assert page.locator("table.month a").count() > 20
        page.locator('a[rel="next"]').click()
        page.wait_for_url("**/calendar/2027/01/")
        assert page.locator("table.month caption").inner_text() == "January 2027"
    finally:
        context.close()
