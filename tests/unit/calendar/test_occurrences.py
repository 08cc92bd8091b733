"""Recurrence: series expanded in London time, across both clock changes, with skipped dates."""
from __future__ import annotations

import datetime as dt

import pytest

from thin_build.calendar import model as calendar_model
from thin_build.calendar import occurrences as timeline
from thin_build.directory import model as directory_model

UTC = dt.timezone.utc


def event(start, end, recurrence=None, **extra) -> calendar_model.Event:
    fields = dict(slug="e", path="events/e.md", title="E", summary="S.", category="training",
                  organiser="providers/hub", start=start, end=end, posted=dt.date(2026, 11, 1),
                  recurrence=recurrence)
    return calendar_model.Event(**(fields | extra))


def weekly(**rule) -> calendar_model.Recurrence:
    return calendar_model.Recurrence(frequency="weekly", **rule)


def monthly(**rule) -> calendar_model.Recurrence:
    return calendar_model.Recurrence(frequency="monthly", **rule)


def utc_starts(found) -> list[str]:
    return [o.start.astimezone(UTC).strftime("%Y-%m-%d %H:%M") for o in found]


def test_weekly_series_keeps_london_wall_clock_across_the_march_change() -> None:
    """10:00 London is 10:00 UTC in GMT and 09:00 UTC once the clocks go forward (28 March)."""
    found = timeline.occurrences(event(dt.datetime(2027, 3, 14, 10), dt.time(12), weekly(count=4)))
    assert [o.start.strftime("%Y-%m-%d %H:%M %Z") for o in found] == [
        "2027-03-14 10:00 GMT", "2027-03-21 10:00 GMT", "2027-03-28 10:00 BST",
        "2027-04-04 10:00 BST"]
    assert utc_starts(found) == ["2027-03-14 10:00", "2027-03-21 10:00", "2027-03-28 09:00",
                                 "2027-04-04 09:00"]
    assert all(o.end - o.start == dt.timedelta(hours=2) for o in found)


def test_weekly_series_across_the_october_change() -> None:
    """The clocks go back on 25 October 2026: 18:00 London moves from 17:00 to 18:00 UTC."""
    found = timeline.occurrences(event(dt.datetime(2026, 10, 18, 18), dt.time(20),
                                     weekly(until=dt.date(2026, 11, 1))))
    assert utc_starts(found) == ["2026-10-18 17:00", "2026-10-25 18:00", "2026-11-01 18:00"]
    assert [o.end.astimezone(UTC).hour for o in found] == [19, 20, 20]


def test_until_is_inclusive_and_count_counts_skipped_dates() -> None:
    rule = weekly(days=("tue", "thu"), until=dt.date(2027, 4, 8),
                  skip_dates=(dt.date(2027, 3, 25),))
    found = timeline.occurrences(event(dt.datetime(2027, 3, 16, 10), dt.time(12), rule))
    assert [o.first_day.isoformat() for o in found] == [
        "2027-03-16", "2027-03-18", "2027-03-23", "2027-03-30", "2027-04-01", "2027-04-06",
        "2027-04-08"]
    counted = timeline.occurrences(event(dt.datetime(2026, 12, 1, 10), dt.time(11),
                                       weekly(count=3, skip_dates=(dt.date(2026, 12, 8),))))
    assert [o.first_day.day for o in counted] == [1, 15]  # RFC 5545: COUNT before EXDATE


def test_interval_makes_a_fortnightly_series() -> None:
    found = timeline.occurrences(event(dt.datetime(2026, 12, 3, 13), dt.time(15),
                                     weekly(interval=2, days=("thu",), count=3)))
    assert [o.first_day.isoformat() for o in found] == ["2026-12-03", "2026-12-17", "2026-12-31"]


def test_weekly_days_start_from_the_start_not_the_start_of_its_week() -> None:
    found = timeline.occurrences(event(dt.datetime(2026, 11, 25, 14), dt.time(16),
                                     weekly(days=("mon", "wed"), count=3)))
    assert [o.first_day.isoformat() for o in found] == ["2026-11-25", "2026-11-30", "2026-12-02"]


@pytest.mark.parametrize("week, day, expected", [
    ("first", "tue", ["2026-12-01", "2027-01-05", "2027-02-02", "2027-03-02", "2027-04-06"]),
    ("last", "fri", ["2026-11-27", "2026-12-25", "2027-01-29", "2027-02-26", "2027-03-26"]),
    ("fourth", "wed", ["2026-11-25", "2026-12-23", "2027-01-27", "2027-02-24", "2027-03-24"]),
])
def test_monthly_on_a_weekday_of_the_month(week: str, day: str, expected: list[str]) -> None:
    start = dt.datetime.fromisoformat(expected[0] + " 18:00")
    found = timeline.occurrences(event(start, dt.time(20),
                                     monthly(week=week, days=(day,), count=5)))
    assert [o.first_day.isoformat() for o in found] == expected


def test_monthly_on_the_date_crosses_into_bst() -> None:
    found = timeline.occurrences(event(dt.datetime(2026, 12, 15, 12, 30), dt.time(13, 30),
                                     monthly(count=5)))
    assert utc_starts(found) == ["2026-12-15 12:30", "2027-01-15 12:30", "2027-02-15 12:30",
                                 "2027-03-15 12:30", "2027-04-15 11:30"]


def test_all_day_events_are_dates_and_keep_their_length() -> None:
    one = timeline.occurrences(event(dt.date(2026, 12, 12), dt.date(2026, 12, 12)))
    assert [(o.start, o.end, o.all_day) for o in one] == [
        (dt.date(2026, 12, 12), dt.date(2026, 12, 12), True)]
    series = timeline.occurrences(event(dt.date(2027, 3, 27), dt.date(2027, 3, 28),
                                      weekly(count=3, skip_dates=(dt.date(2027, 4, 3),))))
    assert [(o.first_day.isoformat(), o.last_day.isoformat()) for o in series] == [
        ("2027-03-27", "2027-03-28"), ("2027-04-10", "2027-04-11")]


def test_excluded_dates_drop_out_and_between_selects_by_day() -> None:
    rule = weekly(until=dt.date(2027, 1, 5), skip_dates=(dt.date(2026, 12, 22),
                                                        dt.date(2026, 12, 29)))
    found = timeline.occurrences(event(dt.datetime(2026, 12, 1, 10), dt.time(12), rule))
    assert [o.first_day.day for o in found] == [1, 8, 15, 5]
    window = timeline.between(found, dt.date(2026, 12, 8), dt.date(2026, 12, 31))
    assert [o.first_day.isoformat() for o in window] == ["2026-12-08", "2026-12-15"]


def test_an_end_time_joins_the_start_day_and_a_full_end_may_be_the_next_day() -> None:
    assert timeline.first_span(event(dt.datetime(2026, 12, 3, 10), dt.time(12)))[1] == \
        dt.datetime(2026, 12, 3, 12)
    overnight = timeline.occurrences(event(dt.datetime(2026, 12, 31, 21), dt.datetime(2027, 1, 1, 1)))
    assert (overnight[0].first_day, overnight[0].last_day) == (dt.date(2026, 12, 31),
                                                               dt.date(2027, 1, 1))
    midnight = timeline.occurrences(event(dt.datetime(2026, 12, 31, 21), dt.datetime(2027, 1, 1)))
    assert midnight[0].last_day == dt.date(2026, 12, 31)


def test_times_the_clocks_skip_or_repeat_are_named() -> None:
    assert "does not exist" in timeline.local_time_problem(dt.datetime(2027, 3, 28, 1, 30))
    assert "happens twice" in timeline.local_time_problem(dt.datetime(2026, 10, 25, 1, 30))
    assert timeline.local_time_problem(dt.datetime(2027, 3, 28, 2, 0)) is None
    assert timeline.local_time_problem(dt.datetime(2026, 10, 25, 2, 0)) is None


def test_a_runaway_rule_is_capped() -> None:
    rule = weekly(days=directory_model.DAYS, until=dt.date(2040, 1, 1))
    dates = timeline.rule_dates(event(dt.datetime(2026, 12, 1, 9), dt.time(10), rule))
    assert len(dates) <= timeline.MAX_COUNT * 4
    assert dates[-1] <= dt.date(2026, 12, 1) + dt.timedelta(days=timeline.MAX_SERIES_DAYS)


def test_sort_order_puts_all_day_first_then_by_time() -> None:
    day = dt.date(2026, 12, 12)
    items = [timeline.occurrences(event(dt.datetime(2026, 12, 12, 14), dt.time(15), title="B"))[0],
             timeline.occurrences(event(day, day, title="Z", slug="z"))[0],
             timeline.occurrences(event(dt.datetime(2026, 12, 12, 9), dt.time(10), title="C"))[0]]
    assert [o.event.title for o in sorted(items, key=timeline.Occurrence.sort_key)] == ["Z", "C", "B"]


def test_notices_are_current_from_posted_to_expires_inclusive() -> None:
    notice = calendar_model.Notice(slug="n", path="content/notices/n.md", title="N", summary="S.",
                          posted_by="orgs/x", posted=dt.date(2026, 11, 1),
                          expires=dt.date(2026, 11, 30))
    assert [timeline.notice_is_current(notice, dt.date(2026, 11, d)) for d in (1, 30)] == [True, True]
    assert not timeline.notice_is_current(notice, dt.date(2026, 12, 1))
    assert not timeline.notice_is_current(notice, dt.date(2026, 10, 31))
