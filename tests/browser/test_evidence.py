"""The evidence page and its printable summary in Chromium: axe, a phone, keyboard, print.

The sample site is built for 24 November 2026; the figures themselves are tested on a
fixed catalogue in tests/unit/evidence/, so these tests check what a browser adds:
accessible names of the charts, reflow at 320 px, focus, CSVs served, one printed page.
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from playwright.sync_api import Page

from .support import open_page
from .test_accessibility import OVERFLOWING_ELEMENTS_JS, REFLOW_WIDTH
from .test_calendar import assert_axe_clean, tab_stops

EVIDENCE = "/evidence/"
SUMMARY = "/evidence/summary/"
CHARTS = ("stages", "income-bands", "wards", "groups", "activities", "languages", "networks")


@pytest.mark.parametrize("path", (EVIDENCE, SUMMARY))
@pytest.mark.parametrize("width", (1280, REFLOW_WIDTH))
def test_evidence_pages_pass_axe_and_reflow(page: Page, site_server: str, path: str,
                                            width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    open_page(page, site_server + path)
    scroll_width, client_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    if scroll_width > client_width:
        culprits = page.evaluate(OVERFLOWING_ELEMENTS_JS, 5)
        pytest.fail(f"{path} is {scroll_width}px wide at {client_width}px: {culprits}",
                    pytrace=False)
    assert_axe_clean(page, f"{path} at {width}px")


def test_each_chart_is_an_image_named_by_its_title(page: Page, site_server: str) -> None:
    """Each of the evidence's own charts (other rooms' sections test theirs)."""
    open_page(page, site_server + EVIDENCE)
    for slug in CHARTS:
        chart = page.locator(f"svg#chart-{slug}")
        title = chart.locator("title").text_content()
        desc = chart.locator("desc").text_content()
        assert page.locator(f"#{slug}-caption").text_content() == title
        assert page.get_by_role("img", name=f"{title} {desc}", exact=True).count() == 1


def test_csv_links_and_tables_are_reachable_by_keyboard(page: Page, site_server: str) -> None:
    open_page(page, site_server + EVIDENCE)
    stops = tab_stops(page)
    csvs = {stop["href"] for stop in stops if (stop["href"] or "").endswith(".csv")}
    links = page.locator('main a[href$=".csv"]')
    assert csvs == {links.nth(i).get_attribute("href") for i in range(links.count())}
    assert sum(1 for stop in stops if stop["isRegion"]) == page.locator(
        ".table-scroll").count(), "every scrollable table can be focused"
    assert all(stop["outline"] or stop["shadow"] for stop in stops)


def test_every_csv_is_served_and_carries_coverage_and_source(page: Page,
                                                             site_server: str) -> None:
    open_page(page, site_server + EVIDENCE)
    links = page.locator("p.download a")
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        response = page.request.get(site_server + href)
        assert response.ok, href
        text = response.body().decode("utf-8")
        assert text.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(text[1:], newline="")))
        assert rows[0][-3:] == ["Coverage", "Notes", "Source"], href
        assert all(row[-1].startswith("THIN Portal (https://portal.example.org/)")
                   for row in rows[1:]), href


def test_the_summary_prints_on_one_a4_page(page: Page, site_server: str) -> None:
    open_page(page, site_server + SUMMARY)
    page.emulate_media(media="print")
    assert page.locator(".site-footer").is_hidden()
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
