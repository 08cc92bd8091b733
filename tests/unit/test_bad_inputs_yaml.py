"""BAD-INPUTS.md, "YAML": safe loading only, no tags or aliases, no silent duplicate
keys, no YAML 1.1 implicit typing, "required" for empty values and "did you mean"
for unknown keys; each problem points at its file, line and column.
"""
from __future__ import annotations

import time

import pytest

from tests.helpers import TODAY
from tests.unit.bad_inputs_support import (
    EXTRA_LINE,
    ORG_PAGE,
    ORG_PATH,
    Page,
    build,
    build_fails,
    find,
    only_errors_in,
    org,
    problems_for,
)
from thin_build.build import check_site

# ----------------------------------------------------------------------- tags ---

def test_python_tags_never_construct_objects(make_site, tmp_path) -> None:
    canary = tmp_path / "pwned"
    text = org(f'opening_hours_note: !!python/object/apply:builtins.open ["{canary}", "w"]')
    problems = problems_for(make_site, {ORG_PATH: text})
    problem = find(problems, "yaml-tag", ORG_PATH, EXTRA_LINE, 21)
    assert "unknown tag 'tag:yaml.org,2002:python/object/apply:builtins.open'" in problem.message
    assert not canary.exists()


TAGS = [
    pytest.param(org(name="!!python/object/apply:os.system [echo pwned]"), 2, 7,
                 "python/object/apply:os.system", id="os-system"),
    pytest.param(org(name="!!python/name:os.system"), 2, 7, "python/name:os.system", id="name"),
    pytest.param(org("logo: !!binary aGVsbG8="), EXTRA_LINE, 7, "binary", id="binary"),
    pytest.param(org(name="!custom Bow Group"), 2, 7, "!custom", id="local-tag"),
    pytest.param(org("groups: !!set {bme: null}"), EXTRA_LINE, 9, "set", id="set"),
    pytest.param(org("groups: !!omap [{a: b}]"), EXTRA_LINE, 9, "omap", id="omap"),
    pytest.param(org("groups: [bme, !!python/none x]"), EXTRA_LINE, 15, "python/none",
                 id="in-a-list"),
    pytest.param(org(name="!<tag:example.org,2026:x> Bow"), 2, 7, "tag:example.org,2026:x",
                 id="verbatim"),
    pytest.param(org("!!python/object:os.system webiste: x"), EXTRA_LINE, 1,
                 "python/object:os.system", id="on-a-key"),
]


@pytest.mark.parametrize("text, line, column, tag", TAGS)
def test_unknown_tags_are_errors_with_their_line(make_site, text, line, column, tag) -> None:
    problems = problems_for(make_site, {ORG_PATH: text})
    problem = find(problems, "yaml-tag", ORG_PATH, line, column)
    assert problem.message.startswith("unknown tag ") and tag in problem.message


def test_tag_directive_in_a_yaml_file_is_still_an_unknown_tag(make_site) -> None:
    text = ("%TAG !py! tag:yaml.org,2002:python/\n---\n"
            "name: !py!object/apply:os.system [ls]\nsummary: s\nwards: [weavers]\nstage: stage-1\n")
    problems = problems_for(make_site, {"orgs/tagged.yaml": text})
    problem = find(problems, "yaml-tag", "orgs/tagged.yaml", 3, 7)
    assert "python/object/apply:os.system" in problem.message


def test_standard_tags_are_just_text(make_site) -> None:
    root = make_site({ORG_PATH: org("charity_number: !!str 1234567", name="!!str 1.10")})
    catalogue, problems = check_site(root, TODAY)
    group = next(o for o in catalogue.orgs if o.path == ORG_PATH)
    assert (group.name, group.charity_number) == ("1.10", "1234567")


# ---------------------------------------------------------- anchors and aliases ---

ALIASES = [
    pytest.param(org("accessibility: *s", summary="&s Helps people."), EXTRA_LINE, id="value"),
    pytest.param(org("groups: &g [bme]\nactivities: *g"), EXTRA_LINE + 1, id="list"),
    pytest.param(org("opening_hours:\n  - &base\n    days: [mon]\n    opens: '09:00'\n"
                     "    closes: '17:00'\n  - <<: *base\n    days: [tue]"),
                 EXTRA_LINE + 5, id="merge-key"),
    pytest.param(org("*k : https://x.example.org/", name="&k website"), EXTRA_LINE,
                 id="alias-as-key"),
    pytest.param(org("&k accessibility: Ramp\nopening_hours_note: *k"), EXTRA_LINE + 1,
                 id="anchored-key-as-value"),
]


@pytest.mark.parametrize("text, line", ALIASES)
def test_aliases_are_refused_where_they_are_used(make_site, text, line) -> None:
    problems = problems_for(make_site, {ORG_PATH: text})
    problem = find(problems, "yaml-alias", ORG_PATH, line)
    assert "are not allowed: write the" in problem.message
    assert not [p for p in problems if p.code == "yaml-tag"]


def _alias_bomb(levels: int = 12, width: int = 12) -> str:
    lines = ["a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize("rel, text, first_line", [
    pytest.param("orgs/bomb.yaml", _alias_bomb(), 2, id="yaml-file"),
    pytest.param(ORG_PATH, org(_alias_bomb()), EXTRA_LINE + 1, id="front-matter"),
    pytest.param("content/site.yaml", _alias_bomb() + "\ntitle: *a11", 2, id="site-settings"),
])
def test_billion_laughs_is_refused_fast(make_site, rel, text, first_line) -> None:
    root = make_site({rel: text})  # 12**12 strings if expanded
    start = time.perf_counter()
    _catalogue, problems = check_site(root, TODAY)
    assert time.perf_counter() - start < 2
    aliases = [p for p in problems if p.code == "yaml-alias" and p.location.path == rel]
    assert aliases and min(p.location.line for p in aliases) == first_line
    assert len(problems) < 200


# --------------------------------------------------------------- duplicate keys ---

DUPLICATES = [
    pytest.param(ORG_PATH, org("name: Again"), "name", 2, EXTRA_LINE, id="name"),
    pytest.param(ORG_PATH, org('"summary": Again'), "summary", 3, EXTRA_LINE, id="quoted-key"),
    pytest.param(ORG_PATH, org("opening_hours:\n  - days: [mon]\n    opens: '09:00'\n"
                               "    opens: '10:00'\n    closes: '17:00'"), "opens", 9, 10,
                 id="nested"),
    pytest.param(ORG_PATH, org("last_verified: 2026-11-01"), "last_verified", 6, EXTRA_LINE,
                 id="date"),
    pytest.param("content/taxonomies/needs.yaml", "- slug: funding\n  name: A\n  name: B\n",
                 "name", 2, 3, id="taxonomy"),
    pytest.param("content/site.yaml", "title: A\ntagline: t\nborough: b\ndescription: d\n"
                 "base_url: https://a.example.org/\nrepository_url: https://g.example.org/r\n"
                 "contact_email: a@example.org\ntitle: B\n", "title", 1, 8, id="site"),
]


@pytest.mark.parametrize("rel, text, key, first, second", DUPLICATES)
def test_duplicate_keys_name_both_lines(make_site, rel, text, key, first, second) -> None:
    problems = problems_for(make_site, {rel: text})
    problem = find(problems, "duplicate-key", rel, second)
    assert f"`{key}` is given twice, on line {first} and line {second}" in problem.message


# ------------------------------------------------------ implicit typing is off ---

IMPLICIT = ["NO", "no", "Yes", "on", "OFF", "true", "1.10", "12:30", "0123456", "0x1F", "1e3",
            ".inf", ".NaN", "2026-10-01", "1_000", "+1"]


@pytest.mark.parametrize("raw", IMPLICIT)
def test_yaml_11_scalars_stay_exactly_as_typed(make_site, raw) -> None:
    root = make_site({ORG_PATH: org(f"skills_offered: [{{skill: catering, detail: {raw}}}]",
                                    name=raw, summary=raw)})
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is not None, problems
    group = next(o for o in catalogue.orgs if o.path == ORG_PATH)
    assert (group.name, group.summary, group.skills_offered[0].detail) == (raw, raw, raw)


def test_typed_looking_values_appear_as_typed_in_the_built_page(make_site) -> None:
    extra = ("charity_number: 0123456\ncompany_number: 01234567\nphone: 0123456789\n"
             "opening_hours_note: on\naccessibility: 12:30\npostcode: e1 6an\n"
             "opening_hours:\n  - days: [mon]\n    opens: 09:30\n    closes: 17:00")
    out = build(make_site, {ORG_PATH: org(extra, name="NO", summary="yes")})
    page = Page((out / ORG_PAGE).read_text(encoding="utf-8"))
    assert page.text_of("h1").strip() == "NO"
    main = page.text_of("main")
    for text in ("0123456", "01234567", "0123456789", "09:30 to 17:00", "E1 6AN"):
        assert text in main
    data = page.json_ld()
    assert (data["name"], data["description"]) == ("NO", "yes")
    assert data["identifier"]["value"] == "0123456"
    assert data["openingHoursSpecification"][0]["opens"] == "09:30"


BAD_DATES = ["2026-13-45", "2026-02-29", "2026-00-10", "0000-01-01", "2026-1-5", "31/12/2026",
             "2026-10-01T10:00:00Z", "2026-10-01 10:00", "20261001", "yesterday", "'2026-13-45'",
             "2026-10-01 # checked"]


@pytest.mark.parametrize("value", BAD_DATES)
def test_impossible_dates_are_errors_with_a_line_not_a_crash(make_site, value) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(last_verified=value)})
    if value.endswith("# checked"):  # a comment leaves a valid date
        assert not only_errors_in(problems, ORG_PATH)
        return
    problem = find(problems, "bad-date", ORG_PATH, 6, 16)
    assert problem.message.startswith("`last_verified`: ")


def test_a_date_in_the_future_is_an_error(make_site) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(last_verified="9999-12-31")})
    find(problems, "future-date", ORG_PATH, 6)


# ------------------------------------------------------------- empty = required ---

EMPTY = ["", "~", "null", "Null", "NULL", '""', "''", "'   '", '" \\t "']


@pytest.mark.parametrize("value", EMPTY)
@pytest.mark.parametrize("field, line", [("name", 2), ("summary", 3)])
def test_empty_required_fields_are_required(make_site, field, line, value) -> None:
    problems = build_fails(make_site, {ORG_PATH: org(**{field: value})})
    problem = find(problems, "required", ORG_PATH, line, 1)
    assert problem.message.startswith(f"`{field}` is required: ")


NESTED_EMPTY = [
    pytest.param("content/site.yaml", "title: ~\ntagline: t\nborough: b\ndescription: d\n"
                 "base_url: ''\nrepository_url: https://g.example.org/r\n"
                 "contact_email: a@example.org\n", [(1, "`title` is required"),
                                                    (5, "`base_url` is required")], id="site"),
    pytest.param(ORG_PATH, org("opening_hours:\n  - days: [mon]\n    opens: ~\n"
                               "    closes: ''"),
                 [(9, "`opening_hours[1]`: `opens` is required"),
                  (10, "`opening_hours[1]`: `closes` is required")], id="nested-record"),
    pytest.param(ORG_PATH, org("groups:\n  -\n  - bme"),
                 [(8, "`groups[1]`: this item is empty")], id="bare-dash-item"),
    pytest.param(ORG_PATH, org("skills_offered: [~, '', catering]"),
                 [(7, "`skills_offered[1]`: this item is empty"),
                  (7, "`skills_offered[2]`: this item is empty")], id="null-list-items"),
    pytest.param("content/pages/empty.md", "---\ntitle: Empty\nsummary: s\n---\n\n   \n",
                 [(5, "`body` is required")], id="page-without-body"),
    pytest.param("content/taxonomies/needs.yaml", "- slug: ~\n  name: Funding\n"
                 "- slug: [a, b]\n  name: X\n", [(1, "`slug` is required")], id="taxonomy"),
]


@pytest.mark.parametrize("rel, text, expected", NESTED_EMPTY)
def test_empty_values_anywhere_are_required_not_a_crash(make_site, rel, text, expected) -> None:
    problems = problems_for(make_site, {rel: text})
    for line, start in expected:
        assert [p for p in problems if p.code == "required" and p.location.path == rel
                and p.location.line == line and p.message.startswith(start)], (start, problems)


# ----------------------------------------------------------------- unknown keys ---

UNKNOWN = [
    pytest.param(ORG_PATH, org("sumary: Again"), EXTRA_LINE, "sumary", "summary", id="sumary"),
    pytest.param(ORG_PATH, org("Name: Again"), EXTRA_LINE, "Name", "name", id="capital"),
    pytest.param(ORG_PATH, org("last_verifed: 2026-01-01"), EXTRA_LINE, "last_verifed",
                 "last_verified", id="last-verifed"),
    pytest.param(ORG_PATH, org("charity: '1234567'"), EXTRA_LINE, "charity", "charity_number",
                 id="charity"),
    pytest.param(ORG_PATH, org("opening-hours: []"), EXTRA_LINE, "opening-hours",
                 "opening_hours", id="hyphen"),
    pytest.param(ORG_PATH, org("e-mail: a@example.org"), EXTRA_LINE, "e-mail", "email",
                 id="e-mail"),
    pytest.param(ORG_PATH, org("accent_color: '#0b6e4f'"), EXTRA_LINE, "accent_color",
                 "accent_colour", id="us-spelling"),
    pytest.param(ORG_PATH, org("opening_hours:\n  - days: [mon]\n    open: '09:00'\n"
                               "    closes: '17:00'"), 9, "open", "opens", id="nested"),
    pytest.param("content/site.yaml", "titel: X\n", 1, "titel", "title", id="site"),
    pytest.param("content/taxonomies/needs.yaml", "- slug: funding\n  nmae: Funding\n", 2,
                 "nmae", "name", id="taxonomy"),
]


@pytest.mark.parametrize("rel, text, line, key, suggestion", UNKNOWN)
def test_unknown_keys_suggest_the_closest_field(make_site, rel, text, line, key,
                                                suggestion) -> None:
    problems = problems_for(make_site, {rel: text})
    problem = find(problems, "unknown-key", rel, line)
    assert f"unknown field `{key}`; did you mean `{suggestion}`" in problem.message


def test_body_key_in_front_matter_is_explained(make_site) -> None:
    problems = problems_for(make_site, {ORG_PATH: org("body: Some text")})
    problem = find(problems, "unknown-key", ORG_PATH, EXTRA_LINE, 1)
    assert "`body` is the Markdown after the closing `---`" in problem.message
