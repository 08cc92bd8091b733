"""A folder-shaped organisation's site: its menu (in an exact order), its pages, the
events and contact pages, the listing page as its home, and every `/o/<slug>/`."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import build_site, check_site
from thin_build.core.present import Link
from thin_build.sites.content import Site
from thin_build.sites.frame import menu
from thin_build.sites.model import SitePage

GARDEN = "/orgs/weavers-fields-garden/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sites-pages") / "site"
    build_site(BASE_SITE, out, TODAY)
    return out


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text("utf-8")


def site_menu(html: str) -> list[tuple[str, str, bool]]:
    """(text, href, current) of each link in the site's own menu."""
    nav = html[html.index('<nav class="site-menu'):]
    nav = nav[:nav.index("</nav>")]
    return [(text, href, bool(current)) for href, current, text in re.findall(
        r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', nav)]


MENU = [("Home", GARDEN), ("Our beds", GARDEN + "our-beds/"),
        ("Volunteer with us", GARDEN + "volunteer/"), ("News", GARDEN + "news/"),
        ("Events", GARDEN + "events/"), ("Contact", GARDEN + "contact/")]


@pytest.mark.parametrize("url", [GARDEN, GARDEN + "our-beds/", GARDEN + "volunteer/",
                                 GARDEN + "news/", GARDEN + "events/", GARDEN + "contact/"])
def test_every_site_page_has_the_menu_in_order_with_itself_current(site, url) -> None:
    html = page(site, url)
    assert site_menu(html) == [(text, href, href == url) for text, href in MENU]
    assert 'class="site-header"' not in html  # the portal's header gives way to the bar


def test_a_post_page_marks_news_as_current(site) -> None:
    html = page(site, GARDEN + "news/2026-11-02-harvest-lunch/")
    assert [text for text, _href, current in site_menu(html) if current] == ["News"]


def _page(name: str, title: str, order: int) -> SitePage:
    return SitePage(slug=f"g/{name}", path=f"orgs/g/{name}.md", title=title, order=order,
                    body="x")


def test_pages_go_by_order_then_title(make_site) -> None:
    org = check_site(make_site(), TODAY)[0].lookup("orgs", "weavers-fields-garden")
    pages = (_page("b", "Apples", 20), _page("a", "zebra", 5), _page("c", "Bees", 20))
    links = menu(Site(org, tuple(sorted(pages, key=lambda p: (p.order, p.title))), ()))
    assert [link.text for link in links] == [
        "Home", "zebra", "Apples", "Bees", "News", "Events", "Contact"]
    assert links[1] == Link("zebra", "/orgs/weavers-fields-garden/a/")


def test_the_site_home_is_the_listing_in_the_site_frame(site) -> None:
    html = page(site, GARDEN)
    assert '<p class="site-frame-name"><a href="/orgs/weavers-fields-garden/">Weavers Fields ' \
           'Garden</a></p>' in html
    assert "theme-calm" in html and "/static/sites/theme-calm.css" in html
    assert 'type="application/ld+json"' in html  # the listing's own head is kept
    main = html[html.index("<main"):]
    assert re.search(r"About (<bdi>)?Weavers Fields Garden", main)


def test_a_site_page_shows_its_markdown(site) -> None:
    html = page(site, GARDEN + "volunteer/")
    assert "<h1>Volunteer with us</h1>" in html
    assert "Come on a <strong>Saturday morning</strong>; we lend gloves and tools." in html
    assert "<title>Volunteer with us – Test Portal</title>" in html


def test_the_contact_and_events_pages(site) -> None:
    contact = page(site, GARDEN + "contact/")
    assert "<h1>Contact Weavers Fields Garden</h1>" in contact
    assert 'href="tel:+442079460003"' in contact
    assert 'href="mailto:grow@weavers-garden.example.org"' in contact
    events = page(site, GARDEN + "events/")
    assert "<h1>Events of Weavers Fields Garden</h1>" in events
    assert "There are no events or notices at the moment." in events


def test_every_organisation_has_a_short_address_out_of_the_sitemap(site) -> None:
    assert sorted(p.name for p in (site / "o").iterdir()) == [
        "bow-youth", "spice-kitchen", "weavers-fields-garden", "weavers-green"]
    assert (site / "o/bow-youth/index.html").read_text("utf-8") == """<!doctype html>
<html lang="en-GB" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=/orgs/bow-youth/">
<link rel="canonical" href="https://portal.example.org/orgs/bow-youth/">
<title>Bow Youth Project on Test Portal</title>
</head>
<body>
<p><a href="/orgs/bow-youth/">Go to the page of Bow Youth Project</a></p>
</body>
</html>
"""
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "/o/" not in sitemap and f"{GARDEN}volunteer/" in sitemap


def test_a_page_in_bengali_and_one_not_translated_yet(make_site, tmp_path) -> None:
    """In the Bengali pages a translated page is Bengali with no `lang`; an untranslated
    one is shown in English marked `lang="en"`, and the menu carries the translation."""
    site_yaml = (BASE_SITE / "content/site.yaml").read_text("utf-8") + (
        "languages:\n  - {code: en, name: English, locale: en_GB}\n"
        "  - {code: bn, name: বাংলা, locale: bn_BD}\n")
    beds = ("---\ntitle: Our beds\norder: 10\ntranslations:\n  bn:\n    title: আমাদের বেড\n"
            "    body: বারোটি উঁচু বেড।\n---\nTwelve raised beds.\n")
    out = tmp_path / "site"
    catalogue = "translations/bn/LC_MESSAGES/messages.po"
    build_site(make_site({"content/site.yaml": site_yaml, catalogue: (REPO / catalogue).read_bytes(),
                          "orgs/weavers-fields-garden/our-beds.md": beds}), out, TODAY)
    translated = page(out, "/bn" + GARDEN + "our-beds/")
    assert "<h1>আমাদের বেড</h1>" in translated and "<p>বারোটি উঁচু বেড।</p>" in translated
    assert ('<a href="/bn/orgs/weavers-fields-garden/our-beds/" aria-current="page">'
            "আমাদের বেড</a>") in translated
    untranslated = page(out, "/bn" + GARDEN + "volunteer/")
    assert '<h1 lang="en" dir="auto">Volunteer with us</h1>' in untranslated
