"""Write: the output tree, built beside the old site and swapped in at the end.

A failed build must never leave a half-written `site/`, and deleted content must
never leave stale pages, so every build writes a fresh temporary folder next to
the output and only replaces the output once everything has been written.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

# Flags for a new output file: no buffered file object per file, which at tens of
# thousands of small pages is time the build can skip.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class OutputFile:
    """A file a build step produces as it is (JSON, ICS, CSV…), at a site-relative path."""

    path: str
    data: bytes | str


def file_digest(data: bytes) -> bytes:
    """What an incremental rebuild remembers of a file it left in `site/`
    (`site_changes.write_changes`): equal digests, equal bytes."""
    return hashlib.blake2b(data, digest_size=16).digest()


class OutputCollision(Exception):
    """Two build steps tried to write the same file: a bug or a URL clash."""


class FolderWriter:
    """Files written under one folder by site-relative path, each subfolder made once.

    The output tree writes through one; a worker process rendering pages into the
    tree's temporary folder has its own (`core.parallel`), so folders two processes
    both need are made by whichever comes first.
    """

    def __init__(self, root: str):
        self.root = root
        self._folders: set[str] = set()

    def path(self, rel: str) -> str:
        """The file's full path, its folder made if this writer has not made it yet."""
        folder = rel.rpartition("/")[0]
        if folder not in self._folders:
            try:  # its parent usually exists already: one mkdir, not makedirs' stat of it
                os.mkdir(f"{self.root}/{folder}")
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(f"{self.root}/{folder}", exist_ok=True)
            self._folders.add(folder)
        return f"{self.root}/{rel}"

    def write(self, rel: str, data: bytes | str) -> None:
        view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
        descriptor = os.open(self.path(rel), _CREATE, 0o666)
        try:
            while view:
                view = view[os.write(descriptor, view):]
        finally:
            os.close(descriptor)


class OutputTree:
    """A temporary folder that becomes `out` on `commit()`, or vanishes on failure.

    With `digests`, each file given as it is (`OutputFile`s, not rendered pages) leaves
    its `file_digest` there, for an incremental rebuild to compare with."""

    def __init__(self, out: Path, digests: dict[str, bytes] | None = None):
        self.out = out.resolve()
        self.digests = digests
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.tmp-", dir=self.out.parent))
        self.written: set[str] = set()
        self.files = FolderWriter(str(self.tmp))

    def __enter__(self) -> "OutputTree":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.tmp.exists():
            shutil.rmtree(self.tmp)

    def claim(self, rel: str) -> None:
        """Record that the build writes `rel`, refusing a path that escapes or is taken.

        Parts are checked as written, not as `PurePosixPath` normalises them, so one
        file has one spelling (`a/./b` or `a//b` would slip past the collision check).
        Worker processes write the files the build process has claimed, so collisions
        are found here, in the order the steps gave their output, whoever writes.
        """
        parts = rel.split("/")
        if any(part in ("..", ".", "") for part in parts):
            raise ValueError(f"unsafe output path {rel!r}")
        if rel in self.written:
            raise OutputCollision(f"two parts of the build both write {rel}")
        self.written.add(rel)

    def path_for(self, rel: str) -> Path:
        """The temporary path for a site-relative file, claimed and its folder made."""
        self.claim(rel)
        return Path(self.files.path(rel))

    def claim_file(self, rel: str, data: bytes | str) -> bytes | str:
        """Claim `rel` for a file of `data`, noting its digest when the tree keeps them;
        gives back the data to write (as bytes once encoded for the digest)."""
        self.claim(rel)
        if self.digests is None:
            return data
        data = data.encode("utf-8") if isinstance(data, str) else data
        self.digests[rel] = file_digest(data)
        return data

    def write(self, rel: str, data: bytes | str) -> None:
        self.files.write(rel, self.claim_file(rel, data))

    def copy(self, rel: str, source: Path) -> None:
        shutil.copyfile(source, self.path_for(rel), follow_symlinks=False)

    def commit(self, wait: bool = True) -> None:
        """Swap the finished tree into place, then remove the old output.

        With `wait=False` (`thin build`) the old output is removed after this returns, by
        a detached `rm`: on a slow disk deleting tens of thousands of files takes as long
        as writing them, and nothing reads the old tree once the new one is in place.
        """
        os.chmod(self.tmp, 0o755)
        old = None
        if self.out.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{self.out.name}.old-", dir=self.out.parent))
            os.rename(self.out, old / "site")
        os.rename(self.tmp, self.out)
        if old is not None:
            remove_folder(old, wait)


def remove_folder(folder: Path, wait: bool = True) -> None:
    """Delete `folder`; without waiting, in a detached process that outlives this one.

    If that process cannot be started, the folder is deleted here, so it never stays.
    """
    if not wait:
        try:
            subprocess.Popen(["rm", "-rf", "--", str(folder)], stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
            return
        except OSError:
            pass
    shutil.rmtree(folder)


class MemorySink:
    """Files a rebuild made, kept until all of them are made without a problem."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def write(self, rel: str, data: bytes | str) -> None:
        if rel in self.files:
            raise OutputCollision(f"two parts of the build both write {rel}")
        self.files[rel] = data.encode("utf-8") if isinstance(data, str) else data
