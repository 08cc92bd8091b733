"""Directory indexes: A–Z order and filing letters, facets, providers by need/type/ward."""
from __future__ import annotations

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import check_site
from thin_build.directory.indexes import build_directory, initial, sort_key


@pytest.mark.parametrize("a, b", [
    ("The Zebra Club", "zebra club"),
    ("THE ZEBRA CLUB", "Zebra Club"),
    ("Émile Society", "emile society"),
    ("Café Sonder", "Cafe Sonder"),
])
def test_sort_key_ignores_case_accents_and_the(a: str, b: str) -> None:
    assert sort_key(a) == sort_key(b)


def test_sort_key_keeps_the_inside_a_name() -> None:
    assert sort_key("Theatre Royal") != sort_key("atre Royal")
    assert sort_key("Bow and The Isle") != sort_key("Bow and Isle")


def test_a_to_z_order() -> None:
    names = ["Zenith Food Hub", "The Anchor", "émile Society", "Bow Youth", "24 Hour Club",
             "বাংলা Women's Group", "apple Tree", "Ealing Friends", "7 Stars"]
    assert sorted(names, key=sort_key) == [
        # "#" first, as in the letter bar
        "24 Hour Club", "7 Stars", "বাংলা Women's Group",
        "The Anchor", "apple Tree", "Bow Youth", "Ealing Friends", "émile Society",
        "Zenith Food Hub"]


@pytest.mark.parametrize("name, letter", [
    ("Alder Street", "A"), ("alder street", "A"), ("The Zebra Club", "Z"), ("The", "T"),
    ("Theatre Royal", "T"), ("Émile Society", "E"), ("Ōsaka Friends", "O"),
    ("24 Hour Club", "#"), ("7 Stars", "#"), ("বাংলা Women's Group", "#"),
    ("Ελληνική Κοινότητα", "#"), ("'Quoted' Name", "#"), ("", "#"),
])
def test_initial(name: str, letter: str) -> None:
    assert initial(name) == letter


@pytest.fixture(scope="module")
def cat():
    catalogue, problems = check_site(BASE_SITE, TODAY)
    assert catalogue is not None, problems
    return catalogue


def test_org_cards_in_a_to_z_order(cat) -> None:
    directory = build_directory(cat)
    assert [c.name for c in directory.org_cards] == [
        "Bow Youth Project", "Spice Kitchen Lunch Club", "Weavers Fields Garden",
        "Weavers Green Group"]


def test_facets_list_every_org_of_every_term(cat) -> None:
    directory = build_directory(cat)
    for facet in ("wards", "groups", "activities"):
        terms = getattr(cat, facet)
        assert set(directory.by_facet[facet]) == {t.slug for t in terms}
        for term in terms:
            expected = {f"/orgs/{o.slug}/" for o in cat.orgs if term.slug in getattr(o, facet)}
            urls = [card.url for card in directory.by_facet[facet][term.slug]]
            assert sorted(urls) == sorted(expected), (facet, term.slug)
    assert [c.name for c in directory.by_facet["wards"]["weavers"]] == [
        "Spice Kitchen Lunch Club", "Weavers Green Group"]
    assert directory.by_facet["activities"]["food"][0].name == "Spice Kitchen Lunch Club"


def test_providers_by_need_type_and_ward(cat) -> None:
    directory = build_directory(cat)
    by_need = {need: [(card.name, title) for card, title in items]
               for need, items in directory.providers_by_need.items()}
    assert by_need == {"funding": [("Example Voluntary Action Hub", "Funding advice")],
                       "payroll": [("Community Payroll Bureau", "Payroll service")],
                       "premises": [("Example Voluntary Action Hub", "Premises advice")]}
    assert {t: [c.name for c in cards] for t, cards in directory.providers_by_type.items()} == {
        "general-primary": ["Example Voluntary Action Hub"],
        "network": ["Community Payroll Bureau"]}
    by_ward = {w: [c.name for c in cards] for w, cards in directory.providers_by_ward.items()}
    assert by_ward == {  # a borough-wide provider works in every ward
        "bow-east": ["Community Payroll Bureau", "Example Voluntary Action Hub"],
        "spitalfields-banglatown": ["Example Voluntary Action Hub"],
        "weavers": ["Community Payroll Bureau", "Example Voluntary Action Hub"]}
