"""The changes a reviewer must look at before anything else.

Most edits to a listing are routine; a few can send people to the wrong place or
hide a listing that was never checked: a new phone number, email or web site (a
typo, or someone who is not the organisation), a listing marked closed, a change
of agreed referral agency, a `last_verified` date moved with nothing else changed,
and a name changed to one close to another listing's (the same group twice).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..core.raw import RawList, RawMap, RawNode, RawRecord, RawScalar
from ..core.registry import Registry
from ..directory.dedupe import NEAR_NAME, name_similarity, normalise_name
from ..referral.schema import REFERRALS
from .record_diff import FieldChange

CONTACT_FIELDS = ("phone", "email", "website")
CLOSED = ("closed", "temporarily-closed")


@dataclass(frozen=True)
class ReviewerWarning:
    path: str
    message: str


def shown(value: str | None) -> str:
    return "(none)" if value is None else value


def warnings_for(changed: Iterable[tuple[str, tuple[FieldChange, ...]]],
                 old: dict[str, RawRecord], new: dict[str, RawRecord],
                 head_names: dict[str, str], registry: Registry) -> tuple[ReviewerWarning, ...]:
    """`changed`: each changed record's file (in head) and its changed fields;
    `head_names`: every listing's name in head, by file."""
    out = []
    for path, fields in changed:
        messages = _listing_warnings(fields) + _near_name(path, fields, head_names)
        out += [ReviewerWarning(path, message) for message in messages]
    kind = next((k for k in registry.kinds if k.record is REFERRALS), None)
    if kind is not None:
        where = kind.source.path
        out += [ReviewerWarning(where, message) for message in
                _agency_changes(_data(old.get(where)), _data(new.get(where)))]
    return tuple(sorted(out, key=lambda w: w.path))


def _listing_warnings(fields: tuple[FieldChange, ...]) -> list[str]:
    out = []
    for change in fields:
        if change.name in CONTACT_FIELDS:
            out.append(f"{change.label} ({change.description}) changed: {shown(change.old)} → "
                       f"{shown(change.new)}; check it with the organisation before merging")
        elif change.path == ("status",) and change.new in CLOSED:
            out.append(f"marked {change.new.replace('-', ' ')} (status was {shown(change.old)}); "
                       "check that it has really closed before merging")
    if len(fields) == 1 and fields[0].path == ("last_verified",):
        change = fields[0]
        out.append(f"only last_verified changed ({shown(change.old)} → {shown(change.new)}); "
                   "make sure someone really checked the listing with the organisation")
    return out


def _near_name(path: str, fields: tuple[FieldChange, ...], names: dict[str, str]) -> list[str]:
    """A new name as close to another listing's as the validator's duplicate check allows."""
    change = next((c for c in fields if c.path == ("name",) and c.new), None)
    if change is None or path not in names:
        return []
    mine = normalise_name(change.new)
    scored = sorted((-name_similarity(mine, normalise_name(name)), other, name)
                    for other, name in names.items() if other != path and name)
    if not scored or -scored[0][0] < NEAR_NAME:
        return []
    _score, other, name = scored[0]
    return [f"name changed from {shown(change.old)} to {change.new}, close to {name} "
            f"({other}); make sure it is not the same organisation listed twice"]


def _data(record: RawRecord | None) -> RawNode | None:
    return record.data if record is not None else None


def _agency_changes(old: RawNode | None, new: RawNode | None) -> list[str]:
    before, after = _agencies(old), _agencies(new)
    out = []
    for (need, group) in sorted(set(before) | set(after), key=lambda k: (k[0], k[1] or "")):
        if before.get((need, group)) != after.get((need, group)):
            who = f" for groups working with {group}" if group else ""
            out.append(f"the agreed referral agency for {need}{who} changed: "
                       f"{shown(before.get((need, group)))} → {shown(after.get((need, group)))}")
    return out


def _agencies(node: RawNode | None) -> dict[tuple[str, str | None], str | None]:
    """(need, beneficiary group or None) → agreed agency, read from the raw file."""
    out: dict[tuple[str, str | None], str | None] = {}
    for agreement in _maps(node.get("agreements") if isinstance(node, RawMap) else None):
        need = _value(agreement.get("need"))
        if need is None:
            continue
        out[(need, None)] = _value(agreement.get("agency"))
        for by_group in _maps(agreement.get("by_group")):
            group = _value(by_group.get("group"))
            if group is not None:
                out[(need, group)] = _value(by_group.get("agency"))
    return out


def _maps(node: RawNode | None) -> list[RawMap]:
    return [item for item in node.items if isinstance(item, RawMap)] \
        if isinstance(node, RawList) else []


def _value(node: RawNode | None) -> str | None:
    if isinstance(node, RawScalar) and node.value and node.value.strip():
        return node.value.strip()
    return None
