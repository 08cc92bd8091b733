"""BAD-INPUTS.md, "Data quality": duplicates reported in both files, unknown
references with a "did you mean", and freshness warnings that also mark the page.
"""
from __future__ import annotations

import pytest

from tests.helpers import TODAY
from tests.unit.bad_inputs_support import (
    EXTRA_LINE,
    ORG_PATH,
    Page,
    build_fails,
    find,
    org,
    problems_for,
)
from thin_build.build import build_site, check_site
from thin_build.core.errors import Severity

BASE_ORG = "orgs/bow-youth.md"  # name line 2, charity 4, website 5, email 6, phone 7
BASE_LINES = {"name": 2, "charity_number": 4, "website": 5, "email": 6, "phone": 7}


# ------------------------------------------------------------------ duplicates ---

SAME_ORG = [
    pytest.param(org(name="The Bow Youth Project Ltd"), "name", 2, id="the-ltd"),
    pytest.param(org(name="BOW YOUTH PROJECT"), "name", 2, id="capitals"),
    pytest.param(org(name="Bow Youth Project CIC"), "name", 2, id="cic"),
    pytest.param(org(name="Bow  Youth   Project."), "name", 2, id="spacing-punctuation"),
    pytest.param(org(name="Ｂｏｗ Youth Project"), "name", 2, id="full-width"),
    pytest.param(org('charity_number: "9000001"', name="Another Name"), "charity_number",
                 EXTRA_LINE, id="charity-number"),
]


@pytest.mark.parametrize("text, field, line", SAME_ORG)
def test_duplicate_organisations_are_errors_in_both_files(make_site, text, field, line) -> None:
    problems = build_fails(make_site, {ORG_PATH: text})
    label = field.replace("_", " ")
    ours = find(problems, "duplicate-org", ORG_PATH, line)
    theirs = find(problems, "duplicate-org", BASE_ORG, BASE_LINES[field])
    assert ours.message.startswith(f"has the same {label} as {BASE_ORG}")
    assert theirs.message.startswith(f"has the same {label} as {ORG_PATH}")


def test_same_company_number_in_two_new_files(make_site) -> None:
    second = "orgs/second-group.md"
    problems = problems_for(make_site, {
        ORG_PATH: org('company_number: "01234567"', name="First Company"),
        second: org('company_number: "01234567"', name="Unrelated Second")})
    find(problems, "duplicate-org", ORG_PATH, EXTRA_LINE)
    find(problems, "duplicate-org", second, EXTRA_LINE)


POSSIBLE = [
    pytest.param("website: http://www.bow-youth.example.org", "website", id="www-http"),
    pytest.param("website: HTTPS://BOW-YOUTH.EXAMPLE.ORG", "website", id="capitals"),
    pytest.param("email: HELLO@Bow-Youth.example.org", "email", id="email-case"),
    pytest.param("phone: +44 20 7946 0001", "phone", id="phone-plus-44"),
    pytest.param("phone: (020) 7946-0001", "phone", id="phone-punctuation"),
]


@pytest.mark.parametrize("extra, field", POSSIBLE)
def test_shared_contact_details_warn_in_both_files(make_site, extra, field) -> None:
    root = make_site({ORG_PATH: org(extra, name="Quite Different Group")})
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is not None  # a warning: the build still goes ahead
    for path, line in ((ORG_PATH, EXTRA_LINE), (BASE_ORG, BASE_LINES[field])):
        problem = find(problems, "possible-duplicate", path, line)
        assert problem.severity is Severity.WARNING
        assert f"has the same {field}" in problem.message
    build_site(root, root.parent / "site", TODAY)


def test_nearly_the_same_name_is_a_warning_in_both_files(make_site) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(name="Bow Youth Projects")})
    for path in (ORG_PATH, BASE_ORG):
        assert "very similar name" in find(problems, "possible-duplicate", path, 2).message


# -------------------------------------------------------------- unknown refs -----

def _replace(make_site, rel: str, old: str, new: str) -> dict:
    text = (make_site() / rel).read_text(encoding="utf-8")
    assert old in text
    return {rel: text.replace(old, new, 1)}


REFS = [
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("languages: [bengli]")}, EXTRA_LINE, 13,
                 "did you mean `bengali`", id="language"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("activities: [youth-club]")}, EXTRA_LINE,
                 14, "did you mean `youth-clubs`?", id="activity"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("networks: [youth-netwrk]")}, EXTRA_LINE,
                 12, "did you mean `youth-network`?", id="network"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("works_with: [Example Voluntary Action Hub]")},
                 EXTRA_LINE, 14, "did you mean `hub` (the slug of 'Example Voluntary Action Hub')",
                 id="provider-by-name"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("support_needs: [fundng]")}, EXTRA_LINE, 17,
                 "did you mean `funding`?", id="need"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org("groups: [Young People]")}, EXTRA_LINE, 10,
                 "did you mean `young-people` (the slug of 'Young people')", id="group-by-name"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org().replace("[bow-east]", "[bow-eastt]")}, 4,
                 9, "did you mean `bow-east`?", id="ward"),
    pytest.param(ORG_PATH, lambda m: {ORG_PATH: org().replace("stage: stage-1", "stage: Stage 1")},
                 5, 8, "did you mean `stage-1`", id="stage"),
    pytest.param("providers/payroll-bureau.md",
                 lambda m: _replace(m, "providers/payroll-bureau.md", "type: network",
                                    "type: netwrk"),
                 3, 7, "did you mean `network`?", id="provider-type"),
    pytest.param("content/taxonomies/networks.yaml",
                 lambda m: _replace(m, "content/taxonomies/networks.yaml", "convenor: hub",
                                    "convenor: hubb"), 3, 13, "did you mean `hub`?",
                 id="network-convenor"),
    pytest.param("providers/hub.md",
                 lambda m: _replace(m, "providers/hub.md", "need: premises", "need: premisses"),
                 None, None, "did you mean `premises`?", id="service-need"),
]


@pytest.mark.parametrize("rel, files, line, column, hint", REFS)
def test_unknown_references_suggest_what_was_meant(make_site, rel, files, line, column,
                                                   hint) -> None:
    problems = build_fails(make_site, files(make_site))
    problem = find(problems, "unknown-ref", rel, line, column)
    assert hint in problem.message


# ---------------------------------------------------------------- freshness ------

FRESHNESS = [
    # (file, last_verified line or None to leave it out, expected warning, needs review)
    ("exactly-a-year", "2025-11-24", "stale", True),
    ("a-day-short", "2025-11-25", None, False),
    ("years-old", "2020-01-01", "stale", True),
    ("today", "2026-11-24", None, False),
    ("never", None, "unverified", True),
]


@pytest.fixture(scope="module")
def freshness_site(tmp_path_factory):
    import shutil

    from tests.helpers import BASE_SITE
    root = tmp_path_factory.mktemp("fresh") / "repo"
    shutil.copytree(BASE_SITE, root)
    for number, (slug, date, _, _) in enumerate(FRESHNESS):
        text = org(name=f"Freshness {slug.title()} {number}", last_verified=date or "~")
        (root / f"orgs/{slug}.md").write_text(text, encoding="utf-8")
    _catalogue, problems = check_site(root, TODAY)
    out = root.parent / "site"
    build_site(root, out, TODAY)
    return problems, out


@pytest.mark.parametrize("slug, date, code, review", FRESHNESS)
def test_stale_and_unverified_listings_warn_and_are_marked(freshness_site, slug, date, code,
                                                           review) -> None:
    problems, out = freshness_site
    mine = [p for p in problems if p.location.path == f"orgs/{slug}.md"
            and p.code in ("stale", "unverified")]
    if code is None:
        assert mine == []
    else:
        assert [p.code for p in mine] == [code] and mine[0].severity is Severity.WARNING
        assert mine[0].location.line == (6 if code == "stale" else 1)
    page = Page((out / f"orgs/{slug}/index.html").read_text(encoding="utf-8"))
    marked = [attrs for tag, attrs in page.elements if attrs.get("class") == "needs-review"]
    assert bool(marked) == review
    assert ("Needs review:" in page.text_of("main")) == review


def test_review_age_follows_the_site_setting(make_site) -> None:
    files = _replace(make_site, "content/site.yaml", "stale_after_months: 12",
                     "stale_after_months: 1")
    root = make_site(files)
    _catalogue, problems = check_site(root, TODAY)
    find(problems, "stale", "providers/payroll-bureau.md")
    out = root.parent / "site"
    build_site(root, out, TODAY)
    page = (out / "providers/payroll-bureau/index.html").read_text(encoding="utf-8")
    assert 'class="needs-review"' in page
