"""A site's news: the list, a page per post, the Atom feed (read back with feedparser),
posts hidden until their date, search, and `thin new page|news --org`."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site, check_site
from thin_build.cli import main
from thin_build.search.documents import FacetCodes, search_documents

GARDEN = "orgs/weavers-fields-garden"
BASE = "https://portal.example.org/orgs/weavers-fields-garden/news/"
LATER = {f"{GARDEN}/news/2026-11-30-winter-fair.md":
         "---\ntitle: Winter fair\ndate: 2026-11-30\nsummary: Wreaths.\n---\nSoon.\n"}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sites-news") / "site"
    build_site(BASE_SITE, out, TODAY)
    return out


def test_the_feed_lists_the_posts_newest_first(site) -> None:
    feed = feedparser.parse((site / GARDEN / "news/feed.atom").read_bytes())
    assert not feed.bozo
    assert feed.feed.title == "News from Weavers Fields Garden"
    assert feed.feed.link == BASE
    assert feed.feed.updated == "2026-11-02T00:00:00Z"
    assert [(e.title, e.link, e.published, e.summary, e.author) for e in feed.entries] == [
        ("Harvest lunch", BASE + "2026-11-02-harvest-lunch/", "2026-11-02T00:00:00Z",
         "Forty neighbours shared soup made from the garden's squash.", "Weavers Fields Garden"),
        ("Two new raised beds", BASE + "2026-10-05-new-beds/", "2026-10-05T00:00:00Z",
         "The new beds are at wheelchair height.", "Weavers Fields Garden")]


def test_the_news_page_and_a_post_page(site) -> None:
    news = (site / GARDEN / "news/index.html").read_text("utf-8")
    assert news.index("Harvest lunch") < news.index("Two new raised beds")
    assert '<time datetime="2026-11-02">2 November 2026</time>' in news
    assert ('<link rel="alternate" type="application/atom+xml" '
            'href="/orgs/weavers-fields-garden/news/feed.atom"') in news
    post = (site / GARDEN / "news/2026-11-02-harvest-lunch/index.html").read_text("utf-8")
    assert ('<img src="/orgs/weavers-fields-garden/media/harvest.png" '
            'alt="A bowl of orange soup on a wooden table">') in post
    assert (site / GARDEN / "media/harvest.png").read_bytes() == (
        BASE_SITE / GARDEN / "media/harvest.png").read_bytes()


def test_a_later_post_is_hidden_until_its_day(make_site, tmp_path) -> None:
    root = make_site(LATER)
    out = tmp_path / "before"
    result = build_site(root, out, TODAY)
    assert [str(p) for p in result.problems if p.code == "future-post"] == [
        f"{GARDEN}/news/2026-11-30-winter-fair.md:3:1: warning[future-post]: is dated "
        "2026-11-30, after the build's date (2026-11-24): it stays hidden until 2026-11-30"]
    assert not (out / GARDEN / "news/2026-11-30-winter-fair").exists()
    assert b"Winter fair" not in (out / GARDEN / "news/feed.atom").read_bytes()
    assert "Winter fair" not in (out / GARDEN / "news/index.html").read_text("utf-8")
    on_the_day = tmp_path / "on-the-day"
    build_site(root, on_the_day, dt.date(2026, 11, 30))
    assert (on_the_day / GARDEN / "news/2026-11-30-winter-fair/index.html").exists()


def test_search_finds_site_pages_and_published_news(make_site) -> None:
    cat, _ = check_site(make_site(LATER), TODAY)
    docs = {d.key: d for d in search_documents(cat, FacetCodes.for_catalogue(cat), TODAY)}
    keys = sorted(k for k in docs if k.startswith(("site_page/", "news/")))
    assert keys == ["news/weavers-fields-garden/2026-10-05-new-beds",
                    "news/weavers-fields-garden/2026-11-02-harvest-lunch",
                    "site_page/weavers-fields-garden/our-beds",
                    "site_page/weavers-fields-garden/volunteer"]
    news = docs["news/weavers-fields-garden/2026-11-02-harvest-lunch"]
    assert (news.url, news.place) == ("/orgs/weavers-fields-garden/news/2026-11-02-harvest-lunch/",
                                      "Weavers Fields Garden, 2 November 2026")
    assert docs["site_page/weavers-fields-garden/our-beds"].summary == (
        "Twelve raised beds, two of them at wheelchair height.")


def test_thin_new_writes_a_page_and_a_post_that_validate(make_site) -> None:
    root = make_site()
    runner = CliRunner()
    for args in (["page", "--org", "weavers-fields-garden", "Join the committee"],
                 ["news", "--org", "weavers-fields-garden", "Seed swap!"]):
        done = runner.invoke(main, ["new", *args, "--root", str(root), "--today", "2026-11-24"])
        assert done.exit_code == 0, done.output
    assert (root / GARDEN / "join-the-committee.md").exists()
    post = (root / GARDEN / "news/2026-11-24-seed-swap.md").read_text("utf-8")
    assert 'title: "Seed swap!"' in post and 'date: "2026-11-24"' in post
    cat, problems = check_site(root, TODAY)
    assert cat is not None, [str(p) for p in problems]


@pytest.mark.parametrize(("args", "message"), [
    (["page", "--org", "bow-youth", "About"], "orgs/bow-youth.md is a single file: make it a "
     "folder first"),
    (["page", "--org", "nobody", "About"], "there is no organisation 'nobody'"),
    (["page", "--org", "weavers-fields-garden", "News"], "'news' is one of the site's own "
     "addresses"),
    (["news", "Seed swap"], "`thin new news --org <slug> NAME` for a site's page or news"),
])
def test_thin_new_refuses_what_would_not_build(make_site, args, message) -> None:
    root = make_site()
    done = CliRunner().invoke(main, ["new", *args, "--root", str(root)])
    assert done.exit_code != 0 and message in done.output, done.output


def test_a_picture_over_the_limit_is_refused_on_its_line(make_site) -> None:
    big = b"\x89PNG\r\n\x1a\n" + bytes(300 * 1024)
    post = "---\ntitle: Big\ndate: 2026-11-01\nsummary: A big picture.\nimage: big.png\n" \
           "image_alt: A very large picture\n---\nText.\n"
    _cat, problems = check_site(make_site({f"{GARDEN}/media/big.png": big,
                                           f"{GARDEN}/news/2026-11-01-big.md": post}), TODAY)
    assert [str(p) for p in problems if p.is_error] == [
        f"{GARDEN}/news/2026-11-01-big.md:5:8: error[file-too-large]: `image`: {GARDEN}/media/"
        "big.png is 307,208 bytes; a post's picture may be at most 300 KB: save it smaller "
        "(1,200 pixels wide is plenty for phones and laptops)"]
