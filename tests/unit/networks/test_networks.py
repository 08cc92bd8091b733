"""Network pages and members CSVs list exactly the organisations that name the network."""
from __future__ import annotations

import csv
import io

import pytest

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.build import check_site
from thin_build.core.plan import PagePlan
from thin_build.core.write import OutputFile
from thin_build.directory.listing_pages import org_page
from thin_build.networks.members import MEMBER_COLUMNS
from thin_build.networks.pages import network_pages


@pytest.fixture(scope="module")
def sample():
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    outputs = list(network_pages(inputs_for(catalogue)))
    return (catalogue, {o.url: o for o in outputs if isinstance(o, PagePlan)},
            {o.path: o.data for o in outputs if isinstance(o, OutputFile)})


def rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def test_every_network_has_a_page_and_a_csv_of_exactly_its_members(sample):
    catalogue, pages, files = sample
    for network in catalogue.networks:
        expected = {o.name for o in catalogue.orgs if network.slug in o.networks}
        page = pages[f"/networks/{network.slug}/"]
        assert {card.name for card in page.data["members"]} == expected
        table = rows(files[f"networks/{network.slug}/members.csv"])
        assert [r["name"] for r in table] == [card.name for card in page.data["members"]]
        header = files[f"networks/{network.slug}/members.csv"][1:].split("\r\n", 1)[0]
        assert header.split(",") == list(MEMBER_COLUMNS)
    assert len(pages) == len(catalogue.networks) + 1
    assert sum(1 for n in catalogue.networks
               if any(n.slug in o.networks for o in catalogue.orgs)) >= 3


def test_a_members_row_holds_only_what_the_listing_publishes(sample):
    catalogue, _pages, files = sample
    [row] = [r for r in rows(files["networks/faith-forum/members.csv"])
             if r["name"] == "Café Sonder Community Kitchen"]
    assert row == {"name": "Café Sonder Community Kitchen",
                   "page": "https://portal.example.org/orgs/cafe-sonder-community-kitchen/",
                   "email": "kitchen@cafe-sonder.example.org", "phone": "020 7946 0335",
                   "website": "https://cafe-sonder.example.org/", "wards": "Whitechapel; Shadwell",
                   "status": "active"}


def test_the_list_of_networks_names_convenors_and_counts(sample):
    _catalogue, pages, _files = sample
    summaries = {s.link.text: s for s in pages["/networks/"].data["networks"]}
    faith = summaries["Faith and Community Forum"]
    assert (faith.convenor.text, faith.convenor.url, faith.members) == (
        "Common Ground Networks", "/providers/common-ground-networks/", 5)
    assert summaries["Green Spaces and Environment Network"].convenor is None
    assert [s.link.text for s in pages["/networks/"].data["networks"]] == sorted(summaries)


def test_a_name_that_looks_like_a_formula_is_neutralised(make_site):
    root = make_site()
    text = root.joinpath("orgs/bow-youth.md").read_text().replace(
        "name: Bow Youth Project", "name: \"=HYPERLINK('https://evil.example.org')\"")
    catalogue, _ = check_site(make_site({"orgs/bow-youth.md": text}), TODAY)
    files = {o.path: o.data for o in network_pages(inputs_for(catalogue))
             if isinstance(o, OutputFile)}
    [row] = rows(files["networks/youth-network/members.csv"])
    assert row["name"] == "'=HYPERLINK('https://evil.example.org')"
    assert row["wards"] == "Bow East"


def test_an_organisation_page_links_each_of_its_networks(sample) -> None:
    cat = sample[0]
    org = cat.lookup("orgs", "jamuna-elders-lunch-club")
    data = org_page(inputs_for(cat), org).data
    (member_of,) = data["link_groups"]["who"]
    assert member_of.heading == "Member of"
    assert [(link.text, link.url) for link in member_of.links] == [
        (cat.lookup("networks", slug).name, f"/networks/{slug}/") for slug in org.networks]
    lonely = next(o for o in cat.orgs if not o.networks)
    assert org_page(inputs_for(cat), lonely).data["link_groups"]["who"] == ()
