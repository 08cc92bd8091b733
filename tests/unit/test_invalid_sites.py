"""One folder per failure: each case's files on top of the base site, exact messages.

`tests/sites/invalid/<case>/files/` holds files added to (or replacing those of) the
base site, `delete.txt` lists files to remove, and `expected.txt` the exact problems
`thin validate` must print. Regenerate with `pytest --update-golden` and review the diff.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SITES, TODAY
from thin_build.build import check_site

CASES = sorted(p.name for p in (SITES / "invalid").iterdir() if p.is_dir())


def _overlay(case: Path) -> dict[str, bytes | None]:
    files: dict[str, bytes | None] = {}
    for path in sorted((case / "files").rglob("*")):
        if path.is_file():
            files[path.relative_to(case / "files").as_posix()] = path.read_bytes()
    deletions = case / "delete.txt"
    if deletions.exists():
        files |= {line: None for line in deletions.read_text().split() if line}
    return files


@pytest.mark.parametrize("case", CASES)
def test_invalid_site_reports_exact_problems(case: str, make_site, update_golden: bool) -> None:
    folder = SITES / "invalid" / case
    _catalogue, problems = check_site(make_site(_overlay(folder)), TODAY)
    actual = "".join(f"{problem}\n" for problem in problems)
    expected_file = folder / "expected.txt"
    if update_golden:
        expected_file.write_text(actual, encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8")
    assert problems, "every invalid case must produce at least one problem"


def test_every_case_is_named_after_a_code_it_reports() -> None:
    """A folder name is a promise: its expected output contains that code."""
    aliases = {"not-utf8-utf16": "not-utf8", "bidi-control": "control-char",
               "missing-taxonomy": "missing-file", "ten-mistakes": "unknown-key",
               "nested-service": "unknown-ref", "referral-unknown-ref": "unknown-ref",
               "question-unknown-need": "unknown-ref", "question-unknown-stage": "unknown-ref",
               "question-unknown-toolkit": "unknown-ref",
               "toolkit-missing-file": "missing-file", "toolkit-outside-repo": "bad-path",
               "toolkit-wrong-type": "wrong-file-type", "toolkit-insecure-link": "bad-url",
               "toolkit-unknown-author": "unknown-ref", "skills-free-text": "unknown-ref",
               "translation-wrong-type": "wrong-type"}
    for case in CASES:
        code = aliases.get(case, case)
        text = (SITES / "invalid" / case / "expected.txt").read_text(encoding="utf-8")
        assert f"[{code}]" in text, case
