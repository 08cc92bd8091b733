"""The toolkit library in Chromium: downloads that exist, keyboard use, no JavaScript.

Every download link on every toolkit page must fetch the file the build copied,
byte for byte; the filter pages are plain links, so the library works with
JavaScript off; and a keyboard user reaches each download with focus visible.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from .support import REPO_ROOT, SitePages, open_page

TOOLKIT = "/toolkits/full-cost-recovery-toolkit/"
MAX_TABS = 300


def test_every_download_link_fetches_the_committed_file(page: Page, site_server: str,
                                                        site_pages: SitePages,
                                                        built_site: Path) -> None:
    toolkit_pages = sorted(path for path in site_pages.sitemap
                           if path.startswith("/toolkits/") and path.count("/") == 3)
    assert len(toolkit_pages) >= 15
    seen = 0
    for path in toolkit_pages:
        open_page(page, site_server + path)
        links = page.locator("ul.downloads a")
        for index in range(links.count()):
            href = links.nth(index).get_attribute("href")
            assert href.startswith("/toolkits/files/"), href
            response = page.request.get(site_server + href)
            assert response.status == 200, href
            assert response.body() == (REPO_ROOT / href.lstrip("/")).read_bytes(), href
            assert (built_site / href.lstrip("/")).is_file()
            seen += 1
    assert seen >= len(toolkit_pages)


def test_the_size_and_format_are_shown_beside_each_download(page: Page,
                                                            site_server: str) -> None:
    open_page(page, site_server + TOOLKIT)
    item = page.locator("ul.downloads li").first
    assert item.locator(".download-size").inner_text().startswith("(PDF, ")
    assert item.locator("a").get_attribute("type") == "application/pdf"


def test_a_keyboard_user_reaches_the_download_with_focus_visible(page: Page,
                                                                  site_server: str) -> None:
    open_page(page, site_server + TOOLKIT)
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {href: el.getAttribute('href'),
                    visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                             || style.boxShadow !== 'none'};
        }""")
        if focused["href"] == "/toolkits/files/full-cost-recovery-toolkit.pdf":
            assert focused["visible"], "the focused download link shows no focus indicator"
            break
    else:
        raise AssertionError("Tab never reached the download link")


def test_the_library_is_browsable_without_javascript(browser: Browser,
                                                     site_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, site_server + "/toolkits/")
        page.get_by_role("navigation", name="Browse toolkits").get_by_role(
            "link", name="Policies", exact=True).click()
        page.wait_for_url("**/toolkits/type/policy/")
        titles = page.locator("h2.card-title").all_inner_texts()
        assert "Safeguarding policy template" in titles
        current = page.locator('a[aria-current="page"]')
        assert current.inner_text() == "Policies"
        page.get_by_role("link", name="Safeguarding policy template").click()
        page.wait_for_url("**/toolkits/safeguarding-policy-template/")
        assert page.locator("ul.downloads a").get_attribute("href").endswith(".odt")
    finally:
        context.close()


def test_search_finds_a_toolkit_and_says_what_it_is(page: Page, site_server: str) -> None:
    page.goto(f"{site_server}/search/")
    page.fill("#search-q", "safeguarding policy template")
    first = page.locator("#search-results h3 a").first
    expect(first).to_have_text("Safeguarding policy template")
    assert first.get_attribute("href").endswith("/toolkits/safeguarding-policy-template/")
    page.select_option("#facet-kind", label="Toolkit")
    expect(page.locator("#search-results .result-meta").first).to_have_text(
        "Toolkit · Policy by Capital Voluntary Sector Alliance")
