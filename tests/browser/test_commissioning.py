"""Commissioning guidance and opportunities in Chromium: by keyboard, the joint-bid email.

The site is built for 24 November 2026 (``conftest.BUILD_DATE``), so which
opportunities are open and how many days they have left are fixed.
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page

from .support import open_page
from .test_calendar import assert_axe_clean, tab_stops

INDEX = "/commissioning/"
OPPORTUNITIES = "/opportunities/"
BEFRIENDING = "/opportunities/older-peoples-befriending-service/"
LEAD_EMAIL = "consortium@quayside-older-people.example.org"


def test_guidance_and_opportunities_are_reachable_by_keyboard(page: Page,
                                                              site_server: str) -> None:
    """Tab reaches every guide and the opportunities; Enter follows the link."""
    open_page(page, site_server + "/")
    hrefs = [stop["href"] for stop in tab_stops(page)]
    assert INDEX in hrefs, "the main menu has no Commissioning entry"
    open_page(page, site_server + INDEX)
    stops = tab_stops(page)
    hrefs = [stop["href"] for stop in stops]
    for guide in ("what-is-commissioning", "tendering-under-the-procurement-act",
                  "full-cost-recovery", "consortia-and-joint-bids"):
        assert f"/commissioning/{guide}/" in hrefs
    assert "/readiness/" in hrefs and OPPORTUNITIES in hrefs
    assert all(stop["outline"] or stop["shadow"] for stop in stops)
    page.locator(f'main a[href="{OPPORTUNITIES}"]').first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{OPPORTUNITIES}")
    stops = tab_stops(page)
    mailtos = [stop["href"] for stop in stops
               if (stop["href"] or "").startswith("mailto:") and "subject=Joint" in stop["href"]]
    assert len(mailtos) == 2, "each open joint-bid opportunity has an email link"
    assert any((stop["href"] or "").startswith("webcal:") for stop in stops)
    assert all(stop["outline"] or stop["shadow"] for stop in stops)


def test_the_joint_bid_link_writes_to_the_lead(page: Page, site_server: str) -> None:
    open_page(page, site_server + BEFRIENDING)
    link = page.locator("main a.joint-bid")
    assert link.count() == 1
    assert link.inner_text().startswith("Interested in a joint bid? Email Alex Example")
    parts = urlsplit(link.get_attribute("href"))
    assert (parts.scheme, unquote(parts.path)) == ("mailto", LEAD_EMAIL)
    query = parse_qs(parts.query, strict_parsing=True)
    assert query["subject"] == ["Joint bid: Older people's befriending and social connection "
                                "service"]
    assert query["body"][0].startswith("Dear Alex Example,\r\n")
    assert page.locator(".badge").inner_text() == "Joint bids welcome"


def test_open_opportunities_show_days_left_and_the_closed_one_is_archived(
        page: Page, site_server: str) -> None:
    open_page(page, site_server + OPPORTUNITIES)
    titles = page.locator("main article h2").all_inner_texts()
    assert titles[0] == "Youth employment pathways"  # the soonest deadline first
    assert "Winter activity small grants" not in titles and len(titles) == 4
    assert "closes in 24 days" in page.locator("main article").first.inner_text()
    open_page(page, site_server + OPPORTUNITIES + "archive/")
    assert page.locator("main article h2").all_inner_texts() == ["Winter activity small grants"]
    assert page.locator("main a.joint-bid").count() == 0


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("path", [INDEX, OPPORTUNITIES, BEFRIENDING])
def test_commissioning_pages_reflow_and_are_axe_clean(page: Page, site_server: str, path: str,
                                                      width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, site_server + path)
    scroll, client = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll <= client, f"{path} scrolls sideways at {width}px"
    assert_axe_clean(page, f"{path} at {width}px")
