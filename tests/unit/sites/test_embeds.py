"""Embeds: an organisation's events and news for the website it already has, as JSON,
an HTML fragment and a page for an iframe, and the snippets on its page to copy."""
from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import build_site

_VENUE = """venue:
  name: Marsh Garden
  postcode: E3 2AB
  ward: bow-east
"""
FILES = {
    "events/garden-day.md": f"""---
title: Bulb planting <morning>
summary: Plant bulbs with us & bring gloves.
category: training
organiser: orgs/marsh-garden
start: 2026-12-05 10:00
end: "12:00"
{_VENUE}posted: 2026-11-20
---
Tea after.
""",
    "events/autumn-tidy.md": f"""---
title: Autumn tidy
summary: Sweeping leaves.
category: training
organiser: orgs/marsh-garden
start: 2026-11-01 10:00
end: "12:00"
{_VENUE}posted: 2026-10-20
---
Rakes provided.
""",
    "orgs/marsh-garden/index.md": """---
name: Marsh Garden
summary: A community garden by the marsh.
wards: [bow-east]
stage: stage-1
theme: bold
last_verified: 2026-10-01
---
We grow vegetables.
""",
    "orgs/marsh-garden/news/2026-11-02-open-day.md": """---
title: Open day
date: 2026-11-02
summary: "Thank you to everyone who came: <b>80</b> people!"
---
It was lovely.
""",
    "orgs/marsh-garden/news/2026-10-12-seeds.md": """---
title: Seed swap
date: 2026-10-12
summary: Bring seeds.
---
Swap them.
""",
    "orgs/marsh-garden/news/2026-12-10-fair.md": """---
title: Winter fair
date: 2026-12-10
summary: Not out yet.
---
Later.
""",
}
BASE = "https://portal.example.org"
EMBED = f"{BASE}/orgs/marsh-garden/embed"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("embeds") / "repo"
    shutil.copytree(BASE_SITE, root)
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    out = root.parent / "site"
    build_site(root, out, TODAY)
    return out


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_events_json_lists_the_calendars_upcoming_events_only(site: Path) -> None:
    assert json.loads(read(site, "orgs/marsh-garden/embed/events.json")) == {
        "version": 1, "kind": "events", "lang": "en", "organisation": "Marsh Garden",
        "heading": "Our upcoming events", "empty": "No upcoming events at the moment.",
        "items": [{
            "title": "Bulb planting <morning>",
            "url": f"{BASE}/events/garden-day/",
            "when": "Saturday 5 December 2026, 10:00 to 12:00",
            "datetime": "2026-12-05T10:00+00:00",  # London is on GMT in December
            "where": "Marsh Garden, E3 2AB",
            "summary": "Plant bulbs with us & bring gloves.",
            "lang": None,
        }],
        "more_text": "All our events on Test Portal",
        "more_url": f"{BASE}/calendar/orgs/marsh-garden/",
    }


def test_news_json_is_newest_first_without_posts_not_out_yet(site: Path) -> None:
    data = json.loads(read(site, "orgs/marsh-garden/embed/news.json"))
    assert [(i["title"], i["datetime"], i["when"]) for i in data["items"]] == [
        ("Open day", "2026-11-02", "2 November 2026"),
        ("Seed swap", "2026-10-12", "12 October 2026")]
    assert data["items"][0]["url"] == f"{BASE}/orgs/marsh-garden/news/2026-11-02-open-day/"
    assert (data["heading"], data["more_url"]) == ("Our latest news",
                                                    f"{BASE}/orgs/marsh-garden/news/")


def test_the_fragment_is_the_same_list_as_plain_escaped_html(site: Path) -> None:
    assert read(site, "orgs/marsh-garden/embed/news.html") == f"""\
<section class="thin-embed thin-embed-news" lang="en">
<h2>Our latest news</h2>
<ul>
<li><a href="{BASE}/orgs/marsh-garden/news/2026-11-02-open-day/">Open day</a>
<p><time datetime="2026-11-02">2 November 2026</time></p>
<p>Thank you to everyone who came: &lt;b&gt;80&lt;/b&gt; people!</p></li>
<li><a href="{BASE}/orgs/marsh-garden/news/2026-10-12-seeds/">Seed swap</a>
<p><time datetime="2026-10-12">12 October 2026</time></p>
<p>Bring seeds.</p></li>
</ul>
<p><a href="{BASE}/orgs/marsh-garden/news/">All our news on Test Portal</a></p>
</section>
"""
    events = read(site, "orgs/marsh-garden/embed/events.html")
    assert "<a href=\"" + BASE + "/events/garden-day/\">Bulb planting &lt;morning&gt;</a>" in events
    assert "Plant bulbs with us &amp; bring gloves." in events


def test_the_frame_page_is_a_whole_page_whose_links_leave_the_frame(site: Path) -> None:
    page = read(site, "orgs/marsh-garden/embed/events-frame.html")
    assert page.startswith("<!doctype html>\n<html lang=\"en\" dir=\"ltr\">")
    assert '<base target="_top">' in page and '<meta name="robots" content="noindex">' in page
    assert "<title>Our upcoming events: Marsh Garden</title>" in page
    assert "<h1>Our upcoming events</h1>" in page


def test_an_organisation_without_a_site_gets_events_but_no_news(site: Path) -> None:
    embed = site / "orgs" / "bow-youth" / "embed"
    assert sorted(p.name for p in embed.iterdir()) == [
        "events-frame.html", "events.html", "events.json"]
    data = json.loads(read(site, "orgs/bow-youth/embed/events.json"))
    # No events at all: the list is empty and "more" is the listing's own page.
    assert (data["items"], data["more_url"]) == ([], f"{BASE}/orgs/bow-youth/")


def test_embeds_stay_out_of_the_sitemap(site: Path) -> None:
    assert "/embed/" not in read(site, "sitemap.xml")


class Code(HTMLParser):
    """The text of each `<pre><code>` on a page, as a reader copies it."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "code":
            self._inside = True
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._inside = self._inside and tag != "code"

    def handle_data(self, data):
        if self._inside:
            self.blocks[-1] += data


def test_the_organisations_page_shows_the_code_to_copy(site: Path) -> None:
    parser = Code()
    parser.feed(read(site, "orgs/marsh-garden/index.html"))
    assert parser.blocks == [
        f'<div data-thin-embed="{EMBED}/events.json">\n'
        f'  <a href="{BASE}/calendar/orgs/marsh-garden/">All our events on Test Portal</a>\n'
        f'</div>\n<script src="{BASE}/static/sites/embed.js" defer></script>',
        f'<iframe src="{EMBED}/events-frame.html" title="Our upcoming events: Marsh Garden"\n'
        '  width="100%" height="420" style="border: 0"></iframe>',
        f'<div data-thin-embed="{EMBED}/news.json">\n'
        f'  <a href="{BASE}/orgs/marsh-garden/news/">All our news on Test Portal</a>\n'
        f'</div>\n<script src="{BASE}/static/sites/embed.js" defer></script>',
        f'<iframe src="{EMBED}/news-frame.html" title="Our latest news: Marsh Garden"\n'
        '  width="100%" height="420" style="border: 0"></iframe>',
    ]


@pytest.fixture(scope="module")
def site_bn(tmp_path_factory) -> Path:
    """The same site published in English and Bengali, with the project's catalogue."""
    root = tmp_path_factory.mktemp("embeds-bn") / "repo"
    shutil.copytree(BASE_SITE, root)
    shutil.copytree(REPO / "translations", root / "translations")
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    with (root / "content" / "site.yaml").open("a", encoding="utf-8") as settings:
        settings.write("languages:\n  - {code: en, name: English, locale: en_GB}\n"
                       "  - {code: bn, name: বাংলা, locale: bn_BD}\n")
    out = root.parent / "site"
    build_site(root, out, TODAY)
    return out


def test_each_language_has_its_own_embeds_with_english_content_marked(site_bn: Path) -> None:
    data = json.loads(read(site_bn, "bn/orgs/marsh-garden/embed/news.json"))
    assert (data["lang"], data["heading"], data["empty"]) == (
        "bn", "আমাদের সাম্প্রতিক খবর", "এখনো কোনো খবর নেই।")
    assert data["more_url"] == f"{BASE}/bn/orgs/marsh-garden/news/"
    first = data["items"][0]
    # The post has no Bengali translation: its text is English, and says so.
    assert (first["title"], first["lang"]) == ("Open day", "en")
    assert first["url"] == f"{BASE}/bn/orgs/marsh-garden/news/2026-11-02-open-day/"
    fragment = read(site_bn, "bn/orgs/marsh-garden/embed/news.html")
    assert fragment.startswith('<section class="thin-embed thin-embed-news" lang="bn">')
    assert '<li lang="en" dir="auto"><a href=' in fragment
    english = json.loads(read(site_bn, "orgs/marsh-garden/embed/news.json"))
    assert (english["lang"], english["items"][0]["lang"]) == ("en", None)
