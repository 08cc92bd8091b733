"""The golden site: the base example site built and compared file by file.

Any change to the output shows up here as a diff to review. Regenerate with
`pytest tests/test_golden_site.py --update-golden`, never by hand.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from thin_build.build import build_site
from tests.helpers import BASE_SITE, SITES, TODAY

GOLDEN = SITES / "golden-output"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_base_site_builds_exactly_the_golden_output(tmp_path: Path, update_golden: bool) -> None:
    out = tmp_path / "site"
    build_site(BASE_SITE, out, TODAY)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN)
    actual, expected = _tree(out), _tree(GOLDEN)
    assert sorted(actual) == sorted(expected), "the set of output files changed"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(expected[name].decode(errors="replace").splitlines(),
                                        actual[name].decode(errors="replace").splitlines(),
                                        f"golden/{name}", f"built/{name}", lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:60]))
