"""`thin new page --org <slug> "…"` and `thin new news --org <slug> "…"`: skeletons of a
site's page and news post, written into the organisation's folder.

The checks a build would make later are made here first (a folder-shaped
organisation, a name the site does not use itself, a file that is not there yet), so
a new file validates as written.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..core.capability import Kind
from ..core.folders import index_files
from ..core.load import slugify
from ..core.scaffold import skeleton
from .checks import RESERVED_PAGES
from .schema import KINDS, NEWS

# The words `thin new` takes for a site's files, and the kinds they write.
SITE_KINDS: dict[str, Kind] = {"page": KINDS[0], "news": KINDS[1]}


def write_site_file(root: Path, word: str, org: str, name: str, today: dt.date) -> Path:
    """Write the skeleton of a new page or post, and say where; ValueError says what is
    in the way, and nothing is written then."""
    kind = SITE_KINDS[word]
    slug = slugify(name)
    folder = root / kind.source.path / org
    if not slug:
        raise ValueError("the title needs at least one letter or digit")
    if not index_files(folder, kind.source):
        single = root / kind.source.path / f"{org}.md"
        hint = (f"{single} is a single file: make it a folder first "
                f"(mkdir {folder} && git mv {single} {folder}/index.md)" if single.exists()
                else f"there is no organisation {org!r} in {root / kind.source.path}/")
        raise ValueError(hint)
    if word == "page" and slug in RESERVED_PAGES:
        raise ValueError(f"{slug!r} is one of the site's own addresses ("
                         + ", ".join(sorted(RESERVED_PAGES)) + "); choose another title")
    path = (folder / f"{slug}.md" if word == "page"
            else folder / NEWS / f"{today.isoformat()}-{slug}.md")
    if path.exists():
        raise ValueError(f"{path} already exists; edit it instead")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(skeleton(kind, name, today, root), encoding="utf-8")
    return path
