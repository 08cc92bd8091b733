"""Style that can be checked: ruff is clean, modules stay small, browser helpers live once."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

MAX_MODULE_LINES = 300


def test_ruff_finds_nothing() -> None:
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    assert ruff, "ruff is installed with the test extra (pip install -e .[test])"
    result = subprocess.run([ruff, "check", "--no-cache", "."], cwd=REPO, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_outgrows_its_room() -> None:
    long = {path.relative_to(REPO).as_posix(): n for path in (REPO / "thin_build").rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}, "split these modules along what they do"


def test_browser_helpers_are_written_once() -> None:
    """A helper two pages need (the cached JSON fetch) lives in static/core/ only."""
    static = REPO / "templates" / "static"
    defining = sorted(path.relative_to(static).as_posix() for path in static.rglob("*.js")
                      if re.search(r"function fetchJson\b", path.read_text(encoding="utf-8")))
    assert defining == ["core/fetch-json.js"]
