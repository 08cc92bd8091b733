"""Shared fixtures: the repository, a scratch-site factory and the golden flag."""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Callable

import pytest

from tests.helpers import BASE_SITE, REPO
from thin_build.build import build_site

# One PDF cache for every build in the run (keyed by content, so sharing is safe).
os.environ.setdefault("THIN_CACHE", str(REPO / ".thin-cache"))


def pytest_configure(config: pytest.Config) -> None:
    """PDFs are the slowest step of a build and most tests never read them, so builds in
    the tests leave them out unless a test asks with `build_site(..., pdf=True)` (the
    printing tests and the browser suite's site do)."""
    build_site.__kwdefaults__["pdf"] = False


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite the golden site and the expected validation messages.")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the small valid base site with files replaced, added or removed.

    `make_site({"orgs/x.md": "...", "orgs/bow-youth.md": None})` writes x.md and
    deletes bow-youth.md; bytes are written as they are, text as UTF-8.
    """
    def factory(files: dict[str, str | bytes | None] | None = None) -> Path:
        root = tmp_path / "repo"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(BASE_SITE, root)
        for rel, content in (files or {}).items():
            path = root / rel
            if content is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return root
    return factory
