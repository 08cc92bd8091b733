"""What an import checks rows against: the repository's taxonomies and listings.

Rows are converted with a `Context` built the way the validator builds it (every
taxonomy's slugs and names, every record's slug and name, the media files), so an
unknown ward gets the same "did you mean" as in `thin validate`. Only the taxonomies
must be readable: a repository with a broken event can still take an import (an empty
repository with its taxonomies, for a first import, has broken references), but
without wards there is nothing to check a row's wards against. A taxonomy whose terms
have problems still lists its slugs, which is all a row needs (the networks name
their convenors, which a first import of providers has not written yet).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from ..core.capability import Kind
from ..core.convert import Context
from ..core.declare import convert_node
from ..core.errors import Location, Problem, error
from ..core.load import load_repository
from ..core.raw import RawRecord
from ..core.registry import Registry
from ..core.validate import reference_context


@dataclass(frozen=True)
class Repository:
    """The repository as an import sees it, for one kind of listing."""

    kind: Kind
    refs: Mapping[str, Mapping[str, str]]
    media: frozenset[str]
    raw: Mapping[str, RawRecord]  # slug → the listing's raw record, as loaded
    listings: Mapping[str, Any]  # slug → the listing converted (those that convert)
    on_disk: frozenset[str]  # slugs with a file, readable or not

    def context(self, problems: list[Problem]) -> Context:
        return Context(refs=self.refs, media=self.media, problems=problems)


def read_repository(root: Path, registry: Registry, kind_name: str,
                    problems: list[Problem]) -> Repository | None:
    """The repository, or None (with a problem) when its taxonomies do not validate."""
    kind = registry.kind(kind_name)
    loaded = load_repository(root, registry.sources())
    by_kind, scratch, _taxonomies = reference_context(loaded, registry, [])
    refs = scratch.refs
    unread = [tax.path for tax in registry.taxonomies if tax.name not in scratch.refs]
    if unread:  # a term with a problem still has its slug; a file that cannot be read has none
        problems.append(error("taxonomies", "cannot be read, so rows cannot be checked against "
                              "it; run `thin validate` and fix it first", Location(unread[0])))
        return None
    raw = {record.slug: record for record in by_kind[kind.name]}
    listings = {}
    for slug, record in raw.items():
        value = convert_node(kind.record, record.data, scratch, slug=slug, path=record.path)
        if value is not None:
            listings[slug] = value
    folder = root / kind.source.path
    on_disk = frozenset(path.name.rpartition(".")[0] for path in folder.iterdir()
                        if not path.name.startswith(".")) if folder.is_dir() else frozenset()
    return Repository(kind, refs, loaded.media, raw, listings, on_disk)

