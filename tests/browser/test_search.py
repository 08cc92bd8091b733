"""Search in the page: lunr.js over the shards, facets, "open now", messages, safety."""
from __future__ import annotations

import datetime as dt
import shutil
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site

from .conftest import serve_static
from .support import axe_violations, fail_if_any, format_violations

LONDON = ZoneInfo("Europe/London")


def search(page: Page, base: str, query: str) -> None:
    page.goto(f"{base}/search/")
    page.fill("#search-q", query)
    expect(page.locator("#search-status")).not_to_have_text("")


def result_names(page: Page) -> list[str]:
    return page.locator("#search-results h3 a").all_text_contents()


def test_typing_a_name_shows_that_listing_first(page: Page, site_server: str) -> None:
    search(page, site_server, "Nari Shongho")
    expect(page.locator("#search-results h3 a").first).to_have_text("Nari Shongho (নারী সংঘ) Women's Group")
    expect(page.locator("#search-status")).to_contain_text("result")


def test_query_from_the_header_box_runs_on_arrival(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/orgs/")
    page.fill("#site-search", "payroll")
    page.press("#site-search", "Enter")
    # Results are appended as their document chunks arrive; the status is written last.
    expect(page.locator("#search-status")).to_contain_text("result")
    assert "Ledger Lane Community Accounts" in result_names(page)[:3]
    assert page.input_value("#search-q") == "payroll"


@pytest.mark.parametrize("facet, label, meta", [
    ("#facet-kind", "Support provider", "Support provider"),
    ("#facet-ward", "Shadwell", "Shadwell"),
])
def test_each_facet_narrows_the_results(page: Page, site_server: str, facet: str, label: str,
                                        meta: str) -> None:
    search(page, site_server, "community")
    before = page.locator("#search-status").text_content()
    page.select_option(facet, label=label)
    expect(page.locator("#search-status")).not_to_have_text(before or "")
    metas = page.locator("#search-results .result-meta").all_text_contents()
    assert metas, "the facet should keep some results"
    for text in metas:
        assert meta in text or "Borough-wide" in text, text


def test_group_need_and_language_facets_keep_only_matching_listings(page: Page, site_server: str) -> None:
    search(page, site_server, "community")
    total = int(page.locator("#search-status").text_content().split()[0])
    for facet, label in (("#facet-group", "Older people"), ("#facet-language", "Somali"),
                         ("#facet-need", "Funding and fundraising")):
        page.select_option(facet, label=label)
        expect(page.locator("#search-status")).not_to_have_text(f"{total} results.")
        narrowed = int(page.locator("#search-status").text_content().split()[0])
        assert narrowed < total
        total = narrowed
        page.select_option(facet, value="")
        expect(page.locator("#search-status")).not_to_contain_text(f"{narrowed} result")
        total = int(page.locator("#search-status").text_content().split()[0])


def test_open_now_at_a_fixed_london_time(page: Page, site_server: str) -> None:
    """At 23:30 on a Wednesday in November only the night shelter (20:00–08:00) is open."""
    page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 23, 30, tzinfo=LONDON))
    search(page, site_server, "community shelter night")
    page.check("#search-open-now")
    expect(page.locator("#search-status")).to_contain_text("open now")
    assert result_names(page) == ["Foundry Lane Night Shelter"]


def test_open_now_during_office_hours_includes_daytime_listings(page: Page, site_server: str) -> None:
    page.clock.set_fixed_time(dt.datetime(2026, 11, 25, 11, 0, tzinfo=LONDON))
    search(page, site_server, "community")
    page.check("#search-open-now")
    expect(page.locator("#search-status")).to_contain_text("open now")
    names = result_names(page)
    assert names and "Foundry Lane Night Shelter" not in names


@pytest.mark.parametrize("query", ["~", "title:", "^", "*", "name:"])
def test_unparseable_query_shows_a_friendly_message(page: Page, site_server: str, query: str) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site_server}/search/")
    page.fill("#search-q", query)
    expect(page.locator("#search-message")).to_be_visible()
    assert errors == []


def test_nothing_found_suggests_browsing(page: Page, site_server: str) -> None:
    search(page, site_server, "zzxqv")
    expect(page.locator("#search-message")).to_contain_text("Nothing matches")
    expect(page.locator("#search-browse a").first).to_be_visible()


def test_results_are_reached_with_arrow_keys(page: Page, site_server: str) -> None:
    search(page, site_server, "youth")
    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    first = page.locator("#search-results h3 a").first
    expect(first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#search-results h3 a").nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator("#search-q")).to_be_focused()


def test_search_page_with_results_has_no_axe_violations(page: Page, site_server: str) -> None:
    search(page, site_server, "youth")
    page.select_option("#facet-kind", label="Organisation")
    expect(page.locator("#search-results li").first).to_be_visible()
    violations = axe_violations(page)
    fail_if_any([format_violations(violations, "/search/?q=youth")] if violations else [], "axe")


def test_without_javascript_the_search_page_offers_browse_links(browser, site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_server}/orgs/")
    page.fill("#site-search", "payroll")
    page.press("#site-search", "Enter")
    expect(page.locator("#search-nojs")).to_be_visible()
    links = page.locator("#search-browse a")
    assert links.count() >= 4
    links.first.click()
    expect(page.locator("h1")).to_contain_text("Organisations A to Z")
    context.close()


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile") / "repo"
    shutil.copytree(BASE_SITE, root)
    (root / "orgs" / "hostile.md").write_text(
        "---\nname: '<img src=x onerror=alert(1)> Group'\n"
        "summary: '<script>alert(2)</script> & \"quotes\"'\nwards: [weavers]\nstage: stage-1\n"
        "last_verified: 2026-10-01\n---\nText.\n", encoding="utf-8")
    out = root / "site"
    build_site(root, out, TODAY)
    with serve_static(out) as base:
        yield base


def test_hostile_names_appear_as_text_in_results(page: Page, hostile_site: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    search(page, hostile_site, "group")
    link = page.locator("#search-results h3 a", has_text="onerror")
    expect(link).to_have_text("<img src=x onerror=alert(1)> Group")
    expect(page.locator("#search-results")).to_contain_text("<script>alert(2)</script> & \"quotes\"")
    assert page.locator("#search-results img, #search-results script").count() == 0
    assert dialogs == []
