"""The PDF cache: a rendered PDF kept under `.thin-cache/pdf/`, by what went into it.

Rendering is the slowest step of a build, and most builds change a listing or two,
so a PDF is rendered again only when its HTML, an asset it read, WeasyPrint or this
code changed. The key hashes the HTML with the versions; the entry records every
asset URL the render read with its digest, checked again on every lookup (assets
are only known once rendered). An entry that does not read back exactly (truncated,
edited, half-written) is ignored and rendered again, never trusted.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

# Bump when the engine's rendering options or output change, to drop old entries.
CODE_VERSION = "printing-parts-1"


@dataclass(frozen=True)
class Entry:
    data: bytes
    pages: int


def cache_key(html: str, options: str) -> str:
    # Imported here: WeasyPrint takes half a second to import, and only builds that make
    # PDFs need it (not `thin validate`, `thin build --no-pdf` or the preview server).
    import weasyprint

    text = "\0".join((CODE_VERSION, weasyprint.__version__, options, html))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PdfCache:
    """Entries `<key>.pdf` plus `<key>.json` in one folder; None means no cache."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def get(self, key: str, digest: Callable[[str], str]) -> Entry | None:
        if self.folder is None:
            return None
        try:
            meta = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
            data = (self.folder / f"{key}.pdf").read_bytes()
            fresh = (hashlib.sha256(data).hexdigest() == meta["sha256"]
                     and all(digest(url) == sha for url, sha in meta["assets"]))
            return Entry(data, int(meta["pages"])) if fresh else None
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, entry: Entry, assets: dict[str, str]) -> None:
        """Write the entry, PDF first and metadata last, each atomically."""
        if self.folder is None:
            return
        meta = {"sha256": hashlib.sha256(entry.data).hexdigest(), "pages": entry.pages,
                "assets": sorted(assets.items())}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            _write_atomic(self.folder / f"{key}.pdf", entry.data)
            _write_atomic(self.folder / f"{key}.json", json.dumps(meta).encode("utf-8"))
        except OSError:
            pass  # a read-only checkout still builds; it just renders every time


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
