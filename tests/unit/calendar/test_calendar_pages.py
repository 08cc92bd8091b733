"""Calendar pages, the notice board, listings on organisation pages, the Atom feed, scaffolds."""
from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import REPO, TODAY
from thin_build.build import build_site
from thin_build.calendar import pages as calendar_pages
from thin_build.cli import main


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("calendar-pages") / "site"
    build_site(REPO, out, TODAY)
    return out


def html(site: Path, path: str) -> str:
    return (site / path.strip("/") / "index.html").read_text(encoding="utf-8")


def main_text(page: str) -> str:
    return page[page.index("<main"):page.index("</main>")]


class Scripts(HTMLParser):
    """The JSON-LD blocks of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.blocks: list[str] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        self._inside = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_data(self, data):
        if self._inside:
            self.blocks.append(data)
            self._inside = False


def json_ld(page: str) -> dict:
    parser = Scripts()
    parser.feed(page)
    return json.loads(parser.blocks[0])


def test_whats_on_lists_eight_weeks_day_by_day(site: Path) -> None:
    page = main_text(html(site, "/calendar/"))
    days = re.findall(r'<h2 id="day-(\d{4}-\d\d-\d\d)">', page)
    assert days[0] == "2026-11-24" and days == sorted(days)
    assert days[-1] <= "2027-01-18"  # eight weeks from Tuesday 24 November, inclusive
    assert "Today, Tuesday 24 November 2026" in page
    assert "2026-12-22" not in days or "tuesday-funding-drop-in" not in page.split(
        'id="day-2026-12-22"')[1].split("</section>")[0]  # the drop-in is skipped that day
    textile = [d for d in days if d in ("2026-12-19", "2026-12-20")]
    assert textile == ["2026-12-19", "2026-12-20"]  # a two-day event shows on both days
    assert "All day" in page
    assert 'href="webcal://portal.example.org/calendar.ics"' in page
    assert 'href="/calendar.ics"' in page


def test_month_pages_cover_last_month_to_five_ahead(site: Path) -> None:
    months = sorted(p.parent.relative_to(site / "calendar").as_posix()
                    for p in (site / "calendar").glob("20*/*/index.html"))
    assert months == ["2026/10", "2026/11", "2026/12", "2027/01", "2027/02", "2027/03",
                      "2027/04"]
    assert calendar_pages.month_window(dt.date(2026, 1, 15))[0] == (2025, 12)


def test_a_month_is_a_real_table(site: Path) -> None:
    page = main_text(html(site, "/calendar/2026/11/"))
    assert '<caption id="month-caption">November 2026</caption>' in page
    assert page.count('<th scope="col">') == 7
    assert page.count("<tr>") == 1 + 6  # header, then six weeks (Mon 26 Oct to Sun 6 Dec)
    assert page.count('aria-current="date"') == 1
    assert 'role="region" aria-labelledby="month-caption" tabindex="0"' in page
    april = main_text(html(site, "/calendar/2027/04/"))
    assert "Voluntary sector forum" in april.split("Tuesday 6 April 2027")[1].split("</td>")[0]
    assert 'rel="prev"' in april and 'rel="next"' not in april  # the window's last month


def test_category_and_organiser_listings(site: Path) -> None:
    for slug in ("training", "networking", "funding-information", "consultation", "drop-in",
                 "community-event"):
        assert (site / f"calendar/categories/{slug}/index.html").exists()
        assert (site / f"calendar/categories/{slug}.ics").exists()
    funding = main_text(html(site, "/calendar/categories/funding-information/"))
    assert "Community small grants: spring round information session" in funding
    assert "Writing your first funding bid" not in funding
    grantwise = main_text(html(site, "/calendar/providers/grantwise-east/"))
    assert "Writing your first funding bid" in grantwise and "Tuesday funding drop-in" in grantwise
    assert (site / "calendar/orgs/marigold-carers-centre/index.html").exists()
    assert not (site / "calendar/orgs/jamuna-elders-lunch-club").exists()  # no events


def test_organisation_and_provider_pages_show_events_and_notices(site: Path) -> None:
    marigold = main_text(html(site, "/orgs/marigold-carers-centre/"))
    section = marigold[marigold.index('id="events"'):]
    assert "Carers Rights Day coffee morning" in section
    assert "Thursday 26 November 2026, 10:00 to 12:00" in section
    assert 'href="#events"' in marigold
    jamuna = main_text(html(site, "/orgs/jamuna-elders-lunch-club/"))
    assert 'href="/notices/#notice-treasurer-wanted"' in jamuna
    poplar = main_text(html(site, "/orgs/poplar-play-association/"))
    assert "Halloween craft afternoon" not in poplar  # expired
    grantwise = main_text(html(site, "/providers/grantwise-east/"))
    assert grantwise.count('href="/events/tuesday-funding-drop-in/"') == 4  # the next 5 dates
    assert "webcal://portal.example.org/calendar/providers/grantwise-east.ics" in grantwise
    quiet = main_text(html(site, "/orgs/alder-street-allotment-collective/"))
    assert 'id="events"' not in quiet


def test_event_page_has_json_ld_and_an_ics_link(site: Path) -> None:
    page = html(site, "/events/vcs-forum/")
    data = json_ld(page)
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-12-01T18:00+00:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventSchedule"]["repeatFrequency"] == "P1M"
    assert data["eventSchedule"]["byMonthWeek"] == 1
    assert data["eventSchedule"]["scheduleTimezone"] == "Europe/London"
    assert data["organizer"]["url"] == "https://portal.example.org/providers/common-ground-networks/"
    body = main_text(page)
    assert "On the first Tuesday of every month, 18:00 to 20:00, from 1 December 2026 until " \
           "4 May 2027." in body
    assert '<time datetime="2027-04-06T18:00+01:00">Tuesday 6 April 2027, 18:00 to 20:00' in body
    assert 'href="/events/vcs-forum.ics" download' in body
    assert (site / "events/vcs-forum.ics").read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    drop_in = main_text(html(site, "/events/tuesday-funding-drop-in/"))
    assert "Tuesday 22 December 2026" in drop_in.split("Not running on:")[1]
    assert "And 5 more dates after these." in drop_in  # 17 Tuesdays, 12 listed
    fair = json_ld(html(site, "/events/island-winter-fair/"))
    assert (fair["startDate"], fair["endDate"]) == ("2026-12-12", "2026-12-12")


def test_finished_events_are_archived(site: Path) -> None:
    page = main_text(html(site, "/calendar/past/"))
    order = re.findall(r'href="/events/([a-z0-9-]+)/"', page)
    assert order == ["small-grants-autumn-briefing", "youth-network-october",
                     "autumn-trustee-induction"]
    assert "This event has finished" in html(site, "/events/youth-network-october/")
    assert "This event has finished" not in html(site, "/events/vcs-forum/")


def test_notice_board_shows_current_notices_only(site: Path) -> None:
    page = main_text(html(site, "/notices/"))
    shown = re.findall(r'<article class="notice" id="notice-([a-z0-9-]+)"', page)
    assert shown == ["befriending-volunteers", "winter-coats-collection", "free-room-hire-january",
                     "support-needs-survey", "winter-fair-volunteers", "treasurer-wanted"]
    assert "Halloween" not in page and "autumn round results" not in page
    assert '<img src="/media/flyers/island-winter-fair.png" alt="Winter fair. Volunteers wanted!' in page
    assert 'href="/media/flyers/winter-coats-collection.pdf"' in page
    assert (site / "media/flyers/winter-coats-collection.pdf").exists()


def test_atom_feed_lists_new_events_and_current_notices(site: Path) -> None:
    root = ET.parse(site / "feed.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    ids = [e.findtext("a:id", namespaces=ns) for e in entries]
    assert len(ids) == len(set(ids)) > 25
    assert "https://portal.example.org/events/vcs-forum/" in ids
    assert "https://portal.example.org/notices/#notice-treasurer-wanted" in ids
    assert not any("halloween" in i or "autumn-results" in i or "youth-network-october" in i
                   for i in ids)  # expired notices and finished events drop out
    posted = [e.findtext("a:updated", namespaces=ns) for e in entries]
    assert posted == sorted(posted, reverse=True)
    assert root.findtext("a:updated", namespaces=ns) == posted[0] == "2026-11-24T00:00:00Z"


def test_navigation_and_home_link_to_the_calendar_and_board(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    start = home.index('<nav aria-label="Main">')
    nav = home[start:home.index("</nav>", start)]
    assert 'href="/calendar/">Calendar</a>' in nav and 'href="/notices/">Notice board</a>' in nav
    assert "What&#39;s on: the community calendar" in main_text(home)


def test_content_is_escaped_everywhere(make_site, tmp_path: Path) -> None:
    evil = ('---\ntitle: "<script>alert(1)</script> & </script><b>"\nsummary: "Quotes \\" and '
            '\\u2028 line"\ncategory: training\norganiser: providers/hub\n'
            'start: 2026-12-03 10:00\nend: "12:00"\nonline: https://meet.example.org/a\n'
            'posted: 2026-11-01\n---\n<img src=x onerror=alert(1)>\n')
    root = make_site({"events/evil.md": evil.replace("\\u2028 ", "")})
    out = tmp_path / "out"
    build_site(root, out, TODAY)
    page = (out / "events/evil/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "onerror" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;/script&gt;&lt;b&gt;" in page
    data = json_ld(page)
    assert data["name"] == "<script>alert(1)</script> & </script><b>"
    listing = (out / "calendar/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in listing


@pytest.mark.parametrize("kind, folder", [("event", "events"), ("notice", "content/notices")])
def test_new_event_and_notice_skeletons_validate_cleanly(make_site, kind: str, folder: str) -> None:
    root = make_site()
    day = ["--today", TODAY.isoformat()]
    result = CliRunner().invoke(main, ["new", kind, "Winter Coffee Morning", "--root", str(root),
                                       *day])
    assert result.exit_code == 0, result.output
    text = (root / folder / "winter-coffee-morning.md").read_text(encoding="utf-8")
    assert 'title: "Winter Coffee Morning"' in text
    assert f'posted: "{TODAY.isoformat()}"' in text
    assert '"providers/hub"' in text  # a real organiser from the repository
    check = CliRunner().invoke(main, ["validate", "--root", str(root), *day])
    assert check.stdout == "0 errors, 0 warnings: content passes\n", check.stdout
    if kind == "event":
        assert 'start: "2026-12-08 10:00"' in text  # a fortnight ahead, never already past
        assert "# recurrence:\n#   frequency: \"weekly\"\n#   count: 8" in text


def test_sample_calendar_is_as_rich_as_the_issue_asks() -> None:
    from collections import Counter

    from thin_build.build import check_site
    from thin_build.calendar.occurrences import occurrences
    cat, _ = check_site(REPO, TODAY)
    horizon = TODAY + dt.timedelta(days=92)
    coming = [e for e in cat.events if any(TODAY <= o.first_day <= horizon
                                           for o in occurrences(e))]
    assert len(coming) >= 25
    kinds = Counter(e.category for e in coming)
    assert kinds["training"] >= 8 and kinds["networking"] >= 3
    assert kinds["funding-information"] >= 2 and kinds["drop-in"] >= 3
    assert any(e.organiser.startswith("orgs/") for e in coming)
    weekly = [e for e in cat.events if e.recurrence and e.recurrence.frequency == "weekly"]
    assert weekly and any(e.category == "drop-in" for e in weekly)
    zones = {o.start.tzname() for e in cat.events for o in occurrences(e) if not o.all_day}
    assert zones == {"GMT", "BST"}
    crossing = [e for e in cat.events if e.recurrence and e.recurrence.frequency == "monthly"
                and {o.start.tzname() for o in occurrences(e)} == {"GMT", "BST"}]
    assert crossing, "a monthly series should cross the March clock change"
    assert any(e.all_day for e in cat.events)
    assert len(cat.notices) == 8
    assert sum(n.expires < TODAY for n in cat.notices) == 2
    for item in (*cat.events, *cat.notices):
        for url in filter(None, (getattr(item, "online", None), getattr(item, "booking", None),
                                 getattr(item, "link", None))):
            assert ".example.org/" in url, item.path
