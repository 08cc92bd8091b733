"""The library's pages, and what it adds to provider pages, need pages, search and menus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO, TODAY, inputs_for
from thin_build.build import build_site, check_site
from thin_build.core.plan import PagePlan
from thin_build.core.render import FOOTER, NAV
from thin_build.directory.listing_pages import provider_page
from thin_build.referral.pages import NEED_PAGE
from thin_build.search.documents import FacetCodes, search_documents
from thin_build.toolkits import TOOLKITS
from thin_build.toolkits.pages import library_pages, links_page, toolkit_page
from thin_build.toolkits.parts import need_parts


@pytest.fixture(scope="module")
def sample():
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    return cat


def pages_by_url(plans) -> dict[str, PagePlan]:
    return {plan.url: plan for plan in plans}


def test_the_library_is_grouped_by_topic_with_static_ways_in(sample) -> None:
    pages = pages_by_url(library_pages(inputs_for(sample)))
    library = pages["/toolkits/"]
    assert library.data["count"] == len(sample.toolkits) == 23
    topics = [topic.text for topic, _cards in library.data["topics"]]
    assert topics == [n.name for n in sample.needs if any(n.slug in t.topics
                                                          for t in sample.toolkits)]
    ways_in = library.data["ways_in"]
    assert [link.url for link in ways_in["types"]] == [
        "/toolkits/type/fact-sheet/", "/toolkits/type/guide/", "/toolkits/type/template/",
        "/toolkits/type/policy/", "/toolkits/type/toolkit/", "/toolkits/type/health-check/",
        "/toolkits/type/quality-standard/"]
    assert [link.url for link in ways_in["stages"]] == [
        "/toolkits/stage/stage-1/", "/toolkits/stage/stage-2/", "/toolkits/stage/stage-3/"]
    every_way_in = [link.url for links in ways_in.values() for link in links]
    assert set(every_way_in) <= set(pages), "every filter link has its page"
    policies = pages["/toolkits/type/policy/"].data["items"]
    assert [card.name for card in policies] == [
        "Equality and inclusion policy template", "Health and safety policy template",
        "Safeguarding policy template", "Volunteer policy template"]
    finance = pages["/toolkits/topic/finance/"]
    assert finance.data["support"].url == "/support/finance/"


def test_a_toolkit_without_stages_suits_every_stage(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    pages = pages_by_url(library_pages(inputs_for(cat)))
    for stage in ("stage-1", "stage-2", "stage-3"):
        names = [card.name for card in pages[f"/toolkits/stage/{stage}/"].data["items"]]
        assert "Payroll checklist" in names
    assert [card.name for card in pages["/toolkits/stage/stage-1/"].data["items"]] == [
        "Funding bid basics", "Payroll checklist"]


def test_a_toolkit_page_has_downloads_author_help_and_related(sample) -> None:
    kit = sample.lookup("toolkits", "full-cost-recovery-toolkit")
    plan = toolkit_page(inputs_for(sample), kit)
    size = (REPO / "toolkits/files/full-cost-recovery-toolkit.pdf").stat().st_size
    assert plan.data["downloads"] == ({
        "label": "The toolkit", "url": "/toolkits/files/full-cost-recovery-toolkit.pdf",
        "summary": f"PDF, {round(size / 1024)} KB", "media_type": "application/pdf",
        "lang": None},)
    assert plan.data["link"] == "https://costing.example.org/full-cost-recovery"
    assert plan.data["author"].url == "/providers/east-end-voluntary-action-hub/"
    assert plan.data["reviewed"] == "15 September 2026"
    help_with = {item["need"]: item for item in plan.data["get_help"]}
    finance = help_with["Finance and community accountancy"]
    assert finance["referral"].url == "/support/finance/"
    offering = {p.slug for p in sample.providers if any(s.need == "finance" for s in p.services)}
    assert {link.url for link in finance["providers"]} == {f"/providers/{s}/" for s in offering}
    related = [card.url for card in plan.data["related"]]
    assert "/toolkits/full-cost-recovery-toolkit/" not in related
    assert related[0] in ("/toolkits/tendering-readiness-toolkit/",
                          "/toolkits/consortium-agreement-template/",
                          "/toolkits/bookkeeping-basics-guide/",
                          "/toolkits/cash-flow-forecast-template/")
    regional = [card.name for card in plan.data["regional"]]
    assert regional == ["Charity Finance Clinic UK (fictional)",
                        "London Tendering Partnership (fictional)"]


def test_the_links_page_groups_by_area_then_topic(sample) -> None:
    (plan,) = links_page(inputs_for(sample))
    assert plan.url == "/links/"
    assert [name for _area, name, _entries in plan.data["areas"]] == [
        "East London and the region", "London-wide", "National"]
    assert sum(len(entries) for _a, _n, entries in plan.data["areas"]) == 10
    topics = {slug: [card.name for card in cards] for slug, _name, cards in plan.data["topics"]}
    assert topics["premises"] == ["London Premises Advice Service (fictional)",
                                  "Safe Spaces Health and Safety Line (fictional)"]
    for entry in plan.data["areas"][0][2]:
        assert entry["card"].url.startswith("https://")
        assert all(link.url.startswith("/links/#topic-") for link in entry["topics"])


def test_providers_show_the_toolkits_they_wrote(sample) -> None:
    plan = provider_page(inputs_for(sample),
                         sample.lookup("providers", "ledger-lane-community-accounts"))
    groups = {group.heading: group for group in plan.data["link_groups"]["who"]}
    assert [link.url for link in groups["Toolkits we wrote"].links] == [
        "/toolkits/bookkeeping-basics-guide/", "/toolkits/cash-flow-forecast-template/"]


def test_need_pages_list_toolkits_and_regional_support(sample) -> None:
    assert TOOLKITS.contributes[NEED_PAGE] == (need_parts,)
    (section,) = need_parts(inputs_for(sample), sample.lookup("needs", "volunteering"))
    assert [card.name for card in section.data["toolkits"]] == [
        "Volunteer policy template", "Volunteer recruitment toolkit"]
    assert [card.name for card in section.data["regional"]] == [
        "Volunteer Managers' Forum East (fictional)"]
    assert section.data["topic_page"].url == "/toolkits/topic/volunteering/"
    assert list(need_parts(inputs_for(sample), sample.lookup("needs", "social-enterprise"))) == []


def test_toolkits_are_searchable_by_topic(sample) -> None:
    codes = FacetCodes.for_catalogue(sample)
    docs = {doc.key: doc for doc in search_documents(sample, codes)}
    doc = docs["toolkit/dbs-checks-fact-sheet"]
    assert (doc.kind, doc.url, doc.place) == (
        "toolkit", "/toolkits/dbs-checks-fact-sheet/", "Fact sheet by Checkpoint DBS Umbrella "
        "Service")
    assert set(codes.of("need", ["dbs", "safeguarding"])) <= set(doc.facets)
    assert codes.of("kind", ["toolkit"])[0] in doc.facets
    assert sum(key.startswith("toolkit/") for key in docs) == 23


def test_menus_link_the_library_and_the_regional_links() -> None:
    assert TOOLKITS.contributes[NAV][0][0] == 40
    assert TOOLKITS.contributes[NAV][0][1].url == "/toolkits/"
    (footer,) = TOOLKITS.contributes[FOOTER]
    assert [link.url for link in footer(None)] == ["/links/"]


def test_every_download_link_in_the_built_site_is_a_published_file(make_site,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(make_site(), out, TODAY)
    hrefs = set()
    for page in (out / "toolkits").rglob("index.html"):
        hrefs |= set(re.findall(r'href="(/toolkits/files/[^"]+)"', page.read_text()))
    assert hrefs == {"/toolkits/files/funding-bid-basics.pdf",
                     "/toolkits/files/payroll-checklist.odt"}
    for href in hrefs:
        assert (out / href.lstrip("/")).is_file()
    need_page = (out / "support/funding/index.html").read_text()
    assert 'href="/toolkits/funding-bid-basics/"' in need_page
    assert 'href="https://funding-network.example.org/"' in need_page
    assert 'href="/links/"' in (out / "index.html").read_text()  # the footer
