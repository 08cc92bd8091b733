"""Keyboard users can skip the header straight to the content, and see where focus is.

WCAG 2.4.1 (bypass blocks) and 2.4.7 (focus visible), checked on an org page:
the page type residents land on most from search engines.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from .support import ORG, SitePages, open_page

SKIP_TARGET = "#main"

#: Where keyboard focus is relative to the skip target: on/inside it, after
#: it in document order, or neither.
FOCUS_POSITION_JS = """(selector) => {
    const target = document.querySelector(selector);
    const focused = document.activeElement;
    if (!target) return 'no target element';
    if (target === focused || target.contains(focused)) return 'inside';
    return target.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING
        ? 'after' : 'before';
}"""


def focused_element(page: Page) -> dict[str, Any]:
    """Tag, href and computed focus styles of the focused element, or ``{}`` for none."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el || el === document.body) return {};
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(),
                href: el.getAttribute('href'),
                text: el.textContent.trim(),
                outlineStyle: style.outlineStyle,
                outlineWidth: style.outlineWidth,
                boxShadow: style.boxShadow,
            };
        }"""
    )


@pytest.fixture
def org_page(page: Page, site_server: str, site_pages: SitePages) -> Page:
    """A freshly loaded org page, nothing focused yet."""
    open_page(page, site_server + site_pages.path(ORG))
    return page


def tab_to_skip_link(page: Page) -> dict[str, Any]:
    """Press Tab once and insist it focused the skip link; return the focused element.

    Every skip-link test goes through this, so without a skip link each one
    fails with this message instead of testing whatever link came first.
    """
    page.keyboard.press("Tab")
    focused = focused_element(page)
    is_skip_link = focused.get("tag") == "a" and focused.get("href") == SKIP_TARGET
    expected = f'<a href="{SKIP_TARGET}">'
    assert is_skip_link, f"First Tab focused {focused or 'nothing'}; expected {expected}"
    return focused


def test_first_tab_focuses_skip_link(org_page: Page) -> None:
    """The first Tab stop is a link to the main content."""
    tab_to_skip_link(org_page)


def test_focused_skip_link_is_visible(org_page: Page) -> None:
    """Once focused, the skip link is on screen (visually hidden until focus is fine)."""
    tab_to_skip_link(org_page)
    box = org_page.locator(":focus").bounding_box()
    viewport = org_page.viewport_size
    has_size = box is not None and box["width"] > 0 and box["height"] > 0
    assert box is not None and has_size, f"Focused skip link has no size: {box}"
    assert viewport is not None
    on_screen = (
        box["x"] >= 0
        and box["y"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
        and box["y"] + box["height"] <= viewport["height"]
    )
    assert on_screen, f"Focused skip link at {box} is outside the {viewport} viewport"


def test_focused_skip_link_has_focus_indicator(org_page: Page) -> None:
    """The focused link shows an outline or a box-shadow ring, not ``outline: none`` alone."""
    focused = tab_to_skip_link(org_page)
    has_outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] != "0px"
    has_shadow = focused["boxShadow"] != "none"
    assert has_outline or has_shadow, f"No visible focus indicator on the skip link: {focused}"


def test_skip_link_moves_to_main(org_page: Page) -> None:
    """Enter on the skip link scrolls to ``#main`` and the next Tab stays in the content.

    Browsers only move ``document.activeElement`` to a focusable target
    (``tabindex="-1"``), but they always move the sequential-focus starting
    point, so either focus is in ``#main`` or the next Tab lands after its start.
    """
    page = org_page
    target = page.locator(SKIP_TARGET)
    assert target.count() == 1, f"The page has {target.count()} elements matching {SKIP_TARGET}"
    tab_to_skip_link(page)
    page.keyboard.press("Enter")
    assert page.evaluate("() => location.hash") == SKIP_TARGET
    target_box = target.bounding_box()
    viewport = page.viewport_size
    assert target_box is not None and viewport is not None, f"{SKIP_TARGET} is not rendered"
    in_view = target_box["y"] < viewport["height"] and target_box["y"] + target_box["height"] > 0
    assert in_view, f"{SKIP_TARGET} at {target_box} is not scrolled into the {viewport} viewport"
    position = page.evaluate(FOCUS_POSITION_JS, SKIP_TARGET)
    if position != "inside":
        page.keyboard.press("Tab")
        position = page.evaluate(FOCUS_POSITION_JS, SKIP_TARGET)
    assert position in ("inside", "after"), (
        f"After the skip link, focus went {position} {SKIP_TARGET}: {focused_element(page)}"
    )
