"""The referral ranking: each rule, in order, and the reasons each suggestion carries."""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from tests.unit.referral.referral_support import (
    agreement,
    differences,
    provider,
    referrals,
    service,
)
from thin_build.build import check_site
from thin_build.core.catalogue import Catalogue
from thin_build.directory import model as directory_model
from thin_build.referral import model as referral_model
from thin_build.referral.rank import (
    Query,
    agreed_needs,
    explanation,
    lower_first,
    query_for_org,
    rank,
    stage_label,
)

# Funding providers, each different from the others in one way; the base site's hub
# (borough-wide, English and Bengali, BME specialist, funding free for Stage 1) joins them.
PROVIDERS = {
    "providers/alpha.md": provider("Alpha Advice", service(stages="[stage-1, stage-2, stage-3]")),
    "providers/beta.md": provider("Beta Local", wards="[weavers]"),
    "providers/gamma.md": provider("Gamma Grants", service(free="[stage-1]")),
    "providers/delta.md": provider("Delta Bengali", languages="[bengali]"),
    "providers/elders.md": provider("Elders Alliance", specialisms="[older-people]"),
    "providers/youth.md": provider("Youth Funding", service(groups="[young-people]")),
}
HUB = "hub"


@pytest.fixture
def catalogue(make_site):
    """The scratch catalogue, with the given content/referrals.yaml (or none)."""
    def build(agreements: str | None = None, extra: dict | None = None) -> Catalogue:
        files = dict(PROVIDERS) | (extra or {})
        if agreements is not None:
            files["content/referrals.yaml"] = agreements
        cat, problems = check_site(make_site(files), TODAY)
        assert cat is not None, [str(p) for p in problems if p.is_error]
        return cat
    return build


def ranked(cat: Catalogue, *args) -> list[str]:
    return [s.provider.slug for s in rank(cat, Query(*args))]


def reasons(cat: Catalogue, *args) -> dict[str, tuple[str, ...]]:
    return {s.provider.slug: s.reasons for s in rank(cat, Query(*args))}


# Rule 1: eligibility.

def test_only_providers_offering_the_need(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "payroll", "stage-2", None, "weavers") == ["payroll-bureau"]
    assert ranked(cat, "payroll", "stage-2") == []  # the bureau covers two wards only


def test_only_services_for_the_stage(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "funding", "stage-3") == ["alpha"]
    assert ranked(cat, "funding", "stage-2") == ["alpha", "delta", "elders", HUB, "gamma"]


def test_no_ward_means_providers_covering_the_whole_borough(catalogue) -> None:
    cat = catalogue()
    assert "beta" not in ranked(cat, "funding", "stage-1")
    assert "beta" in ranked(cat, "funding", "stage-1", None, "weavers")
    assert "beta" not in ranked(cat, "funding", "stage-1", None, "bow-east")


def test_services_for_some_groups_are_for_those_groups_only(catalogue) -> None:
    cat = catalogue()
    assert "youth" not in ranked(cat, "funding", "stage-1")
    assert "youth" not in ranked(cat, "funding", "stage-1", "bme")
    assert ranked(cat, "funding", "stage-1", "young-people")[0] == "youth"
    # The hub's premises service is for BME groups only.
    assert ranked(cat, "premises", "stage-1") == []
    assert ranked(cat, "premises", "stage-1", "bme") == [HUB]


def test_a_suggestion_lists_only_the_services_that_fit(catalogue) -> None:
    extra = {"providers/alpha.md": provider(
        "Alpha Advice", service(title="For beginners", stages="[stage-1]"),
        service(title="For everyone", stages="[stage-1, stage-2, stage-3]"))}
    cat = catalogue(extra=extra)
    first, = [s for s in rank(cat, Query("funding", "stage-3"))]
    assert [s.title for s in first.services] == ["For everyone"]
    alpha = next(s for s in rank(cat, Query("funding", "stage-1")) if s.provider.slug == "alpha")
    assert [s.title for s in alpha.services] == ["For beginners", "For everyone"]


# Rules 2 to 7, each with its reason.

def test_agreed_agency_for_the_need_comes_first(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "gamma")))
    assert ranked(cat, "funding", "stage-2") == ["gamma", "alpha", "delta", "elders", HUB]
    assert reasons(cat, "funding", "stage-2")["gamma"] == (
        "THIN's agreed referral agency for funding and fundraising",)


def test_agreed_agency_for_the_group_comes_before_the_needs(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "alpha", bme="delta")))
    assert ranked(cat, "funding", "stage-2", "bme")[:3] == ["delta", "alpha", HUB]
    assert reasons(cat, "funding", "stage-2", "bme")["delta"] == (
        "THIN's agreed referral agency for funding and fundraising for groups working with "
        "BME communities",)
    assert ranked(cat, "funding", "stage-2", "older-people")[0] == "alpha"


def test_an_agreed_agency_that_cannot_serve_the_group_is_skipped(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "alpha", older_people="beta")))
    assert ranked(cat, "funding", "stage-2", "older-people")[0] == "alpha"
    assert ranked(cat, "funding", "stage-2", "older-people", "weavers")[:2] == ["beta", "alpha"]
    assert ranked(cat, "funding", "stage-3", "older-people", "weavers") == ["alpha"]


def test_the_partnership_is_named_in_the_reason(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "alpha"), agreed_by="Bow Network"))
    assert reasons(cat, "funding", "stage-2")["alpha"] == (
        "Bow Network's agreed referral agency for funding and fundraising",)


def test_specialists_in_the_group_come_next(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "funding", "stage-2", "older-people")[0] == "elders"
    assert reasons(cat, "funding", "stage-2", "older-people")["elders"] == (
        "specialist in support for older people",)
    # A service meant for the group makes its provider a specialist too.
    assert reasons(cat, "funding", "stage-2", "young-people")["youth"] == (
        "specialist in support for young people",)


def test_local_providers_come_next(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "funding", "stage-2", None, "weavers")[0] == "beta"
    assert reasons(cat, "funding", "stage-2", None, "weavers")["beta"] == (
        "works locally in Weavers",)
    # Covering the whole borough is not "local".
    assert reasons(cat, "funding", "stage-2", None, "weavers")["alpha"] == ()


def test_free_for_the_stage_comes_next(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "funding", "stage-1") == [HUB, "gamma", "alpha", "delta", "elders"]
    assert reasons(cat, "funding", "stage-1")["gamma"] == ("free for Stage 1 groups",)
    assert reasons(cat, "funding", "stage-2")["gamma"] == ()


def test_language_comes_next(catalogue) -> None:
    cat = catalogue()
    assert ranked(cat, "funding", "stage-2", None, None, "bengali") == [
        "delta", HUB, "alpha", "elders", "gamma"]
    assert reasons(cat, "funding", "stage-2", None, None, "bengali")["delta"] == (
        "advice in Bengali",)


def test_ties_are_broken_by_name(catalogue) -> None:
    cat = catalogue(extra={"providers/aardvark.md": provider("The Zebra Trust"),
                           "providers/zeta.md": provider("Ánchor Aid")})
    assert ranked(cat, "funding", "stage-2") == [
        "alpha", "zeta", "delta", "elders", HUB, "gamma", "aardvark"]


@pytest.mark.parametrize("query, before, after", [
    (("funding", "stage-2", "older-people"), "alpha", "elders"),              # agreed > specialist
    (("funding", "stage-1", "older-people", "weavers"), "elders", "beta"),    # specialist > local
    (("funding", "stage-1", None, "weavers"), "beta", "gamma"),               # local > free
    (("funding", "stage-1", None, None, "bengali"), "gamma", "delta"),        # free > language
    (("funding", "stage-2", None, None, "bengali"), "delta", "elders"),       # language > name
])
def test_each_rule_outranks_the_next(catalogue, query, before, after) -> None:
    order = ranked(catalogue(referrals(agreement("funding", "alpha"))), *query)
    assert order.index(before) < order.index(after)


def test_every_reason_at_once_in_rule_order(catalogue) -> None:
    extra = {"providers/beta.md": provider("Beta Local", service(free="[stage-1]"),
                                           wards="[weavers]", languages="[somali]",
                                           specialisms="[bme]")}
    cat = catalogue(referrals(agreement("funding", "alpha", bme="beta")), extra)
    assert rank(cat, Query("funding", "stage-1", "bme", "weavers", "somali"))[0].reasons == (
        "THIN's agreed referral agency for funding and fundraising for groups working with "
        "BME communities",
        "specialist in support for BME communities",
        "works locally in Weavers",
        "free for Stage 1 groups",
        "advice in Somali")


def test_without_referrals_file_the_other_rules_still_rank(catalogue) -> None:
    cat = catalogue()
    assert cat.referrals == referral_model.ReferralAgreements()
    assert explanation(cat, "funding", None) is None
    assert ranked(cat, "funding", "stage-2")[0] == "alpha"


def test_explanation_prefers_the_groups_own(catalogue) -> None:
    text = referrals(agreement("funding", "alpha", bme="delta")) + \
        "        explanation: Delta speaks Bengali.\n"
    cat = catalogue(text)
    assert explanation(cat, "funding", None) == "Agreed for funding."
    assert explanation(cat, "funding", "bme") == "Delta speaks Bengali."
    assert explanation(cat, "funding", "older-people") == "Agreed for funding."
    assert explanation(cat, "payroll", None) is None


def test_the_page_ranks_every_answer_exactly_as_python(catalogue, tmp_path) -> None:
    """Runs templates/static/referral/referral.js in Node over every combination on this scratch
    site, with and without agreements (the sample site's test is in test_referral_js)."""
    for text in (None, referrals(agreement("funding", "alpha", bme="delta", older_people="beta"),
                                 agreement("premises", HUB))):
        assert differences(catalogue(text), tmp_path) == []


# Helpers the pages use.

@pytest.mark.parametrize("text, expected", [
    ("Funding and fundraising", "funding and fundraising"), ("ICT support", "ICT support"),
    ("HR and employment advice", "HR and employment advice"),
    ("BME communities", "BME communities"),
    ("Young people", "young people"), ("A", "A"), ("", "")])
def test_lower_first(text: str, expected: str) -> None:
    assert lower_first(text) == expected


def test_stage_label() -> None:
    stage = directory_model.Stage(slug="stage-1", name="Stage 1: emerging", income_guide="",
                        min_income=0, max_income=1)
    assert stage_label(stage) == "Stage 1"
    assert stage_label(directory_model.Stage(slug="s", name="Emerging", income_guide="", min_income=0,
                                   max_income=1)) == "Emerging"


def test_agreed_needs_lists_need_and_group_agreements(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "alpha", bme="delta"),
                              agreement("payroll", None, bme="payroll-bureau"),
                              agreement("premises", HUB)))
    found = {p.slug: [(n.slug, g.slug if g else None) for n, g in agreed_needs(cat, p.slug)]
             for p in cat.providers}
    assert found["alpha"] == [("funding", None)]
    assert found["delta"] == [("funding", "bme")]
    assert found["payroll-bureau"] == [("payroll", "bme")]
    assert found[HUB] == [("premises", None)]
    assert found["gamma"] == []


def test_an_organisations_answers_prefer_a_group_with_its_own_agency(catalogue) -> None:
    cat = catalogue(referrals(agreement("funding", "alpha", bme="delta")))
    org = directory_model.Organisation(slug="x", path="orgs/x.md", name="X", summary="S.", stage="stage-1",
                             wards=("weavers", "bow-east"), groups=("young-people", "bme"))
    assert query_for_org(cat, org, "funding") == {
        "need": "funding", "stage": "stage-1", "group": "bme", "ward": "weavers"}
    assert query_for_org(cat, org, "premises")["group"] == "young-people"
    bare = directory_model.Organisation(slug="y", path="orgs/y.md", name="Y", summary="S.",
                              stage="stage-2")
    assert query_for_org(cat, bare, "funding") == {"need": "funding", "stage": "stage-2"}
