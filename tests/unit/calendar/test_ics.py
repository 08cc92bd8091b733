"""iCalendar feeds: three independent parsers agree on every instance, text survives.

Python's `icalendar` (with dateutil expanding the RRULE, in the time zone built from
the feed's own VTIMEZONE), Node's `node-ical` (IANA zone data) and `ical.js` (the
feed's VTIMEZONE, as Thunderbird does) must give the same UTC start and end for every
instance in the window, and the same as the build's own expansion (`agenda`).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import icalendar
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import REPO, TODAY
from thin_build.build import build_site
from thin_build.calendar import ics
from thin_build.calendar import model as calendar_model
from thin_build.calendar import occurrences as timeline
from thin_build.calendar import pages as calendar_pages

UTC = dt.timezone.utc
NODE_SCRIPT = REPO / "tests" / "js" / "ics_instances.mjs"
WINDOW = (dt.datetime(2026, 9, 1, tzinfo=UTC), dt.datetime(2027, 7, 1, tzinfo=UTC))


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("calendar") / "site"
    build_site(REPO, out, TODAY)
    return out


def _stamp(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def python_instances(data: bytes, start: dt.datetime, end: dt.datetime) -> list[list[str]]:
    """Instances per Python's icalendar, expanded by dateutil in the feed's VTIMEZONE."""
    calendar = icalendar.Calendar.from_ical(data)
    zones = {str(tz["TZID"]): tz.to_tz(lookup_tzid=False) for tz in calendar.walk("VTIMEZONE")}
    found = []
    for event in calendar.walk("VEVENT"):
        first = event["DTSTART"]
        begin, finish = first.dt, event["DTEND"].dt
        if isinstance(begin, dt.datetime):
            zone = zones[first.params["TZID"]]
            begin = begin.replace(tzinfo=zone)
            finish = finish.replace(tzinfo=zone)
            length = finish.astimezone(UTC) - begin.astimezone(UTC)
        else:
            length = finish - begin
        excluded = set()
        for exdate in event.get("EXDATE", []) if isinstance(event.get("EXDATE"), list) else (
                [event["EXDATE"]] if "EXDATE" in event else []):
            excluded |= {d.dt.replace(tzinfo=None) if isinstance(d.dt, dt.datetime) else d.dt
                         for d in exdate.dts}
        if "RRULE" in event:
            anchor = begin if isinstance(begin, dt.datetime) else dt.datetime.combine(begin, dt.time())
            starts = list(rrulestr(event["RRULE"].to_ical().decode(), dtstart=anchor))
            if not isinstance(begin, dt.datetime):
                starts = [s.date() for s in starts]
        else:
            starts = [begin]
        for moment in starts:
            key = moment.replace(tzinfo=None) if isinstance(moment, dt.datetime) else moment
            if key in excluded:
                continue
            if isinstance(moment, dt.datetime):
                stop = (moment.astimezone(UTC) + length)
            else:
                stop = moment + length
            as_utc = (lambda v: v.astimezone(UTC)) if isinstance(moment, dt.datetime) else (
                lambda v: dt.datetime.combine(v, dt.time(), UTC))
            if as_utc(moment) < end and as_utc(stop) > start:
                found.append([str(event["UID"]), _stamp(moment), _stamp(stop)])
    return sorted(found, key=lambda item: (item[1], item[0]))


def agenda_instances(events, start: dt.datetime, end: dt.datetime, cat) -> list[list[str]]:
    """The build's own expansion in the same form (all-day ends exclusive, as DTEND)."""
    found = []
    for event in events:
        for o in timeline.occurrences(event):
            stop = o.end if not o.all_day else o.end + dt.timedelta(days=1)
            first = o.start if not o.all_day else dt.datetime.combine(o.start, dt.time(), UTC)
            last = stop if not o.all_day else dt.datetime.combine(stop, dt.time(), UTC)
            if first < end and last > start:
                found.append([ics.uid(cat, event), _stamp(o.start), _stamp(stop)])
    return sorted(found, key=lambda item: (item[1], item[0]))


def node_results(path: Path, start: dt.datetime, end: dt.datetime) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed for the iCalendar parser tests (`./run test` installs it)")
    if not (REPO / "node_modules" / "ical.js").is_dir():
        pytest.fail("node_modules/ical.js is missing: run `npm ci`")
    run = subprocess.run([node, str(NODE_SCRIPT), str(path), _stamp(start), _stamp(end)],
                         capture_output=True, text=True, timeout=120, check=False,
                         env={**os.environ, "TZ": "UTC"})
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def assert_three_parsers_agree(path: Path, cat, events) -> int:
    data = path.read_bytes()
    python = python_instances(data, *WINDOW)
    node = node_results(path, *WINDOW)
    expected = agenda_instances(events, *WINDOW, cat)
    assert python == expected
    assert node["node-ical"]["instances"] == expected
    assert node["ical.js"]["instances"] == expected
    return len(expected)


def test_the_whole_calendar_parses_identically_in_three_parsers(sample_site: Path) -> None:
    from thin_build.build import check_site
    cat, _ = check_site(REPO, TODAY)
    feed_events = [e for e in cat.events
                   if timeline.series_last_day(e) >= TODAY - dt.timedelta(
                       days=calendar_pages.FEED_HISTORY_DAYS)]
    count = assert_three_parsers_agree(sample_site / "calendar.ics", cat, feed_events)
    assert count > 60  # the weekly and monthly series expand to many instances
    in_bst = [i for i in agenda_instances(feed_events, *WINDOW, cat) if i[1] >= "2027-03-28"]
    assert in_bst, "the sample must have instances after the clocks go forward"


EDGE_EVENTS = {
    # weekly across the October change (the base site's window starts before it)
    "events/october.md": ("start: 2026-10-18 18:00\nend: \"20:00\"\nrecurrence:\n"
                          "  frequency: weekly\n  until: 2026-11-08\n  skip_dates: [2026-11-01]"),
    # monthly on the last Friday, across the March change
    "events/last-friday.md": ("start: 2027-01-29 12:00\nend: \"14:00\"\nrecurrence:\n"
                              "  frequency: monthly\n  week: last\n  days: [fri]\n  count: 5"),
    # fortnightly on two days, crossing the March change, with an excluded date
    "events/fortnightly.md": ("start: 2027-03-15 09:30\nend: \"11:00\"\nrecurrence:\n"
                              "  frequency: weekly\n  interval: 2\n  days: [mon, fri]\n"
                              "  until: 2027-04-30\n  skip_dates: [2027-03-29]"),
    # all-day, two days long, weekly, with an excluded date
    "events/weekend.md": ("start: 2027-03-27\nend: 2027-03-28\nrecurrence:\n"
                          "  frequency: weekly\n  count: 3\n  skip_dates: [2027-04-03]"),
    # overnight, ending after midnight, on the night the clocks go back
    "events/overnight.md": "start: 2026-10-24 22:00\nend: 2026-10-25 06:00",
    # monthly on the date, by interval
    "events/quarterly.md": ("start: 2026-12-10 19:00\nend: \"21:00\"\nrecurrence:\n"
                            "  frequency: monthly\n  interval: 3\n  until: 2027-06-30"),
    # a one-off all-day event
    "events/fair.md": "start: 2026-12-12\nend: 2026-12-12",
}


def edge_event(slug: str, when: str) -> str:
    return (f"---\ntitle: Edge {slug}\nsummary: An edge case.\ncategory: training\n"
            f"organiser: providers/hub\n{when}\nvenue:\n  name: Hall\nposted: 2026-09-01\n---\n")


def test_edge_cases_parse_identically_in_three_parsers(make_site, tmp_path: Path) -> None:
    from thin_build.build import check_site
    root = make_site({path: edge_event(Path(path).stem, when) for path, when in EDGE_EVENTS.items()})
    cat, problems = check_site(root, TODAY)
    assert cat is not None, problems
    out = tmp_path / "out"
    build_site(root, out, TODAY)
    assert assert_three_parsers_agree(out / "calendar.ics", cat, cat.events) > 20
    overnight = [i for i in python_instances((out / "calendar.ics").read_bytes(), *WINDOW)
                 if i[0].startswith("event-overnight@")]
    assert overnight == [["event-overnight@portal.example.org", "2026-10-24T21:00:00Z",
                          "2026-10-25T06:00:00Z"]]  # nine hours: the clocks went back
    for event in cat.events:  # each event's own file agrees too
        assert_three_parsers_agree(out / f"events/{event.slug}.ics", cat, [event])


def tricky_event(title: str, summary: str = "Commas, semicolons; backslash \\ done.") -> calendar_model.Event:
    return calendar_model.Event(slug="tricky", path="events/tricky.md", title=title, summary=summary,
                       category="training", organiser="providers/hub",
                       start=dt.datetime(2026, 12, 3, 10), end=dt.time(12),
                       posted=dt.date(2026, 11, 1),
                       venue=calendar_model.Venue(name="Hall; the \"big\" one, upstairs",
                                         address="1 Road\nLondon"),
                       body=None)


@pytest.fixture(scope="module")
def base_catalogue():
    from tests.helpers import BASE_SITE
    from thin_build.build import check_site
    cat, _ = check_site(BASE_SITE, TODAY)
    return cat


def test_text_with_newline_comma_semicolon_and_backslash_round_trips(base_catalogue,
                                                                     tmp_path: Path) -> None:
    title = "Line one\nline two, with; semi\\colon and ünïcødé ☕"
    data = ics.single_event(base_catalogue, tricky_event(title))
    assert b"SUMMARY:Line one\\nline two\\, with\\; semi\\\\colon" in data
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == title
    assert str(parsed["LOCATION"]) == "Hall; the \"big\" one, upstairs, 1 Road, London"
    path = tmp_path / "tricky.ics"
    path.write_bytes(data)
    node = node_results(path, *WINDOW)
    for parser in ("node-ical", "ical.js"):
        summary, description, location = node[parser]["text"]["event-tricky@portal.example.org"]
        assert summary == title, parser
        assert location == str(parsed["LOCATION"]), parser
        assert description.startswith("Commas, semicolons; backslash \\ done.\n\n"), parser


def test_lines_are_folded_at_75_octets_without_splitting_characters(sample_site: Path,
                                                                     base_catalogue) -> None:
    long_title = "Þrjú " + "ünïcødé ☕ " * 30
    feeds = [ics.single_event(base_catalogue, tricky_event(long_title, "x" * 500)),
             (sample_site / "calendar.ics").read_bytes()]
    for data in feeds:
        assert data.endswith(b"\r\n")
        lines = data[:-2].split(b"\r\n")
        assert all(len(line) <= 75 for line in lines), max(lines, key=len)
        assert b"\n" not in data.replace(b"\r\n", b"")  # no bare line feeds
        assert any(line.startswith(b" ") for line in lines)  # something was folded
        for line in lines:
            line.decode("utf-8")  # each physical line is whole UTF-8
    unfolded = feeds[0].replace(b"\r\n ", b"").decode("utf-8")
    assert long_title.replace(",", "\\,") in unfolded


def test_uids_are_stable_unique_and_from_the_slug(sample_site: Path, tmp_path: Path) -> None:
    feed = (sample_site / "calendar.ics").read_bytes().decode("utf-8")
    uids = re.findall(r"^UID:(.*)\r$", feed, re.MULTILINE)
    assert len(uids) == len(set(uids)) > 20
    assert all(re.fullmatch(r"event-[a-z0-9-]+@portal\.example\.org", uid) for uid in uids)
    again = tmp_path / "again"
    build_site(REPO, again, TODAY)
    assert (again / "calendar.ics").read_bytes() == (sample_site / "calendar.ics").read_bytes()
    assert b"DTSTAMP:20261112T000000Z" in (sample_site / "events/vcs-forum.ics").read_bytes()


def test_a_feed_spliced_from_written_events_is_the_calendar_s_own_text(base_catalogue) -> None:
    """`feed` writes each VEVENT once and splices it in; the bytes must be exactly what
    icalendar writes for the whole calendar, and a VEVENT already written is reused."""
    cat = base_catalogue
    events = sorted(cat.events, key=lambda e: e.slug)
    whole = ics.new_calendar(cat, "All", "Every event", "/events/")
    whole.add_component(ics.london_vtimezone(*ics._years(events)))
    for event in events:
        whole.add_component(ics.vevent(cat, event))
    written: dict[str, bytes] = {}
    assert ics.feed(cat, reversed(events), "All", "Every event", "/events/",
                    written) == whole.to_ical()
    assert set(written) == {event.slug for event in events}
    written[events[0].slug] = b"BEGIN:VEVENT\r\nUID:reused\r\nEND:VEVENT\r\n"
    assert b"UID:reused" in ics.feed(cat, events[:1], "One", "One", "/events/", written)


def test_line_breaks_can_never_reach_a_uid_or_url(base_catalogue) -> None:
    with pytest.raises(ValueError, match="line break"):
        ics.uid(base_catalogue, tricky_event("T").__class__(
            **{**tricky_event("T").__dict__, "slug": "a\r\nX-EVIL:1"}))
    with pytest.raises(ValueError, match="line break"):
        ics._single_line("https://example.org/\nX", "URL")


def test_the_vtimezone_covers_only_the_feed_years_with_real_transition_times() -> None:
    text = ics.london_vtimezone(2026, 2027).to_ical().decode()
    observances = re.findall(r"BEGIN:(STANDARD|DAYLIGHT)\r\nDTSTART:(\d+T\d+)\r\n"
                             r"TZNAME:(\w+)\r\nTZOFFSETFROM:([+-]\d+)\r\nTZOFFSETTO:([+-]\d+)", text)
    assert observances == [
        ("STANDARD", "20260101T000000", "GMT", "+0000", "+0000"),  # from the range's first day
        ("DAYLIGHT", "20260329T010000", "BST", "+0000", "+0100"),  # forward at 01:00 GMT
        ("STANDARD", "20261025T020000", "GMT", "+0100", "+0000"),  # back at 02:00 BST
        ("DAYLIGHT", "20270328T010000", "BST", "+0000", "+0100"),
        ("STANDARD", "20271031T020000", "GMT", "+0100", "+0000"),
    ]
    assert "RDATE" not in text and "RRULE" not in text  # ical.js reads plain DTSTARTs alike


def test_per_category_and_organiser_feeds_hold_only_their_events(sample_site: Path) -> None:
    training = (sample_site / "calendar/categories/training.ics").read_text()
    assert "UID:event-first-funding-bid@" in training
    assert "UID:event-vcs-forum@" not in training
    organiser = (sample_site / "calendar/providers/grantwise-east.ics").read_text()
    assert set(re.findall(r"^UID:event-([a-z0-9-]+)@", organiser, re.MULTILINE)) == {
        "tuesday-funding-drop-in", "first-funding-bid"}
    assert "X-WR-CALNAME:Grantwise East: events" in organiser
    whole = (sample_site / "calendar.ics").read_text()
    assert "UID:event-autumn-trustee-induction@" in whole  # finished within three months


printable = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")),
                    min_size=1, max_size=300).filter(lambda s: s.strip() == s and s)


@settings(max_examples=60, deadline=None)
@given(title=printable, summary=st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp"),
                  exclude_characters="\r\x00\x0b\x0c"), min_size=1, max_size=400))
def test_any_text_round_trips_and_every_line_fits(title: str, summary: str) -> None:
    """Property: whatever the text, it comes back as typed and no line passes 75 octets."""
    data = ics.single_event(_base_catalogue(), tricky_event(title, summary))
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    parsed = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(parsed["SUMMARY"]) == title
    assert str(parsed["DESCRIPTION"]).startswith(summary + "\n\n")



@functools.cache
def _base_catalogue():
    """The base site's catalogue, read once for the property's many examples."""
    from tests.helpers import BASE_SITE
    from thin_build.build import check_site
    return check_site(BASE_SITE, TODAY)[0]
