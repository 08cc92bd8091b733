"""What's on as a PDF: exactly the occurrences of the next eight weeks, day by day.

The base site's funding surgery is weekly on Thursdays from 3 December 2026 to 28
January 2027, skipping 24 and 31 December. Built on 24 November 2026 the eight weeks
run to Monday 18 January 2027, so by hand it is on 3, 10 and 17 December and 7 and 14
January: five times.
"""
from __future__ import annotations

import re

from tests.helpers import TODAY
from tests.unit.printing.support import inputs_of, page_texts, poppler
from thin_build.printing.calendar_pdf import calendar_documents, calendar_path
from thin_build.printing.engine import render_documents

SURGERY_DAYS = ["Thursday 3 December 2026", "Thursday 10 December 2026",
                "Thursday 17 December 2026", "Thursday 7 January 2027",
                "Thursday 14 January 2027"]
ONE_OFF = """---
title: {title}
summary: A one-off session for the edges of the eight weeks.
category: training
organiser: providers/hub
start: {start}
end: "11:00"
online: https://meet.example.org/{slug}
posted: 2026-11-20
---
"""
DAY_HEADING = re.compile(r"^\s*((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} \w+ \d{4})\s*$")


def rendered(root):
    inputs = inputs_of(root)
    (document,) = calendar_documents(inputs)
    return document, render_documents(inputs, (document,))[calendar_path()]


def day_headings(pdf) -> list[str]:
    return [m[1] for page in page_texts(pdf.data) for line in page.splitlines()
            if (m := DAY_HEADING.match(line))]


def test_the_pdf_lists_the_eight_weeks_occurrences_exactly(make_site):
    document, pdf = rendered(make_site())
    assert day_headings(pdf) == SURGERY_DAYS
    text = " ".join(" ".join(page_texts(pdf.data)).split())
    assert text.count("Funding surgery") == 5
    assert text.count("16:00 to 18:00 · Example Hub, Room 2, E3 2AA") == 5
    assert "Tuesday 24 November 2026 to Monday 18 January 2027" in text
    assert "https://portal.example.org/events/funding-surgery/" in text
    assert "Today" not in text  # paper stays up for weeks
    assert document.title in poppler("pdfinfo", pdf.data)


def test_the_last_day_is_in_and_the_day_after_is_not(make_site):
    root = make_site({
        "events/last-day.md": ONE_OFF.format(title="Last day session", slug="last",
                                             start="2027-01-18 10:00"),
        "events/day-after.md": ONE_OFF.format(title="Day after session", slug="after",
                                              start="2027-01-19 10:00"),
        "events/yesterday.md": ONE_OFF.format(title="Yesterday session", slug="yesterday",
                                              start="2026-11-23 10:00"),
        "events/today.md": ONE_OFF.format(title="Today session", slug="today",
                                          start=f"{TODAY.isoformat()} 10:00")})
    _document, pdf = rendered(root)
    assert day_headings(pdf) == ["Tuesday 24 November 2026", *SURGERY_DAYS,
                                 "Monday 18 January 2027"]
    text = " ".join(" ".join(page_texts(pdf.data)).split())
    assert "Last day session" in text and "Today session" in text
    assert "Day after session" not in text and "Yesterday session" not in text


def test_the_pdf_has_the_same_days_as_the_whats_on_page(make_site):
    from thin_build.calendar.pages import upcoming_page
    from thin_build.calendar.views import all_occurrences

    inputs = inputs_of(make_site())
    (document,) = calendar_documents(inputs)
    page = upcoming_page(inputs.catalogue, all_occurrences(inputs.catalogue.events), TODAY)
    assert ([[e["view"] for e in day["events"]] for day in document.data["days"]]
            == [list(day.items) for day in page.data["days"]])
