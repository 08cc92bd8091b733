"""An edit reruns only the steps that read what it changed, field by field.

The same edited copies of the base site as `test_incremental.py`, each rebuilt with a
`Rebuilder` that keeps the last build's records: the report names the steps run
whole and for some records (`RebuildReport.whole`, `.partly`), and the bytes still
match a full build. Also the field comparison itself (`changes.record_changes`) and
the pages a rebuild need not render again (`core.steps.UnchangedSkipped`).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.helpers import TODAY
from tests.unit.test_incremental import (
    _add_listing,
    _assert_same_as_full_build,
    _edit_event_time,
    _edit_org_name,
    _edit_provider_name,
    _edit_summary,
    _tree,
    bilingual_copy,
)
from thin_build.build import check_site
from thin_build.changes import record_changes
from thin_build.core import render, urls
from thin_build.core.translatable import Translation, Translations
from thin_build.incremental import Rebuilder


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return bilingual_copy(tmp_path)


def _steps(keys: tuple[str, ...], language: str = "en") -> set[str]:
    """"en thin_build.directory.pages.org_pages" → "org_pages", for one language."""
    return {key.rpartition(".")[2] for key in keys if key.startswith(language + " ")}


# (edit, steps run whole, steps run for the edited records alone, steps not run at all)
FIELD_EDITS = [
    (_edit_summary, {"directory_pages", "search_outputs", "data_files"},
     {"org_pages", "site_outputs", "embed_files", "short_addresses"},
     {"event_pages", "calendar_pages", "calendar_files", "notice_board", "exchange_page",
      "project_pages", "strategy_pages", "provider_pages", "opportunity_pages",
      "referral_outputs", "content_pages"}),
    (_edit_org_name, {"org_pages", "event_pages", "calendar_pages", "exchange_page",
                      "directory_pages"}, set(),
     {"provider_pages", "referral_outputs", "content_pages", "library_pages"}),
    (_edit_event_time, {"calendar_pages", "calendar_files", "search_outputs"},
     {"event_pages"},
     {"directory_pages", "exchange_page", "network_pages", "toolkit_pages",
      "content_pages", "referral_outputs", "notice_board"}),
    # A new organisation: on the lists and its own pages, and on its skill-swap
    # partners' (which needs every organisation's page made); no event names it.
    (_add_listing, {"org_pages", "directory_pages", "search_outputs", "exchange_page"},
     {"site_outputs", "embed_files", "short_addresses"},
     {"event_pages", "calendar_pages", "calendar_files", "notice_board", "provider_pages",
      "content_pages", "referral_outputs"}),
    (_edit_provider_name, {"event_pages", "calendar_pages", "referral_outputs"},
     {"provider_pages"}, {"exchange_page", "content_pages", "library_pages"}),
]


@pytest.mark.parametrize("edit,whole,partly,kept", FIELD_EDITS,
                         ids=[edit[0].__name__.lstrip("_") for edit in FIELD_EDITS])
def test_an_edit_reruns_only_the_steps_reading_the_fields_it_changed(root, edit, whole,
                                                                     partly, kept):
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    rebuilder.build()
    report = rebuilder.rebuild(edit(root))
    assert not report.full, report.reason
    for language in ("en", "bn"):
        run_whole, run_partly = _steps(report.whole, language), _steps(report.partly, language)
        assert whole <= run_whole and partly <= run_partly, language
        assert kept & (run_whole | run_partly) == set(), language
    assert report.steps_run == len(report.whole) + len(report.partly)
    _assert_same_as_full_build(root)


def _count_renders(monkeypatch) -> list[str]:
    """The output file of every page rendered from now until `monkeypatch.undo()`."""
    rendered: list[str] = []
    real = render.render_page

    def counted(env, layout, plan):
        rendered.append(urls.output_file(urls.localised(plan.url)))
        return real(env, layout, plan)

    monkeypatch.setattr(render, "render_page", counted)
    return rendered


def test_edits_in_a_row_and_undone_stay_byte_identical(root, monkeypatch):
    """A page rendered by one rebuild is skipped by the next when its plan is equal
    (`UnchangedSkipped`): after each edit, and after undoing them, the bytes still
    match a full build, and the undoing renders hardly more than the pages whose bytes
    change, though it reruns the steps making every organisation's page."""
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    rebuilder.build()
    original = (root / "orgs/bow-youth.md").read_text(encoding="utf-8")
    for edit in (_edit_summary, _edit_org_name):
        rebuilder.rebuild(edit(root))
        _assert_same_as_full_build(root)
    rendered = _count_renders(monkeypatch)
    before = _tree(root / "site")
    (root / "orgs/bow-youth.md").write_text(original, encoding="utf-8")
    rebuilder.rebuild(["orgs/bow-youth.md"])
    monkeypatch.undo()
    after = _tree(root / "site")
    changed = {name for name in after if name.endswith(".html")
               and before.get(name) != after[name]}
    # Rendered: the pages whose bytes change, and two (in each language) whose plans
    # changed in something their templates do not show.
    assert changed and changed <= set(rendered)
    assert sorted(set(rendered) - changed) == [
        "bn/data/index.html", "bn/orgs/bow-youth/embed/events.html", "data/index.html",
        "orgs/bow-youth/embed/events.html"]
    assert len(rendered) == len(set(rendered))
    _assert_same_as_full_build(root)


def test_a_rebuild_in_a_new_process_counts_every_field_of_an_edited_record(root):
    """Without the last build's records in memory, an edited record may have changed
    anywhere: a summary edit reruns the steps that show only names too."""
    Rebuilder(root, today=TODAY, pdf=False, persist=True).build()
    report = Rebuilder(root, today=TODAY, pdf=False, persist=True).rebuild(_edit_summary(root))
    assert not report.full and "org_pages" in _steps(report.whole)
    _assert_same_as_full_build(root)


def _org(root: Path, **changes):
    """An organisation of the base site, and a copy with `changes`."""
    catalogue, problems = check_site(root, TODAY)
    assert catalogue is not None, problems
    org = catalogue.lookup("orgs", "bow-youth")
    return org, dataclasses.replace(org, **changes)


def test_a_record_comparison_names_the_fields_that_differ(root):
    org, edited = _org(root, summary="Something else entirely.", phone="020 7000 0000")
    assert record_changes(org, edited) == {"summary", "phone"}
    assert record_changes(org, org) == set()


def test_emptying_a_translatable_field_changes_what_is_untranslated(root):
    org, edited = _org(root, body="")
    assert "body" in org.translations.fields and org.body
    assert record_changes(org, edited) == {"body", "untranslated"}


def test_a_translation_edit_counts_as_every_field(root):
    org, edited = _org(root, translations=Translations(
        ("summary",), (Translation("bn", (("summary", "বোতে যুব ক্লাব।"),)),)))
    assert record_changes(org, edited) is None



@pytest.mark.parametrize("jobs", [1, 2], ids=["serial", "workers"])
def test_the_first_rebuild_after_a_full_build_renders_only_changed_plans(root, monkeypatch,
                                                                        jobs):
    """The full build records every page's plan digest (in the build process, whether
    workers render or not), so the first summary edit renders only the pages whose
    plans changed, not every page of the steps it reruns."""
    rebuilder = Rebuilder(root, today=TODAY, pdf=False, jobs=jobs)
    rebuilder.build()
    rendered = _count_renders(monkeypatch)
    before = _tree(root / "site")
    report = rebuilder.rebuild(_edit_summary(root))
    monkeypatch.undo()
    changed = sorted(name for name, data in _tree(root / "site").items()
                     if name.endswith(".html") and before.get(name) != data)
    assert "directory_pages" in _steps(report.whole)
    # Rendered: the pages whose bytes change, and two (in each language) whose plans
    # changed in something their templates do not show; of the directory's lists, only
    # those showing the summary.
    assert changed and set(changed) <= set(rendered)
    assert sorted(set(rendered) - set(changed)) == [
        "bn/data/index.html", "bn/o/bow-youth/index.html", "data/index.html",
        "o/bow-youth/index.html"]
    assert (len(rendered), len(set(rendered)), report.rendered) == (16, 16, 16)
    _assert_same_as_full_build(root)
