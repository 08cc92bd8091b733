"""Listing files written by imports: safe YAML, safe names, and all-or-nothing writes.

Every importer (a spreadsheet, Open Referral) ends the same way: values become the
text of an organisation or provider file, each file gets a slug that is safe on
every file system, and the whole set is written at once or not at all. Keeping
that here means no importer writes YAML by hand or touches the disk itself.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any, Mapping

from ..core.declare import ListOf, Record
from ..core.load import MAX_SLUG_LENGTH, SLUG_RE, slugify
from ..core.translatable import TRANSLATIONS_KEY
from ..directory.schema import KINDS

LISTING_KINDS = {kind.name: kind for kind in KINDS}
# Names Windows refuses for a file whatever its extension (`con.md` cannot be opened).
WINDOWS_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
                             *(f"lpt{n}" for n in range(10))})
_PLAIN_LINE = re.compile(r"[^\s#][^\t]*")


def listing_text(kind: str, values: Mapping[str, Any], body: str = "") -> str:
    """The Markdown file of one listing: front matter in the schema's order, then the body.

    Strings are always quoted (as JSON, which YAML reads unchanged), so `NO`, `0123`
    or `12:30` stay text; text of several lines is a `|-` block when it can be one.
    A `body` in `values` wins over the `body` argument.
    """
    record = LISTING_KINDS[kind].record
    values = dict(values)
    body = values.pop("body", None) or body
    unknown = set(values) - set(record.field_map()) - {TRANSLATIONS_KEY}
    if unknown:
        raise ValueError(f"{kind} has no field(s) {', '.join(sorted(unknown))}")
    lines = ["---"]
    for field in record.fields:
        if field.name in values and not _empty(values[field.name]):
            lines.extend(yaml_lines(field.name, values[field.name]))
    if values.get(TRANSLATIONS_KEY):
        lines.extend(yaml_lines(TRANSLATIONS_KEY, values[TRANSLATIONS_KEY]))
    lines.append("---")
    text = "\n".join(lines) + "\n"
    return text + (body.strip("\n") + "\n" if body and body.strip() else "")


def listing_values(kind: str, listing: Any) -> dict[str, Any]:
    """A converted listing back to the plain values `listing_text` writes (body included)."""
    return _plain(LISTING_KINDS[kind].record, listing)


def _plain(kind: Any, value: Any) -> Any:
    """Walk a value by its declaration: records become dicts in declared order."""
    if isinstance(kind, Record):
        fields = ((f, getattr(value, f.name, None)) for f in kind.fields)
        plain = {f.name: _plain(f.type, item) for f, item in fields if not _empty(item)}
        if kind.translatable and value.translations.languages:
            plain[TRANSLATIONS_KEY] = value.translations.as_values()
        return plain
    if isinstance(kind, ListOf):
        return [_plain(kind.item, item) for item in value]
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == () or value == []


def yaml_lines(key: str, value: Any) -> list[str]:
    """`key: value` as YAML lines: mappings and lists of mappings in block style,
    lists of scalars in flow style, every string quoted."""
    if isinstance(value, Mapping):
        return [f"{key}:"] + ["  " + line for k, v in value.items() if not _empty(v)
                              for line in yaml_lines(k, v)]
    if isinstance(value, (list, tuple)):
        if value and all(isinstance(item, Mapping) for item in value):
            out = [f"{key}:"]
            for item in value:
                entry = [line for k, v in item.items() if not _empty(v)
                         for line in yaml_lines(k, v)]
                out += ["  - " + entry[0]] + ["    " + line for line in entry[1:]]
            return out
        return [f"{key}: [" + ", ".join(_scalar(item) for item in value) + "]"]
    if isinstance(value, str) and "\n" in value and value == value.strip("\n"):
        block = value.split("\n")  # `|-` keeps neither a leading nor a trailing newline
        if all(_PLAIN_LINE.fullmatch(line) or line == "" for line in block) \
                and block[0] and not any(line != line.rstrip() for line in block):
            return [f"{key}: |-"] + [("  " + line) if line else "" for line in block]
    return [f"{key}: {_scalar(value)}"]


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        raise TypeError("listing fields hold no booleans; write the word the schema expects")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(str(value), ensure_ascii=False)


def safe_slug(name: str, taken: set[str]) -> str:
    """A slug for `name` that is valid, safe on every file system and not in `taken`.

    `../../etc/x` becomes `etc-x`; a Windows device name (`CON`, `NUL`) gets a number;
    a name with no Latin letters or digits (Bengali, emoji, empty) gets `listing-` and
    a short hash of the name, so it is stable from one run to the next. The slug is
    added to `taken`, so a loop over a file gets unique slugs; put a kind's reserved
    slugs (`page`) in `taken` first.
    """
    base = slugify(name)
    if not base:
        digest = hashlib.sha256(name.strip().encode("utf-8")).hexdigest()[:8]
        base = f"listing-{digest}"
    slug, number = base, 1
    while slug in taken or slug in WINDOWS_DEVICES:
        number += 1
        suffix = f"-{number}"
        slug = base[:MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    taken.add(slug)
    return slug


class FileSet:
    """Listing files to write together: all of them, or (after any failure) none.

    `add` refuses any path that is not `orgs/<slug>.<ext>` or `providers/<slug>.<ext>`,
    so an import can never write outside the listing folders, whatever a name says.
    """

    FOLDERS = {kind.source.path: kind.source.extensions for kind in KINDS}

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.files)

    def add(self, relative_path: str, text: str) -> None:
        folder, _, name = relative_path.partition("/")
        stem, dot, ext = name.rpartition(".")
        if (folder not in self.FOLDERS or "." + ext not in self.FOLDERS[folder]
                or not dot or not SLUG_RE.fullmatch(stem) or len(stem) > MAX_SLUG_LENGTH):
            raise ValueError(f"refusing to write {relative_path!r}: imports write only "
                             "orgs/<slug>.md and providers/<slug>.md")
        if relative_path in self.files:
            raise ValueError(f"{relative_path} is in the set twice")
        self.files[relative_path] = text

    def commit(self, root: Path) -> list[str]:
        """Write every file into a hidden folder beside its target, then move them all.

        The staging folders start with `.`, which the loader skips, so even a killed
        process leaves nothing that builds; they are removed at the end. One `os.sync`
        before the moves (not one `fsync` per file, which made 20,000 rows take twice
        as long) means no move can reach the disk before its content. If a move fails,
        the files already moved are put back as they were. Returns the paths, sorted.
        """
        root = Path(root)
        stages: dict[Path, Path] = {}
        staged: list[tuple[Path, Path]] = []
        try:
            for rel in sorted(self.files):
                target = self._target(root, rel)
                if target.parent not in stages:
                    stages[target.parent] = Path(tempfile.mkdtemp(prefix=".import-",
                                                                  dir=target.parent))
                temp = stages[target.parent] / target.name
                with open(temp, "x", encoding="utf-8", newline="\n") as out:
                    out.write(self.files[rel])
                staged.append((temp, target))
            os.sync()
            _move_all(staged)
        finally:
            for stage in stages.values():
                shutil.rmtree(stage, ignore_errors=True)
        return sorted(self.files)

    def _target(self, root: Path, rel: str) -> Path:
        folder = root / rel.split("/")[0]
        if folder.is_symlink() or (root / rel).is_symlink():
            raise ValueError(f"refusing to write {rel}: a symbolic link is in the way")
        folder.mkdir(parents=True, exist_ok=True)
        return root / rel


def _move_all(staged: list[tuple[Path, Path]]) -> None:
    """`os.replace` each staged file; on a failure, undo the moves already made."""
    done: list[tuple[Path, bytes | None]] = []
    try:
        for temp, target in staged:
            before = target.read_bytes() if target.exists() else None
            os.replace(temp, target)
            done.append((target, before))
    except BaseException:
        for target, before in reversed(done):
            if before is None:
                target.unlink(missing_ok=True)
            else:
                target.write_bytes(before)
        raise
