"""Writing an incremental rebuild's output into the existing `site/`.

The rebuild (`incremental.Rebuilder`) renders what changed into memory first; only
then are the files whose bytes differ replaced, each by its own atomic rename (so a
preview server never serves half a file), the copied files (media, downloads) copied
again, and the files no longer made removed, with folders left empty.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .core.write import MemorySink


def write_changes(out: Path, sink: MemorySink, copies: dict[str, Path],
                  gone: set[str]) -> tuple[int, int]:
    """Replace the files whose bytes differ, one atomic rename each; remove `gone`."""
    written = 0
    for rel, data in sorted(sink.files.items()):
        target = out / rel
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            pass
        _replace(target, lambda path, data=data: path.write_bytes(data))
        written += 1
    for rel, source in sorted(copies.items()):
        _replace(out / rel, lambda path, source=source: shutil.copyfile(source, path))
        written += 1
    for rel in sorted(gone):
        (out / rel).unlink(missing_ok=True)
        folder = (out / rel).parent
        while folder != out and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    return written, len(gone)


def _replace(target: Path, write) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".thin-")
    os.close(handle)
    write(Path(temporary))
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
