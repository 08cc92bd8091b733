"""The built-site link checker finds each kind of broken reference, and only those."""
from __future__ import annotations

from pathlib import Path

from thin_build.review.site_links import broken_links

BASE = "https://portal.example.org/"


def _site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"<!doctype html><title>t</title>\n{html}\n", encoding="utf-8")
    return tmp_path


def test_a_site_whose_links_resolve_has_no_problem(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="/orgs/a/">A</a> <a href="orgs/a/#top">top</a> '
                      '<img src="/static/logo.png" alt=""> <a href="https://example.org/x">off</a> '
                      '<a href="mailto:hello@example.org">mail</a> <a href="#main">skip</a>'
                      '<main id="main"></main>',
        "orgs/a/index.html": '<h1 id="who">A</h1><a href="../../#main">home</a>',
        "static/logo.png": "png",
        "404.html": '<a href="/">home</a>'})
    assert broken_links(site, BASE) == []


def test_each_kind_of_broken_reference_is_named_with_page_and_line(tmp_path: Path) -> None:
    site = _site(tmp_path, {
        "index.html": '<a href="/orgs/missing/">gone</a>\n<a href="/orgs/a">no slash</a>\n'
                      '<a href="/orgs/a/#nowhere">bad fragment</a>\n'
                      '<img srcset="/static/x.png 1x, /static/logo.png 2x" alt="">\n'
                      f'<a href="{BASE}orgs/b/">absolute</a>',
        "orgs/a/index.html": "<h1>A</h1>",
        "static/logo.png": "png",
        "404.html": '<a href="orgs/a/">relative</a>'})
    assert broken_links(site, BASE) == [
        "404.html:2 → orgs/a/ (relative link on the 404 page)",
        "index.html:2 → /orgs/missing/ (no file orgs/missing/index.html)",
        "index.html:3 → /orgs/a (no file orgs/a) (a directory: add a trailing slash)",
        'index.html:4 → /orgs/a/#nowhere (no id="nowhere" in orgs/a/index.html)',
        "index.html:5 → /static/x.png (no file static/x.png)",
        f"index.html:6 → {BASE}orgs/b/ (no file orgs/b/index.html)",
    ]
