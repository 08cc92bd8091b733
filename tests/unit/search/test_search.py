"""Search: the sharded index answers exactly as the whole lunr index does.

The comparison runs the page's own JavaScript (templates/static/search/search-core.js) in
Node with lunr.js 2.3.9 over the built shards, and lunr.py over the whole index.
"""
from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lunr import lunr

from tests.helpers import REPO, TODAY
from tests.unit.search.lunr_py import records as lunr_records
from thin_build.build import build_site
from thin_build.search.documents import FacetCodes, search_documents
from thin_build.search.shards import (
    FIELDS,
    build_index,
    shard_text,
    split_into_shards,
    term_entries,
)

NODE_RUNNER = REPO / "tests" / "js" / "search-node.js"
QUERIES = ["payroll", "hous*", "fund*", "name:bow", "summary:women", "bengali youth",
           "youth club", "+funding -bureau", "+youth +sport", "community", "café", "somali",
           "governance training", "tags:bengali"]
UNPARSEABLE = ["~", ":", "^", "*", "title:", "name:", "payroll~2", "bow^3", "**", "+", "-",
               "a:b:c", "\\", "-payroll", "*youth", "hou*e"]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("search") / "site"
    result = build_site(REPO, out, TODAY)
    docs = search_documents(result.catalogue, FacetCodes.for_catalogue(result.catalogue), TODAY)
    return out, result.catalogue, docs, lunr(ref="ref", fields=FIELDS, documents=lunr_records(docs))


def run_node(site: Path, queries: list[str], facets: list[str] | None = None) -> dict:
    done = subprocess.run(["node", str(NODE_RUNNER), str(site), json.dumps(queries),
                           json.dumps(facets or [])], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def python_order(index, query: str) -> list[str]:
    results = index.search(query)
    return [r["ref"] for r in sorted(results, key=lambda r: (-round(r["score"] * 1e6), int(r["ref"])))]


def test_lunr_js_over_shards_equals_lunr_py_over_the_whole_index(sample) -> None:
    site, _, _, index = sample
    js = run_node(site, QUERIES)
    for query in QUERIES:
        assert js[query]["query"] == query, "a valid query must reach lunr unchanged"
        expected = python_order(index, query)
        assert expected, f"{query!r} should match something in the sample"
        assert js[query]["refs"] == expected, query


def test_every_sample_listing_is_found_by_its_name(sample) -> None:
    """Every name only one document has: a name two share (two sites' "Volunteer with
    us" pages) cannot pick one out, so those are left out."""
    site, _, docs, _ = sample
    counts = Counter(doc.name for doc in docs)
    named = [(str(ref), doc.name) for ref, doc in enumerate(docs) if counts[doc.name] == 1]
    js = run_node(site, [name for _, name in named])
    for ref, name in named:
        assert ref in js[name]["refs"][:3], f"{name!r} is not in the top three for its own name"
    firsts = sum(js[name]["refs"][0] == ref for ref, name in named)
    assert firsts >= 0.9 * len(named) and len(named) >= 0.9 * len(docs)


def test_unparseable_queries_are_cleaned_never_thrown(sample) -> None:
    site, *_ = sample
    js = run_node(site, UNPARSEABLE)
    assert set(js) == set(UNPARSEABLE)
    assert js["payroll~2"]["query"] == "payroll"
    assert js["*"]["query"] == ""
    assert js["title:"]["query"] == "title"


def test_facet_codes_filter_inside_lunr(sample) -> None:
    site, cat, docs, _ = sample
    codes = FacetCodes.for_catalogue(cat)
    ward = cat.wards[0]
    code = codes.codes["ward"][ward.slug]
    js = run_node(site, ["youth", ""], [code])
    expected = {str(ref) for ref, doc in enumerate(docs) if code in doc.facets}
    assert js[""]["refs"] and set(js[""]["refs"]) == expected, "a facet alone lists all its documents"
    assert set(js["youth"]["refs"]) <= expected
    assert js["youth"]["refs"], "some youth listing works in the first ward"


def test_shards_partition_the_terms_and_each_is_loadable(sample) -> None:
    _, _, docs, _ = sample
    entries = term_entries(build_index(docs))
    shards = split_into_shards(entries, max_bytes=2_000)
    keys = [shard.key for shard in shards]
    assert len(keys) == len(set(keys))
    placed = {}
    for shard in shards:
        for term in shard.terms:
            assert term not in placed
            placed[term] = shard.key
            longest = max((k for k in keys if term.startswith(k)), key=len)
            assert longest == shard.key, f"{term!r} must live in the longest matching shard"
        assert [term for term, _lists in json.loads(shard_text(shard, entries))["terms"]] == list(shard.terms)
    assert list(placed) == list(entries)


def test_a_project_is_found_by_a_partner_and_a_strategy_by_its_lead(sample) -> None:
    site, cat, docs, _ = sample
    project, strategy = cat.lookup("projects", "trading-for-good"), cat.strategies[0]
    partner = cat.lookup(*project.partners[0].split("/"))
    lead = cat.lookup("providers", strategy.lead)
    js = run_node(site, [partner.name, lead.name])
    urls = {doc.url: str(ref) for ref, doc in enumerate(docs)}
    assert urls[f"/projects/{project.slug}/"] in js[partner.name]["refs"]
    assert urls[f"/strategies/{strategy.slug}/"] in js[lead.name]["refs"]


def test_every_kind_is_indexed(sample) -> None:
    _, cat, docs, _ = sample
    kinds = [doc.kind for doc in docs]
    assert kinds.count("org") == len(cat.orgs)
    assert kinds.count("provider") == len(cat.providers)
    assert kinds.count("page") == len(cat.pages)
    assert kinds.count("event") == len(cat.events)
    assert kinds.count("toolkit") == len(cat.toolkits)
    assert kinds.count("project") == len(cat.projects) >= 6
    assert kinds.count("strategy") == len(cat.strategies) == 7
    assert [doc.key for doc in docs] == sorted(doc.key for doc in docs)


def bengali_names(cat, docs) -> list[tuple[str, str]]:
    """(ref, Bengali name) of every listing whose file gives a Bengali name."""
    refs = {doc.key: str(ref) for ref, doc in enumerate(docs)}
    named = []
    for kind, records in (("org", cat.orgs), ("provider", cat.providers)):
        for record in records:
            translation = record.translations.get("bn")
            name = dict(translation.values).get("name") if translation else None
            if name:
                named.append((refs[f"{kind}/{record.slug}"], name))
    return named


def typed_variants(name: str) -> dict[str, str]:
    """The ways people type one Bengali name: as written, NFD, hasanta shown with a ZWNJ,
    and with no vowel signs at all."""
    return {"as written": name, "NFD": unicodedata.normalize("NFD", name),
            "ZWNJ": name.replace("\u09cd", "\u09cd\u200c"),
            "no vowel signs": re.sub("[\u09be-\u09cc]", "", unicodedata.normalize("NFC", name))}


def test_bengali_search_finds_listings_by_their_bengali_names_however_typed(sample) -> None:
    site, cat, docs, _ = sample
    named = bengali_names(cat, docs)
    assert len(named) >= 10, "the sample has Bengali names for at least ten listings"
    queries = {(ref, how): query for ref, name in named
               for how, query in typed_variants(name).items()}
    js = run_node(site / "bn", sorted(set(queries.values())))
    misses = [(how, query, js[query]["refs"][:3]) for (ref, how), query in queries.items()
              if ref not in js[query]["refs"][:3]]
    assert not misses


def test_bengali_shards_answer_as_the_whole_bengali_index(sample) -> None:
    """Shard choice must include each query word's skeleton's shard, not only its own."""
    site, cat, docs, _ = sample
    queries = [name for _, name in bengali_names(cat, docs)] + [
        "নারী", "নর", "বাঙলা", "স্কুল", "স্‌কুল", "youth", "housing", "নার*", "+যুব -ক্লাব"]
    sharded = run_node(site / "bn", queries)
    whole = subprocess.run(["node", str(NODE_RUNNER), str(site / "bn"), json.dumps(queries), "[]",
                            "whole"], capture_output=True, text=True, timeout=120)
    assert whole.returncode == 0, whole.stderr
    whole_refs = {query: result["refs"] for query, result in json.loads(whole.stdout).items()}
    for query in queries:
        assert sharded[query]["refs"] == whole_refs[query], query
    assert sharded["youth"]["refs"], "English words are found in the Bengali index too"
    manifest = json.loads((site / "bn" / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pipeline"] == ["thin-bengali"]
    english = json.loads((site / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert english["pipeline"] == ["stemmer"]
