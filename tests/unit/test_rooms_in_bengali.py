"""The directory, referral, calendar and content pages under /bn/ speak Bengali.

The sample site is built once; each test reads one room's pages and checks interface
text written for it in the Bengali catalogue (exact strings, so a lost or renamed
msgid shows here), while content stays as the organisations wrote it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_site(REPO, tmp_path_factory.mktemp("bengali") / "site", TODAY, pdf=False).out


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_directory_pages_are_in_bengali(site: Path) -> None:
    org = page(site, "bn/orgs/alder-street-allotment-collective")
    assert '<h2 id="who-heading">আমরা কাদের সাহায্য করি</h2>' in org
    assert '<dt>বার্ষিক আয়</dt><dd>£3,200</dd>' in org
    # Opening hours: Babel's day names and times, the catalogue's "to".
    assert '<th scope="row">বুধবার</th><td>10:00 AM থেকে 1:00 PM</td>' in org
    english = page(site, "orgs/alder-street-allotment-collective")
    assert '<th scope="row">Wednesday</th><td>10:00 to 13:00</td>' in english
    assert "Alder Street Allotment Collective started in 2019" in org  # content as written
    provider = page(site, "bn/providers/banglatown-bme-development-partnership")
    assert '<h2 id="how-heading">কীভাবে সহায়তা পাবেন</h2>' in provider
    assert "<dt>খরচ</dt>" in provider
    a_to_z = page(site, "bn/orgs")
    assert "<title>A থেকে Z সংগঠন" in a_to_z
    count = len(list((site / "orgs").glob("*/index.html")))
    assert f"<p>{count}টি সংগঠন। একটি অক্ষরে যান:</p>" in a_to_z
    assert '<p class="badge">সাময়িকভাবে বন্ধ</p>' in page(site, "bn/orgs/greenmoor-mens-shed")
    wards = page(site, "bn/wards")
    assert re.search(r'<span class="count">\(\d+টি সংগঠন\)</span>', wards)
    assert '<h2 id="who-heading">Who we help</h2>' in english


def test_referral_form_and_its_script_words_are_in_bengali(site: Path) -> None:
    support = page(site, "bn/support")
    assert "<legend>1. কোন বিষয়ে আপনার সাহায্য দরকার?</legend>" in support
    assert '<label for="referral-ward">ওয়ার্ড</label>' in support
    assert '<option value="">কোনো পছন্দ নেই</option>' in support
    # The words the script shows come from the page, placeholders kept for it to fill.
    assert 'data-why="কেন আমরা এটি প্রস্তাব করছি"' in support
    assert 'data-email-subject="রেফারেলের অনুরোধ: %(need)s"' in support
    assert 'data-found-other="%(need)s বিষয়ে %(count)sটি প্রস্তাব। প্রথম: %(first)s।"' in support
    assert 'data-index="/bn/support/referral-index.json"' in support
    index = json.loads((site / "bn/support/referral-index.json").read_text(encoding="utf-8"))
    assert any(reason.endswith("-এ স্থানীয়ভাবে কাজ করে") for reason in index["reasons"]["local"])
    english = json.loads((site / "support/referral-index.json").read_text(encoding="utf-8"))
    assert all(reason.startswith("works locally in ") for reason in english["reasons"]["local"])


def test_a_need_page_prefills_a_bengali_referral_email(site: Path) -> None:
    need = page(site, "bn/support/payroll")
    assert "<strong>ইতিমধ্যে কোনো সহায়তা প্রদানকারীর সঙ্গে কাজ করছেন?</strong>" in need
    href = re.search(r'<a class="button-link" href="(mailto:[^"]+)"', need)[1]
    query = parse_qs(urlsplit(href.replace("&amp;", "&")).query)
    assert query["subject"][0].startswith("রেফারেলের অনুরোধ: ")
    body = query["body"][0].split("\r\n")
    assert body[0] == "হ্যালো,"
    assert body[-2:] == ["ধন্যবাদ।", ""]
    assert any(line.startswith("আমাদের উন্নয়নের ধাপ: ") for line in body)
    assert "\n" not in href and "%0D%0A" in href  # CRLF stays percent-encoded
    gaps = page(site, "bn/reports/gaps")
    assert re.search(r"যে প্রয়োজনে মাত্র একজন প্রদানকারী আছে \(\d+\)", gaps)


def test_calendar_months_days_and_feeds_are_in_bengali(site: Path) -> None:
    month = page(site, "bn/calendar/2026/12")
    assert "<title>ক্যালেন্ডার: ডিসেম্বর 2026" in month
    assert '<caption id="month-caption">ডিসেম্বর 2026</caption>' in month
    assert ('<th scope="col"><span aria-hidden="true">মঙ্গল</span>'
            '<span class="visually-hidden">মঙ্গলবার</span></th>') in month
    assert "মঙ্গলবার 24 নভেম্বর 2026 (আজ)" in page(site, "bn/calendar/2026/11")
    assert "<p>প্রতি মাসের 15 তারিখে, " in page(site, "bn/events/payroll-clinic")
    assert "<p>On the 15th of every month, " in page(site, "events/payroll-clinic")
    assert '<h1>নোটিশ বোর্ড</h1>' in page(site, "bn/notices")
    feed = icalendar.Calendar.from_ical((site / "bn/calendar.ics").read_bytes())
    assert str(feed["X-WR-CALNAME"]).endswith(": কমিউনিটি ক্যালেন্ডার")
    atom = (site / "bn/feed.atom").read_text(encoding="utf-8")
    assert ": নতুন অনুষ্ঠান ও নোটিশ</title>" in atom


def test_the_missing_page_is_in_bengali(site: Path) -> None:
    missing = (site / "bn/404.html").read_text(encoding="utf-8")
    assert "<h1>পাতাটি পাওয়া যায়নি</h1>" in missing
    assert ">A থেকে Z সব সংগঠন</a>" in missing
