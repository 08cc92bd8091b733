"""Page plans: A–Z pagination, browse pages, provider and organisation pages."""
from __future__ import annotations

import json
import math
import string
from collections import Counter

import pytest

from tests.helpers import TODAY, inputs_for
from thin_build.build import check_site
from thin_build.capabilities import PORTAL
from thin_build.core.load import slugify
from thin_build.core.plan import PagePlan
from thin_build.directory import pages as directory_pages
from thin_build.directory import urls as directory_urls
from thin_build.directory.indexes import FACETS, build_directory, initial, sort_key
from thin_build.directory.listing_pages import org_page, provider_page

WORDS = ["Alder", "Anchor", "Birch", "Bramble", "Cedar", "Cobalt", "Dockside", "Elm", "Ember",
         "Fennel", "Foundry", "Garnet", "Hazel", "Harbour", "Indigo", "Juniper", "Kestrel",
         "Lantern", "Linden", "Maple", "Marigold", "Nettle", "Oak", "Orchard", "Pearl",
         "Poplar", "Rowan", "Russet", "Sorrel", "Thistle", "Umber", "Violet", "Willow",
         "Yarrow", "Zephyr", "Émile", "The Zinnia", "24 Hour", "বাংলা"]
KINDS = ["Trust", "Club", "Society"]


def generated_names(count: int = 65) -> list[str]:
    names = [f"{word} {kind}" for kind in KINDS for word in WORDS]
    return names[:count]


def org_file(name: str, n: int) -> str:
    wards = "[bow-east, weavers]" if n % 3 == 0 else "[bow-east]"
    groups = "[older-people]" if n % 2 else "[]"
    return (f"---\nname: {json.dumps(name, ensure_ascii=False)}\nsummary: S.\nwards: {wards}\n"
            f"groups: {groups}\nstage: stage-1\nlast_verified: 2026-10-01\n---\n")


@pytest.fixture
def big(make_site):
    """The base site plus 65 generated organisations: a catalogue and its directory."""
    files = {f"orgs/{slugify(name) or 'org'}-{n}.md": org_file(name, n)
             for n, name in enumerate(generated_names())}
    cat, problems = check_site(make_site(files), TODAY)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    assert len(cat.orgs) == 69
    return cat, build_directory(cat)


def card_urls(plans) -> list[str]:
    return [card.url for plan in plans for _letter, _anchor, cards in plan.data["sections"]
            for card in cards]


def test_a_to_z_pages(big) -> None:
    cat, directory = big
    plans = list(directory_pages.orgs_a_to_z(directory))
    count = math.ceil(len(cat.orgs) / directory_pages.PAGE_SIZE)
    assert count >= 2
    assert [p.url for p in plans] == [directory_urls.orgs_page(n) for n in range(1, count + 1)]
    assert plans[0].url == "/orgs/" and plans[1].url == "/orgs/page/2/"
    assert [len(card_urls([p])) for p in plans] == [
        min(directory_pages.PAGE_SIZE, len(cat.orgs) - n * directory_pages.PAGE_SIZE) for n in range(count)]
    found = Counter(card_urls(plans))
    assert found == Counter(directory_urls.org(o.slug) for o in cat.orgs)  # each org exactly once
    names = [card.name for p in plans for _, _, cards in p.data["sections"] for card in cards]
    assert names == sorted(names, key=sort_key)
    assert plans[1].title == "Organisations A to Z, page 2"
    assert plans[0].data["pager"]["next"] == "/orgs/page/2/"
    assert plans[-1].data["pager"]["next"] is None


def test_sections_file_each_name_under_its_letter_once_per_page(big) -> None:
    _, directory = big
    for plan in directory_pages.orgs_a_to_z(directory):
        letters = [letter for letter, _anchor, _cards in plan.data["sections"]]
        assert len(letters) == len(set(letters)), plan.url
        for letter, anchor, cards in plan.data["sections"]:
            assert anchor == ("other" if letter == "#" else letter.lower())
            assert all(initial(card.name) == letter for card in cards)


def test_letter_links_point_to_the_page_where_each_letter_starts(big) -> None:
    cat, directory = big
    plans = list(directory_pages.orgs_a_to_z(directory))
    first_page: dict[str, str] = {}
    for plan in plans:
        for letter, _anchor, _cards in plan.data["sections"]:
            first_page.setdefault(letter, plan.url)
    letters = {link.text: link.url for link in plans[0].data["letters"]}
    assert list(letters) == ["#", *string.ascii_uppercase]
    assert all(plan.data["letters"] == plans[0].data["letters"] for plan in plans)
    assert {"#", "E", "Z"} <= set(first_page)
    for letter, url in letters.items():
        if letter in first_page:
            anchor = "other" if letter == "#" else letter.lower()
            assert url == f"{first_page[letter]}#letter-{anchor}", letter
        else:
            assert url == "", letter
    assert letters["Q"] == letters["X"] == ""
    filed = {initial(o.name) for o in cat.orgs}
    assert filed == set(first_page)


def test_a_letter_is_never_split_around_other_letters(big) -> None:
    """Every org of a letter follows the page the letter bar links to, contiguously."""
    _, directory = big
    order = [letter for plan in directory_pages.orgs_a_to_z(directory)
             for letter, _anchor, cards in plan.data["sections"] for _ in cards]
    runs = [letter for n, letter in enumerate(order) if n == 0 or order[n - 1] != letter]
    assert len(runs) == len(set(runs)), runs


def test_empty_directory_has_one_page(make_site) -> None:
    garden = "orgs/weavers-fields-garden/"  # an organisation kept as a folder (its site)
    files = {"orgs/bow-youth.md": None, "orgs/spice-kitchen.md": None,
             "orgs/weavers-green.yaml": None} | {
        garden + name: None for name in ("index.md", "our-beds.md", "volunteer.md",
                                         "news/2026-11-02-harvest-lunch.md",
                                         "news/2026-10-05-new-beds.md", "media/harvest.png")}
    cat, _ = check_site(make_site(files), TODAY)
    plans = list(directory_pages.orgs_a_to_z(build_directory(cat)))
    assert [(p.url, p.data["sections"], p.data["pager"]) for p in plans] == [("/orgs/", (), None)]
    assert all(link.url == "" for link in plans[0].data["letters"])


def test_browse_pages_list_every_org_of_a_term_exactly_once(big) -> None:
    cat, directory = big
    for facet, collection, field in FACETS:
        for term in getattr(cat, collection):
            plans = list(directory_pages.browse_term(cat, directory, facet, term))
            members = [directory_urls.org(o.slug) for o in cat.orgs if term.slug in getattr(o, field)]
            assert len(plans) == max(1, math.ceil(len(members) / directory_pages.PAGE_SIZE))
            assert [p.url for p in plans] == [directory_urls.browse(facet, term.slug, n)
                                              for n in range(1, len(plans) + 1)]
            listed = [card.url for plan in plans for card in plan.data["listings"]]
            assert Counter(listed) == Counter(members), (facet, term.slug)
            assert all(plan.data["total"] == len(members) for plan in plans)
    bow_east = list(directory_pages.browse_term(cat, directory, "wards", cat.lookup("wards", "bow-east")))
    assert len(bow_east) >= 2  # the fixture really exercises pagination
    assert [c.name for c in bow_east[0].data["providers"]] == [
        "Community Payroll Bureau", "Example Voluntary Action Hub"]


def test_browse_index_counts(big) -> None:
    cat, directory = big
    plan = directory_pages.browse_index(cat, directory, "wards", "wards")
    counts = {link.text: count for link, count, _description in plan.data["terms"]}
    assert counts == {w.name: sum(w.slug in o.wards for o in cat.orgs) for w in cat.wards}


def test_provider_page_lists_its_services(big) -> None:
    cat, _ = big
    plan = provider_page(inputs_for(cat), cat.lookup("providers", "hub"))
    assert plan.url == "/providers/hub/"
    services = plan.data["services"]
    assert [s["service"].title for s in services] == ["Funding advice", "Premises advice"]
    assert [s["need"].name for s in services] == ["Funding and fundraising", "Premises"]
    assert services[0]["stages"] == ("Stage 1: emerging", "Stage 2: improving")
    assert services[0]["free_for"] == ("Stage 1: emerging",)
    assert services[1]["groups"] == ("BME communities",)
    assert plan.data["stages"] == ("Stage 1: emerging", "Stage 2: improving",
                                   "Stage 3: established")
    assert plan.data["borough_wide"] and plan.data["wards"] == ()
    assert plan.data["referral_tel"] == "tel:+442079460101"
    assert json.loads(plan.data["json_ld"])["name"] == "Example Voluntary Action Hub"


def test_providers_index_groups_providers_by_need(big) -> None:
    cat, directory = big
    by_need, by_type = directory_pages.provider_indexes(cat, directory)
    assert [(need.slug, [(c.name, title) for c, title in items])
            for need, items in by_need.data["by_need"]] == [
        ("funding", [("Example Voluntary Action Hub", "Funding advice")]),
        ("payroll", [("Community Payroll Bureau", "Payroll service")]),
        ("premises", [("Example Voluntary Action Hub", "Premises advice")])]
    assert by_type.url == "/providers/by-type/"


def test_org_page_resolves_every_slug(big) -> None:
    cat, _ = big
    plan = org_page(inputs_for(cat), cat.lookup("orgs", "bow-youth"))
    data = plan.data
    assert (plan.url, plan.title) == ("/orgs/bow-youth/", "Bow Youth Project")
    assert [(link.text, link.url) for link in data["wards"]] == [("Bow East", "/wards/bow-east/")]
    assert [(link.text, link.url) for link in data["works_with"]] == [
        ("Example Voluntary Action Hub", "/providers/hub/")]
    (support,) = data["link_groups"]["what-we-do"]
    assert support.heading == "Support we are looking for"
    assert [(link.text, link.url) for link in support.links] == [
        ("Funding and fundraising",
         "/support/?need=funding&stage=stage-2&group=young-people&ward=bow-east")]
    events, embeds, swaps = data["sections"]  # in registry order: calendar, sites, skills
    assert (events.anchor, events.template) == ("events", "calendar/_listing_agenda.html")
    assert (embeds.anchor, embeds.template) == ("on-your-website", "sites/_embed_snippets.html")
    assert (swaps.anchor, swaps.template) == ("skill-swaps", "skills/_org_swaps.html")
    assert data["stage"].name == "Stage 2: improving"
    assert data["hours"][0].days == "Monday to Thursday"
    assert "<strong>committee</strong>" in data["body_html"]


def test_site_plan_has_unique_urls(big) -> None:
    cat, _directory = big
    inputs = inputs_for(cat)
    plans = [plan for step in PORTAL.steps for plan in step(inputs) if isinstance(plan, PagePlan)]
    assert len({p.url for p in plans}) == len(plans)
    assert {directory_urls.org(o.slug) for o in cat.orgs} <= {p.url for p in plans}
    hidden = [p.url for p in plans if not p.in_sitemap]
    short = [f"/o/{o.slug}/" for o in cat.orgs]  # short addresses only redirect to a page
    assert set(short) <= set(hidden)
    embeds = {url for url in hidden if url.startswith("/orgs/") and "/embed/" in url}
    assert {f"/orgs/{o.slug}/embed/{name}" for o in cat.orgs
            for name in ("events.html", "events-frame.html")} <= embeds  # shown by other sites
    assert [url for url in hidden if url not in short and url not in embeds] == ["/404.html"]
