"""Events and notices: every mistake is reported at its line, with how to fix it."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import TODAY
from thin_build.build import check_site


def event_file(**fields) -> str:
    """A valid event on top of the base site, with `fields` replaced (None removes one)."""
    data = {"title": "Coffee morning", "summary": "Tea and a chat.", "category": "training",
            "organiser": "providers/hub", "start": "2026-12-03 10:00", "end": '"12:00"',
            "venue": "\n  name: Hub Hall", "posted": "2026-11-20"}
    data |= fields
    lines = [f"{key}: {value}" for key, value in data.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\nCome along.\n"


def notice_file(**fields) -> str:
    data = {"title": "Volunteers wanted", "summary": "Help at the fair.",
            "posted_by": "orgs/bow-youth", "posted": "2026-11-20", "expires": "2026-12-20"}
    data |= fields
    lines = [f"{key}: {value}" for key, value in data.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\n"


def problems_for(make_site, files: dict[str, str]) -> list[str]:
    _catalogue, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems]


def test_a_valid_event_and_notice_pass(make_site) -> None:
    assert problems_for(make_site, {"events/coffee.md": event_file(),
                                    "content/notices/fair.md": notice_file()}) == []


@pytest.mark.parametrize("fields, expected", [
    ({"end": '"09:00"'}, "events/e.md:7:1: error[end-before-start]: ends at 09:00, before it "
     "starts at 2026-12-03 10:00; for an event past midnight give the end's date too"),
    ({"end": "2026-12-02 18:00"}, "error[end-before-start]: ends at 2026-12-02 18:00, before"),
    ({"end": "2026-12-03"}, "error[end-before-start]: give the end as a time"),
    ({"start": "2026-12-03", "end": '"12:00"'}, "error[end-before-start]: an all-day event "
     "(its `start` is a date) ends on a date: its last day, e.g. `end: 2026-12-03`"),
    ({"start": "2026-12-03", "end": "2026-12-01"}, "error[end-before-start]: ends on "
     "2026-12-01, before it starts on 2026-12-03"),
    ({"start": "2027-03-28 01:30"}, "events/e.md:6:8: error[clock-change]: `start`: "
     "2027-03-28 01:30 does not exist in London"),
    ({"start": "2026-10-25 01:15", "end": '"03:00"'}, "error[clock-change]: `start`: "
     "2026-10-25 01:15 happens twice in London"),
    ({"start": "2026-12-03T10:00Z"}, "error[bad-date]: `start`: '2026-12-03T10:00Z' has a "
     "time zone; write London time without one"),
    ({"start": "2026-02-30 10:00"}, "error[bad-date]: `start`: 2026-02-30 is not a real date"),
    ({"end": '"25:00"'}, "error[bad-time]: `end`: '25:00' is not a time of day"),
    ({"organiser": "providers/hbu"}, "events/e.md:5:12: error[unknown-organiser]: "
     "`organiser`: 'providers/hbu' is not an organisation (orgs/<slug>) or a support provider "
     "(providers/<slug>); did you mean `providers/hub` or `providers/payroll-bureau`?"),
    ({"organiser": "hub"}, "did you mean `providers/hub`?"),
    ({"organiser": "orgs/hub"}, "did you mean `providers/hub`?"),
    ({"organiser": "Bow Youth Project"}, "did you mean `orgs/bow-youth` (the slug of 'Bow Youth "
     "Project')?"),
    ({"category": "trainign"}, "error[unknown-ref]: `category`: 'trainign' is not in "
     "content/taxonomies/event-categories.yaml; did you mean `training`?"),
    ({"venue": None}, "events/e.md:1:1: error[required]: say where it happens: give a "
     "`venue`, an `online` link, or both"),
    ({"online": "javascript:alert(1)"}, "error[bad-url]: `online`"),
    ({"booking": '"https://book.example.org/a\\nX-Evil: 1"'}, "error[bad-url]: `booking`"),
    ({"posted": "2026-12-01"}, "error[future-date]: `posted` 2026-12-01 is in the future"),
])
def test_event_mistakes_are_located(make_site, fields: dict, expected: str) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(**fields)})
    assert any(expected in problem for problem in found), found


def test_organiser_name_lookup_lists_the_org(make_site) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(organiser="orgs/bow-yuoth")})
    assert found == ["events/e.md:5:12: error[unknown-organiser]: `organiser`: 'orgs/bow-yuoth' "
                     "is not an organisation (orgs/<slug>) or a support provider "
                     "(providers/<slug>); did you mean `orgs/bow-youth`?"]


def recurrence(*lines: str) -> str:
    return "\n" + "\n".join(f"  {line}" for line in lines)


@pytest.mark.parametrize("rule, expected", [
    (("frequency: weekly",), "events/e.md:12:3: error[bad-recurrence]: … give exactly one"),
    (("frequency: weekly", "count: 3", "until: 2026-12-31"), "error[bad-recurrence]: give "
     "exactly one of `until` (the last date) and `count` (how many times), so the series ends"),
    (("frequency: weekly", "until: 2026-11-30"), "error[bad-recurrence]: `until` 2026-11-30 "
     "is before the start, 2026-12-03"),
    (("frequency: weekly", "until: 2029-12-31"), "error[bad-recurrence]: a series may run for "
     "at most two years"),
    (("frequency: weekly", "days: [mon, tue]", "count: 4"), "error[bad-recurrence]: the "
     "start, 2026-12-03, is a Thursday, which is not in `days`"),
    (("frequency: weekly", "week: first", "count: 4"), "error[bad-recurrence]: `week` is for "
     "monthly series"),
    (("frequency: monthly", "week: first", "days: [thu, fri]", "count: 4"),
     "error[bad-recurrence]: with `week`, give exactly one day"),
    (("frequency: monthly", "week: last", "days: [thu]", "count: 4"), "error[bad-recurrence]: "
     "the start, 2026-12-03, is not the last Thursday of its month"),
    (("frequency: monthly", "days: [thu]", "count: 4"), "error[bad-recurrence]: a monthly "
     "series repeats on the start's date"),
    (("frequency: daily", "count: 4"), "error[bad-choice]: `recurrence.frequency`: 'daily' is "
     "not allowed"),
    (("frequency: weekly", "count: 0"), "error[bad-number]: `recurrence.count`: 0 is out of "
     "range (1 to 200)"),
    (("frequency: weekly", "interval: 13", "count: 2"), "error[bad-number]: "
     "`recurrence.interval`"),
    (("frequency: weekly", "count: 1", "skip_dates: [2026-12-03]"), "error[bad-recurrence]: "
     "every date of the series is in `skip_dates`"),
])
def test_recurrence_mistakes_are_located(make_site, rule: tuple, expected: str) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(recurrence=recurrence(*rule))})
    head, _, tail = expected.partition("… ")
    assert any(head in problem and tail in problem for problem in found), found


def test_monthly_on_the_31st_is_refused(make_site) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(
        start="2026-12-31 10:00", recurrence=recurrence("frequency: monthly", "count: 3"))})
    assert any("not every month has a 31th" in p or "not every month has a 31" in p
               for p in found), found


def test_a_skipped_date_that_is_not_in_the_series_is_a_warning(make_site) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(recurrence=recurrence(
        "frequency: weekly", "count: 4", "skip_dates: [2026-12-10, 2026-12-11]"))})
    assert found == ["events/e.md:14:3: warning[not-an-occurrence]: 2026-12-11 is in "
                     "`skip_dates` but the series does not run that day; check the date"]


def test_a_series_time_the_clocks_skip_is_an_error(make_site) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(
        start="2027-03-21 01:30", end='"02:30"',
        recurrence=recurrence("frequency: weekly", "count: 2"))})
    assert found == ["events/e.md:11:1: error[clock-change]: a time in the series is unusable: "
                     "2027-03-28 01:30 does not exist in London: the clocks go forward an hour "
                     "that night; choose another time"]


def test_notice_dates(make_site) -> None:
    before = problems_for(make_site, {"content/notices/n.md": notice_file(expires="2026-11-01")})
    assert before == ["content/notices/n.md:6:1: error[expires-before-posted]: expires on "
                      "2026-11-01, before it is posted on 2026-11-20"]
    expired = problems_for(make_site, {"content/notices/n.md": notice_file(
        posted="2026-10-01", expires="2026-11-23")})
    assert expired == ["content/notices/n.md:6:1: warning[expired]: expired on 2026-11-23, so it "
                       "is no longer shown; delete the file or give a later `expires` date"]
    assert problems_for(make_site, {"content/notices/n.md": notice_file(
        posted="2026-10-01", expires="2026-11-24")}) == []  # the last day is still shown


def test_flyers(make_site) -> None:
    png = (b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    files = {"content/media/flyers/fair.png": png, "content/media/flyers/fair.pdf": b"%PDF-1.4\n"}
    image = notice_file(flyer="\n  file: flyers/fair.png")
    assert problems_for(make_site, files | {"content/notices/n.md": image}) == [
        "content/notices/n.md:8:3: error[missing-alt]: the flyer is an image: add `alt` with what "
        "it says, for people who cannot see it"]
    described = notice_file(flyer="\n  file: flyers/fair.png\n  alt: Winter fair, Saturday.")
    pdf = notice_file(flyer="\n  file: flyers/fair.pdf")
    assert problems_for(make_site, files | {"content/notices/n.md": described}) == []
    assert problems_for(make_site, files | {"content/notices/n.md": pdf}) == []
    missing = problems_for(make_site, files | {"content/notices/n.md": notice_file(
        flyer="\n  file: flyers/fare.pdf")})
    assert any("error[missing-file]" in p and "did you mean `flyers/fair.pdf`" in p
               for p in missing), missing
    outside = problems_for(make_site, {"content/notices/n.md": notice_file(
        flyer="\n  file: ../../etc/passwd.pdf")})
    assert any("error[bad-path]" in p for p in outside), outside
    svg = problems_for(make_site, {"content/notices/n.md": notice_file(
        flyer="\n  file: flyers/fair.svg")})
    assert any("error[bad-path]" in p and ".pdf" in p for p in svg), svg


def test_pdf_flyers_have_their_own_size_limit(make_site) -> None:
    big_pdf = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024 + 1)
    found = problems_for(make_site, {"content/media/flyers/big.pdf": big_pdf})
    assert found == ["content/media/flyers/big.pdf:1:1: error[file-too-large]: PDF flyers may "
                     "be at most 2048 KiB; make it smaller"]
    assert problems_for(make_site, {"content/media/flyers/ok.pdf": b"%PDF-1.4\n" + b"0" * 1_500_000}) == []


def test_duplicate_event_slugs_and_reserved_control_characters(make_site) -> None:
    found = problems_for(make_site, {"events/e.md": event_file(title='"Tea\\u0000time"')})
    assert any("error[control-char]" in p for p in found), found
    found = problems_for(make_site, {"events/e.md": event_file(title='"Tea\\ntime"')})
    assert any("error[multiline]: `title`: must be on one line" in p for p in found), found


def test_events_and_notices_reach_the_catalogue_sorted(make_site) -> None:
    cat, problems = check_site(make_site({"events/b.md": event_file(),
                                          "events/a.md": event_file(title="Earlier"),
                                          "content/notices/n.md": notice_file()}), TODAY)
    assert problems == []
    assert [e.slug for e in cat.events] == ["a", "b", "funding-surgery"]  # the base site's too
    assert cat.events[0].start == dt.datetime(2026, 12, 3, 10)
    assert cat.events[0].end == dt.time(12)
    assert cat.lookup("notices", "n").posted_by == "orgs/bow-youth"
    assert cat.lookup("events", "a").title == "Earlier"
