"""Validation of whole sites: cross-references, duplicates, freshness, URL collisions."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import TODAY
from thin_build.build import check_site
from thin_build.directory import model as directory_model

WARDS = """\
- slug: bow-east
  name: Bow East
  code: E05009319
- slug: spitalfields-banglatown
  name: Spitalfields & Banglatown
  code: E05009333
- slug: weavers
  name: Weavers
  code: E05009335
"""


def org(name: str = "New Group", extra: str = "", stage: str = "stage-1",
        verified: str | None = "2026-10-01") -> str:
    """A valid organisation file; `extra` lines go into the front matter."""
    lines = ["---", f"name: {name}", "summary: Does good things.", "wards: [weavers]",
             f"stage: {stage}"]
    lines += [line for line in extra.splitlines() if line]
    lines += [f"last_verified: {verified}"] if verified else []
    return "\n".join(lines + ["---", "Text.", ""])


def problems_of(make_site, files, today: dt.date = TODAY) -> list[str]:
    _catalogue, problems = check_site(make_site(files), today)
    return [str(p) for p in problems]


def test_base_site_is_valid_and_every_reference_resolves(make_site) -> None:
    cat, problems = check_site(make_site(), TODAY)
    assert problems == []
    assert cat is not None
    for o in cat.orgs:
        for collection, slugs in (("wards", o.wards), ("groups", o.groups),
                                  ("activities", o.activities), ("languages", o.languages),
                                  ("networks", o.networks), ("providers", o.works_with),
                                  ("needs", o.support_needs)):
            assert len(cat.lookup_many(collection, slugs)) == len(slugs)
        assert cat.lookup("stages", o.stage).slug == o.stage
    for p in cat.providers:
        assert cat.lookup("provider_types", p.type)
        for s in p.services:
            assert cat.lookup("needs", s.need)
            cat.lookup_many("stages", s.stages + s.free_for)
    assert cat.lookup("networks", "youth-network").convenor == "hub"
    assert cat.lookup("providers", "hub").borough_wide


def test_listings_are_sorted_by_slug_whatever_the_file_order(make_site) -> None:
    """`a-b.md` lists before `a.yaml` as a file name, after it as a slug."""
    files = {"orgs/a-b.md": org("Alpha Beta Group"), "orgs/a.yaml": "\n".join(
        org("Alpha Group").split("\n")[1:-3]) + "\n",
        "content/pages/a-b.md": "---\ntitle: AB\nsummary: S.\n---\nText.\n",
        "content/pages/a.md": "---\ntitle: A\nsummary: S.\n---\nText.\n"}
    cat, problems = check_site(make_site(files), TODAY)
    assert cat is not None, problems
    for name in ("orgs", "providers", "pages"):
        slugs = [item.slug for item in getattr(cat, name)]
        assert slugs == sorted(slugs), name
    assert [o.slug for o in cat.orgs][:2] == ["a", "a-b"]
    assert [p.slug for p in cat.pages] == ["a", "a-b", "about"]


def test_taxonomy_terms_keep_their_file_order(make_site) -> None:
    """Coordinators order needs and groups on purpose (the THIN plan's order)."""
    cat, _ = check_site(make_site(), TODAY)
    assert [t.slug for t in cat.groups] == ["bme", "young-people", "older-people"]


def test_duplicate_taxonomy_slug(make_site) -> None:
    groups = "- slug: bme\n  name: BME\n- slug: young-people\n  name: Young\n" \
             "- slug: bme\n  name: Again\n- slug: older-people\n  name: Older\n"
    cat, problems = check_site(make_site({"content/taxonomies/groups.yaml": groups}), TODAY)
    assert cat is None
    assert [str(p) for p in problems] == [
        "content/taxonomies/groups.yaml:5:9: error[duplicate-slug]: the slug 'bme' is used "
        "twice in content/taxonomies/groups.yaml"]


def test_unknown_network_convenor(make_site) -> None:
    networks = "- slug: youth-network\n  name: Youth Network\n  convenor: hubb\n"
    assert problems_of(make_site, {"content/taxonomies/networks.yaml": networks}) == [
        "content/taxonomies/networks.yaml:3:13: error[unknown-ref]: `convenor`: 'hubb' is not "
        "in providers/; did you mean `hub`?"]


def test_provider_typed_by_name_suggests_its_slug(make_site) -> None:
    files = {"orgs/new.md": org(extra="works_with: [Community Payroll Bureau]")}
    assert problems_of(make_site, files) == [
        "orgs/new.md:6:14: error[unknown-ref]: `works_with[1]`: 'Community Payroll Bureau' is "
        "not in providers/; did you mean `payroll-bureau` (the slug of 'Community Payroll "
        "Bureau')?"]


def test_a_missing_taxonomy_term_fails_every_record_that_uses_it(make_site) -> None:
    wards = WARDS.replace("- slug: weavers\n  name: Weavers\n  code: E05009335\n", "")
    problems = problems_of(make_site, {"content/taxonomies/wards.yaml": wards})
    assert [p.split(": ")[1] for p in problems] == ["error[unknown-ref]"] * 3
    assert {p.split(":")[0] for p in problems} == {
        "orgs/spice-kitchen.md", "orgs/weavers-green.yaml", "providers/payroll-bureau.md"}


@pytest.mark.parametrize("stage, income, warned", [
    ("stage-1", 0, False), ("stage-1", 10000, False), ("stage-1", 10001, True),
    ("stage-2", 9999, True), ("stage-2", 10000, False), ("stage-2", 1000000, False),
    ("stage-2", 1000001, True), ("stage-3", 249999, True), ("stage-3", 5000000, False),
    ("stage-3", 5000001, True),
])
def test_stage_income_warning_boundaries(make_site, stage: str, income: int,
                                         warned: bool) -> None:
    files = {"orgs/new.md": org(stage=stage, extra=f"annual_income: {income}")}
    cat, problems = check_site(make_site(files), TODAY)
    assert cat is not None  # a warning never stops the build
    expected = ["stage-income"] if warned else []
    assert [p.code for p in problems] == expected
    if warned:
        assert str(problems[0]).startswith("orgs/new.md:6:1: warning[stage-income]: annual "
                                           f"income £{income:,} is outside Stage")


@pytest.mark.parametrize("verified, code", [
    ("2026-11-25", "future-date"), ("2026-11-24", None), ("2025-11-25", None),
    ("2025-11-24", "stale"), ("2020-01-01", "stale"), (None, "unverified"),
])
def test_freshness(make_site, verified: str | None, code: str | None) -> None:
    cat, problems = check_site(make_site({"orgs/new.md": org(verified=verified)}), TODAY)
    assert [p.code for p in problems] == ([code] if code else [])
    if code == "future-date":
        assert cat is None
        assert str(problems[0]) == ("orgs/new.md:6:1: error[future-date]: `last_verified` "
                                    "2026-11-25 is in the future")
    else:
        assert cat is not None
    if code == "stale":
        assert problems[0].location.line == 6
        assert "more than 12 months ago" in problems[0].message
    if code == "unverified":
        assert str(problems[0]).startswith("orgs/new.md:1:1: warning[unverified]")


def test_stale_after_months_comes_from_the_site(make_site) -> None:
    site = (make_site() / "content/site.yaml").read_text().replace(
        "stale_after_months: 12", "stale_after_months: 1")
    files = {"content/site.yaml": site, "orgs/new.md": org(verified="2026-10-24")}
    assert [p.split(": ")[1] for p in problems_of(make_site, files)] == [
        "warning[stale]", "warning[stale]", "warning[stale]", "warning[stale]",
        "warning[stale]", "warning[stale]"]


def test_opening_and_closing_at_the_same_time_is_an_error(make_site) -> None:
    hours = 'opening_hours:\n  - days: [mon]\n    opens: "09:00"\n    closes: "9:00"'
    assert problems_of(make_site, {"orgs/new.md": org(extra=hours)}) == [
        'orgs/new.md:6:1: error[bad-time]: opens and closes at 09:00; for round-the-clock '
        'opening use "00:00" to "24:00"']


def test_round_the_clock_and_past_midnight_are_fine(make_site) -> None:
    hours = ('opening_hours:\n  - days: [mon]\n    opens: "00:00"\n    closes: "24:00"\n'
             '  - days: [sat]\n    opens: "22:00"\n    closes: "03:00"')
    cat, problems = check_site(make_site({"orgs/new.md": org(extra=hours)}), TODAY)
    assert problems == []
    assert [p.past_midnight for p in cat.lookup("orgs", "new").opening_hours] == [False, True]


@pytest.mark.parametrize("path, message", [
    ("content/pages/orgs.md", "a page called 'orgs' would replace the portal's own /orgs/ "
                              "section; rename the file"),
    ("content/pages/search.md", "a page called 'search' would replace the portal's own "
                                "/search/ section; rename the file"),
    ("content/pages/404.md", "a page called '404' would replace the portal's own /404/ "
                             "section; rename the file"),
    ("orgs/page.md", "'page' is the name of one of the portal's own pages; rename the file"),
    ("providers/by-type.md", "'by-type' is the name of one of the portal's own pages; rename "
                             "the file"),
])
def test_urls_reserved_by_the_portal(make_site, path: str, message: str) -> None:
    text = {"content": "---\ntitle: T\nsummary: S.\n---\nText.\n", "orgs": org("Paged Group"),
            "providers": (make_site() / "providers/payroll-bureau.md").read_text().replace(
                "Community Payroll Bureau", "Type Bureau").replace("payroll.example", "t.example")}
    cat, problems = check_site(make_site({path: text[path.split("/")[0]]}), TODAY)
    assert cat is None
    assert [str(p) for p in problems if p.is_error] == [f"{path}:1:1: error[url-collision]: "
                                                        f"{message}"]


def test_two_files_for_one_slug(make_site) -> None:
    yaml_copy = "name: Another\nsummary: S.\nwards: [weavers]\nstage: stage-1\n" \
                "last_verified: 2026-10-01\n"
    problems = problems_of(make_site, {"orgs/bow-youth.yaml": yaml_copy})
    assert problems == [
        f"orgs/bow-youth.{ext}:1:1: error[duplicate-slug]: orgs/bow-youth.md, "
        "orgs/bow-youth.yaml would all publish as 'bow-youth'; keep one file"
        for ext in ("md", "yaml")]


def test_all_problems_are_reported_at_once_and_sorted(make_site) -> None:
    files = {"orgs/b.md": org("Bee", extra="phone: 123\npostcode: nowhere"),
             "orgs/a.md": org("Ay", verified=None),
             "content/taxonomies/networks.yaml": "- slug: youth-network\n  name: Y\n"
                                                 "  convenor: nobody\n"}
    problems = problems_of(make_site, files)
    assert [p.split(": ")[0] + ": " + p.split(": ")[1] for p in problems] == [
        "content/taxonomies/networks.yaml:3:13: error[unknown-ref]",
        "orgs/a.md:1:1: warning[unverified]",
        "orgs/b.md:6:8: error[bad-phone]",
        "orgs/b.md:7:11: error[bad-postcode]",
    ]


def test_catalogue_is_typed(make_site) -> None:
    cat, _ = check_site(make_site(), TODAY)
    youth = cat.lookup("orgs", "bow-youth")
    assert isinstance(youth, directory_model.Organisation)
    assert youth.last_verified == dt.date(2026, 6, 12)
    assert youth.annual_income == 85000
    assert youth.postcode == "E3 2AB"
    assert youth.body == "We started in 2010. Young people run the **committee**."
