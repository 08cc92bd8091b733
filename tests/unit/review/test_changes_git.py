"""`thin changes` on awkward repositories: a base that does not validate, files that
do not load, a symbolic link, a content folder below the top, a shallow clone,
`GIT_*` variables from a hook, and a summary too long for one screen."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.review.test_changes import (
    changes,
    commit,
    edit,
    git,
    new_repository,
    small_site,
    write,
)
from tests.unit.review.test_changes import repo as repo  # noqa: F401 (the fixture)
from thin_build.core.yaml_nodes import parse_yaml
from thin_build.directory.schema import PROVIDER
from thin_build.review import gittree
from thin_build.review.changes import Changed, ChangeSummary, Entry
from thin_build.review.changes_format import as_markdown
from thin_build.review.record_diff import FieldChange, field_changes

BROKEN = "name: Broken Group\nsummary: S.\nwards: [weavers]\nstage: stage-1\nphone: 123\n" \
         "last_verified: 2026-10-01\n"
UNSTAGED = "name: Stageless Group\nsummary: S.\nwards: [weavers]\nlast_verified: 2026-10-01\n"


def test_a_base_that_does_not_validate_is_still_compared(tmp_path: Path) -> None:
    root = new_repository(tmp_path / "repo", {"orgs/broken.yaml": BROKEN,
                                              "orgs/unreadable.yaml": BROKEN.replace("phone: 123\n", "")})
    (root / "orgs/linked.md").symlink_to("/etc/passwd")
    commit(root, "A base with problems")
    edit(root, "orgs/broken.yaml", "summary: S.", "summary: Still broken.")
    write(root, {"orgs/unstaged.yaml": UNSTAGED, "orgs/unreadable.yaml": "name: [unclosed\n"})
    (root / "orgs/linked.md").unlink()
    result = changes(root, "--base", "main")
    assert result.exit_code == 0, result.output
    base = git(root, "rev-parse", "main").strip()[:12]
    assert result.stdout == f"""\
Changes from main ({base}) to the files as they are now

Added (1):
  orgs/unstaged.yaml: Stageless Group (voluntary or community organisation)

Changed (1):
  orgs/broken.yaml: Broken Group
    summary (one or two sentences saying what it does): S. → Still broken.

Not compared, as they could not be read (see the problems):
  orgs/linked.md
  orgs/unreadable.yaml

Problems (2 new, 1 already there):
  orgs/broken.yaml:5:8: error[bad-phone]: `phone`: '123' is not a UK phone number; write it like `020 7946 0123` (10 or 11 digits starting with 0, or +44) (already there)
  orgs/unreadable.yaml:2:1: error[yaml-syntax]: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']'. Check the indentation, and put values containing ': ' or ' #' in quotes
  orgs/unstaged.yaml:1:1: error[required]: `stage` is required: its stage of development (Stage 1: about £0-10k a year; Stage 2: £10k-£1m; Stage 3: £250k-£5m)

Problems this change fixes (1):
  orgs/linked.md:1:1: error[symlink]: is a symbolic link; links are never followed. Replace it with the real file
"""


def test_a_content_folder_below_the_top_of_the_repository(tmp_path: Path) -> None:
    top = tmp_path / "top"
    small_site(top / "portal", {})
    git(top, "init", "-q", "-b", "main")
    write(top, {"README.md": "Outside the content folder.\n"})
    commit(top, "Base")
    edit(top, "portal/orgs/spice-kitchen.md", "email: lunch@", "email: lunches@")
    write(top, {"README.md": "Changed, but not content.\n"})
    result = changes(top / "portal", "--base", "main")
    base = git(top, "rev-parse", "main").strip()[:12]
    assert result.stdout == f"""\
Changes from main ({base}) to the files as they are now

Check these first (1):
  orgs/spice-kitchen.md: email (a public contact address (no personal addresses)) changed: lunch@spice-kitchen.example.org → lunches@spice-kitchen.example.org; check it with the organisation before merging

Changed (1):
  orgs/spice-kitchen.md: Spice Kitchen Lunch Club
    email (a public contact address (no personal addresses)): lunch@spice-kitchen.example.org → lunches@spice-kitchen.example.org
"""


def test_a_shallow_clone_compares_once_the_base_is_fetched(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{repo}",
        str(clone))
    missing = changes(clone, "--base", "origin/main")
    assert (missing.exit_code, missing.stderr) == (2, (
        f"thin changes: revision 'origin/main' does not exist in {clone}; in a shallow clone, "
        "fetch it first (docs/changes.md)\n"))
    git(clone, "fetch", "-q", "--depth=1", "origin", "+refs/heads/main:refs/remotes/origin/main")
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    fetched = changes(clone, "--base", "origin/main")
    full = changes(repo, "--base", "main")
    assert fetched.exit_code == 0, fetched.output
    assert fetched.stdout == full.stdout.replace("from main (", "from origin/main (", 1)


def test_git_variables_from_a_hook_are_ignored(repo: Path, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    expected = changes(repo, "--base", "main").stdout
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "index"))
    monkeypatch.setenv("GIT_OBJECT_DIRECTORY", str(tmp_path / "objects"))
    result = changes(repo, "--base", "main")
    assert (result.exit_code, result.stdout) == (0, expected)


def _entry(number: int) -> Entry:
    return Entry(f"orgs/group-{number:02}.md", "organisation", f"Group {number}")


def test_long_markdown_is_cut_and_values_shortened() -> None:
    long = "x" * 200
    summary = ChangeSummary(
        base="main (0123456789ab)", head="the files as they are now", warnings=(),
        added=tuple(_entry(n) for n in range(1, 54)), removed=(), renamed=(),
        changed=(Changed(_entry(1), None, (FieldChange(
            ("summary",), "what it does", long, "short"),)),),
        unreadable=(), problems=(), fixed=())
    lines = as_markdown(summary).splitlines()
    assert lines[:7] == ["## Content changes", "", "Compared main (0123456789ab) with the files "
                         "as they are now.", "", "### Added (53)", "",
                         "| file | what it is | name |"]
    assert lines[8:10] == ["| orgs/group-01.md | organisation | Group 1 |",
                           "| orgs/group-02.md | organisation | Group 2 |"]
    assert lines[57:61] == ["| orgs/group-50.md | organisation | Group 50 |", "",
                            "and 3 more (run `thin changes` to see them all)", ""]
    assert lines[-1] == f"| summary | what it does | {'x' * 119}… | short |"


def test_files_of_the_wrong_shape_are_compared_without_a_crash(tmp_path: Path) -> None:
    root = new_repository(tmp_path / "repo", {"orgs/odd.yaml": "- one\n- [two, three]\n",
                                              "orgs/plain.yaml": "just some words\n"})
    write(root, {"orgs/odd.yaml": "- one\n- [two, four]\n- {name: Five}\n",
                 "orgs/plain.yaml": "other words\n"})
    result = changes(root, "--base", "main")
    assert result.exit_code == 0, result.output
    changed = result.stdout.split("Changed (2):\n", 1)[1].split("\n\n", 1)[0]
    assert changed.splitlines() == [
        "  orgs/odd.yaml: voluntary or community organisation",
        "    [2]: two, three → two, four",
        "    [3].name: (none) → Five",
        "  orgs/plain.yaml: voluntary or community organisation",
        "    (the whole file): just some words → other words"]
    assert "Problems (0 new, 2 already there):" in result.stdout


def test_a_huge_file_in_the_base_is_never_read(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Blobs over the limit become files of their size, which the loader refuses unread."""
    huge = "name: Huge\nsummary: |\n" + "  padding\n" * 30_000
    root = new_repository(tmp_path / "repo", {"orgs/huge.yaml": huge})
    monkeypatch.setattr(gittree, "MAX_BLOB_BYTES", 200_000)
    result = changes(root, "--base", "main")
    assert result.exit_code == 0, result.output
    problem = ("orgs/huge.yaml:1:1: error[file-too-large]: is 292 KiB; content files may be at "
               "most 256 KiB. Link large documents or images instead of pasting them")
    assert result.stdout.split("\n\n")[1:] == [
        "Not compared, as they could not be read (see the problems):\n  orgs/huge.yaml",
        f"Problems (0 new, 1 already there):\n  {problem} (already there)\n"]


def test_an_empty_head_is_not_the_working_files(repo: Path) -> None:
    result = changes(repo, "--base", "main", "--head=")
    assert (result.exit_code, result.stderr) == (2, "thin changes: '' is not a revision name "
                                                    "(a branch, tag or commit such as "
                                                    "origin/main)\n")


SERVICES = """services:
  - need: funding
    title: Funding advice
    cost: Free
  - need: premises
    title: Premises advice
    cost: Free
"""


def test_an_entry_added_at_the_top_is_one_added_entry() -> None:
    old, _ = parse_yaml(SERVICES, "providers/hub.md", 0)
    new, _ = parse_yaml(SERVICES.replace("services:\n", "services:\n  - need: payroll\n"
                                         "    title: Payroll help\n    stages: [stage-1]\n")
                        .replace("Premises advice\n    cost: Free", "Premises advice\n"
                                 "    cost: £5"), "providers/hub.md", 0)
    assert [(c.label, c.description, c.old, c.new)
            for c in field_changes(old, new, PROVIDER)] == [
        ("services[1].need", "the support need this service meets", None, "payroll"),
        ("services[1].title", "the service's name", None, "Payroll help"),
        ("services[1].stages", "stages of development the service is for", None, "stage-1"),
        ("services[3].cost", "what it costs", "Free", "£5")]
    assert [(c.label, c.old, c.new) for c in field_changes(new, old, PROVIDER)] == [
        ("services[1].need", "payroll", None),
        ("services[1].title", "Payroll help", None),
        ("services[1].stages", "stage-1", None),
        ("services[2].cost", "£5", "Free")]
