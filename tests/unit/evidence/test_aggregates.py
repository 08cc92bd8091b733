"""Evidence figures on the fixed catalogue (tests/unit/evidence/catalogue.py), by hand.

Counted: a–j (k has closed). Incomes given by 8 of 10: 9,999 2,000 10,000 | 100,000
99,999 50,000 250,000 | 1,000,000.
"""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from thin_build.evidence.bands import BANDS, band_of
from thin_build.evidence.collect import collect
from thin_build.evidence.figures import median
from thin_build.evidence.people import replacement_value
from thin_build.evidence.sector import counted

from .catalogue import RATE, catalogue

F = "fewer than 3"


def table(slug: str, rate=RATE):
    return {t.slug: t for t in collect(catalogue(rate), TODAY).tables}[slug]


def texts(slug: str, rate=RATE) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table(slug, rate).rows]


def csvs(slug: str) -> list[list[str]]:
    return [[cell.csv for cell in row] for row in table(slug).rows]


@pytest.mark.parametrize("income, band", [
    (0, "micro"), (9_999, "micro"), (10_000, "small"), (99_999, "small"),
    (100_000, "medium"), (999_999, "medium"), (1_000_000, "large"), (9_999_999, "large"),
    (10_000_000, "major"), (99_999_999, "major"), (100_000_000, "super-major"),
    (10**12, "super-major"),
])
def test_income_bands_include_their_lower_limit(income, band) -> None:
    assert band_of(income).slug == band


def test_bands_follow_each_other_without_gaps() -> None:
    assert [b.lower for b in BANDS[1:]] == [b.upper for b in BANDS[:-1]]


@pytest.mark.parametrize("values, middle", [
    ([], None), ([7], 7), ([3, 1, 2], 2), ([1, 2], 2), ([1, 4], 3), ([99_999, 100_000], 100_000),
    ([0, 0, 1, 2, 3, 5, 10, 20], 3),
])
def test_median_rounds_halves_up_and_is_none_for_nothing(values, middle) -> None:
    assert median(values) == middle


def test_closed_organisations_are_not_counted() -> None:
    assert [o.slug for o in counted(catalogue())] == list("abcdefghij")


def test_stages_with_income_total_median_and_complementary_suppression() -> None:
    # Stage 3 rests on one income, so it is hidden; the total would give it back, so the
    # next smallest row (stage 1, three incomes) is hidden too.
    assert texts("stages") == [
        ["Stage 1", "4", "3", F, F],
        ["Stage 2", "4", "4", "£499,999", "£100,000"],  # median of 99,999 and 100,000
        ["Stage 3", F, F, F, F],
        ["All stages", "10", "8", "£1,521,998", "£75,000"],
    ]
    assert table("stages").coverage == (
        "Based on 8 of 10 organisations that gave their income.")


def test_bands_at_their_boundaries_with_suppression() -> None:
    assert texts("income-bands") == [
        ["Micro (under £10,000)", F, F, F, F],
        ["Small (£10,000 to under £100,000)", "3", "3", "£159,999", "£50,000"],
        ["Medium (£100,000 to under £1 million)", F, F, F, F],
        ["Large (£1 million to under £10 million)", F, F, F, F],
        ["Major (£10 million to under £100 million)", "0", "0", "none given", "none given"],
        ["Super-major (£100 million or more)", "0", "0", "none given", "none given"],
        ["All that gave their income", "8", "8", "£1,521,998", "£75,000"],
    ]


def test_csv_cells_are_plain_numbers_and_suppressed_in_words() -> None:
    assert csvs("income-bands")[:2] == [
        ["Micro (under £10,000)", F, F, F, F],
        ["Small (£10,000 to under £100,000)", "3", "3", "159999", "50000"]]
    assert csvs("income-bands")[4] == ["Major (£10 million to under £100 million)", "0", "0",
                                       "", ""]


def test_staff_volunteers_and_hours_leave_out_who_did_not_say() -> None:
    assert texts("people") == [
        ["Paid staff", "41", "3", "8"],      # median of 0 0 1 2 3 5 10 20 is 2.5
        ["Volunteers", "135", "10", "9"],
        ["Volunteer hours a month", "480", "35", "8"],
    ]


def test_replacement_value_at_the_site_rate() -> None:
    # 480 hours a month × 12 × £14.80 = £85,248
    assert texts("volunteer-value") == [
        ["Volunteer hours a month", "480"], ["Volunteer hours a year (12 months)", "5,760"],
        ["Hourly rate: London Living Wage", "£14.80"], ["Replacement value a year", "£85,248"]]
    value = table("volunteer-value")
    assert value.coverage == ("Based on 8 of 10 organisations that gave their volunteer "
                              "hours a month.")
    assert value.notes[0] == (
        "Valued at £14.80 an hour, the London Living Wage (Living Wage Foundation, rate "
        "announced in October 2025; checked 3 November 2025).")


def test_replacement_value_rounds_to_the_pound() -> None:
    one = catalogue().orgs[2:3]  # c: 20 hours a month → 240 × 14.80 = 3,552
    assert replacement_value(one, RATE).pounds_a_year == 3552
    odd = type(RATE)(amount="12.34", name="R", source="S", date=RATE.date)
    assert replacement_value(one, odd).pounds_a_year == 2962  # 2,961.60


def test_without_a_rate_there_is_no_value_table() -> None:
    evidence = collect(catalogue(None), TODAY)
    assert "volunteer-value" not in {t.slug for t in evidence.tables}
    assert evidence.rate is None


def test_wards_groups_languages_networks_count_each_named() -> None:
    assert texts("wards") == [["Term w1", "5"], ["Term w2", "4"], ["Term w3", "3"]]
    assert table("wards").coverage == (
        "Based on all 10 organisations, which all gave the wards they work in.")
    assert texts("groups") == [["Term g1", F], ["Term g2", F]]
    assert table("groups").coverage == "Based on 3 of 10 organisations that gave who they help."
    assert texts("languages") == [["Term en", "10"], ["Term bn", F]]
    assert texts("networks") == [["Term n1", "4"]]
    assert texts("activities") == []


def test_freshness_counts_exactly_twelve_months_as_due() -> None:
    # b was checked exactly 12 months before; d never: 8 of 10 organisations are fresh.
    assert texts("freshness") == [["Organisations", "10", "8", "80%"],
                                  ["Support providers", F, F, F],
                                  ["All listings", "11", "9", "82%"]]
    assert table("freshness").coverage == (
        "Based on 10 of 11 listings that gave the date they were last checked.")


def test_headlines_each_say_what_they_rest_on() -> None:
    lines = [(h.name, h.value.text, h.coverage) for h in collect(catalogue(), TODAY).headlines]
    assert lines == [
        ("Organisations listed", "10", "Every listed organisation that has not closed."),
        ("Total annual income", "£1,521,998",
         "Based on 8 of 10 organisations that gave their income."),
        ("Median annual income", "£75,000",
         "Based on 8 of 10 organisations that gave their income."),
        ("Paid staff", "41",
         "Based on 8 of 10 organisations that gave their number of paid staff."),
        ("Volunteers", "135",
         "Based on 9 of 10 organisations that gave their number of volunteers."),
        ("Volunteer hours a month", "480",
         "Based on 8 of 10 organisations that gave their volunteer hours."),
        ("Replacement value of volunteer time a year", "£85,248",
         "Based on 8 of 10 organisations that gave their volunteer hours. Valued at £14.80 an "
         "hour, the London Living Wage (Living Wage Foundation, rate announced in October "
         "2025; checked 3 November 2025)."),
        ("Listings checked in the last 12 months", "82%",
         "9 of 11 organisation and provider listings."),
    ]
