"""The site in every language: same pages under /<code>/, right lang, dir and alternates.

The sample site (English and Bengali) is built once and walked page by page; a copy of
the small base site shows a coordinator adding Somali, and Urdu, right to left.
"""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import build_site

BASE = "https://portal.example.org"
NEUTRAL = ("static/", "media/", "data/", "openreferral/", "schemas/")
_SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("sample") / "site", TODAY, pdf=False).out


def _pages(out: Path, prefix: str = "") -> set[str]:
    """Every HTML page of one language, as paths relative to its language's root."""
    top = out / prefix if prefix else out
    found = set()
    for path in top.rglob("*.html"):
        relative = path.relative_to(top).as_posix()
        if not prefix and relative.split("/", 1)[0] in ("bn",):
            continue
        found.add(relative)
    return found


def _url(relative: str, prefix: str) -> str:
    path = "/" + relative.removesuffix("index.html")
    return f"/{prefix}{path}" if prefix else path


def test_every_page_is_built_in_every_language(sample: Path) -> None:
    english, bengali = _pages(sample), _pages(sample, "bn")
    assert len(english) > 300
    assert bengali == english


def test_language_neutral_files_are_written_once(sample: Path) -> None:
    assert (sample / "data" / "organisations.csv").is_file()
    assert (sample / "openreferral" / "services.json").is_file()
    assert not (sample / "bn" / "data" / "organisations.csv").exists()
    assert not (sample / "bn" / "openreferral").exists()
    assert not (sample / "bn" / "static").exists()
    data_page = (sample / "bn" / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="/data/organisations.csv"' in data_page
    assert (sample / "bn" / "calendar.ics").is_file()  # feeds speak the page's language


@pytest.mark.parametrize("prefix, tag", [("", "en-GB"), ("bn", "bn-BD")])
def test_lang_dir_canonical_and_alternates_on_every_page(sample: Path, prefix, tag) -> None:
    for relative in sorted(_pages(sample, prefix)):
        html = (sample / prefix / relative).read_text(encoding="utf-8")
        url = _url(relative, "")
        assert f'<html lang="{tag}" dir="ltr">' in html or "embed" in relative, relative
        if relative == "404.html" or 'class="skip-link"' not in html:
            continue  # redirects and embeds have a frame of their own
        assert f'<link rel="canonical" href="{BASE}{_url(relative, prefix)}">' in html, relative
        alternates = re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">',
                                html)
        assert alternates == [("en", BASE + url), ("bn", f"{BASE}/bn{url}"),
                              ("x-default", BASE + url)], relative


def test_the_switcher_names_each_language_in_its_own_script_and_links_resolve(sample) -> None:
    html = (sample / "bn" / "orgs" / "index.html").read_text(encoding="utf-8")
    switcher = _SWITCHER.search(html)[0]
    assert 'aria-label="ভাষা"' in switcher
    assert '<a href="/orgs/" lang="en" hreflang="en">English</a>' in switcher
    assert '<span aria-current="true" lang="bn">বাংলা</span>' in switcher
    for relative in sorted(_pages(sample))[::7]:
        html = (sample / relative).read_text(encoding="utf-8")
        if 'class="skip-link"' not in html:
            continue  # redirects and embeds have a frame of their own
        for href in re.findall(r'href="([^"]+)" lang=', _SWITCHER.search(html)[0]):
            target = href.lstrip("/") + ("index.html" if href.endswith("/") else "")
            assert (sample / target).is_file(), (relative, href)


def test_links_on_bengali_pages_stay_in_bengali_or_lead_to_shared_files(sample) -> None:
    wrong = set()
    for relative in sorted(_pages(sample, "bn")):
        html = _SWITCHER.sub("", (sample / "bn" / relative).read_text(encoding="utf-8"))
        html = re.sub(r'<link rel="alternate"[^>]*>', "", html)
        html = re.sub(r'<a [^>]*hreflang="[^"]*"[^>]*>', "", html)  # meant for another language
        for link in re.findall(r'(?:href|src|action)="(/[^"]*)"', html):
            bare = link.split("?")[0].split("#")[0].lstrip("/")
            shared_file = (sample / bare).is_file() and not bare.endswith(".html")
            if not link.startswith("/bn/") and not bare.startswith(NEUTRAL) and not shared_file:
                wrong.add((relative, link))
    assert sorted(wrong)[:10] == []


def test_the_interface_is_in_bengali_and_dates_are_formatted_for_bengali(sample) -> None:
    html = (sample / "bn" / "orgs" / "index.html").read_text(encoding="utf-8")
    assert "মূল অংশে যান" in html  # the skip link
    assert '<p class="tagline">টাওয়ার হ্যামলেটসের' in html  # site.yaml's translations
    assert '<label for="site-search">খুঁজুন</label>' in html
    assert "Skip to main content" in (sample / "orgs" / "index.html").read_text("utf-8")


def test_the_sitemap_lists_every_language_version(sample: Path) -> None:
    tree = ElementTree.parse(sample / "sitemap.xml")
    locs = {e.text for e in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    english = {loc for loc in locs if not loc.startswith(f"{BASE}/bn/")}
    assert f"{BASE}/" in english and f"{BASE}/bn/" in locs
    assert {loc.replace(BASE, f"{BASE}/bn", 1) for loc in english} == locs - english


SOMALI = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n' \
         'msgid "Search"\nmsgstr "Raadi"\n'


def _with_languages(make_site, lines: str, files: dict) -> Path:
    site_yaml = (BASE_SITE / "content" / "site.yaml").read_text(encoding="utf-8")
    return make_site({"content/site.yaml": site_yaml + "languages:\n"
                      "  - {code: en, name: English, locale: en_GB}\n" + lines, **files})


def test_a_coordinator_adds_somali_with_one_file_and_one_line(make_site, tmp_path) -> None:
    root = _with_languages(make_site, "  - {code: so, name: Soomaali, locale: so_SO}\n",
                           {"translations/so/LC_MESSAGES/messages.po": SOMALI})
    out = build_site(root, tmp_path / "out", TODAY, pdf=False).out
    html = (out / "so" / "orgs" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="so-SO" dir="ltr">' in html
    assert '<label for="site-search">Raadi</label>' in html
    assert "Skip to main content" in html  # not translated yet: English, never a gap
    assert '<p class="tagline" lang="en">A small site the tests build</p>' in html
    assert _pages(out, "so") == {p for p in _pages(out) if not p.startswith("so/")}


def test_urdu_pages_are_right_to_left_with_urdu_navigation(make_site, tmp_path) -> None:
    catalogue = (REPO / "translations" / "ur" / "LC_MESSAGES" / "messages.po").read_bytes()
    root = _with_languages(make_site, "  - {code: ur, name: اردو, locale: ur_PK, dir: rtl}\n",
                           {"translations/ur/LC_MESSAGES/messages.po": catalogue})
    out = build_site(root, tmp_path / "out", TODAY, pdf=False).out
    html = (out / "ur" / "orgs" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ur-PK" dir="rtl">' in html
    assert '<a href="/ur/support/">مدد تلاش کریں</a>' in html
    assert '<a href="/orgs/" lang="en" hreflang="en">English</a>' in html
    assert "<h1>تنظیمیں، الف سے ے تک</h1>" in html
