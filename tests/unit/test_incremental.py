"""An incremental rebuild gives exactly the bytes of a full build, after every kind of edit.

Each case copies the base site (with Bengali switched on and the templates copied in,
so translations and templates can be edited too), builds it with a `Rebuilder`, edits
it, rebuilds, and compares the whole tree, file list and bytes, with a fresh full
build of the edited content.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import DEFAULT_TEMPLATES, build_site
from thin_build.build_state import STATE_FILE
from thin_build.cli import main
from thin_build.core.errors import ContentError
from thin_build.incremental import Rebuilder
from thin_build.serve import BuildState
from thin_build.serve import rebuild as serve_rebuild

BILINGUAL = ("languages:\n  - {code: en, name: English, locale: en_GB}\n"
             "  - {code: bn, name: বাংলা, locale: bn_BD}\n")
PO = "translations/bn/LC_MESSAGES/messages.po"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return bilingual_copy(tmp_path)


def bilingual_copy(tmp_path: Path) -> Path:
    """The base site in `tmp_path/repo`, in English and Bengali, with its own templates."""
    repo = tmp_path / "repo"
    shutil.copytree(BASE_SITE, repo)
    site_yaml = repo / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + BILINGUAL, encoding="utf-8")
    shutil.copytree(REPO / "translations" / "bn", repo / "translations" / "bn")
    shutil.copytree(DEFAULT_TEMPLATES, repo / "templates")
    return repo


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file()}


def _folders(out: Path) -> list[str]:
    return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_dir())


def _assert_same_as_full_build(root: Path) -> None:
    fresh = build_site(root, root.parent / "fresh", TODAY, pdf=False, jobs=1).out
    built, expected = _tree(root / "site"), _tree(fresh)
    assert sorted(built) == sorted(expected), "the set of output files differs"
    assert [name for name in expected if built[name] != expected[name]] == []
    assert _folders(root / "site") == _folders(fresh)
    shutil.rmtree(fresh)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _edit_summary(root: Path) -> list[str]:
    _edit(root / "orgs/bow-youth.md", "Youth club and homework help", "Youth club and help")
    return ["orgs/bow-youth.md"]


def _add_listing(root: Path) -> list[str]:
    text = (root / "orgs/bow-youth.md").read_text(encoding="utf-8")
    (root / "orgs/bow-girls.md").write_text(
        text.replace("Bow Youth Project", "Bow Girls Project")
            .replace('"9000001"', '"9000091"').replace("bow-youth.example", "bow-girls.example"),
        encoding="utf-8")
    return ["orgs/bow-girls.md"]


def _delete_listing(root: Path) -> list[str]:
    (root / "orgs/weavers-green.yaml").unlink()
    return ["orgs/weavers-green.yaml"]


def _rename_listing(root: Path) -> list[str]:
    (root / "orgs/weavers-green.yaml").rename(root / "orgs/weavers-green-hub.yaml")
    return ["orgs/weavers-green.yaml", "orgs/weavers-green-hub.yaml"]


def _edit_term(root: Path) -> list[str]:
    _edit(root / "content/taxonomies/wards.yaml", "name: Bow East", "name: Bow East Ward")
    return ["content/taxonomies/wards.yaml"]


def _edit_template(root: Path) -> list[str]:
    _edit(root / "templates/base.html", "</footer>", "<p>Edited.</p></footer>")
    return ["templates/base.html"]


def _edit_po(root: Path) -> list[str]:
    _edit(root / PO, 'msgstr "খুঁজুন"', 'msgstr "খুঁজে দেখুন"')
    return [PO]


def _inline_translation(root: Path) -> list[str]:
    _edit(root / "orgs/bow-youth.md", "summary: Youth club", "translations:\n  bn:\n"
          "    summary: বোতে যুব ক্লাব।\nsummary: Youth club")
    return ["orgs/bow-youth.md"]


def _edit_toolkit(root: Path) -> list[str]:
    _edit(root / "toolkits/payroll-checklist.md", "title: Payroll checklist",
          "title: Payroll checklist for small groups")
    return ["toolkits/payroll-checklist.md"]


def _edit_event(root: Path) -> list[str]:
    _edit(root / "events/funding-surgery.md", "title: Funding surgery",
          "title: Funding advice surgery")
    return ["events/funding-surgery.md"]


def _edit_content_page(root: Path) -> list[str]:
    """The footer of every page links the content pages by their titles."""
    _edit(root / "content/pages/about.md", "title: About", "title: About the portal")
    return ["content/pages/about.md"]


def _replacing(name: str, path: str, old: str, new: str):
    """An edit of one file, named `name` for the test ids."""
    def edit(root: Path) -> list[str]:
        _edit(root / path, old, new)
        return [path]
    edit.__name__ = name
    return edit


# Names show on partners' pages, in event listings and the A–Z; the provider is the
# event's organiser, named on its page and the calendar.
_edit_org_name = _replacing("_edit_org_name", "orgs/bow-youth.md", "name: Bow Youth Project",
                            "name: Bow Youth Club")
_edit_event_time = _replacing("_edit_event_time", "events/funding-surgery.md",
                              "start: 2026-12-03 16:00", "start: 2026-12-03 16:30")
_edit_provider_name = _replacing("_edit_provider_name", "providers/hub.md", "name: ",
                                 "name: The ")


EDITS = [_edit_summary, _add_listing, _delete_listing, _rename_listing, _edit_term,
         _edit_template, _edit_po, _inline_translation, _edit_toolkit, _edit_event,
         _edit_content_page, _edit_org_name, _edit_event_time, _edit_provider_name]


@pytest.mark.parametrize("edit", EDITS, ids=[edit.__name__.lstrip("_") for edit in EDITS])
@pytest.mark.parametrize("told", [True, False], ids=["told", "hashed"])
def test_a_rebuild_after_an_edit_is_byte_identical_to_a_full_build(root, edit, told):
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    rebuilder.build()
    changed = edit(root)
    report = rebuilder.rebuild(changed if told else None)
    assert report.files_written > 0 or report.files_removed > 0
    _assert_same_as_full_build(root)
    assert rebuilder.rebuild().steps_run == 0  # nothing left to do


def test_an_org_summary_edit_runs_a_small_part_of_the_build(root):
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    full = rebuilder.build()
    report = rebuilder.rebuild(_edit_summary(root))
    assert not report.full and report.reason == ""
    assert report.steps_run < len(full.steps)
    assert report.files_written < full.files // 2


def test_a_template_or_site_settings_edit_is_a_full_rebuild_with_its_reason(root):
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    rebuilder.build()
    report = rebuilder.rebuild(_edit_template(root))
    assert (report.full, report.reason) == (True, "a template changed: templates/base.html")
    _edit(root / "content/site.yaml", "title: Test Portal", "title: Test Portal Two")
    report = rebuilder.rebuild()
    assert (report.full, report.reason) == (True, "content/site.yaml changed")


def test_a_validation_error_leaves_the_site_untouched_and_the_next_rebuild_works(root):
    rebuilder = Rebuilder(root, today=TODAY, pdf=False)
    rebuilder.build()
    before = _tree(root / "site")
    _edit(root / "orgs/bow-youth.md", "wards: [bow-east]", "wards: [nowhere]")
    with pytest.raises(ContentError):
        rebuilder.rebuild(["orgs/bow-youth.md"])
    assert _tree(root / "site") == before
    changed = _edit_event(root)  # the broken file is not named again: it is remembered
    _edit(root / "orgs/bow-youth.md", "wards: [nowhere]", "wards: [weavers]")
    report = rebuilder.rebuild(changed)
    assert not report.full
    _assert_same_as_full_build(root)


@pytest.mark.parametrize("corruption", ["{not json", '{"format": 1, "code": 3}', "[]",
                                        '{"format": 99}'])
def test_a_corrupt_state_file_falls_back_to_a_full_build(root, corruption):
    Rebuilder(root, today=TODAY, pdf=False, persist=True).build()
    (root / STATE_FILE).write_text(corruption, encoding="utf-8")
    _edit_summary(root)
    report = Rebuilder(root, today=TODAY, pdf=False, persist=True).rebuild()
    assert (report.full, report.reason) == (True, "no earlier build to start from")
    _assert_same_as_full_build(root)


def test_the_persisted_state_is_used_by_a_new_process(root):
    Rebuilder(root, today=TODAY, pdf=False, persist=True).build()
    _edit_summary(root)
    report = Rebuilder(root, today=TODAY, pdf=False, persist=True).rebuild()
    assert not report.full and report.steps_run > 0
    _assert_same_as_full_build(root)


def test_the_preview_server_rebuilds_what_changed_and_keeps_the_last_good_site(root):
    messages: list[str] = []
    state, rebuilder = BuildState(), Rebuilder(root, pdf=False, today=TODAY)
    serve_rebuild(rebuilder, state, messages.append)
    assert messages[-1].startswith("Built ") and json.loads(state.as_json())["problems"] == []
    serve_rebuild(rebuilder, state, messages.append, [str(root / p) for p in _edit_event(root)])
    assert re.fullmatch(r"Rebuilt \d+ files in \d+\.\d\d s", messages[-1])
    before = _tree(root / "site")
    _edit(root / "orgs/bow-youth.md", "wards: [bow-east]", "wards: [nowhere]")
    serve_rebuild(rebuilder, state, messages.append, [str(root / "orgs/bow-youth.md")])
    assert messages[-1].startswith("Build failed: 1 error(s)")
    assert "orgs/bow-youth.md" in json.loads(state.as_json())["problems"][0]
    assert _tree(root / "site") == before
    _edit(root / "orgs/bow-youth.md", "wards: [nowhere]", "wards: [weavers]")
    serve_rebuild(rebuilder, state, messages.append, [str(root / "orgs/bow-youth.md")])
    assert messages[-1].startswith("Rebuilt ") and json.loads(state.as_json())["problems"] == []
    _assert_same_as_full_build(root)


def test_thin_build_incremental_keeps_its_state_between_runs(root):
    command = ["build", "--root", str(root), "--today", TODAY.isoformat(), "--no-pdf", "--incremental"]
    first = CliRunner().invoke(main, command)
    assert first.exit_code == 0, first.output
    assert "Rebuilt everything (no earlier build to start from)" in first.output
    _edit_summary(root)
    second = CliRunner().invoke(main, command)
    assert second.exit_code == 0, second.output
    assert re.match(r"Rebuilt \d+ files, removed 0 in \d+\.\d\d s", second.output)
    _assert_same_as_full_build(root)
