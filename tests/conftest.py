"""Shared fixtures: the repository, a scratch-site factory and the golden flag."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest

from tests.helpers import BASE_SITE


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
