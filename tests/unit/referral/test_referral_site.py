"""Referral content, index, pages, gaps report and `thin report gaps`."""
from __future__ import annotations

import gzip
import json
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from click.testing import CliRunner

from tests.helpers import REPO, TODAY
from tests.unit.referral.referral_support import agreement, provider, referrals, service
from thin_build.build import build_site, check_site
from thin_build.cli import main
from thin_build.core.plan import BuildInputs
from thin_build.core.registry import Registry
from thin_build.directory import DIRECTORY
from thin_build.directory.listing_pages import org_page, provider_page
from thin_build.referral import REFERRAL
from thin_build.referral import urls as referral_urls
from thin_build.referral.gaps import MANY_PROVIDERS, find_gaps, gaps_text
from thin_build.referral.index import compact_json, need_details, referral_index
from thin_build.referral.pages import mailto, need_page, support_page


@pytest.fixture(scope="module")
def sample():
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, [str(p) for p in problems if p.is_error]
    return cat


def errors_of(make_site, files) -> list[str]:
    _cat, problems = check_site(make_site(files), TODAY)
    return [str(p) for p in problems if p.is_error]


# Content.

def test_referrals_file_is_optional(make_site) -> None:
    cat, problems = check_site(make_site(), TODAY)
    assert cat is not None and problems == []
    assert cat.referrals.agreements == ()


def test_a_folder_in_place_of_the_file_is_reported(make_site) -> None:
    root = make_site()
    (root / "content" / "referrals.yaml").mkdir()
    _cat, problems = check_site(root, TODAY)
    assert [str(p) for p in problems] == [
        "content/referrals.yaml:1:1: error[not-a-file]: is not a regular file"]


def test_a_list_instead_of_the_fields_is_located(make_site) -> None:
    assert errors_of(make_site, {"content/referrals.yaml": "- need: funding\n"}) == [
        "content/referrals.yaml:1:1: error[wrong-type]: expected a set of fields (agreed "
        "referral agencies)"]


def test_explanation_and_agreed_by_are_required(make_site) -> None:
    text = "agreements:\n  - need: funding\n    agency: hub\n"
    assert errors_of(make_site, {"content/referrals.yaml": text}) == [
        "content/referrals.yaml:1:1: error[required]: `agreed_by` is required: the partnership "
        "that agreed these referral routes, as named in suggestions (\"THIN's agreed referral "
        "agency for payroll\")",
        "content/referrals.yaml:2:5: error[required]: `agreements[1]`: `explanation` is "
        "required: a short explanation shown to users with the suggestions"]


def test_an_agency_with_services_that_failed_is_not_reported_twice(make_site) -> None:
    broken = provider("Alpha Advice", service(stages="[stage-9]"))
    found = errors_of(make_site, {"providers/alpha.md": broken,
                                  "content/referrals.yaml": referrals(agreement("funding",
                                                                                "alpha"))})
    assert [line.split(": error")[1][:15] for line in found] == ["[unknown-ref]: "]


def test_the_sample_agreements_are_valid_and_leave_one_need_without_an_agency(sample) -> None:
    agreed = {r.need: r.agency for r in sample.referrals.agreements}
    assert sample.referrals.agreed_by == "THIN"
    assert [n.slug for n in sample.needs if agreed.get(n.slug) is None] == ["health-and-safety"]
    assert sum(bool(r.by_group) for r in sample.referrals.agreements) >= 5


# The index and the details files.

def test_index_lists_candidates_in_name_order_with_compact_eligibility(sample) -> None:
    index = referral_index(sample)
    assert index["stages"] == [s.slug for s in sample.stages]
    names = [p[1] for p in index["providers"]]
    assert names[0] == "Banglatown BME Development Partnership"
    funding = index["needs"]["funding"]
    position = {p[0]: n for n, p in enumerate(index["providers"])}
    assert funding["agency"] == position["east-end-voluntary-action-hub"]
    assert [g[:2] for g in funding["groupAgencies"]][0] == [
        index["groups"].index("bme"), position["banglatown-bme-development-partnership"]]
    banglatown = dict(funding["candidates"])[position["banglatown-bme-development-partnership"]]
    assert banglatown == [[[0, 1], [index["groups"].index("bme")], [0, 1]]]
    silver = index["providers"][position["silver-thread-alliance"]]
    assert silver[2] == 0 and len(silver[3]) == 7
    assert index["needs"]["health-and-safety"]["agency"] is None


def test_details_follow_the_index_service_order(sample) -> None:
    index = referral_index(sample)
    for need in sample.needs:
        details = need_details(sample, need)
        for position, services in index["needs"][need.slug]["candidates"]:
            slug = index["providers"][position][0]
            assert len(details["providers"][slug]["services"]) == len(services)
    funding = need_details(sample, sample.lookup("needs", "funding"))
    grantwise = funding["providers"]["grantwise-east"]
    assert [s["title"] for s in grantwise["services"]] == ["One-to-one bid review",
                                                            "Funding search"]
    assert grantwise["url"] == "/providers/grantwise-east/"


def test_index_grows_with_providers_not_with_answers(make_site) -> None:
    def size(count: int) -> int:
        files = {f"providers/p{n:03d}.md": provider(
            f"Provider {n:03d}", service(free="[stage-1]"), service(need="premises"),
            wards="[weavers]" if n % 3 else "[borough-wide]", languages="[english, bengali]")
            for n in range(count)}
        cat, _problems = check_site(make_site(files), TODAY)
        return len(compact_json(referral_index(cat)))
    sizes = [size(count) for count in (20, 40, 80)]
    # Each extra provider adds about the same bytes, whatever the number of answers.
    assert 1.9 < (sizes[2] - sizes[1]) / (sizes[1] - sizes[0]) < 2.1


def test_the_sample_index_is_small(tmp_path) -> None:
    out = tmp_path / "site"
    build_site(REPO, out, TODAY)
    data = (out / "support" / "referral-index.json").read_bytes()
    assert len(gzip.compress(data, 9)) < 5_000
    assert json.loads(data)["version"] == 1
    assert sorted(p.name for p in (out / "support").iterdir() if p.is_file()) == [
        "index.html", "referral-index.json"]
    assert (out / "support" / "funding" / "services.json").is_file()
    assert (out / "support" / "funding" / "index.html").is_file()
    assert (out / "reports" / "gaps" / "index.html").is_file()


# Gaps and duplication.

def test_gaps_of_the_sample(sample) -> None:
    gaps = find_gaps(sample)
    assert [(n.slug, s.slug) for n, s in gaps.unserved] == [
        ("ict", "stage-3"), ("premises", "stage-3"), ("quality", "stage-1"),
        ("commissioning", "stage-1")]
    assert [(n.slug, p.slug) for n, p in gaps.single_provider] == [
        ("payroll", "ledger-lane-community-accounts"), ("dbs", "checkpoint-dbs-umbrella"),
        ("ict", "circuit-community-tech"), ("commissioning", "east-end-voluntary-action-hub")]
    assert [(n.slug, groups) for n, groups in gaps.not_agreed] == [("health-and-safety", ())]
    assert all(len(o.providers) >= MANY_PROVIDERS for o in gaps.overlaps)
    assert [(o.need.slug, o.stage.slug) for o in gaps.overlaps] == [
        ("funding", "stage-2"), ("training", "stage-2"), ("governance", "stage-2"),
        ("governance", "stage-3"), ("evaluation", "stage-2")]


def test_overlaps_leave_out_services_for_some_groups(make_site) -> None:
    files = {f"providers/p{n}.md": provider(f"Provider {n}", service(
        groups="[bme]" if n == 3 else "")) for n in range(4)}
    gaps = find_gaps(check_site(make_site(files), TODAY)[0])
    funding = [(o.stage.slug, [p.slug for p in o.providers]) for o in gaps.overlaps]
    assert funding == [("stage-1", ["hub", "p0", "p1", "p2"]),
                       ("stage-2", ["hub", "p0", "p1", "p2"])]


def test_a_need_agreed_only_for_some_groups_counts_as_not_agreed(make_site) -> None:
    files = {"content/referrals.yaml": referrals(agreement("funding", None, bme="hub"))}
    cat, _ = check_site(make_site(files), TODAY)
    gaps = find_gaps(cat)
    assert [(n.slug, [g.slug for g in groups]) for n, groups in gaps.not_agreed] == [
        ("funding", ["bme"]), ("payroll", []), ("premises", [])]
    assert "  Funding and fundraising (agreed only for groups working with BME communities)" \
        in gaps_text(gaps)


def test_report_gaps_command(sample) -> None:
    result = CliRunner().invoke(main, ["report", "gaps", "--root", str(REPO), "--today",
                                       TODAY.isoformat()])
    assert result.exit_code == 0, result.output
    assert result.stdout == gaps_text(find_gaps(sample))
    assert "Needs with no agreed referral agency (1):\n  Health and safety\n" in result.stdout


def test_report_gaps_on_broken_content_lists_problems_and_fails(make_site) -> None:
    root = make_site({"content/referrals.yaml": "agreed_by: THIN\nagreements: []\nfoo: 1\n"})
    result = CliRunner().invoke(main, ["report", "gaps", "--root", str(root)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "content/referrals.yaml:3:1: error[unknown-key]" in result.stderr


# Pages.

def test_support_page_offers_every_answer(sample) -> None:
    plan = support_page(sample)
    assert plan.url == referral_urls.support() == "/support/"
    assert len(plan.data["needs"]) == len(sample.needs)
    assert plan.data["needs"][0]["details"].endswith("/services.json")
    assert [s.slug for s in plan.data["stages"]] == ["stage-1", "stage-2", "stage-3"]
    assert plan.data["index"] == "/support/referral-index.json"


def test_need_page_groups_providers_by_stage_agreed_agency_first(sample) -> None:
    plan = need_page(sample, sample.lookup("needs", "funding"))
    assert plan.url == "/support/funding/"
    stages = {stage.slug: [e["name"] for e in entries] for stage, entries in plan.data["stages"]}
    assert stages["stage-3"] == ["Grantwise East", "Island Social Enterprise Exchange"]
    assert stages["stage-1"][0] == "East End Voluntary Action Hub"
    assert stages["stage-1"][1:4] == ["Banglatown BME Development Partnership",
                                      "Silver Thread Alliance", "Young East Partnership"]
    first = plan.data["stages"][0][1][0]
    assert first["agreements"] == ("THIN's agreed referral agency for funding and fundraising",)
    assert first["mailto"].startswith("mailto:referrals@eeva-hub.example.org?subject=Referral%20"
                                      "request%3A%20Funding%20and%20fundraising&body=")
    empty = need_page(sample, sample.lookup("needs", "ict"))
    assert dict((s.slug, e) for s, e in empty.data["stages"])["stage-3"] == ()


def inputs_for(catalogue) -> BuildInputs:
    """Build inputs with only the referral's contributions: other rooms add to the same
    pages (a provider's toolkits), and these tests are about the referral's part."""
    return BuildInputs(catalogue, TODAY, Registry((DIRECTORY, REFERRAL)).contributions())


def group_links(plan, slot: str) -> tuple:
    """The links of the one group the referral contributes to a listing page's slot."""
    (group,) = plan.data["link_groups"][slot]
    return group.links


def test_provider_pages_link_to_their_agreed_needs(sample) -> None:
    banglatown = sample.lookup("providers", "banglatown-bme-development-partnership")
    plan = provider_page(inputs_for(sample), banglatown)
    links = [(link.text, link.url) for link in group_links(plan, "who")]
    assert ("Funding and fundraising, for groups working with BME communities",
            "/support/funding/") in links
    assert all(url.startswith("/support/") for _text, url in links)
    plain = provider_page(inputs_for(sample),
                          sample.lookup("providers", "ledger-lane-community-accounts"))
    assert [link.text for link in group_links(plain, "who")] == [
        "Finance and community accountancy", "Payroll"]
    unagreed = provider_page(inputs_for(sample), sample.lookup("providers", "grantwise-east"))
    assert unagreed.data["link_groups"]["who"] == ()  # no heading without links


def test_organisation_pages_suggest_support_with_their_answers(sample) -> None:
    plan = org_page(inputs_for(sample), sample.lookup("orgs", "nari-shongho-womens-group"))
    links = {link.text: parse_qs(urlsplit(link.url).query)
             for link in group_links(plan, "what-we-do")}
    assert links["Funding and fundraising"] == {
        "need": ["funding"], "stage": ["stage-2"], "group": ["bme"], "ward": ["shadwell"]}
    assert all(link.url.startswith("/support/?need=") for link in group_links(plan, "what-we-do"))


@pytest.mark.parametrize("email, expected", [
    ("referrals@example.org", "mailto:referrals@example.org"),
    ("a&b?c=d#e@example.org", "mailto:a%26b%3Fc%3Dd%23e@example.org"),
])
def test_mailto_encodes_the_address_subject_and_body(email: str, expected: str) -> None:
    url = mailto(email, "Referral: A & B?", "Line one\nLine two & more")
    assert url.startswith(expected + "?subject=")
    query = url.partition("?")[2]
    assert dict(part.split("=") for part in query.split("&")) == {
        "subject": "Referral%3A%20A%20%26%20B%3F",
        "body": "Line%20one%0D%0ALine%20two%20%26%20more"}
    assert unquote(query.split("body=")[1]) == "Line one\r\nLine two & more"


def test_the_page_script_never_builds_markup_from_data() -> None:
    script = (REPO / "templates" / "static" / "referral" / "referral.js").read_text(encoding="utf-8")
    for unsafe in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                   "new Function"):
        assert unsafe not in script, unsafe
