"""Validate: raw records → a Catalogue, or every problem with the content at once.

The driver knows no kind of content: it converts each declared kind and taxonomy
by its declaration, checks what every kind shares (duplicate slugs, reserved
names), then runs every capability's checks over the whole converted site.
Nothing is rendered until all of this has passed.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from .capability import Kind
from .catalogue import Catalogue
from .checking import Checking
from .convert import Context
from .declare import convert_node
from .errors import Location, Problem, error, warning
from .filetypes import Downloads
from .load import LoadResult
from .raw import RawMap, RawNode, RawRecord
from .registry import SITE_KIND, Registry
from .taxonomy import convert_taxonomies
from .translate import Walked, check_translations
from .urls import CORE_SECTIONS

# A record file's raw data, its converted value, its problems, the downloads it used,
# and the collections whose slugs and names its conversion consulted.
Conversion = tuple[RawNode, Any, tuple[Problem, ...], frozenset[str], frozenset[str]]


@dataclass
class Conversions:
    """The last validation's converted records, kept by an incremental rebuild
    (`incremental.Rebuilder`) so that only the records whose files changed convert again.

    A record converts from its raw data and from what `Context` lets conversion consult
    (the slugs and names references may name, the media and downloads files). While
    what it consulted is equal, a record whose raw data is the very object the loader
    gave last time (`content_cache.ContentCache` keeps them in memory) converts to the
    same value with the same problems and downloads used, so they are reused, in the
    same order: the problems are those a full validation reports. Every check still
    runs whole. Which collections' slugs and names a record consulted is noted as it
    converts (`_Noting`), so a new organisation converts again the records that may name
    one (events, projects), not every organisation; media and downloads count for all."""

    consulted: tuple = ()
    records: dict[str, Conversion] = field(default_factory=dict)
    translations: Walked = field(default_factory=dict)  # `translate.check_translations`'


class _Noting(Mapping[str, Mapping[str, str]]):
    """`Context.refs` as one record's conversion sees it: each collection it looks at is
    noted (all of them when it walks the whole mapping)."""

    def __init__(self, refs: Mapping[str, Mapping[str, str]]) -> None:
        self.refs, self.noted = refs, set()

    def __getitem__(self, name: str) -> Mapping[str, str]:
        self.noted.add(name)
        return self.refs[name]

    def __contains__(self, name: object) -> bool:
        self.noted.add(name)
        return name in self.refs

    def __iter__(self) -> Iterator[str]:
        self.noted.update(self.refs)
        return iter(self.refs)

    def __len__(self) -> int:
        return len(self.refs)


def _changed_refs(then: Mapping[str, Mapping[str, str]],
                  now: Mapping[str, Mapping[str, str]]) -> frozenset[str]:
    return frozenset(name for name in then.keys() | now.keys() if then.get(name) != now.get(name))


def validate(loaded: LoadResult, registry: Registry, today: dt.date,
             reuse: Conversions | None = None) -> tuple[Catalogue | None, list[Problem]]:
    """Check everything; return the catalogue only when there is no error. `reuse`
    holds the last validation's conversions, and is given this one's."""
    problems = list(loaded.problems)
    downloads = Downloads(loaded.downloads.files, loaded.downloads.links)
    by_kind, ctx, taxonomies = reference_context(loaded, registry, problems, downloads)
    folder_kinds = [kind for kind in registry.kinds if not kind.single]
    records: dict[str, tuple[Any, ...]] = {}
    consulted = (ctx.refs, ctx.media, dict(downloads.files), downloads.links)
    kept = reuse.records if reuse is not None and reuse.consulted[1:] == consulted[1:] else {}
    changed = _changed_refs(reuse.consulted[0], ctx.refs) if kept else frozenset()
    made: dict[str, Conversion] = {}
    for kind in folder_kinds:
        problems.extend(_duplicate_slugs(kind, by_kind[kind.name]))
        records[kind.collection] = _convert_records(kind, by_kind[kind.name], ctx,
                                                    (kept, changed), made)
    if reuse is not None:
        reuse.consulted, reuse.records = consulted, made
    singles = {kind.collection: _convert_single(kind, by_kind, ctx)
               for kind in registry.kinds if kind.single}
    site = singles.pop(SITE_KIND.collection)
    single_kinds = {kind.name for kind in registry.kinds if kind.single}
    # Other languages publish under /<code>/, so a page may not take a language's code.
    languages = frozenset(lang.code for lang in site.languages[1:]) if site else frozenset()
    checking = Checking(
        records=records, singles=singles, raw={(r.kind, r.slug): r for r in loaded.records},
        raw_singles={r.kind: r for r in loaded.records if r.kind in single_kinds},
        taxonomies=taxonomies, site=site,
        sections=CORE_SECTIONS | registry.sections | languages,
        today=today)
    for check in registry.checks:
        problems.extend(check(checking))
    problems.extend(check_translations(checking, None if reuse is None else reuse.translations))
    problems.extend(_unused_downloads(downloads))

    if (site is None or any(p.is_error for p in problems)
            or len(taxonomies) != len(registry.taxonomies)):
        return None, problems
    collections = dict(taxonomies)
    collections |= {name: tuple(sorted(items, key=lambda item: item.slug))
                    for name, items in records.items()}
    return Catalogue(
        site=site, collections=collections, media=tuple(sorted(loaded.media)),
        downloads=tuple(sorted(downloads.used)),
        singles={kind.collection: singles[kind.collection] or kind.default
                 for kind in registry.kinds if kind.collection in singles},
    ), problems


def _unused_downloads(downloads: Downloads) -> list[Problem]:
    """Files in a downloads folder that no record names are not published: say so."""
    return [warning("unused-file", "is not used by any record, so it is not published; link "
                    "it from a record or delete it", Location(path))
            for path in sorted(set(downloads.files) - downloads.used)]


def reference_context(loaded: LoadResult, registry: Registry, problems: list[Problem],
                      downloads: Downloads | None = None):
    """Records by kind, and a conversion `Context` that knows every slug a reference may
    name (listings' before conversion, taxonomies' converted), with the taxonomies.

    The validator starts here, and so do the importers, which check new rows against
    a repository exactly as `thin validate` would.
    """
    by_kind: dict[str, list[RawRecord]] = defaultdict(list)
    for record in loaded.records:
        by_kind[record.kind].append(record)
    refs = {kind.collection: slug_names(by_kind[kind.name])
            for kind in registry.kinds if not kind.single}
    ctx = Context(refs=refs, media=loaded.media, downloads=downloads or Downloads(),
                  problems=problems)
    taxonomies = convert_taxonomies(registry.taxonomies, by_kind["taxonomy"], ctx)
    return by_kind, ctx, taxonomies


def slug_names(records: list[RawRecord]) -> dict[str, str]:
    """Slug → name for records of one kind, read before conversion so others can refer."""
    names = {}
    for record in records:
        name = record.data.get("name") if isinstance(record.data, RawMap) else None
        names[record.slug] = getattr(name, "value", None) or record.slug
    return names


def _convert_single(kind: Kind, by_kind: dict[str, list[RawRecord]], ctx: Context) -> Any:
    records = by_kind[kind.name]
    if not records:
        return None
    return convert_node(kind.record, records[0].data, ctx)


def _convert_records(kind: Kind, records: list[RawRecord], ctx: Context,
                     reuse: tuple[dict[str, Conversion], frozenset[str]],
                     made: dict[str, Conversion]) -> tuple[Any, ...]:
    """Each record converted, or its conversion kept (`reuse`: the last ones, and the
    collections whose slugs or names changed since) when its raw data is the same object
    and it consulted none of those (`Conversions`); every conversion goes into `made`."""
    (kept, changed), converted, downloads, refs = reuse, [], ctx.downloads, ctx.refs
    for r in records:
        old = kept.get(r.path)
        if old is not None and old[0] is r.data and not old[4] & changed:
            _data, value, found, used, consulted = old
            ctx.problems.extend(found)
        else:
            start, ctx.file, ctx.refs = len(ctx.problems), r.path, _Noting(refs)
            ctx.downloads = dataclasses.replace(downloads, used=set())  # this record's own
            value = convert_node(kind.record, r.data, ctx, slug=r.slug, path=r.path)
            found, used = tuple(ctx.problems[start:]), frozenset(ctx.downloads.used)
            consulted = frozenset(ctx.refs.noted)
        downloads.used |= used
        made[r.path] = (r.data, value, found, used, consulted)
        converted.append(value)
    ctx.file, ctx.downloads, ctx.refs = "", downloads, refs
    return tuple(value for value in converted if value is not None)


def _duplicate_slugs(kind: Kind, records: list[RawRecord]) -> list[Problem]:
    """Two files for one slug (`a.md` and `a.yaml`) would publish to the same address."""
    by_slug: dict[str, list[RawRecord]] = defaultdict(list)
    for record in records:
        by_slug[record.slug].append(record)
    problems = []
    for slug, same in by_slug.items():
        if slug in kind.reserved_slugs:
            problems.extend(error("url-collision", f"{slug!r} is the name of one of the portal's "
                                  "own pages; rename the file", r.location) for r in same)
        if len(same) > 1:
            paths = ", ".join(r.path for r in same)
            for record in same:
                problems.append(error("duplicate-slug", f"{paths} would all publish as "
                                      f"{slug!r}; keep one file", record.location))
    return problems
