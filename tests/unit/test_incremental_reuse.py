"""A rebuild loads and converts again only the files that changed, and still reports
exactly what a full validation reports.

The Rebuilder keeps the last build's decoded files (`core.content_cache.ContentCache`'s
memory) and its records' conversions (`core.validate.Conversions`); every check still
runs over the whole catalogue.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY
from tests.unit.test_incremental import (
    _add_listing,
    _assert_same_as_full_build,
    _edit,
    _edit_summary,
    bilingual_copy,
)
from thin_build.build import check_site
from thin_build.core.errors import ContentError
from thin_build.incremental import Rebuilder


@pytest.fixture
def rebuilder(tmp_path: Path) -> Rebuilder:
    built = Rebuilder(bilingual_copy(tmp_path), today=TODAY, pdf=False, jobs=1)
    built.build()
    return built


def _problems_of_rebuild(rebuilder: Rebuilder, changed: list[str]) -> list:
    with pytest.raises(ContentError) as caught:
        rebuilder.rebuild(changed)
    return list(caught.value.problems)


def test_unchanged_records_are_reused_and_the_edited_one_converted_again(rebuilder):
    root, before = rebuilder.root, rebuilder.catalogue
    rebuilder.rebuild(_edit_summary(root))
    after = rebuilder.catalogue
    assert after.lookup("orgs", "spice-kitchen") is before.lookup("orgs", "spice-kitchen")
    assert after.lookup("events", "funding-surgery") is before.lookup("events",
                                                                      "funding-surgery")
    edited = after.lookup("orgs", "bow-youth")
    assert edited is not before.lookup("orgs", "bow-youth")
    assert edited.summary == "Youth club and help in Bow."
    _assert_same_as_full_build(root)


def test_an_error_in_the_edited_file_is_reported_as_thin_validate_reports_it(rebuilder):
    root = rebuilder.root
    _edit(root / "orgs/bow-youth.md", "wards: [bow-east]", "wards: [nowhere]")
    problems = _problems_of_rebuild(rebuilder, ["orgs/bow-youth.md"])
    catalogue, expected = check_site(root, TODAY)
    assert catalogue is None and problems == expected
    assert [p.location.path for p in problems if p.is_error] == ["orgs/bow-youth.md"]


def test_a_reference_from_an_unchanged_file_broken_by_an_edit_is_caught(rebuilder):
    """Deleting the provider an event names: the event's file did not change, but what
    its conversion consults did, so it converts again and reports the broken link."""
    root = rebuilder.root
    (root / "providers/hub.md").unlink()
    problems = _problems_of_rebuild(rebuilder, ["providers/hub.md"])
    catalogue, expected = check_site(root, TODAY)
    assert catalogue is None and problems == expected
    assert "events/funding-surgery.md" in {p.location.path for p in problems if p.is_error}


def test_after_a_failed_rebuild_the_fixed_site_matches_a_full_build(rebuilder):
    root = rebuilder.root
    _edit(root / "orgs/bow-youth.md", "wards: [bow-east]", "wards: [nowhere]")
    _problems_of_rebuild(rebuilder, ["orgs/bow-youth.md"])
    _edit(root / "orgs/bow-youth.md", "wards: [nowhere]", "wards: [bow-east]")
    rebuilder.rebuild(["orgs/bow-youth.md"])
    _assert_same_as_full_build(root)


def test_a_new_listing_converts_again_only_the_records_that_may_name_one(rebuilder):
    """Which collections a record's conversion consulted is noted: an organisation names
    wards and needs, not other organisations, so a new one leaves it as it was; the
    event, whose organiser may be any listing, converts again."""
    root, before = rebuilder.root, rebuilder.catalogue
    rebuilder.rebuild(_add_listing(root))
    after = rebuilder.catalogue
    assert after.lookup("orgs", "spice-kitchen") is before.lookup("orgs", "spice-kitchen")
    assert after.lookup("events", "funding-surgery") is not before.lookup(
        "events", "funding-surgery")
    assert after.lookup("events", "funding-surgery") == before.lookup("events",
                                                                      "funding-surgery")
    _assert_same_as_full_build(root)


def test_a_new_listing_renders_again_the_same_pages_in_every_language(rebuilder):
    """The Bengali pass links the English pass's open data and Open Referral files by
    their section, not by a list of them that a new listing lengthens, so a new
    organisation's feed document changes no Bengali page's context: the pages rendered
    again in Bengali are those rendered again in English, a few of the site's."""
    before = dict(rebuilder.digests)
    report = rebuilder.rebuild(_add_listing(rebuilder.root))
    again = {page for page in before if rebuilder.digests.get(page) != before[page]}
    english = {page for page in again if not page.startswith("bn/")}
    assert "about/index.html" not in english and "orgs/index.html" in english
    assert {page.removeprefix("bn/") for page in again - english} == english
    assert report.rendered < len(before) / 4
    _assert_same_as_full_build(rebuilder.root)
