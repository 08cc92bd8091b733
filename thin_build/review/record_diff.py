"""Two versions of one record compared field by field, in the content guide's words.

Raw records are compared, not converted ones: a file that no longer validates can
still be compared, and a value shows as the contributor typed it. Each changed
value is named by its path (`services[2].need`, items counted from 1 as a reader
counts them) and by the help its declaration gives, which is the content guide's
"what it is" column, so a reviewer reads "a public phone number", not `phone`.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..core.convert import FieldType
from ..core.declare import ListOf, Record
from ..core.raw import RawList, RawMap, RawNode, RawScalar

FieldPath = tuple[str | int, ...]


@dataclass(frozen=True)
class FieldChange:
    """One value that differs; None stands for "not given"."""

    path: FieldPath
    description: str
    old: str | None
    new: str | None

    @property
    def label(self) -> str:
        return field_label(self.path)

    @property
    def name(self) -> str:
        """The field's own name (`phone` for `referral_contact.phone`)."""
        names = [step for step in self.path if isinstance(step, str)]
        return names[-1] if names else ""


def field_label(path: FieldPath) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else f".{step}" if out else step
    return out or "(the whole file)"


def flatten(node: RawNode | None, path: FieldPath = ()) -> dict[FieldPath, str]:
    """Every value by its path; a list of plain values is one value (`a, b`).

    An empty value is left out, as the validator treats `phone:` like no `phone`.
    """
    if node is None:
        return {}
    if isinstance(node, RawScalar):
        return {path: node.value} if node.value and node.value.strip() else {}
    out: dict[FieldPath, str] = {}
    if isinstance(node, RawList):
        if node.items and all(isinstance(item, RawScalar) for item in node.items):
            return {path: ", ".join(item.value or "" for item in node.items)}
        for index, item in enumerate(node.items, start=1):
            out |= flatten(item, path + (index,))
        return out
    for key, (_where, value) in node.entries.items():
        out |= flatten(value, path + (key,))
    return out


def describe(declared: FieldType | None, path: FieldPath) -> str:
    """The help of the deepest declared field on `path`; "" where nothing declares it."""
    help_text, current = "", declared
    for step in path:
        if isinstance(current, ListOf):
            current = current.item
            if isinstance(step, int):
                continue
        if isinstance(step, int) or not isinstance(current, Record):
            return help_text
        spec = current.field_map().get(step)
        if spec is None:
            return ""
        help_text, current = spec.help, spec.type
    return help_text


def field_changes(old: RawNode | None, new: RawNode | None,
                  declared: FieldType | None) -> tuple[FieldChange, ...]:
    """The values that differ, in the files' order (a field only the old file has last)."""
    pairs = _value_pairs(old, new, ())
    return tuple(FieldChange(path, describe(declared, path), before, after)
                 for path, before, after in pairs if before != after)


def _value_pairs(old: RawNode | None, new: RawNode | None,
                 path: FieldPath) -> list[tuple[FieldPath, str | None, str | None]]:
    """(path, old value, new value) for every value on either side.

    Entries of a list (`services`) are lined up by content first, so a service added at
    the top is one added entry, not every later one changed; an added or changed entry
    is numbered as in the new file, a removed one as in the old.
    """
    if isinstance(old, RawMap) and isinstance(new, RawMap):
        keys = list(new.entries) + [key for key in old.entries if key not in new.entries]
        return [pair for key in keys
                for pair in _value_pairs(old.get(key), new.get(key), path + (key,))]
    if _entries(old) and _entries(new):
        return _list_pairs(old.items, new.items, path)
    before, after = flatten(old, path), flatten(new, path)
    return [(key, before.get(key), after.get(key))
            for key in list(after) + [key for key in before if key not in after]]


def _entries(node: RawNode | None) -> bool:
    """A list compared entry by entry: one with a set of fields among its items."""
    return isinstance(node, RawList) and not all(isinstance(i, RawScalar) for i in node.items)


def _list_pairs(old: tuple[RawNode, ...], new: tuple[RawNode, ...], path: FieldPath):
    prints = [tuple(flatten(item).items()) for item in old]
    matcher = difflib.SequenceMatcher(None, prints, [tuple(flatten(i).items()) for i in new],
                                      autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for offset in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + offset, j1 + offset
            before = old[i] if i < i2 else None
            after = new[j] if j < j2 else None
            number = j + 1 if after is not None else i + 1
            out += _value_pairs(before, after, path + (number,))
    return out
