"""Views: the resolved, formatted data templates show."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import check_site
from thin_build.core.present import Link, human_date, tel_uri
from thin_build.directory import views as directory_views
from thin_build.directory.model import OpeningPeriod


@pytest.fixture(scope="module")
def cat():
    catalogue, problems = check_site(BASE_SITE, TODAY)
    assert catalogue is not None, problems
    return catalogue


@pytest.mark.parametrize("phone, uri", [
    ("020 7946 0123", "tel:+442079460123"),
    ("+44 20 7946 0123", "tel:+442079460123"),
    ("(020) 7946-0123", "tel:+442079460123"),
    ("07700 900123", "tel:+447700900123"),
])
def test_tel_uri(phone: str, uri: str) -> None:
    assert tel_uri(phone) == uri


@pytest.mark.parametrize("days, text", [
    (("mon", "tue", "wed", "thu"), "Monday to Thursday"),
    (("thu", "mon", "wed", "tue"), "Monday to Thursday"),
    (("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "Monday to Sunday"),
    (("mon", "wed"), "Monday and Wednesday"),
    (("mon", "tue"), "Monday and Tuesday"),
    (("mon", "wed", "fri"), "Monday, Wednesday and Friday"),
    (("mon", "tue", "thu"), "Monday, Tuesday and Thursday"),
    (("sat",), "Saturday"),
])
def test_day_range(days, text: str) -> None:
    assert directory_views._day_range(days) == text


def test_opening_hours_past_midnight_says_the_next_day() -> None:
    rows = directory_views.opening_hours((
        OpeningPeriod(days=("mon", "tue", "wed"), opens="09:30", closes="17:00"),
        OpeningPeriod(days=("sat",), opens="20:00", closes="02:00"),
        OpeningPeriod(days=("sun",), opens="00:00", closes="24:00"),
    ))
    assert rows == (directory_views.HoursRow("Monday to Wednesday", "09:30 to 17:00"),
                    directory_views.HoursRow("Saturday", "20:00 to 02:00 the next day"),
                    directory_views.HoursRow("Sunday", "00:00 to 24:00"))


@pytest.mark.parametrize("day, text", [(dt.date(2026, 1, 1), "1 January 2026"),
                                       (dt.date(2024, 2, 29), "29 February 2024"),
                                       (dt.date(2026, 12, 31), "31 December 2026")])
def test_human_date(day: dt.date, text: str) -> None:
    assert human_date(day) == text


def test_contact_splits_the_address_and_links_the_phone(cat) -> None:
    youth = cat.lookup("orgs", "bow-youth")
    assert directory_views.contact(youth) == directory_views.ContactView(
        website="https://bow-youth.example.org/", email="hello@bow-youth.example.org",
        phone="020 7946 0001", tel="tel:+442079460001",
        address_lines=("1 Example Road", "London"), postcode="E3 2AB")
    green = cat.lookup("orgs", "weavers-green")
    assert directory_views.contact(green) == directory_views.ContactView(None, None, None, None, (), None)


def test_freshness(cat) -> None:
    youth = cat.lookup("orgs", "bow-youth")
    fresh = directory_views.freshness(cat, youth, TODAY)
    assert fresh == directory_views.Freshness(
        verified_text="12 June 2026", verified_iso="2026-06-12", needs_review=False,
        edit_url="https://git.example.org/thin/portal/edit/main/orgs/bow-youth.md",
        report_url="https://git.example.org/thin/portal/issues/new?template=listing-update.yml"
                   "&title=Problem%20with%20Bow%20Youth%20Project&listing=Bow%20Youth%20Project"
                   "&file=orgs%2Fbow-youth.md")
    assert directory_views.freshness(cat, youth, dt.date(2027, 6, 12)).needs_review
    never = dataclasses.replace(youth, last_verified=None)
    assert directory_views.freshness(cat, never, TODAY).needs_review
    assert directory_views.freshness(cat, never, TODAY).verified_text is None


def test_theme_pairs_the_accent_with_a_readable_colour(cat) -> None:
    assert directory_views.theme(cat.lookup("orgs", "bow-youth")) == directory_views.Theme("#0b6e4f", "#ffffff")
    assert directory_views.theme(cat.lookup("orgs", "spice-kitchen")) is None
    light = dataclasses.replace(cat.lookup("orgs", "bow-youth"), accent_colour="#ffd700")
    assert directory_views.theme(light).on_accent == "#000000"


def test_cards_resolve_slugs_to_names(cat) -> None:
    assert directory_views.org_card(cat, cat.lookup("orgs", "spice-kitchen")) == directory_views.Card(
        "Spice Kitchen Lunch Club", "/orgs/spice-kitchen/",
        "Hot lunches for older people, twice a week.", "Spitalfields & Banglatown, Weavers",
        "Temporarily closed")
    assert directory_views.provider_card(cat, cat.lookup("providers", "payroll-bureau")).detail == "Network"


def test_term_links_and_languages(cat) -> None:
    assert directory_views.term_links(cat, "wards", ("weavers",), "wards") == (
        Link("Weavers", "/wards/weavers/"),)
    assert directory_views.term_links(cat, "networks", ("youth-network",)) == (
        Link("Youth Network", ""),)
    assert directory_views.languages(cat, ("bengali",)) == (
        directory_views.LanguageView("Bengali", "বাংলা", "bn"),)


def test_org_json_ld(cat) -> None:
    data = json.loads(directory_views.listing_json_ld(cat, cat.lookup("orgs", "bow-youth"), "NGO"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NGO"
    assert data["name"] == "Bow Youth Project"
    assert data["url"] == "https://portal.example.org/orgs/bow-youth/"
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Bow East",
                                   "identifier": "E05009319"}]
    assert data["knowsLanguage"] == ["en", "bn"]
    assert data["telephone"] == "020 7946 0001"
    assert data["identifier"]["value"] == "9000001"
    assert data["address"] == {"@type": "PostalAddress", "streetAddress": "1 Example Road",
                               "addressLocality": "London", "postalCode": "E3 2AB",
                               "addressCountry": "GB"}
    assert data["openingHoursSpecification"][0]["dayOfWeek"][0] == "https://schema.org/Monday"


def test_borough_wide_provider_json_ld_serves_the_borough(cat) -> None:
    data = json.loads(directory_views.listing_json_ld(cat, cat.lookup("providers", "hub"), "Organization"))
    assert data["url"] == "https://portal.example.org/providers/hub/"
    assert data["areaServed"] == {"@type": "AdministrativeArea",
                                  "name": "London Borough of Tower Hamlets"}


def test_json_ld_cannot_close_its_script(cat) -> None:
    sneaky = dataclasses.replace(cat.lookup("orgs", "weavers-green"),
                                 name="</script><script>alert(1)</script>")
    text = directory_views.listing_json_ld(cat, sneaky, "NGO")
    assert "<" not in text and ">" not in text
    assert json.loads(text)["name"] == sneaky.name
