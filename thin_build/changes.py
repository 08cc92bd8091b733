"""What an edit changed, down to the fields of records, and which steps that touches.

An incremental rebuild (`incremental.Rebuilder`) turns changed files into `Changes`:
inputs changed as a whole (a single-file kind, "media", "history"…), and for each
collection the records changed and which of their fields differ, old record against
new. A step then runs again whole, for some records, or not at all (`rerun_for`), as
its `Step.reads` say. Comparing records, not files, is what lets an edit of one
organisation's summary leave every page that shows only names alone.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping

from .core.capability import EVERYTHING, PDFS, Step, read_fields
from .core.catalogue import Catalogue
from .core.registry import Registry
from .core.translatable import Translatable

# The fields a localised record derives from what the file says (`translate.localised`).
TRANSLATIONS, UNTRANSLATED = "translations", "untranslated"


@dataclass
class Changes:
    """The inputs a set of changed files touched."""

    names: set[str]  # changed as a whole: single kinds, "media", "history"…
    records: dict[str, set[str]]  # collection → slugs changed, added or deleted
    files: set[str]  # the changed input files
    # collection → the fields that differ in the records both builds have ("slug" when
    # records were added, deleted, renamed or reordered); None: the old ones are unknown.
    fields: dict[str, frozenset[str] | None] = dataclasses.field(default_factory=dict)

    def compare(self, old: Catalogue | None, new: Catalogue) -> None:
        """Fill `fields` from the last build's catalogue (None: every field changed)."""
        for collection, slugs in self.records.items():
            self.fields[collection] = None if old is None else _changed(
                old.collections.get(collection, ()), new.collections.get(collection, ()),
                slugs)


def _changed(old: tuple[Any, ...], new: tuple[Any, ...],
             slugs: set[str]) -> frozenset[str] | None:
    """The fields that differ between the records `slugs` of two versions of a
    collection, with "slug" when which records there are, or their order, differs.

    An added or deleted record changes nothing else: a step that only looks records up
    by slug found the slug in another record, which must have changed to name it."""
    before, after = {r.slug: r for r in old}, {r.slug: r for r in new}
    found = {"slug"} if list(before) != list(after) else set()
    for slug in slugs & before.keys() & after.keys():
        fields = record_changes(before[slug], after[slug])
        if fields is None:
            return None
        found |= fields
    return frozenset(found)


def record_changes(old: Any, new: Any) -> set[str] | None:
    """The fields of a record that differ, as a language's pages see them: None when
    its translations changed (any translated field may read differently); and
    `untranslated` too when a translatable field became empty or filled."""
    if type(old) is not type(new) or not dataclasses.is_dataclass(old):
        return None
    found = {spec.name for spec in dataclasses.fields(old)
             if getattr(old, spec.name) != getattr(new, spec.name)}
    if TRANSLATIONS in found:
        return None
    if isinstance(old, Translatable) and any(
            bool(getattr(old, name)) != bool(getattr(new, name))
            for name in old.translations.fields if name in found):
        found.add(UNTRANSLATED)
    return found


def touches(reads: frozenset[str], changes: Changes, pdf: bool) -> bool:
    """Whether anything named in `reads` (a step's, or a kept value's: `core.memo`) changed."""
    if EVERYTHING <= reads or (pdf and PDFS in reads):
        return True
    declared = read_fields(reads)
    if changes.names & declared.keys():
        return True
    for collection in changes.records.keys() & declared.keys():
        wanted, changed = declared[collection], changes.fields.get(collection)
        if wanted is None or changed is None or wanted & changed:
            return True
    return False


def rerun_for(step: Step, changes: Changes,
              pdf: bool) -> Mapping[str, frozenset[str]] | None:
    """None: run the step whole; {}: keep its output; else the records to run it for."""
    if step.per in changes.names or touches(step.reads, changes, pdf):
        return None
    if step.per and step.per in changes.records:
        return {step.per: frozenset(changes.records[step.per])}
    return {}


def frame_changed(registry: Registry, changes: Changes) -> str | None:
    """Why every page must be made again: what the frame of every page reads changed."""
    changed = sorted(registry.frame_reads & (changes.names | changes.records.keys()))
    return f"every page's menus show {', '.join(changed)}, which changed" if changed else None
