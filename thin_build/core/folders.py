"""Records kept as folders: `orgs/<slug>/index.md` beside `orgs/<slug>.md`, and the files
other kinds keep inside such folders (`orgs/<slug>/<page>.md`, `orgs/<slug>/news/…`).

A listing grows into a small site by becoming a folder, so the same record must load
the same way in either shape, and one record in both shapes at once is refused with
both files named: neither can win silently. A `Source` with `folders` reads the
folders' `index` files as records; a `Source` with `inside` reads what is kept in
them, each record's slug being `<folder>/<name>` so two sites' "about" pages differ.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator

from .capability import Source
from .errors import Location, Problem, error

INDEX = "index"
# The one rule for a slug, which a file or folder name must follow (load uses it too).
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80
SourceFile = tuple[str, Path, str | None]  # repository path, file, slug (None: from the name)


def is_slug(name: str) -> bool:
    return bool(SLUG_RE.match(name)) and len(name) <= MAX_SLUG_LENGTH


def index_files(folder: Path, source: Source) -> list[str]:
    """The names of a record folder's `index` files (one, unless someone made two)."""
    return [INDEX + ext for ext in source.extensions
            if (folder / (INDEX + ext)).is_file() and not (folder / (INDEX + ext)).is_symlink()]


def record_folder(source: Source, entry: os.DirEntry, file_names: set[str],
                  problems: list[Problem]) -> Iterator[SourceFile]:
    """The `index` file of the record folder `entry`, or the problem with the folder."""
    rel = f"{source.path}/{entry.name}"
    folder = Path(entry.path)
    if not is_slug(entry.name):
        problems.append(error("bad-filename", f"folder name {entry.name!r} is not a valid "
                              "slug: use lowercase letters a-z, digits and single hyphens",
                              Location(rel)))
        return
    found = index_files(folder, source)
    files = [f"{source.path}/{entry.name}{ext}" for ext in source.extensions
             if entry.name + ext in file_names]
    if not found and not any(path.is_file() for path in folder.rglob("*")):
        return  # empty folders are not in git: a leftover here, nothing on the server
    if not found:
        fix = (f"move {files[0]} to {rel}/index.md" if files
               else f"add {rel}/index.md with the record's fields")
        problems.append(error("missing-index", f"the folder {rel}/ has no index.md, which holds "
                              f"the record itself; {fix}", Location(rel)))
    for name in found:
        yield f"{rel}/{name}", folder / name, entry.name


def two_shapes(source: Source, name: str, folders: set[str]) -> Problem | None:
    """An error when file `name` is also a folder record (`folders`: the folders with
    an index): one record, two shapes."""
    stem = name.rpartition(".")[0]
    if stem not in folders:
        return None
    rel = f"{source.path}/{name}"
    return error("two-shapes", f"{rel} and {source.path}/{stem}/index.md are the same record in "
                 f"two shapes; keep one: move what {rel} says into the folder's index.md and "
                 f"delete {rel}", Location(rel))


def inside_files(root: Path, source: Source, known: frozenset[str],
                 problems: list[Problem]) -> Iterator[SourceFile]:
    """Files kept inside each record folder of `source.path`, slugged `<folder>/<name>`.

    `known` names the subfolders other sources read (`news`, `media`), which are
    skipped; any other subfolder is reported, as are links, never followed.
    """
    for slug, folder in record_folders(root, source.path):
        where = folder / source.inside if source.inside else folder
        rel_where = f"{source.path}/{slug}" + (f"/{source.inside}" if source.inside else "")
        if where.is_symlink():
            problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                  "Replace it with the real folder", Location(rel_where)))
            continue
        if not where.is_dir():
            continue
        for entry in sorted(os.scandir(where), key=lambda e: e.name):
            rel = f"{rel_where}/{entry.name}"
            stem = entry.name.rpartition(".")[0]
            if entry.name.startswith(".") or (not source.inside and (
                    stem == INDEX or entry.name in known)):
                continue  # the record itself, or a subfolder another source reads
            if entry.is_symlink():
                problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                      "Replace it with the real file", Location(rel)))
            elif entry.is_dir(follow_symlinks=False):
                problems.append(error("unexpected-folder", f"folders inside {rel_where}/ are "
                                      "not read; move the files up or out", Location(rel)))
            elif entry.is_file(follow_symlinks=False):
                yield rel, Path(entry.path), f"{slug}/{stem}" if stem else None
            else:
                problems.append(error("not-a-file", "is not a regular file", Location(rel)))


def record_folders(root: Path, path: str) -> Iterator[tuple[str, Path]]:
    """(slug, folder) of each real, well-named record folder (one with an `index` file)
    directly under `root/path`; a folder without one is reported once, as such."""
    base = root / path
    if base.is_symlink() or not base.is_dir():
        return
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        if (entry.is_dir(follow_symlinks=False) and is_slug(entry.name)
                and any(p.stem == INDEX and p.is_file() for p in Path(entry.path).iterdir())):
            yield entry.name, Path(entry.path)


def file_folders(root: Path, source: Source) -> Iterable[str]:
    """The downloads folders a source declares: one, or one in each record folder."""
    if not source.files:
        return ()
    if source.inside is None:
        return (f"{source.path}/{source.files}",)
    return tuple(f"{source.path}/{slug}/{source.files}"
                 for slug, _folder in record_folders(root, source.path))


def known_subfolders(sources: Iterable[Source], path: str) -> frozenset[str]:
    """The subfolders of `path`'s record folders that some source reads."""
    names: set[str] = set()
    for source in sources:
        if source.path == path and source.inside is not None:
            names.update(name for name in (source.inside, source.files) if name)
    return frozenset(names)
