"""WCAG 2.2 AA checks with axe-core in Chromium, on one page of every kind.

One page per template is enough: pages of a kind share their markup, and
content-level problems are the content validator's job.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from .support import (
    HOME,
    ORG,
    PAGE_KINDS,
    PageKind,
    SitePages,
    axe_violations,
    format_violations,
    open_page,
)

#: WCAG 1.4.10 Reflow: content must work at 320 CSS px without scrolling sideways.
REFLOW_WIDTH = 320

#: Describes up to five elements that stick out past the viewport's right
#: edge, so an overflow failure names its culprits.
OVERFLOWING_ELEMENTS_JS = """(limit) => {
    const width = document.documentElement.clientWidth;
    const describe = (el) => el.tagName.toLowerCase()
        + (el.id ? '#' + el.id : '')
        + [...el.classList].map((c) => '.' + c).join('');
    return [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .slice(0, limit)
        .map((el) => {
            const right = Math.round(el.getBoundingClientRect().right);
            return `${describe(el)} (right edge ${right}px)`;
        });
}"""


def assert_no_axe_violations(page: Page, where: str) -> None:
    """Fail with a per-rule report if axe finds any WCAG violation on the loaded page."""
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, where), pytrace=False)


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.name)
def test_page_kind_has_no_axe_violations(
    page: Page, site_server: str, site_pages: SitePages, kind: PageKind
) -> None:
    """Every page template passes axe's WCAG 2.0–2.2 A/AA rules."""
    path = site_pages.path(kind)
    open_page(page, site_server + path)
    assert_no_axe_violations(page, path)


@pytest.mark.parametrize("kind", (HOME, ORG), ids=lambda kind: kind.name)
def test_narrow_viewport_has_no_sideways_scroll(
    page: Page, site_server: str, site_pages: SitePages, kind: PageKind
) -> None:
    """At 320 px wide the page reflows without horizontal scrolling and stays accessible.

    Many residents reach the portal on small phones; axe's rules are re-run
    because the mobile layout (collapsed navigation, stacked cards) is
    different markup state from the desktop one.
    """
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    path = site_pages.path(kind)
    open_page(page, site_server + path)
    scroll_width, client_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    if scroll_width > client_width:
        culprits = "\n".join(f"  - {item}" for item in page.evaluate(OVERFLOWING_ELEMENTS_JS, 5))
        pytest.fail(
            f"{path} is {scroll_width}px wide in a {client_width}px viewport; "
            f"elements past the right edge:\n{culprits}",
            pytrace=False,
        )
    assert_no_axe_violations(page, f"{path} at {REFLOW_WIDTH}px")


#: Each kind of page of an organisation's own site (issue 17), across the three themes;
#: the sites' homes are checked per theme in test_site_themes.py.
SITE_PAGES = (
    "/orgs/poplar-play-association/news/",
    "/orgs/poplar-play-association/news/2026-10-10-new-rope-swing/",
    "/orgs/isle-commons-community-centre/rooms-to-hire/",
    "/orgs/jamuna-elders-lunch-club/events/",
    "/orgs/pearl-river-elders-club/contact/",
    "/bn/orgs/jamuna-elders-lunch-club/our-lunches/",
)


@pytest.mark.parametrize("path", SITE_PAGES)
def test_site_pages_pass_axe_and_reflow(page: Page, site_server: str, path: str) -> None:
    """A site's pages pass axe, and at 320 px they reflow without sideways scrolling."""
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 640})
    open_page(page, site_server + path)
    assert_no_axe_violations(page, path)
    assert page.evaluate(OVERFLOWING_ELEMENTS_JS, 5) == [], path


#: The directory, referral and calendar pages in Bengali (issue 16): Bengali interface
#: text with English content inside it, each part with its own `lang`.
BENGALI_PAGES = (
    "/bn/orgs/alder-street-allotment-collective/",
    "/bn/orgs/nari-shongho-womens-group/",  # translated content
    "/bn/toolkits/funding-bid-toolkit/",
    "/bn/support/funding/",
    "/bn/providers/banglatown-bme-development-partnership/",
    "/bn/support/",
    "/bn/support/payroll/",
    "/bn/reports/gaps/",
    "/bn/calendar/2026/12/",
    "/bn/events/payroll-clinic/",
    "/bn/notices/",
    "/bn/search/",
    # The toolkits, health check, evidence, commissioning, projects, skills, networks,
    # surveys and open data rooms.
    "/bn/toolkits/",
    "/bn/health-check/",
    "/bn/health-check/stage-1/",
    "/bn/evidence/",
    "/bn/opportunities/",
    "/bn/projects/",
    "/bn/skills/",
    "/bn/networks/",
    "/bn/evidence/surveys/shared-needs-2026/form/",
    "/bn/data/",
    "/bn/print/",  # the Bengali provider directory PDF
)


@pytest.mark.parametrize("path", BENGALI_PAGES)
def test_bengali_pages_pass_axe(page: Page, site_server: str, path: str) -> None:
    open_page(page, site_server + path)
    assert_no_axe_violations(page, path)
