"""The evidence's inputs, checked where they are written: the rate and the new field."""
from __future__ import annotations

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import check_site

SITE = (BASE_SITE / "content" / "site.yaml").read_text("utf-8")
BASE = SITE[:SITE.index("volunteer_rate:")]
ORG = (BASE_SITE / "orgs" / "bow-youth.md").read_text("utf-8")


def problems_for(make_site, files: dict[str, str]) -> list[str]:
    _catalogue, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems if p.severity == "error"]


def test_the_base_site_rate_is_read_with_its_source_and_date(make_site) -> None:
    catalogue, _problems = check_site(make_site(), TODAY)
    rate = catalogue.site.volunteer_rate
    assert (rate.amount, rate.name, rate.date.isoformat()) == (
        "14.80", "London Living Wage", "2025-11-03")
    assert rate.source == "Living Wage Foundation, rate announced in October 2025"


def test_a_site_without_a_rate_is_valid(make_site) -> None:
    catalogue, problems = check_site(make_site({"content/site.yaml": BASE}), TODAY)
    assert catalogue is not None and catalogue.site.volunteer_rate is None, problems


@pytest.mark.parametrize("rate, expected", [
    ('  amount: "14.80"\n  name: London Living Wage\n', [
        "content/site.yaml:11:3: error[required]: `volunteer_rate`: `date` is required: when "
        "someone last checked the rate against its source",
        "content/site.yaml:11:3: error[required]: `volunteer_rate`: `source` is required: who "
        "sets the rate, or where it is published"]),
    ('  amount: "14.80"\n  name: LLW\n  source: LWF\n  date: 3 November 2025\n', [
        "content/site.yaml:14:9: error[bad-date]: `volunteer_rate.date`: '3 November 2025' is "
        "not a date; write it as YYYY-MM-DD, e.g. 2026-03-31"]),
    ('  amount: 14.8\n  name: LLW\n  source: LWF\n  date: 2025-11-03\n', [
        "content/site.yaml:11:11: error[bad-amount]: `volunteer_rate.amount`: '14.8' is not an "
        "amount in pounds; write it like \"14.80\" (pounds and pence, no £)"]),
    ('  amount: "14.80"\n  name: LLW\n  source: LWF\n  date: 2025-11-03\n  sorce: x\n', [
        "content/site.yaml:15:3: error[unknown-key]: `volunteer_rate`: unknown field `sorce`; "
        "did you mean `source`?"]),
])
def test_a_rate_without_its_source_or_date_is_a_located_error(make_site, rate,
                                                                expected) -> None:
    site = BASE + "volunteer_rate:\n" + rate
    assert problems_for(make_site, {"content/site.yaml": site}) == expected


@pytest.mark.parametrize("field, written, meant", [
    ("annual_income", "£85,000", "85000"), ("annual_income", "85k", "85000"),
    ("annual_income", "£85k", "85000"), ("annual_income", "85,000", "85000"),
    ("volunteer_hours_per_month", "1,200", "1200"),
])
def test_numbers_written_as_money_say_how_to_write_them(make_site, field, written,
                                                       meant) -> None:
    lines = [line for line in ORG.splitlines() if not line.startswith(f"{field}:")]
    lines.insert(2, f'{field}: "{written}"')
    problems = problems_for(make_site, {"orgs/bow-youth.md": "\n".join(lines) + "\n"})
    assert problems == [
        f"orgs/bow-youth.md:3:{len(field) + 3}: error[bad-number]: `{field}`: '{written}' is "
        f"not a whole number; write it as {meant} (digits only, without commas, spaces, £ or k)"]
