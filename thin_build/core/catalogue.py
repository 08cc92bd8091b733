"""The catalogue: every validated record of the site, by collection, immutable.

The core does not know which collections exist: each capability's kinds and
taxonomies name theirs (`orgs`, `wards`, `events`…), and the validator fills them.
A collection reads as an attribute (`catalogue.orgs`), its records by slug with
`lookup`. Records hold converted values only; nothing here reads files or knows HTML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from .site import SiteConfig


@dataclass(frozen=True, kw_only=True)
class Catalogue:
    """Everything the site is built from, validated.

    Folder collections are sorted by slug; taxonomy terms keep their file's order,
    which coordinators choose (needs follow the THIN plan). `singles` holds the
    one-file kinds such as the referral agreements.
    """

    site: SiteConfig
    collections: Mapping[str, tuple[Any, ...]]
    singles: Mapping[str, Any] = field(default_factory=dict)
    media: tuple[str, ...] = ()
    downloads: tuple[str, ...] = ()  # files in declared downloads folders that records use
    _index: Mapping[str, Mapping[str, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = {name: MappingProxyType({item.slug: item for item in items})
                 for name, items in self.collections.items()}
        object.__setattr__(self, "_index", MappingProxyType(index))
        # `catalogue.orgs` for `collections["orgs"]`: set once, so reading is a plain
        # attribute look-up in the loops of a 20,000-organisation build.
        for name, value in (*self.collections.items(), *self.singles.items()):
            if hasattr(type(self), name):
                raise ValueError(f"a collection may not be called {name!r}")
            object.__setattr__(self, name, value)

    def __getattr__(self, name: str) -> Any:
        """Only reached for a name no capability declared: say so."""
        raise AttributeError(f"the catalogue has no collection {name!r}; a capability "
                             "declares it as a kind or taxonomy")

    def lookup(self, collection: str, slug: str) -> Any:
        """The record with this slug in a collection such as "wards" or "providers"."""
        return self._index[collection][slug]

    def lookup_many(self, collection: str, slugs: Iterable[str]) -> tuple[Any, ...]:
        return tuple(self._index[collection][slug] for slug in slugs)

    def slugs(self) -> dict[str, list[str]]:
        """Every collection's slugs, for references in the published JSON Schemas."""
        return {name: [item.slug for item in items] for name, items in self.collections.items()}
