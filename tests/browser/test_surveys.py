"""The shared needs survey in Chromium: axe on its pages (also at 320 px), the printed
form, and the results section on the evidence page with charts beside their tables."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .support import axe_violations, format_violations, open_page

SURVEY = "/evidence/surveys/shared-needs-2026/"
FORM = SURVEY + "form/"
SECTION = "#survey-shared-needs-2026"
PAGES = (SURVEY, FORM, "/evidence/")


def check_axe(page: Page, where: str) -> None:
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, where), pytrace=False)


@pytest.mark.parametrize("path", PAGES)
def test_survey_pages_pass_axe_on_a_desktop_and_a_phone(page: Page, site_server: str,
                                                         path: str) -> None:
    open_page(page, site_server + path)
    check_axe(page, path)
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_server + path)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, "
                           "document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{path} scrolls sideways at 320 px: {widths}"
    check_axe(page, f"{path} at 320 px")


def test_the_printed_form_has_boxes_and_no_site_chrome(page: Page, site_server: str) -> None:
    open_page(page, site_server + FORM)
    page.emulate_media(media="print")
    assert page.locator("header nav, .site-footer").first.is_hidden()
    boxes = page.locator(".boxes li")
    assert boxes.count() >= 17 + 3 + 20  # every need, stage and ward
    tick = page.evaluate("""() => {
        const style = getComputedStyle(document.querySelector('.boxes li'), '::before');
        return [style.borderTopStyle, style.width];
    }""")
    assert tick[0] == "solid" and tick[1] != "0px"
    assert page.locator(".scale-grid tbody tr").count() == 10
    assert page.locator(".write-box").count() == 1


def test_each_results_chart_matches_its_table(page: Page, site_server: str) -> None:
    open_page(page, site_server + "/evidence/")
    section = page.locator(SECTION)
    assert "46 organisations answered" in section.inner_text()
    charts = section.locator("svg.chart")
    assert charts.count() == 2
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.locator("title").text_content()
        assert chart.locator("desc").text_content()
        table = chart.locator("xpath=ancestor::section[contains(@class,'evidence-table')]//table")
        labels = [t.text_content() for t in chart.locator("g > text:first-child").all()]
        rows = [t.text_content() for t in table.locator("tbody th").all()]
        assert labels == rows


def test_free_text_never_reaches_the_page(page: Page, site_server: str) -> None:
    for path in PAGES:
        open_page(page, site_server + path)
        assert "we all work in the day" not in page.content()
