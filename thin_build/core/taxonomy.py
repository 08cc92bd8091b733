"""Taxonomies: lists of terms (wards, needs, event categories…) that other files refer to.

A capability declares each of its taxonomies (`Taxonomy(name, record)`); the core
reads `content/taxonomies/<file>.yaml`, registers every slug before anything else is
converted (so a reference anywhere can be checked, with a "did you mean"), and then
converts the terms. Every declared taxonomy file is required.
"""
from __future__ import annotations

from dataclasses import dataclass

from .capability import Source, Taxonomy
from .convert import Context
from .declare import Field, Record, convert_node, text_field
from .errors import Location, Problem
from .fields import SLUG
from .raw import RawList, RawMap, RawRecord, RawScalar
from .translatable import Translatable

# Taxonomy files are read like any folder; each capability declares which ones it has.
TAXONOMY_SOURCE = Source("content/taxonomies", (".yaml",))


@dataclass(frozen=True, kw_only=True)
class Term(Translatable):
    """An entry of a taxonomy (a support need, a ward, a beneficiary group…)."""

    slug: str
    name: str
    description: str | None = None


TERM_FIELDS = (
    Field("slug", SLUG, "short identifier used in other files", "bow-east",
          required=True),
    text_field("name", "the name people see", "Bow East", required=True, max_length=120),
    text_field("description", "one sentence explaining it", "The streets north of Roman Road, "
               "by Victoria Park.", max_length=400, multiline=True),
)
# What every taxonomy lets a file translate (`translations: {bn: {name: ...}}`); a
# taxonomy with more words to translate adds its own to these.
TERM_TRANSLATABLE = ("name", "description")


def term_record(title: str) -> Record:
    """The declaration of a plain taxonomy's terms: slug, name and description."""
    return Record(Term, TERM_FIELDS, title, translatable=TERM_TRANSLATABLE)


def convert_taxonomies(taxonomies: tuple[Taxonomy, ...], records: list[RawRecord],
                       ctx: Context) -> dict[str, tuple]:
    """Convert each taxonomy file (a list of terms) and register its slugs as references.

    Returns only the taxonomies that converted without a problem.
    """
    known = {tax.path: tax for tax in taxonomies}
    found = {r.path: r for r in records}
    for path in sorted(set(found) - set(known)):
        ctx.report("unknown-taxonomy", "is not a taxonomy the portal knows; expected one of "
                   + ", ".join(sorted(tax.file for tax in taxonomies)), Location(path))
    for tax in taxonomies:
        record = found.get(tax.path)
        if record is not None and isinstance(record.data, RawList):
            _register(tax, record.data, ctx)
    result = {}
    for tax in taxonomies:
        record = found.get(tax.path)
        if record is None:
            if not _reported_at(ctx.problems, tax.path):
                ctx.report("missing-file", f"{tax.path} is missing; every taxonomy is required",
                           Location(tax.path))
        elif not isinstance(record.data, RawList):
            ctx.report("wrong-type", "a taxonomy is a list of terms, each starting `- slug:`",
                       record.data.location)
        else:
            terms = [convert_node(tax.record, item, ctx) for item in record.data.items]
            if None not in terms:
                result[tax.name] = tuple(terms)
    return result


def _register(tax: Taxonomy, data: RawList, ctx: Context) -> None:
    """Slug → name for every term, read before conversion so other files can refer."""
    ctx.refs[tax.name] = names = {}
    for item in data.items:
        slug = item.get("slug") if isinstance(item, RawMap) else None
        if isinstance(slug, RawScalar) and slug.value:  # a list here is reported later
            if slug.value in names:
                ctx.report("duplicate-slug", f"the slug {slug.value!r} is used twice "
                           f"in {tax.path}", slug.location)
            name_node = item.get("name")
            names[slug.value] = getattr(name_node, "value", None) or slug.value


def _reported_at(problems: list[Problem], path: str) -> bool:
    """True when loading already failed for `path` or a folder above it.

    A taxonomy that exists but could not be read (not UTF-8, a link) is not "missing";
    saying so would send the coordinator looking for the wrong mistake.
    """
    return any(p.is_error and (path == p.location.path or path.startswith(p.location.path + "/"))
               for p in problems)
