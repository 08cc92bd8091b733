"""Opportunity pages: days left in words, the archive at the build's date, the email link."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import BASE_SITE, TODAY, inputs_for
from thin_build.build import build_site, check_site
from thin_build.commissioning import model, pages, views
from thin_build.directory.listing_pages import PROVIDER_PAGE, contributed_parts


@pytest.fixture(scope="module")
def base():
    catalogue, problems = check_site(BASE_SITE, TODAY)
    assert catalogue is not None, problems
    return catalogue


def _plans(catalogue, today: dt.date) -> dict:
    return {plan.url: plan for plan in pages.opportunity_pages(inputs_for(catalogue, today))}


@pytest.mark.parametrize("days, text", [
    (-30, "closed on 25 October 2026"), (-1, "closed on 23 November 2026"),
    (0, "closes today"), (1, "closes tomorrow"), (2, "closes in 2 days"),
    (12, "closes in 12 days"), (400, "closes in 400 days"),
])
def test_days_left_in_words_at_the_boundaries(days, text) -> None:
    assert views.closing_text(TODAY + dt.timedelta(days=days), TODAY) == text


@pytest.mark.parametrize("value, text", [
    (model.Value(low=25000), "£25,000"), (model.Value(low=500), "£500"),
    (model.Value(low=10000, high=1_250_000), "£10,000 to £1,250,000"),
])
def test_money_is_shown_with_pounds_and_commas(value, text) -> None:
    assert views.money(value) == text


def test_open_and_closed_at_the_build_date(base) -> None:
    plans = _plans(base, TODAY)
    listed = [item.slug for item in plans["/opportunities/"].data["items"]]
    archived = [item.slug for item in plans["/opportunities/archive/"].data["items"]]
    assert (listed, archived) == (["youth-grants"], ["food-contract"])
    youth = plans["/opportunities/"].data["items"][0]
    assert (youth.closing, youth.deadline, youth.deadline_iso) == (
        "closes in 10 days", "Friday 4 December 2026, 12:00", "2026-12-04T12:00")
    assert plans["/opportunities/food-contract/"].data["item"].closing == (
        "closed on 20 November 2026")


def test_an_opportunity_is_open_all_its_last_day_and_archived_the_day_after(base) -> None:
    last_day = _plans(base, dt.date(2026, 12, 4))
    assert [i.closing for i in last_day["/opportunities/"].data["items"]] == ["closes today"]
    after = _plans(base, dt.date(2026, 12, 5))
    assert after["/opportunities/"].data["items"] == ()
    assert [i.slug for i in after["/opportunities/archive/"].data["items"]] == [
        "youth-grants", "food-contract"]  # the most recently closed first
    closed = after["/opportunities/youth-grants/"].data["item"]
    assert closed.closed and closed.joint_bid_email is None  # no bids after the deadline


def test_soonest_deadline_first_and_a_noon_deadline_before_the_end_of_its_day(make_site) -> None:
    def opportunity(deadline: str) -> str:
        return ("---\ntitle: T\nsummary: S.\nfunder: F\nposted: 2026-11-01\n"
                f"deadline: {deadline}\nlink: https://f.example.org/\n---\n")
    root = make_site({"content/opportunities/a-late.md": opportunity("2026-12-20"),
                      "content/opportunities/b-all-day.md": opportunity("2026-12-10"),
                      "content/opportunities/c-noon.md": opportunity("2026-12-10 12:00")})
    catalogue, _ = check_site(root, TODAY)
    listed = _plans(catalogue, TODAY)["/opportunities/"].data["items"]
    assert [item.slug for item in listed] == ["youth-grants", "c-noon", "b-all-day", "a-late"]


def _email(catalogue, **changes) -> str | None:
    item = catalogue.lookup("opportunities", "youth-grants")
    return views.joint_bid_email(catalogue, model.Opportunity(**{**vars(item), **changes}))


@pytest.mark.parametrize("name, email, title", [
    ("Sam Example", "bids@bow-youth.example.org", "Youth activity grants"),
    ("Ayesha & Tom", "a&b?c=d#e@example.org", "Arts & crafts: 50% match; apply?"),
    ("Zoë Ní Bhriain", "bids@example.org", "ইয়ুথ গ্রান্ট, grants for Banglatown"),
    ("Line\r\nBcc: x@evil.example", "bids@example.org", "Title\nwith=break&cc=x@example.org"),
])
def test_the_joint_bid_link_encodes_every_value(base, name, email, title) -> None:
    link = _email(base, lead=model.Lead(name=name, email=email), title=title)
    parts = urlsplit(link)
    assert parts.scheme == "mailto" and unquote(parts.path) == email
    assert not any(c in link for c in " \r\n<>\"'")
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert sorted(query) == ["body", "subject"]  # content cannot add a header or a parameter
    assert query["subject"] == [f"Joint bid: {title}"]
    greeting = f"Dear {name},\n".replace("\r\n", "\n").replace("\n", "\r\n")  # RFC 6068 CRLF
    assert query["body"][0].startswith(greeting)
    assert "https://portal.example.org/opportunities/youth-grants/" in query["body"][0]


@settings(max_examples=200, deadline=None)
@given(name=st.text(min_size=1, max_size=40), title=st.text(min_size=1, max_size=80))
def test_any_name_and_title_survive_the_email_link_as_typed(base, name, title) -> None:
    link = _email(base, lead=model.Lead(name=name, email="bids@example.org"), title=title)
    assert link.isascii() and not any(c in link for c in " \t\r\n<>\"'#")
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    assert sorted(query) == ["body", "subject"]
    assert query["subject"] == [f"Joint bid: {title}"]


def test_no_joint_bid_link_unless_joint_bids_are_welcome(base) -> None:
    assert _email(base, joint_bids="no") is None
    assert _email(base).startswith("mailto:bids@bow-youth.example.org?subject=Joint%20bid%3A%20"
                                   "Youth%20activity%20grants&body=Dear%20Sam%20Example%2C")


def test_the_built_pages_link_their_feeds_and_the_guidance(tmp_path) -> None:
    build_site(BASE_SITE, tmp_path / "site", TODAY)
    site = tmp_path / "site"
    listing = (site / "opportunities" / "index.html").read_text()
    assert ('<link rel="alternate" type="application/atom+xml" title="New opportunities" '
            'href="/opportunities/feed.atom">') in listing
    assert ('<link rel="alternate" type="text/calendar" title="Opportunity deadlines" '
            'href="/opportunities/deadlines.ics">') in listing
    assert 'href="webcal://portal.example.org/opportunities/deadlines.ics"' in listing
    assert "<strong>closes in 10 days</strong>" in listing
    assert '<p class="badge">Joint bids welcome</p>' in listing
    assert "Community meals contract" not in listing
    assert "Community meals contract" in (site / "opportunities/archive/index.html").read_text()
    index = (site / "commissioning" / "index.html").read_text()
    assert 'href="/readiness/"' in index and 'href="/opportunities/"' in index
    assert 'href="/commissioning/bidding-basics/"' in index
    assert "1 opportunity is open now" in index
    guide = (site / "commissioning" / "bidding-basics" / "index.html").read_text()
    assert "<strong>specification</strong>" in guide
    home = (site / "index.html").read_text()
    assert 'href="/commissioning/">Commissioning</a>' in home


def test_a_listed_funder_shows_its_open_opportunities(base) -> None:
    hub = base.lookup("providers", "hub")
    now = contributed_parts(inputs_for(base, TODAY), PROVIDER_PAGE, hub)["link_groups"]["who"]
    ours = [g for g in now if g.heading == "Open opportunities it funds"]
    assert [link.url for group in ours for link in group.links] == [
        "/opportunities/youth-grants/"]
    later = contributed_parts(inputs_for(base, dt.date(2026, 12, 5)), PROVIDER_PAGE, hub)
    assert not [g for g in later["link_groups"]["who"]
                if g.heading == "Open opportunities it funds"]
