"""Duplicate organisations: normalised identifiers, near-identical names, both files named."""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from thin_build.build import check_site
from thin_build.directory.dedupe import (
    normalise_name,
    normalise_phone,
    normalise_website,
)


@pytest.mark.parametrize("a, b", [
    ("The Bow Youth Project Ltd", "bow youth project"),
    ("BOW YOUTH PROJECT", "Bow Youth Project"),
    ("Tom & Jerry CIC", "Tom and Jerry"),
    ("St. Mary's  Lunch-Club", "st mary s lunch club"),
    ("\uff42\uff4f\uff57 Club", "bow club"),  # full-width letters pasted from a PDF
    ("Bow Charity (UK) Limited", "bow"),
])
def test_normalise_name_matches_spellings_of_one_name(a: str, b: str) -> None:
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize("a, b", [
    ("Theatre Group", "atre group"),       # "the" only as a whole word
    ("Bow Youth", "Bow Youth Two"),
    ("ক্লাব", "Club"),
])
def test_normalise_name_keeps_different_names_apart(a: str, b: str) -> None:
    assert normalise_name(a) != normalise_name(b)


def test_normalise_name_is_idempotent() -> None:
    for name in ("The Bow Youth Project Ltd", "Tom & Jerry CIC", "Café Ωmega"):
        assert normalise_name(normalise_name(name)) == normalise_name(name)


@pytest.mark.parametrize("url", ["https://example.org", "HTTPS://WWW.Example.org/",
                                 "http://www.example.org/", "https://example.org/"])
def test_normalise_website(url: str) -> None:
    assert normalise_website(url) == "example.org"


def test_normalise_website_keeps_the_path() -> None:
    assert normalise_website("https://example.org/bow/") == "example.org/bow"
    assert normalise_website("https://example.org/bow") != normalise_website("https://example.org")


@pytest.mark.parametrize("phone", ["020 7946 0123", "+44 20 7946 0123", "(020) 7946-0123",
                                   "+442079460123", "02079460123"])
def test_normalise_phone(phone: str) -> None:
    assert normalise_phone(phone) == "02079460123"


def org(name: str, extra: str = "") -> str:
    lines = ["---", f"name: {name}", "summary: S.", "wards: [weavers]", "stage: stage-1",
             "last_verified: 2026-10-01", *[x for x in extra.splitlines() if x], "---", ""]
    return "\n".join(lines)


def problems(make_site, files) -> list[str]:
    return [str(p) for p in check_site(make_site(files), TODAY)[1]]


def test_same_name_after_normalising_is_an_error_in_both_files(make_site) -> None:
    found = problems(make_site, {"orgs/wg.md": org("The Weavers Green Group Ltd")})
    assert found == [
        "orgs/weavers-green.yaml:1:1: error[duplicate-org]: has the same name as orgs/wg.md; "
        "if they are one organisation, merge the files",
        "orgs/wg.md:2:1: error[duplicate-org]: has the same name as orgs/weavers-green.yaml; "
        "if they are one organisation, merge the files",
    ]


def test_near_identical_names_are_a_warning_in_both_files(make_site) -> None:
    found = problems(make_site, {"orgs/wg.md": org("Weavers Greene Group")})
    assert found == [
        "orgs/weavers-green.yaml:1:1: warning[possible-duplicate]: has a very similar name as "
        "orgs/wg.md; if they are one organisation, merge the files",
        "orgs/wg.md:2:1: warning[possible-duplicate]: has a very similar name as "
        "orgs/weavers-green.yaml; if they are one organisation, merge the files",
    ]


def test_near_names_are_found_among_many(make_site) -> None:
    """Neighbours in sorted order: the pair is found even with other names around it."""
    files = {f"orgs/filler-{n}.md": org(f"{word} Community Association")
             for n, word in enumerate(["Alder", "Birch", "Cedar", "Hazel", "Rowan", "Yew"])}
    files["orgs/sk.md"] = org("Spice Kitchen Lunch Clubs")
    found = problems(make_site, files)
    assert [p.split(": ")[1] for p in found] == ["warning[possible-duplicate]"] * 2
    assert {p.split(":")[0] for p in found} == {"orgs/sk.md", "orgs/spice-kitchen.md"}


def test_different_names_are_not_flagged(make_site) -> None:
    assert problems(make_site, {"orgs/wg.md": org("Weavers Allotment Society")}) == []


def test_shared_contact_details_are_reported_at_their_lines(make_site) -> None:
    extra = ("email: LUNCH@Spice-Kitchen.example.org\nphone: +44 20 7946 0002\n"
             "website: https://www.bow-youth.example.org\ncharity_number: '9000001'")
    found = problems(make_site, {"orgs/other.md": org("Quite Different Name", extra)})
    assert found == [
        "orgs/bow-youth.md:4:1: error[duplicate-org]: has the same charity number as "
        "orgs/other.md; if they are one organisation, merge the files",
        "orgs/bow-youth.md:5:1: warning[possible-duplicate]: has the same website as "
        "orgs/other.md; if they are one organisation, merge the files",
        "orgs/other.md:7:1: warning[possible-duplicate]: has the same email as "
        "orgs/spice-kitchen.md; if they are one organisation, merge the files",
        "orgs/other.md:8:1: warning[possible-duplicate]: has the same phone as "
        "orgs/spice-kitchen.md; if they are one organisation, merge the files",
        "orgs/other.md:9:1: warning[possible-duplicate]: has the same website as "
        "orgs/bow-youth.md; if they are one organisation, merge the files",
        "orgs/other.md:10:1: error[duplicate-org]: has the same charity number as "
        "orgs/bow-youth.md; if they are one organisation, merge the files",
        "orgs/spice-kitchen.md:4:1: warning[possible-duplicate]: has the same email as "
        "orgs/other.md; if they are one organisation, merge the files",
        "orgs/spice-kitchen.md:5:1: warning[possible-duplicate]: has the same phone as "
        "orgs/other.md; if they are one organisation, merge the files",
    ]


def test_providers_are_checked_among_themselves(make_site) -> None:
    text = (make_site() / "providers/payroll-bureau.md").read_text().replace(
        "info@payroll.example.org", "INFO@hub.example.org")
    found = problems(make_site, {"providers/payroll-bureau.md": text})
    assert [p.split(": ")[0] for p in found] == ["providers/hub.md:6:1",
                                                 "providers/payroll-bureau.md:5:1"]
    assert all("warning[possible-duplicate]: has the same email" in p for p in found)


def test_an_org_and_a_provider_may_share_details(make_site) -> None:
    """A provider's own community project can list the provider's phone."""
    found = problems(make_site, {"orgs/other.md": org("Hub Garden", "phone: 020 7946 0100")})
    assert found == []
