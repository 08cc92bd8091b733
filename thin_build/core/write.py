"""Write: the output tree, built beside the old site and swapped in at the end.

A failed build must never leave a half-written `site/`, and deleted content must
never leave stale pages, so every build writes a fresh temporary folder next to
the output and only replaces the output once everything has been written.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFile:
    """A file a build step produces as it is (JSON, ICS, CSV…), at a site-relative path."""

    path: str
    data: bytes | str


class OutputCollision(Exception):
    """Two build steps tried to write the same file: a bug or a URL clash."""


class OutputTree:
    """A temporary folder that becomes `out` on `commit()`, or vanishes on failure."""

    def __init__(self, out: Path):
        self.out = out.resolve()
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.tmp-", dir=self.out.parent))
        self.written: set[str] = set()
        self._folders: set[str] = set()  # made already: one mkdir per folder, not per file

    def __enter__(self) -> "OutputTree":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp.exists():
            shutil.rmtree(self.tmp)

    def path_for(self, rel: str) -> Path:
        """The temporary path for a site-relative file, refusing any path that escapes.

        Parts are checked as written, not as `PurePosixPath` normalises them, so one
        file has one spelling (`a/./b` or `a//b` would slip past the collision check).
        """
        parts = rel.split("/")
        if any(part in ("..", ".", "") for part in parts):
            raise ValueError(f"unsafe output path {rel!r}")
        if rel in self.written:
            raise OutputCollision(f"two parts of the build both write {rel}")
        self.written.add(rel)
        folder = rel.rpartition("/")[0]
        if folder not in self._folders:
            (self.tmp / folder).mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        return self.tmp / rel

    def write(self, rel: str, data: bytes | str) -> None:
        with open(self.path_for(rel), "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)

    def copy(self, rel: str, source: Path) -> None:
        shutil.copyfile(source, self.path_for(rel), follow_symlinks=False)

    def commit(self) -> None:
        """Swap the finished tree into place; the old output is removed afterwards."""
        os.chmod(self.tmp, 0o755)
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.old-", dir=self.out.parent))
            os.rename(self.out, old / "site")
        os.rename(self.tmp, self.out)
        if old is not None:
            shutil.rmtree(old)
