"""The golden site: the base example site built and compared file by file.

Any change to the output shows up here as a diff to review. Regenerate with
`pytest tests/test_golden_site.py --update-golden`, never by hand.
"""
from __future__ import annotations

import difflib
import shutil
from pathlib import Path

from tests.helpers import BASE_SITE, SITES, TODAY
from thin_build.build import DEFAULT_TEMPLATES, build_site

GOLDEN = SITES / "golden-output"
STATIC = "static/"


def _tree(root: Path) -> dict[str, bytes]:
    """Every built file except static assets, which are copies of templates/static."""
    return {rel: p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not (rel := p.relative_to(root).as_posix()).startswith(STATIC)}


def test_static_assets_are_copied_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(BASE_SITE, out, TODAY)
    source = DEFAULT_TEMPLATES / "static"
    expected = {p.relative_to(source).as_posix(): p.read_bytes()
                for p in source.rglob("*") if p.is_file()}
    built = {p.relative_to(out / "static").as_posix(): p.read_bytes()
             for p in (out / "static").rglob("*") if p.is_file()}
    assert built == expected


def test_base_site_builds_exactly_the_golden_output(tmp_path: Path, update_golden: bool) -> None:
    out = tmp_path / "site"
    build_site(BASE_SITE, out, TODAY)
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(out, GOLDEN, ignore=lambda folder, _names: [STATIC.rstrip("/")]
                        if Path(folder) == out else [])
    actual, expected = _tree(out), _tree(GOLDEN)
    assert sorted(actual) == sorted(expected), "the set of output files changed"
    for name in sorted(expected):
        if actual[name] != expected[name]:
            diff = difflib.unified_diff(expected[name].decode(errors="replace").splitlines(),
                                        actual[name].decode(errors="replace").splitlines(),
                                        f"golden/{name}", f"built/{name}", lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:60]))
