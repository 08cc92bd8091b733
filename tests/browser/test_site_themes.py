"""Each site theme in Chromium: axe's WCAG 2.2 AA rules on a site of each theme at
desktop and phone widths, no sideways scrolling at 320 px, the group's menu by
keyboard, and the embed pages (the iframe page, and each HTML fragment inside a
host page of its own for the Nu checker)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from thin_build.directory.model import SITE_THEMES

from .support import axe_violations, fail_if_any, format_violations, open_page
from .test_html_valid import vnu_errors

FRAME = re.compile(r'<header class="site-frame theme-([a-z]+)">')


def site_of_each_theme(site: Path) -> dict[str, str]:
    """Theme → the home page of the first sample organisation's site drawn in it."""
    found: dict[str, str] = {}
    for home in sorted((site / "orgs").glob("*/index.html")):
        match = FRAME.search(home.read_text(encoding="utf-8"))
        if match:
            found.setdefault(match[1], f"/orgs/{home.parent.name}/")
    return found


@pytest.fixture(scope="module")
def theme_homes(built_site: Path) -> dict[str, str]:
    homes = site_of_each_theme(built_site)
    missing = sorted(set(SITE_THEMES) - set(homes))
    if missing:
        pytest.fail(f"no sample organisation's site uses the theme(s) {missing}", pytrace=False)
    return homes


@pytest.mark.parametrize("theme", SITE_THEMES)
@pytest.mark.parametrize("width", [1280, 320])
def test_each_theme_passes_axe(page: Page, site_server: str, theme_homes: dict[str, str],
                               theme: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    home = theme_homes[theme]
    for path in (home, f"{home}news/", f"{home}contact/"):
        open_page(page, site_server + path)
        violations = axe_violations(page)
        if violations:
            pytest.fail(format_violations(violations, f"{path} at {width}px"), pytrace=False)
        if width == 320:
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= 320, f"{path} is {wide}px wide at 320px"


#: Each heading, link and menu entry of the frame and the page with the contrast of its
#: text on the nearest background drawn behind it. axe leaves a 1:1 pair out ("hidden
#: text?"), so text drawn in the accent on the accent would pass it unseen.
CONTRASTS_JS = """() => {
    const rgb = (css) => (css.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
        const lin = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const behind = (el) => {
        for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
            const bg = rgb(getComputedStyle(node).backgroundColor);
            if (bg.length === 3 || (bg.length === 4 && bg[3] > 0)) return bg;
        }
        return [255, 255, 255];
    };
    return [...document.querySelectorAll('.portal-bar a, .site-frame a, main h1, main h2, main h3, main a')]
        .filter((el) => el.textContent.trim() && el.getClientRects().length)
        .map((el) => {
            const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(behind(el))].sort((x, y) => y - x);
            return [el.tagName.toLowerCase() + ' ' + el.textContent.trim().slice(0, 30), (a + 0.05) / (b + 0.05)];
        });
}"""


@pytest.mark.parametrize("theme", SITE_THEMES)
def test_text_in_the_frame_and_page_reads_on_its_background(
        page: Page, site_server: str, theme_homes: dict[str, str], theme: str) -> None:
    open_page(page, site_server + theme_homes[theme])
    low = [f"{what}: {ratio:.2f}:1" for what, ratio in page.evaluate(CONTRASTS_JS) if ratio < 4.5]
    fail_if_any(low, f"text(s) under 4.5:1 on {theme_homes[theme]}")


@pytest.mark.parametrize("theme", SITE_THEMES)
def test_the_groups_menu_works_by_keyboard(page: Page, site_server: str,
                                           theme_homes: dict[str, str], theme: str) -> None:
    home = theme_homes[theme]
    open_page(page, site_server + f"{home}news/")
    menu = page.locator(".site-menu a")
    texts = [link.inner_text() for link in menu.all()]
    reached: list[str] = []
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.site-menu')"):
            reached.append(page.evaluate("document.activeElement.textContent"))
            # The focused link is drawn with the site's visible focus style.
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        elif reached:
            break
    assert reached == texts
    current = page.locator('.site-menu a[aria-current="page"]')
    assert current.count() == 1 and current.get_attribute("href").endswith(f"{home}news/")
    menu.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{home}")


def test_the_iframe_pages_pass_axe(page: Page, site_server: str, built_site: Path) -> None:
    frames = sorted(built_site.glob("orgs/*/embed/*-frame.html"))[:4]
    assert frames, "the sample site has no embed pages"
    for frame in frames:
        path = "/" + frame.relative_to(built_site).as_posix()
        open_page(page, site_server + path)
        violations = axe_violations(page)
        if violations:
            pytest.fail(format_violations(violations, path), pytrace=False)


def test_the_html_fragments_are_valid_inside_a_page(built_site: Path, tmp_path: Path) -> None:
    """Fragments are not documents, so test_html_valid leaves them out; here each is
    checked inside the smallest valid page, as a host site would include it."""
    wrapped = []
    for fragment in sorted(built_site.glob("orgs/*/embed/*.html")):
        if fragment.name.endswith("-frame.html"):
            continue
        name = "-".join(fragment.relative_to(built_site).parts)
        host = tmp_path / name
        host.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8">'
                        "<title>A host page</title></head><body>\n"
                        + fragment.read_text(encoding="utf-8") + "</body></html>\n",
                        encoding="utf-8")
        wrapped.append(str(host))
    assert wrapped, "the sample site has no embed fragments"
    fail_if_any(vnu_errors(tmp_path, *wrapped), "HTML error(s) in embed fragments")
