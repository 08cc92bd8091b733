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

from .core.write import MemorySink, file_digest


def write_changes(out: Path, sink: MemorySink, copies: dict[str, Path],
                  gone: set[str], known: dict[str, bytes]) -> tuple[int, int]:
    """Replace the files whose bytes differ, one atomic rename each; remove `gone`.

    `known` holds the digest of what the last build or rebuild left at each path it
    wrote (`core.write.file_digest`): a file made again with the same digest is not
    even read back (at 20,000 organisations one edit's rerun steps make 75,000 files
    and change about 50). A file with no digest is compared with what is there. The
    digests are brought up to date here; `site/` is the build's own, and a change
    made to it by hand lasts until the next full build."""
    written = 0
    for rel, data in sorted(sink.files.items()):
        digest = file_digest(data)
        if known.get(rel) == digest:
            continue
        target = out / rel
        try:
            same = target.read_bytes() == data
        except OSError:
            same = False
        if not same:
            _replace(target, lambda path, data=data: path.write_bytes(data))
            written += 1
        known[rel] = digest
    for rel, source in sorted(copies.items()):
        known.pop(rel, None)
        _replace(out / rel, lambda path, source=source: shutil.copyfile(source, path))
        written += 1
    for rel in sorted(gone):
        known.pop(rel, None)
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
