"""Load: content files → raw records with the line and column of every value.

This stage owns *reading*: the folders each capability declares (`Source`), file
names, media files, downloads folders (`filetypes.scan_folder`), tables kept beside
records (`companions.py`), and, through `parse.py`, encodings, forbidden characters,
front matter and safe YAML. It gives no meaning to values (that is
`validate`'s job) and never follows a symlink.
"""
from __future__ import annotations

import contextlib
import gc
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .capability import Source
from .companions import attach
from .content_cache import ContentCache
from .errors import Location, Problem, error
from .filetypes import JPEG, PDF, PNG, WEBP, Downloads, FoundFile, mismatch, scan_folder, sniff
from .folders import (
    MAX_SLUG_LENGTH,
    SLUG_RE,
    file_folders,
    index_files,
    inside_files,
    known_subfolders,
    record_folder,
    two_shapes,
)
from .parse import parse_content
from .raw import RawRecord

MAX_FILE_BYTES = 256 * 1024
MAX_MEDIA_BYTES = 1024 * 1024
MAX_PDF_BYTES = 2 * 1024 * 1024  # notice-board flyers: a page or two with pictures
MEDIA_DIR = "content/media"
MEDIA_TYPES = (PNG, JPEG, WEBP, PDF)  # logos and pictures, and PDF flyers


@dataclass(frozen=True)
class LoadResult:
    records: tuple[RawRecord, ...]
    problems: tuple[Problem, ...]
    media: frozenset[str] = frozenset()
    downloads: Downloads = field(default_factory=Downloads)


def load_repository(root: Path, sources: Iterable[tuple[str, Source]],
                    cache: ContentCache | None = None) -> LoadResult:
    """Read every (kind, source) under `root`, in a stable order, collecting all problems.

    A `cache` gives back what unchanged files parsed to in an earlier build; the result
    is the same with or without it, and saving the cache is the caller's.
    """
    with collector_paused():
        return _load_repository(root, sources, cache)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Loading makes hundreds of thousands of small objects and no reference cycles, so
    the cyclic garbage collector, which runs again and again as they are made, finds
    nothing to free: pausing it halves loading at 1,000 organisations. An incremental
    rebuild pauses it too: each pass walks every object alive, the last build's kept
    records and nodes among them, so it cost more than the rebuild's own work."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def heap_frozen() -> Iterator[None]:
    """The objects alive now left out of the garbage collector's passes until the end
    (`gc.freeze`): a build's catalogue, templates and indexes live to its end, and every
    full pass over them while the steps make pages found nothing to free (a tenth of a
    2,000-organisation build's time in the build process). Forked workers share these
    objects' memory pages instead of copying them as the collector touches them. Within
    a frozen block it does nothing, so blocks nest."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _load_repository(root: Path, sources: Iterable[tuple[str, Source]],
                     cache: ContentCache | None) -> LoadResult:
    records: list[RawRecord] = []
    problems: list[Problem] = []
    files: dict[str, FoundFile] = {}
    links: set[str] = set()
    sources = list(sources)
    every_source = [source for _kind, source in sources]
    for kind, source in sources:
        loaded, tables, names = [], [], set()
        known = known_subfolders(every_source, source.path)
        for rel, path, slug in _source_files(root, source, problems, known):
            names.add(path.name)
            if source.companion and rel.endswith(source.companion.suffix):
                tables.append((rel, path))
                continue
            record, found = load_file(path, rel, kind, source, slug, cache)
            problems.extend(found)
            if record is not None:
                loaded.append(record)
        if source.companion:
            problems.extend(attach(loaded, tables, source.path, source.companion, names,
                                   MAX_FILE_BYTES))
        records.extend(loaded)
        for folder in file_folders(root, source):
            scan_folder(root, folder, files, links)
    media = frozenset(_media_files(root, problems))
    return LoadResult(tuple(records), tuple(problems), media,
                      Downloads(dict(sorted(files.items())), frozenset(links)))


def _media_files(root: Path, problems: list[Problem]):
    """Paths (relative to content/media) of the images content may refer to.

    Links are reported, not followed, so no content can publish a file from outside
    the repository.
    """
    base = root / MEDIA_DIR
    if linked := _linked_part(root, MEDIA_DIR):
        problems.append(error("symlink", "is a symbolic link; content must be real files "
                              "inside the repository", Location(linked)))
        return
    if not base.is_dir():
        return
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(dirs + files):
            path = Path(folder) / name
            rel = path.relative_to(root).as_posix()
            if path.is_symlink():
                problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                      "Replace it with the real file", Location(rel)))
                dirs[:] = [d for d in dirs if d != name]
            elif name in files and not name.startswith("."):
                limit, what = ((MAX_PDF_BYTES, "PDF flyers") if name.endswith(".pdf")
                               else (MAX_MEDIA_BYTES, "images"))
                if path.stat().st_size > limit:
                    problems.append(error("file-too-large", f"{what} may be at most "
                                          f"{limit // 1024} KiB; make it smaller",
                                          Location(rel)))
                elif problem := _media_content_problem(path, rel):
                    problems.append(problem)
                else:
                    yield path.relative_to(base).as_posix()


def _media_content_problem(path: Path, rel: str) -> Problem | None:
    """An error when a media file's content is not what its name says (a program
    renamed `.png`, a web page renamed `.pdf`); names `MediaPath` refuses anyway pass."""
    if problem := mismatch(path.name, sniff(path), MEDIA_TYPES):
        return error("wrong-file-type", problem, Location(rel))
    return None


def _source_files(root: Path, source: Source, problems: list[Problem], known: frozenset[str]):
    """Yield (relative path, path, slug or None) for each content file; report what
    cannot be read. Folder records and files inside them: see `folders.py`."""
    if source.inside is not None:
        yield from inside_files(root, source, known, problems)
        return
    base = root / source.path
    where = Location(source.path)
    if linked := _linked_part(root, source.path):
        problems.append(error("symlink", "is a symbolic link; content must be real files "
                              "inside the repository", Location(linked)))
        return
    if source.single_file:
        if not base.is_file():
            if source.required:
                problems.append(error("missing-file", f"{source.path} is missing; it is "
                                      "required", where))
            elif base.exists():
                problems.append(error("not-a-file", "is not a regular file", where))
            return
        yield source.path, base, None
        return
    if not base.is_dir():
        if source.required:
            problems.append(error("missing-folder", f"the folder {source.path}/ is missing", where))
        return
    with os.scandir(base) as entries:
        names = sorted(entries, key=lambda e: e.name)
    file_names = {e.name for e in names if e.is_file(follow_symlinks=False)}
    folders = {e.name for e in names if source.folders and e.is_dir(follow_symlinks=False)
               and index_files(Path(e.path), source)}
    for entry in names:
        rel = f"{source.path}/{entry.name}"
        if entry.name.startswith(".") or (entry.name == source.files
                                          and entry.is_dir(follow_symlinks=False)):
            continue  # the downloads folder is read by `scan_folder`
        loc = Location(rel)
        if entry.is_symlink():
            problems.append(error("symlink", "is a symbolic link; links are never followed. "
                                  "Replace it with the real file", loc))
        elif entry.is_dir(follow_symlinks=False) and source.folders:
            yield from record_folder(source, entry, file_names, problems)
        elif entry.is_dir(follow_symlinks=False):
            problems.append(error("unexpected-folder", f"folders inside {source.path}/ are not "
                                  "read; move the files up or out", loc))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(error("not-a-file", "is not a regular file", loc))
        elif shapes := two_shapes(source, entry.name, folders):
            problems.append(shapes)
        else:
            yield rel, Path(entry.path), None


def _linked_part(root: Path, rel: str) -> str | None:
    """The first folder or file on the way from `root` to `rel` that is a symbolic link.

    Checking only the last part would silently follow a linked `content/` folder.
    """
    parts = rel.split("/")
    for count in range(1, len(parts) + 1):
        prefix = "/".join(parts[:count])
        if (root / prefix).is_symlink():
            return prefix
    return None


def file_slug_problem(name: str, source: Source) -> str | None:
    """Why a file name is unusable, with the name it should have; None if it is fine."""
    stem, dot, ext = name.rpartition(".")
    if not dot or "." + ext not in source.extensions:
        wanted = " or ".join(source.extensions)
        return f"is not a content file: names in {source.path}/ end in {wanted}"
    if SLUG_RE.match(stem) and len(stem) <= MAX_SLUG_LENGTH:
        return None
    suggestion = slugify(stem) or "a-name"
    return (f"file name {name!r} is not a valid slug: use lowercase letters a-z, digits and "
            f"single hyphens, at most {MAX_SLUG_LENGTH} characters; rename it to "
            f"{suggestion[:MAX_SLUG_LENGTH]}.{ext}")


def slugify(text: str) -> str:
    """A URL-safe slug for any text: ASCII letters and digits joined by single hyphens."""
    folded = unicodedata.normalize("NFKD", text.replace("&", " and "))
    ascii_only = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_only.replace("'", "")).strip("-")
    return slug[:MAX_SLUG_LENGTH].strip("-")


def load_file(path: Path, rel: str, kind: str, source: Source, slug: str | None = None,
              cache: ContentCache | None = None) -> tuple[RawRecord | None, list[Problem]]:
    """Read one file into a raw record, or explain every reason it cannot be read.

    `slug` is given for a record kept in a folder (`orgs/a/index.md` is `a`); else
    it is the file's name without its ending. With a `cache`, unchanged bytes are not
    parsed again (`content_cache.py`).
    """
    name = rel.rsplit("/", 1)[-1]
    where = Location(rel)
    if not source.single_file and (bad := file_slug_problem(name, source)):
        return None, [error("bad-filename", bad, where)]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [error("file-too-large", f"is {size // 1024} KiB; content files may be at "
                            f"most {MAX_FILE_BYTES // 1024} KiB. Link large documents or images "
                            "instead of pasting them", where)]
    data = path.read_bytes()
    # Kept (shared with the last build) unless a companion table is attached to it.
    node, problems = (cache.parsed(rel, data, parse_content, keep=source.companion is None)
                      if cache is not None else parse_content(data, rel))
    if node is None:
        return None, problems
    return RawRecord(kind, rel, slug or name.rpartition(".")[0], node), problems
