"""`--update`: change only the lines of the fields a row changes, keeping the rest.

Rewriting a listing from its values would lose every comment, blank line and
choice of quoting a coordinator made. Instead each changed field's lines (from
its key to the line before the next key, less any comments and blank lines just
above the next key) are replaced by the new value's lines; a field the file did not
have is added after the nearest field declared before it; a changed body replaces
the text after the front matter. Comments on other lines survive; a comment on a
changed field's own lines goes with the old value.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, Mapping

from ..core.declare import convert_node
from ..core.errors import Location, Problem, error
from ..core.load import load_file
from ..core.raw import RawMap, RawRecord
from ..core.text import decode
from .import_context import Repository
from .listing_files import LISTING_KINDS, listing_values, yaml_lines


def edited_listing(repo: Repository, root: Path, existing: RawRecord, listing: Any,
                   where: Location, problems: list[Problem]) -> str | None:
    """The existing file with the changed fields edited in; None if nothing changed.

    `listing` is the row merged over the file, already checked. The edited text is
    read back and must give exactly that listing, so a mistake in the editing can
    never reach the disk ("" and a problem if not).
    """
    kind = repo.kind
    old = listing_values(kind.name, repo.listings[existing.slug])
    new = listing_values(kind.name, listing)
    changes = {key: new.get(key) for key in set(old) | set(new) if old.get(key) != new.get(key)}
    if not changes:
        return None
    rel = existing.path
    text, _problems = decode((root / rel).read_bytes(), rel)
    edited = updated_text(kind.name, text, existing.data, rel.endswith(".md"), changes)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / rel.rpartition("/")[2]
        copy.write_text(edited, encoding="utf-8")
        reread, _found = load_file(copy, rel, kind.name, kind.source)
    check = None if reread is None else convert_node(
        kind.record, reread.data, repo.context([]), slug=existing.slug, path=listing.path)
    if check != listing:
        problems.append(error("update-failed", f"{rel} could not be edited in place safely; "
                              "update it by hand", where))
        return ""
    return edited


def updated_text(kind: str, text: str, data: RawMap, markdown: bool,
                 changes: Mapping[str, Any]) -> str:
    """`text` (the file as read, line ends normalised) with `changes` applied.

    `data` is the file's raw record (its keys' lines); a None value removes a field.
    """
    lines = text.split("\n")
    start, end = _front_matter(lines, markdown)
    body = lines[end + 1:] if markdown else []
    if markdown and "body" in changes:
        body = (changes["body"] or "").strip("\n").split("\n") if changes["body"] else []
    keys = sorted(((loc.line - 1, key) for key, (loc, _node) in data.entries.items()
                   if not (markdown and key == "body")))
    extents = {key: (line, _extent_end(lines, line, after, end))
               for (line, key), after in zip(keys, [k[0] for k in keys[1:]] + [end])}
    edits = []
    order = [f.name for f in LISTING_KINDS[kind].record.fields]
    for position, name in enumerate(order):
        if name not in changes or (markdown and name == "body"):
            continue
        new = [] if changes[name] is None else yaml_lines(name, changes[name])
        if name in extents:
            first, last = extents[name]
            edits.append((first, 1, position, last, new))
        else:
            before = [extents[n][1] for n in order[:position] if n in extents]
            at = before[-1] if before else start
            edits.append((at, 0, position, at, new))
    for first, _replace, _position, last, new in sorted(edits, reverse=True):
        lines[first:last] = new
    front_end = end + len(lines) - len(text.split("\n"))
    head = lines[:front_end + 1] if markdown else lines[:front_end]
    out = "\n".join(head)
    if markdown:
        out += "\n" + ("\n".join(body).strip("\n") + "\n" if any(s.strip() for s in body)
                       else "")
    return out if out.endswith("\n") else out + "\n"


def _front_matter(lines: list[str], markdown: bool) -> tuple[int, int]:
    """(index of the first front-matter line, index of the closing `---`)."""
    if not markdown:
        return 0, len(lines) - (1 if lines and lines[-1] == "" else 0)
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            return 1, number
    raise ValueError("front matter is not closed")  # the file validated, so it is


def _extent_end(lines: list[str], first: int, after: int, end: int) -> int:
    """Where a field's lines stop: at the next key, less comments and blanks above it."""
    stop = min(after, end)
    while stop - 1 > first and (not lines[stop - 1].strip()
                                or lines[stop - 1].lstrip().startswith("#")):
        stop -= 1
    return stop
