"""The deadlines calendar and the new-opportunities feed, read by real parsers.

The iCalendar file goes through the three parsers the calendar's tests use (Python
icalendar in the feed's own VTIMEZONE, node-ical with IANA data, ical.js with the
VTIMEZONE), which must agree with the deadlines as written, in UTC, across the
clock change; the Atom feed goes through feedparser.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from tests.helpers import REPO, TODAY
from tests.unit.calendar.test_ics import WINDOW, node_results, python_instances
from thin_build.build import build_site, check_site
from thin_build.commissioning import feeds
from thin_build.commissioning.pages import open_and_closed

LONDON = ZoneInfo("Europe/London")
UTC = dt.timezone.utc


def expected_instances(catalogue, items) -> list[list[str]]:
    """Each deadline as written: all day (end exclusive) or a moment, in UTC."""
    found = []
    for item in items:
        if isinstance(item.deadline, dt.datetime):
            moment = item.deadline.replace(tzinfo=LONDON).astimezone(UTC)
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
            found.append([feeds.uid(catalogue, item), stamp, stamp])
        else:
            found.append([feeds.uid(catalogue, item), item.deadline.isoformat(),
                          (item.deadline + dt.timedelta(days=1)).isoformat()])
    return sorted(found, key=lambda entry: (entry[1], entry[0]))


def opportunity(deadline: str, title: str = "T") -> str:
    return (f"---\ntitle: {title}\nsummary: \"Commas, semicolons; backslash \\\\ done.\"\n"
            f"funder: F\nposted: 2026-11-01\ndeadline: {deadline}\n"
            "link: https://f.example.org/\n---\n")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("commissioning") / "site"
    build_site(REPO, out, TODAY)
    catalogue, _ = check_site(REPO, TODAY)
    return catalogue, out


def test_sample_deadlines_parse_identically_in_three_parsers(sample) -> None:
    catalogue, site = sample
    path = site / "opportunities" / "deadlines.ics"
    still_open, closed = open_and_closed(catalogue, TODAY)
    expected = expected_instances(catalogue, still_open)
    assert len(expected) == 4 and closed  # the closed one is not in the feed
    assert python_instances(path.read_bytes(), *WINDOW) == expected
    node = node_results(path, *WINDOW)
    assert node["node-ical"]["instances"] == expected
    assert node["ical.js"]["instances"] == expected


def test_deadlines_either_side_of_the_clock_change_and_awkward_text(make_site,
                                                                    tmp_path: Path) -> None:
    root = make_site({
        "content/opportunities/winter-noon.md": opportunity("2027-03-26 12:00"),
        "content/opportunities/summer-noon.md": opportunity("2027-03-29 12:00"),
        "content/opportunities/late-evening.md": opportunity("2026-12-01 23:30"),
        "content/opportunities/all-day.md": opportunity("2027-04-30", title="Arts, crafts; more"),
    })
    out = tmp_path / "site"
    build_site(root, out, TODAY)
    catalogue, _ = check_site(root, TODAY)
    path = out / "opportunities" / "deadlines.ics"
    expected = expected_instances(catalogue, open_and_closed(catalogue, TODAY)[0])
    assert len(expected) == 5
    assert [e[1] for e in expected if e[0].startswith("opportunity-s")] == [
        "2027-03-29T11:00:00Z"]  # BST: noon is 11:00 UTC
    assert python_instances(path.read_bytes(), *WINDOW) == expected
    node = node_results(path, *WINDOW)
    assert node["node-ical"]["instances"] == expected
    assert node["ical.js"]["instances"] == expected
    uid = "opportunity-all-day@portal.example.org"
    for parser in ("node-ical", "ical.js"):
        summary, description, _location = node[parser]["text"][uid]
        assert summary == "Deadline: Arts, crafts; more"
        assert description.startswith("Commas, semicolons; backslash \\ done.\n\nFunder: F.")


def test_uids_and_stamps_come_from_content_not_the_clock(sample, tmp_path: Path) -> None:
    catalogue, site = sample
    calendar = icalendar.Calendar.from_ical((site / "opportunities/deadlines.ics").read_bytes())
    assert str(calendar["PRODID"]) == "-//THIN Portal//Opportunity deadlines//EN"
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    still_open, _ = open_and_closed(catalogue, TODAY)
    for item in still_open:
        event = events[f"opportunity-{item.slug}@portal.example.org"]
        assert event["DTSTAMP"].dt == dt.datetime.combine(item.posted, dt.time(), UTC)
        assert str(event["URL"]) == f"https://portal.example.org/opportunities/{item.slug}/"
    later = tmp_path / "later"
    build_site(REPO, later, TODAY + dt.timedelta(days=1))
    assert (later / "opportunities/deadlines.ics").read_bytes() == (
        site / "opportunities/deadlines.ics").read_bytes()  # same open set, same bytes


def test_the_atom_feed_lists_open_opportunities_newest_first(sample) -> None:
    catalogue, site = sample
    parsed = feedparser.parse((site / "opportunities" / "feed.atom").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title == "THIN Portal: new opportunities"
    assert parsed.feed.id == "https://portal.example.org/opportunities/feed.atom"
    assert [link.href for link in parsed.feed.links] == [
        "https://portal.example.org/opportunities/feed.atom",
        "https://portal.example.org/opportunities/"]
    still_open, _ = open_and_closed(catalogue, TODAY)
    newest = sorted(still_open, key=lambda o: (-o.posted.toordinal(), o.slug))
    assert [entry.id for entry in parsed.entries] == [
        f"https://portal.example.org/opportunities/{o.slug}/" for o in newest]
    assert parsed.feed.updated == f"{newest[0].posted}T00:00:00Z"
    first = parsed.entries[0]
    assert (first.title, first.published, first.author) == (
        newest[0].title, f"{newest[0].posted}T00:00:00Z", newest[0].funder)
    assert first.summary.startswith("Closes ")
    assert "winter-activity-small-grants" not in (site / "opportunities/feed.atom").read_text()
