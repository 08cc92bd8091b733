"""Values kept by record (`core.memo`): reused only for the very record object, dropped
when what else they read changed, and used by a rebuild for the records it did not touch."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import TODAY
from tests.unit.test_incremental import _assert_same_as_full_build, _edit_summary, bilingual_copy
from thin_build.changes import Changes, touches
from thin_build.core.memo import Memos, PerRecord
from thin_build.incremental import Rebuilder
from thin_build.opendata import tables
from thin_build.openreferral import feed
from thin_build.search import lunr_index, shards
from thin_build.search.lunr_index import terms_of


@dataclass(frozen=True)
class Org:
    slug: str
    name: str


NAMES = PerRecord[str]("names", frozenset({"wards.name"}))


def test_a_value_is_reused_for_the_same_object_only() -> None:
    kept, made = Memos(lasting=True).of(NAMES), []

    def make(org: Org) -> str:
        made.append(org.slug)
        return org.name.upper()

    one = Org("a", "Alpha")
    assert kept.get(one, lambda: make(one)) == "ALPHA"
    assert kept.get(one, lambda: make(one)) == "ALPHA"
    equal = Org("a", "Alpha")  # equal, but another build's record: made again
    assert kept.get(equal, lambda: make(equal)) == "ALPHA"
    assert made == ["a", "a"]


def test_a_build_keeps_only_what_it_used_and_an_unused_kind_keeps_its_values() -> None:
    memos = Memos(lasting=True)
    first, second = Org("a", "Alpha"), Org("b", "Beta")
    kept = memos.of(NAMES)
    kept.get(first, lambda: "A")
    kept.get(second, lambda: "B")
    memos.finish()
    kept.get(second, lambda: "new")  # the next build has only `second`
    memos.finish()
    assert kept.get(first, lambda: "made again") == "made again"
    assert kept.get(second, lambda: "made again") == "B"
    memos.finish()
    memos.finish()  # a build that did not use the kind at all
    assert kept.get(second, lambda: "made again") == "B"


@pytest.mark.parametrize("collection, fields, dropped", [
    ("wards", {"name"}, True), ("wards", {"description"}, False),
    ("wards", None, True), ("orgs", {"name"}, False)])
def test_a_kind_is_forgotten_when_what_it_reads_changed(collection, fields, dropped) -> None:
    memos = Memos(lasting=True)
    org = Org("a", "Alpha")
    memos.of(NAMES).get(org, lambda: "kept")
    changes = Changes(set(), {collection: {"x"}}, set(),
                      {collection: None if fields is None else frozenset(fields)})
    memos.forget(lambda reads: touches(reads, changes, pdf=False))
    assert (memos.of(NAMES).get(org, lambda: "made") == "made") is dropped


def test_a_rebuild_remakes_rows_feed_parts_and_search_terms_of_the_edited_record_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rebuilder = Rebuilder(bilingual_copy(tmp_path), today=TODAY, pdf=False, jobs=1)
    rebuilder.build()
    lines, listed = [], []
    real_line, real_listed = tables.csv_line, feed._listed
    monkeypatch.setattr(tables, "csv_line", lambda row: lines.append(row[0]) or real_line(row))
    monkeypatch.setattr(feed, "_listed", lambda cat, listing: listed.append(listing.slug)
                        or real_listed(cat, listing))
    counted = []
    real_count = shards.count_terms
    monkeypatch.setattr(shards, "count_terms", lambda doc, names, analyser: counted.append(
        doc["name"]) or real_count(doc, names, analyser))
    rebuilder.rebuild(_edit_summary(rebuilder.root))
    assert lines == ["bow-youth"]  # the organisations table's row, in the first pass only
    assert listed == ["bow-youth"]
    assert counted == ["Bow Youth Project"] * 2  # its search document, in each language
    _assert_same_as_full_build(rebuilder.root)


def test_a_one_off_build_keeps_nothing() -> None:
    """Its values would only hold memory: each is asked for once, or once a pass."""
    assert Memos().of(NAMES) is None and Memos(lasting=True).of(NAMES) is not None


def test_a_value_made_from_an_equal_value_is_reused() -> None:
    """`same`: for values with no record object, such as a search term's postings."""
    kept, made = Memos(lasting=True).of(NAMES), []
    assert kept.same("youth", [[1, 2, 3]], lambda: made.append(1) or "a") == "a"
    assert kept.same("youth", [[1, 2, 3]], lambda: made.append(2) or "b") == "a"
    assert kept.same("youth", [[1, 2, 4]], lambda: made.append(3) or "c") == "c"
    assert made == [1, 3]


def test_a_summary_edit_encodes_again_only_the_search_entries_of_its_own_terms(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The shards hold counts and lengths, not weights: the other entries are unchanged."""
    rebuilder = Rebuilder(bilingual_copy(tmp_path), today=TODAY, pdf=False, jobs=1)
    rebuilder.build()
    encoded, real = [], shards._compact
    monkeypatch.setattr(shards, "_compact", lambda value: (
        encoded.append(value[0]) if isinstance(value, list) and isinstance(value[0], str) else None)
        or real(value))
    patched, real_patched = [], lunr_index._patched
    monkeypatch.setattr(lunr_index, "_patched", lambda last, counted, changed: patched.append(
        changed) or real_patched(last, counted, changed))
    rebuilder.rebuild(_edit_summary(rebuilder.root))
    assert len(patched) == 2 and all(len(changed) == 1 for changed in patched), \
        "each language's index is the last one patched for the one document"
    # "Youth club and homework help in Bow." lost "homework" (in no other listing, so its
    # entry is gone): the entries of the summary's other terms hold its new length.
    assert set(encoded) == set(terms_of("Youth club and help in Bow.")) == {"youth", "club", "help", "bow"}
    _assert_same_as_full_build(rebuilder.root)
