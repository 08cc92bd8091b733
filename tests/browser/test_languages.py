"""The site in Bengali and, right to left, in Urdu: axe, Nu, lang, dir, the switcher, mirroring.

Every Bengali page kind passes axe like its English twin (test_html_valid.py already runs
Nu over every page, Bengali included). Urdu is not in the sample site's languages, so a
copy of the sample site with `ur` added is built once here, with the small Urdu catalogue
in translations/ur/, and its pages are checked with axe and Nu and for a mirrored layout.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .conftest import BUILD_DATE, serve_static
from .support import (
    HOME,
    ORG,
    PAGE_KINDS,
    REPO_ROOT,
    PageKind,
    SitePages,
    axe_violations,
    fail_if_any,
    format_violations,
    open_page,
)
from .test_html_valid import vnu_errors

URDU_LINE = "  - {code: ur, name: اردو, locale: ur_PK, dir: rtl}\n"
URDU_PAGES = ("/ur/", "/ur/orgs/", "/ur/support/", "/ur/calendar/", "/ur/toolkits/",
              "/ur/health-check/", "/ur/data/")


def _axe(page: Page, where: str) -> None:
    violations = axe_violations(page)
    if violations:
        pytest.fail(format_violations(violations, where), pytrace=False)


@pytest.mark.parametrize("kind", PAGE_KINDS, ids=lambda kind: kind.name)
def test_bengali_page_kind_has_no_axe_violations(
    page: Page, site_server: str, site_pages: SitePages, kind: PageKind
) -> None:
    path = "/bn" + site_pages.path(kind)
    open_page(page, site_server + path)
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") \
        == ["bn-BD", "ltr"]
    _axe(page, path)


@pytest.mark.parametrize("kind", (HOME, ORG), ids=lambda kind: kind.name)
def test_bengali_pages_reflow_at_320_px(page: Page, site_server: str, site_pages: SitePages,
                                        kind: PageKind) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, site_server + "/bn" + site_pages.path(kind))
    width = page.evaluate("() => [document.documentElement.scrollWidth, "
                          "document.documentElement.clientWidth]")
    assert width[0] <= width[1], width


def test_the_switcher_goes_to_the_same_page_in_the_other_language(page: Page,
                                                                   site_server: str) -> None:
    open_page(page, site_server + "/orgs/")
    link = page.locator(".language-switcher a[hreflang=bn]")
    assert link.get_attribute("lang") == "bn"
    link.click()
    assert page.url == site_server + "/bn/orgs/"
    assert page.locator(".language-switcher [aria-current]").inner_text() == "বাংলা"
    page.locator(".language-switcher a[hreflang=en]").click()
    assert page.url == site_server + "/orgs/"


@pytest.fixture(scope="module")
def urdu_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from thin_build.build import build_site

    root = tmp_path_factory.mktemp("urdu") / "repo"
    for folder in ("content", "translations"):
        shutil.copytree(REPO_ROOT / folder, root / folder)
    for extra in ("orgs", "providers", "events", "toolkits"):
        if (REPO_ROOT / extra).is_dir():
            shutil.copytree(REPO_ROOT / extra, root / extra)
    site_yaml = root / "content" / "site.yaml"
    bengali = "  - {code: bn, name: বাংলা, locale: bn_BD}\n"
    text = site_yaml.read_text(encoding="utf-8")
    assert bengali in text, "the sample site's languages changed: update this test"
    site_yaml.write_text(text.replace(bengali, bengali + URDU_LINE), encoding="utf-8")
    return build_site(root, root / "site", today=BUILD_DATE, pdf=False).out


@pytest.fixture(scope="module")
def urdu_server(urdu_site: Path) -> Iterator[str]:
    with serve_static(urdu_site) as base_url:
        yield base_url


@pytest.mark.parametrize("path", URDU_PAGES)
def test_urdu_pages_are_right_to_left_and_pass_axe(page: Page, urdu_server: str,
                                                   path: str) -> None:
    open_page(page, urdu_server + path)
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") \
        == ["ur-PK", "rtl"]
    _axe(page, path)


def test_urdu_layout_is_mirrored_by_logical_properties(page: Page, urdu_server: str) -> None:
    """The cards' accent border is on the start side: the left in English, the right in Urdu."""
    borders = ("() => { const s = getComputedStyle(document.querySelector('.card'));"
               " return [s.borderLeftWidth, s.borderRightWidth]; }")
    open_page(page, urdu_server + "/orgs/")
    english = page.evaluate(borders)
    open_page(page, urdu_server + "/ur/orgs/")
    urdu = page.evaluate(borders)
    assert english[0] == "6px" and urdu[1] == "6px", (english, urdu)
    assert english[1] != "6px" and urdu[0] != "6px", (english, urdu)
    assert page.get_by_role("navigation", name="مرکزی فہرست").is_visible()


def test_urdu_pages_are_valid_html(urdu_site: Path) -> None:
    files = [str(urdu_site / path.lstrip("/") / "index.html") for path in URDU_PAGES]
    fail_if_any(vnu_errors(urdu_site, *files), "HTML error(s) from vnu on Urdu pages")
