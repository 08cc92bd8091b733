"""`thin changes`: what a branch does to the catalogue, record by record.

Coordinators merge pull requests from charity staff, and a YAML diff does not
say which listing changed, or that a phone number did. Both revisions are
loaded by the core's loader with the registry's sources and validated, then
their raw records are matched by file: a file on one side only is added or
removed, unless its twin on the other side has the same content or charity
number (a rename). Raw records, so a side that does not validate is still compared.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..core.convert import FieldType
from ..core.declare import ListOf
from ..core.errors import Problem
from ..core.load import MEDIA_DIR, load_repository
from ..core.raw import RawMap, RawRecord, RawScalar
from ..core.registry import Registry
from ..directory.schema import KINDS
from .changes_warnings import ReviewerWarning, warnings_for
from .gittree import export_tree, open_repository, resolve_commit
from .record_diff import FieldChange, field_changes, flatten

# Validates the content folder at a path, as `thin validate` would; the CLI passes it.
CheckContent = Callable[[Path], list[Problem]]
_LISTING_KINDS = frozenset(kind.name for kind in KINDS)


@dataclass(frozen=True)
class Entry:
    """A record as a reviewer recognises it: its file, what it is, its name."""

    path: str
    kind: str
    name: str


@dataclass(frozen=True)
class Rename:
    old: Entry
    new: Entry
    why: str


@dataclass(frozen=True)
class Changed:
    entry: Entry
    old_path: str | None  # set when the file was renamed as well
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ChangeSummary:
    """Everything `thin changes` reports, in the order a reviewer should read it."""

    base: str
    head: str
    warnings: tuple[ReviewerWarning, ...]
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    renamed: tuple[Rename, ...]
    changed: tuple[Changed, ...]
    unreadable: tuple[str, ...]  # files one side could not load, so not compared
    problems: tuple[tuple[Problem, bool], ...]  # head's problems; True: already in base
    fixed: tuple[Problem, ...]  # base's problems head no longer has


@dataclass(frozen=True)
class Side:
    """One revision's content: raw records by file, files that would not load, problems."""

    label: str
    records: dict[str, RawRecord]
    unreadable: frozenset[str]
    problems: tuple[Problem, ...]


def compare_revisions(root: Path, base: str, head: str | None, registry: Registry,
                      check: CheckContent) -> ChangeSummary:
    """Compare revision `base` with `head` (default: the files in `root` as they are).

    Raises GitError, in one line, when `root` is not in a repository or a revision
    does not exist.
    """
    repo = open_repository(root)
    base_commit = resolve_commit(repo, base)
    head_commit = resolve_commit(repo, head) if head is not None else None
    folders = sorted({source.path for _name, source in registry.sources()} | {MEDIA_DIR})
    with tempfile.TemporaryDirectory(prefix="thin-changes-") as tmp:
        export_tree(repo, base_commit, folders, Path(tmp, "base"))
        old = read_side(Path(tmp, "base"), f"{base} ({base_commit[:12]})", registry, check)
        if head_commit is None:
            new = read_side(Path(root), "the files as they are now", registry, check)
        else:
            export_tree(repo, head_commit, folders, Path(tmp, "head"))
            new = read_side(Path(tmp, "head"), f"{head} ({head_commit[:12]})", registry, check)
    return compare(old, new, registry)


def read_side(root: Path, label: str, registry: Registry, check: CheckContent) -> Side:
    loaded = load_repository(root, registry.sources())
    records = {record.path: record for record in loaded.records}
    unreadable = {p.location.path for p in loaded.problems if p.is_error} - set(records)
    return Side(label, records, frozenset(unreadable), tuple(check(root)))


def compare(old: Side, new: Side, registry: Registry) -> ChangeSummary:
    """Match the two sides' records by file, then pair leftovers that were renamed."""
    removed = [old.records[p] for p in sorted(set(old.records) - set(new.records))
               if p not in new.unreadable]
    added = [new.records[p] for p in sorted(set(new.records) - set(old.records))
             if p not in old.unreadable]
    pairs = [(old.records[p], new.records[p]) for p in sorted(set(old.records) & set(new.records))]
    renamed = _renames(removed, added)
    for rename_old, rename_new, _why in renamed:
        removed.remove(rename_old)
        added.remove(rename_new)
    changed = []
    for before, after in pairs + [(a, b) for a, b, _why in renamed]:
        fields = field_changes(before.data, after.data, declaration(registry, after))
        if fields:
            moved = before.path if before.path != after.path else None
            changed.append(Changed(entry(registry, after), moved, fields))
    changed.sort(key=lambda item: item.entry.path)
    head_names = {path: record_name(r) for path, r in new.records.items() if _is_listing(r)}
    return ChangeSummary(
        base=old.label, head=new.label,
        warnings=warnings_for([(c.entry.path, c.fields) for c in changed], old.records,
                              new.records, head_names, registry),
        added=tuple(entry(registry, r) for r in added),
        removed=tuple(entry(registry, r) for r in removed),
        renamed=tuple(Rename(entry(registry, a), entry(registry, b), why)
                      for a, b, why in renamed),
        changed=tuple(changed),
        unreadable=tuple(sorted(old.unreadable | new.unreadable)),
        **_problems(old, new))


def _renames(removed: list[RawRecord], added: list[RawRecord]):
    """(old, new, why) for files that moved: the same content, else the same charity number."""
    out, taken = [], set()
    for before in removed:
        twin = next(((after, "the same content") for after in added
                     if after.path not in taken and after.kind == before.kind
                     and flatten(after.data) == flatten(before.data)), None)
        number = _charity_number(before)
        if twin is None and number:
            twin = next(((after, "the same charity number") for after in added
                         if after.path not in taken and after.kind == before.kind
                         and _charity_number(after) == number), None)
        if twin is not None:
            taken.add(twin[0].path)
            out.append((before, *twin))
    return out


def _charity_number(record: RawRecord) -> str:
    node = record.data.get("charity_number") if isinstance(record.data, RawMap) else None
    value = node.value if isinstance(node, RawScalar) else None
    return (value or "").strip().upper()


def _problems(old: Side, new: Side) -> dict:
    """Head's problems, each marked when base had it too (same code, same file)."""
    before = {(p.code, p.location.path) for p in old.problems}
    after = {(p.code, p.location.path) for p in new.problems}
    return {"problems": tuple((p, (p.code, p.location.path) in before) for p in new.problems),
            "fixed": tuple(p for p in old.problems if (p.code, p.location.path) not in after)}


def declaration(registry: Registry, record: RawRecord) -> FieldType | None:
    """What declares a record's fields: its kind's record, or its taxonomy's terms."""
    if record.kind == "taxonomy":
        tax = next((t for t in registry.taxonomies if t.path == record.path), None)
        return ListOf(tax.record) if tax else None
    return next((k.record for k in registry.kinds if k.name == record.kind), None)


def entry(registry: Registry, record: RawRecord) -> Entry:
    """A record's kind in words, and its name (a file without one is named by its kind)."""
    if record.kind == "taxonomy":
        kind = "taxonomy"
        name = record.path.rsplit("/", 1)[-1].removesuffix(".yaml").replace("-", " ")
    else:
        title = next((k.record.title for k in registry.kinds if k.name == record.kind), "")
        kind = title.removeprefix("a ").removeprefix("an ") or record.kind
        name = kind
    return Entry(record.path, kind, record_name(record) or name)


def record_name(record: RawRecord) -> str:
    if not isinstance(record.data, RawMap):
        return ""
    for key in ("name", "title"):
        node = record.data.get(key)
        if isinstance(node, RawScalar) and node.value and node.value.strip():
            return node.value.strip()
    return ""


def _is_listing(record: RawRecord) -> bool:
    return record.kind in _LISTING_KINDS
