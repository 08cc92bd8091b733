"""Validate: raw records → a Catalogue, or every problem with the content at once.

Conversion by the schema happens record by record; then the checks that need the
whole catalogue: cross-references, duplicate slugs and organisations, URL clashes
and freshness. Nothing is rendered until all of this has passed.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from . import model
from .agenda_checks import check_agenda
from .dedupe import duplicate_listings
from .errors import Location, Problem, error, warning
from .fields import Context
from .load import LoadResult
from .raw import RawList, RawMap, RawRecord, RawScalar
from .referral_checks import check_referrals
from .schema import KIND_RECORDS, TAXONOMY_FILES, TAXONOMY_RECORDS, convert_node
from .urls import RESERVED_SLUGS, RESERVED_TOP_LEVEL

_TAXONOMY_PATHS = {f"content/taxonomies/{file}.yaml": name for name, file in TAXONOMY_FILES.items()}


def validate(loaded: LoadResult, today: dt.date) -> tuple[model.Catalogue | None, list[Problem]]:
    """Check everything; return the catalogue only when there is no error."""
    problems = list(loaded.problems)
    by_kind: dict[str, list[RawRecord]] = defaultdict(list)
    for record in loaded.records:
        by_kind[record.kind].append(record)
    refs: dict[str, dict[str, str]] = {"providers": _names(by_kind["provider"]),
                                       "orgs": _names(by_kind["org"])}
    ctx = Context(refs=refs, media=loaded.media, problems=problems)

    site = _convert_single(by_kind["site"], "site", ctx)
    taxonomies = _convert_taxonomies(by_kind["taxonomy"], ctx)
    listings: dict[str, list[Any]] = {}
    for kind in ("org", "provider", "page", "event", "notice"):
        problems.extend(_duplicate_slugs(by_kind[kind]))
        listings[kind] = _convert_records(by_kind[kind], kind, ctx)
    raw = {(r.kind, r.slug): r for r in loaded.records}
    problems.extend(_check_pages(listings["page"]))
    for kind in ("org", "provider"):
        problems.extend(duplicate_listings(listings[kind], raw, kind))
        problems.extend(_check_listings(listings[kind], raw, site, today))
    problems.extend(_check_orgs(listings["org"], raw, taxonomies))
    problems.extend(check_agenda(listings["event"], listings["notice"], raw, today))
    referrals = _convert_single(by_kind["referrals"], "referrals", ctx)
    if referrals is not None:
        problems.extend(check_referrals(referrals, by_kind["referrals"][0], listings["provider"]))

    if site is None or any(p.is_error for p in problems) or len(taxonomies) != len(TAXONOMY_FILES):
        return None, problems
    return model.Catalogue(
        site=site, **taxonomies,
        orgs=_sorted(listings["org"]), providers=_sorted(listings["provider"]),
        pages=_sorted(listings["page"]), media=tuple(sorted(loaded.media)),
        events=_sorted(listings["event"]), notices=_sorted(listings["notice"]),
        referrals=referrals or model.ReferralAgreements(),
    ), problems


def _names(records: list[RawRecord]) -> dict[str, str]:
    """Slug → name for records of one kind, read before conversion so others can refer."""
    names = {}
    for record in records:
        name = record.data.get("name") if isinstance(record.data, RawMap) else None
        names[record.slug] = getattr(name, "value", None) or record.slug
    return names


def _sorted(items: list) -> tuple:
    return tuple(sorted(items, key=lambda item: item.slug))


def _convert_single(records: list[RawRecord], kind: str, ctx: Context):
    if not records:
        return None
    return convert_node(KIND_RECORDS[kind], records[0].data, ctx)


def _convert_records(records: list[RawRecord], kind: str, ctx: Context) -> list:
    spec = KIND_RECORDS[kind]
    converted = (convert_node(spec, r.data, ctx, slug=r.slug, path=r.path) for r in records)
    return [value for value in converted if value is not None]


def _convert_taxonomies(records: list[RawRecord], ctx: Context) -> dict[str, tuple]:
    """Convert each taxonomy file (a list of terms) and register its slugs as references."""
    found = {r.path: r for r in records}
    for path in sorted(set(found) - set(_TAXONOMY_PATHS)):
        ctx.report("unknown-taxonomy", "is not a taxonomy the portal knows; expected one of "
                   + ", ".join(sorted(TAXONOMY_FILES.values())), Location(path))
    for path, name in _TAXONOMY_PATHS.items():
        record = found.get(path)
        data = record.data if record else None
        if isinstance(data, RawList):
            ctx.refs[name] = {}
            for item in data.items:
                slug = item.get("slug") if isinstance(item, RawMap) else None
                if isinstance(slug, RawScalar) and slug.value:  # a list here is reported later
                    if slug.value in ctx.refs[name]:
                        ctx.report("duplicate-slug", f"the slug {slug.value!r} is used twice "
                                   f"in {path}", slug.location)
                    name_node = item.get("name")
                    ctx.refs[name][slug.value] = getattr(name_node, "value", None) or slug.value
    result = {}
    for path, name in _TAXONOMY_PATHS.items():
        record = found.get(path)
        if record is None:
            if not _reported_at(ctx.problems, path):
                ctx.report("missing-file", f"{path} is missing; every taxonomy is required",
                           Location(path))
        elif not isinstance(record.data, RawList):
            ctx.report("wrong-type", "a taxonomy is a list of terms, each starting `- slug:`",
                       record.data.location)
        else:
            terms = [convert_node(TAXONOMY_RECORDS[name], item, ctx) for item in record.data.items]
            if None not in terms:
                result[name] = tuple(terms)
    return result


def _reported_at(problems: list[Problem], path: str) -> bool:
    """True when loading already failed for `path` or a folder above it.

    A taxonomy that exists but could not be read (not UTF-8, a link) is not "missing";
    saying so would send the coordinator looking for the wrong mistake.
    """
    return any(p.is_error and (path == p.location.path or path.startswith(p.location.path + "/"))
               for p in problems)


def _duplicate_slugs(records: list[RawRecord]) -> list[Problem]:
    """Two files for one slug (`a.md` and `a.yaml`) would publish to the same address."""
    by_slug: dict[str, list[RawRecord]] = defaultdict(list)
    for record in records:
        by_slug[record.slug].append(record)
    problems = []
    for slug, same in by_slug.items():
        reserved = RESERVED_SLUGS.get(same[0].kind, ())
        if slug in reserved:
            problems.extend(error("url-collision", f"{slug!r} is the name of one of the portal's "
                                  "own pages; rename the file", r.location) for r in same)
        if len(same) > 1:
            paths = ", ".join(r.path for r in same)
            for record in same:
                problems.append(error("duplicate-slug", f"{paths} would all publish as "
                                      f"{slug!r}; keep one file", record.location))
    return problems


def _field_location(raw: RawRecord, name: str) -> Location:
    entry = raw.data.entries.get(name) if isinstance(raw.data, RawMap) else None
    return entry[0] if entry else raw.location


def _check_pages(pages: list[model.Page]) -> list[Problem]:
    return [error("url-collision", f"a page called {page.slug!r} would replace the portal's own "
                  f"/{page.slug}/ section; rename the file", Location(page.path, 1, 1))
            for page in pages if page.slug in RESERVED_TOP_LEVEL]


def _check_listings(listings, raw, site, today: dt.date) -> list[Problem]:
    """Freshness of every listing, and opening periods that make no sense."""
    problems = []
    months = site.stale_after_months if site else 12
    for item in listings:
        record = raw[(_kind_of(item), item.slug)]
        if item.last_verified is None:
            problems.append(warning("unverified", "has no `last_verified` date; check the "
                                    "listing with the organisation and add the date",
                                    record.location))
        elif item.last_verified > today:
            problems.append(error("future-date", f"`last_verified` {item.last_verified} is in "
                                  "the future", _field_location(record, "last_verified")))
        elif model.review_due(item.last_verified, months, today):
            problems.append(warning("stale", f"was last verified on {item.last_verified}, more "
                                    f"than {months} months ago; check it with the organisation",
                                    _field_location(record, "last_verified")))
        for period in item.opening_hours:
            if period.opens == period.closes:
                problems.append(error("bad-time", f"opens and closes at {period.opens}; for "
                                      "round-the-clock opening use \"00:00\" to \"24:00\"",
                                      _field_location(record, "opening_hours")))
    return problems


def _kind_of(item) -> str:
    return "org" if isinstance(item, model.Organisation) else "provider"


def _check_orgs(orgs, raw, taxonomies) -> list[Problem]:
    """An income far outside the stage's band usually means the stage is out of date."""
    stages = {stage.slug: stage for stage in taxonomies.get("stages", ())}
    problems = []
    for org in orgs:
        stage = stages.get(org.stage)
        income = org.annual_income
        if stage and income is not None and not stage.min_income <= income <= stage.max_income:
            problems.append(warning("stage-income", f"annual income £{income:,} is outside "
                                    f"{stage.name} ({stage.income_guide}); check the stage",
                                    _field_location(raw[("org", org.slug)], "annual_income")))
    return problems
