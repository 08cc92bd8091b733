"""Opportunities and guidance pages: every mistake located, with how to fix it."""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from thin_build.build import check_site
from thin_build.commissioning.model import Value


def opportunity_file(**fields) -> str:
    """A valid opportunity on top of the base site, `fields` replaced (None removes one)."""
    data = {"title": "Play schemes", "summary": "Holiday play for children.",
            "funder": "Example Fund (fictional)", "posted": "2026-11-10",
            "deadline": "2026-12-10", "link": "https://fund.example.org/play"}
    data |= fields
    lines = [f"{key}: {value}" for key, value in data.items() if value is not None]
    return "---\n" + "\n".join(lines) + "\n---\nApply online.\n"


def problems_for(make_site, files: dict[str, str]) -> list[str]:
    _catalogue, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems]


def test_a_valid_opportunity_and_guide_pass(make_site) -> None:
    files = {"content/opportunities/play.md": opportunity_file(
                 value='"£10,000 - £20,000"', joint_bids="yes",
                 lead="\n  name: Sam Example\n  email: sam@example.org",
                 needs="[funding]", activities="[food]"),
             "content/commissioning/guide.md": "---\ntitle: A guide\nsummary: Short.\n---\nText.\n"}
    assert problems_for(make_site, files) == []


O = "content/opportunities/o.md"
_VALUE_HINT = ("is not an amount in pounds; write it like `25000`, `£25,000` or a range, "
               "`£10,000 to £50,000` (whole pounds, no pence)")


@pytest.mark.parametrize("fields, expected", [
    ({"link": "http://fund.example.org/play"}, f"{O}:7:7: error[bad-url]: `link`: "
     "'http://fund.example.org/play' is not a secure address; it must start with https://"),
    ({"link": "javascript:alert(1)"}, f"{O}:7:7: error[bad-url]: `link`: "
     "'javascript:alert(1)' is not a web address; it must start with https://"),
    ({"link": "JaVaScRiPt://fund.example.org/%0aalert(1)"}, f"{O}:7:7: error[bad-url]: `link`: "
     "'JaVaScRiPt://fund.example.org/%0aalert(1)' is not a web address; it must start with "
     "https://"),
    ({"needs": "[fundng]"}, f"{O}:8:9: error[unknown-ref]: `needs[1]`: 'fundng' is not in "
     "content/taxonomies/needs.yaml; did you mean `funding`?"),
    ({"activities": "[fod]"}, f"{O}:8:14: error[unknown-ref]: `activities[1]`: 'fod' is not in "
     "content/taxonomies/activities.yaml; did you mean `food`?"),
    ({"joint_bids": "yes"}, f"{O}:8:1: error[opportunity-no-lead]: joint bids are welcome, so "
     "name the person to contact: add `lead:` with their `name` and `email`, or set "
     "`joint_bids: no`"),
    ({"joint_bids": "yes", "lead": "\n  name: Sam Example"}, f"{O}:10:3: error[required]: "
     "`lead`: `email` is required: their email address; the \"interested in a joint bid\" "
     "link writes to it"),
    ({"lead": "\n  name: Sam\n  email: sam@example"}, f"{O}:10:10: error[bad-email]: "
     "`lead.email`: 'sam@example' is not an email address; write it like info@example.org"),
    ({"joint_bids": "maybe"}, f"{O}:8:13: error[bad-choice]: `joint_bids`: 'maybe' is not "
     "allowed; choose from no, yes"),
    ({"deadline": "2026-11-02"}, f"{O}:6:1: error[opportunity-deadline-before-posted]: the "
     "deadline, 2026-11-02, is before it was posted on 2026-11-10; check both dates"),
    ({"deadline": "2026-11-09 23:00"}, f"{O}:6:1: error[opportunity-deadline-before-posted]: "
     "the deadline, 2026-11-09, is before it was posted on 2026-11-10; check both dates"),
    ({"deadline": "2027-03-28 01:30"}, f"{O}:6:11: error[clock-change]: `deadline`: "
     "2027-03-28 01:30 does not exist in London: the clocks go forward an hour that night; "
     "choose another time"),
    ({"deadline": "10/12/2026"}, f"{O}:6:11: error[bad-date]: `deadline`: '10/12/2026' is not "
     "a date and 24-hour time in London time, \"2026-12-03 10:00\", or a date alone, "
     "2026-12-03, for an all-day event"),
    ({"posted": "2026-11-30"}, f"{O}:5:1: error[future-date]: `posted` 2026-11-30 is in the "
     "future"),
    ({"value": "£5k"}, f"{O}:8:8: error[opportunity-bad-value]: `value`: '£5k' {_VALUE_HINT}"),
    ({"value": "12.50"}, f"{O}:8:8: error[opportunity-bad-value]: `value`: '12.50' "
     f"{_VALUE_HINT}"),
    ({"value": "0"}, f"{O}:8:8: error[opportunity-bad-value]: `value`: £0 is out of range "
     "(£1 to £10,000,000,000)"),
    ({"value": '"£50,000 to £10,000"'}, f"{O}:8:8: error[opportunity-bad-value]: `value`: the "
     "range runs from £50,000 down to £10,000; write the smaller amount first"),
    ({"funder": None}, f"{O}:2:1: error[required]: `funder` is required: who commissions or "
     "funds it"),
    ({"fundr": "x"}, f"{O}:8:1: error[unknown-key]: unknown field `fundr`; did you mean "
     "`funder`?"),
    ({"funder_listing": "providers/hbu"}, f"{O}:8:17: error[unknown-organiser]: "
     "`funder_listing`: 'providers/hbu' is not an organisation (orgs/<slug>) or a support "
     "provider (providers/<slug>); did you mean `providers/hub` or `providers/payroll-bureau`?"),
])
def test_opportunity_mistakes_are_located(make_site, fields, expected) -> None:
    found = problems_for(make_site, {O: opportunity_file(**fields)})
    assert found == [expected]


@pytest.mark.parametrize("value", ["25000", '"£25,000"', '"25,000"', '"£25,000 to £25,000"'])
def test_one_figure_is_written_many_ways(make_site, value) -> None:
    catalogue, problems = check_site(make_site({O: opportunity_file(value=value)}), TODAY)
    assert not problems and catalogue.lookup("opportunities", "o").value == Value(low=25000)


@pytest.mark.parametrize("value", ['"10000-50000"', '"£10,000 – £50,000"', '"£10,000 to 50000"'])
def test_a_range_is_written_many_ways(make_site, value) -> None:
    catalogue, problems = check_site(make_site({O: opportunity_file(value=value)}), TODAY)
    assert not problems
    assert catalogue.lookup("opportunities", "o").value == Value(low=10000, high=50000)


def test_an_opportunity_may_not_be_called_archive(make_site) -> None:
    found = problems_for(make_site, {"content/opportunities/archive.md": opportunity_file()})
    assert len(found) == 1 and "archive" in found[0], found


def test_a_guide_needs_its_title_and_body(make_site) -> None:
    found = problems_for(make_site, {"content/commissioning/g.md": "---\nsummary: Short.\n---\n"})
    assert found == [
        "content/commissioning/g.md:2:1: error[required]: `title` is required: the page's title",
        "content/commissioning/g.md:4:1: error[required]: `body` is required: the text after "
        "the front matter, in Markdown"]
