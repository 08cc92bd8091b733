"""`thin import openreferral`: Open Referral UK data → organisation and provider files.

Files only, never the network. The input is read (`sources.py`, `package.py`), each
organization mapped to one listing (`mapping.py`), each listing's text written by the
open-data room's `listing_text` and then read back by the loader and converted by the
kind's own declaration, so a file is only written if `thin validate` would take it;
the set is written at once by `FileSet`. An existing listing is never overwritten:
an organization whose name gives the slug of a listing already there is skipped.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..core.capability import Kind
from ..core.convert import Context
from ..core.declare import convert_node
from ..core.errors import Location, Problem
from ..core.load import load_file, load_repository, slugify
from ..core.raw import RawList, RawMap, RawScalar
from ..core.registry import SITE_KIND, Registry
from ..core.validate import reference_context
from ..opendata.listing_files import FileSet, listing_text, safe_slug
from .documents import Finding, Findings
from .mapping import Mapped, Options, map_group
from .resolve import Terms
from .sources import read_input


@dataclass
class ImportResult:
    findings: list[Finding] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    committed: bool = False

    @property
    def failed(self) -> bool:
        return any(f.level == "error" for f in self.findings)

    def summary(self, dry_run: bool) -> str:
        errors = sum(1 for f in self.findings if f.level == "error")
        notes = len(self.findings) - errors
        verb = "would be written" if dry_run else "written"
        return (f"{len(self.written)} {verb}, {len(self.skipped)} skipped (already listed), "
                f"{errors} error(s), {notes} note(s)")


@dataclass
class _Target:
    """The repository the listings go into: its terms, references and listings."""

    terms: Terms
    context: Context
    taken: dict[str, set[str]]


def import_openreferral(source: Path, root: Path, registry: Registry,
                        options: Options = Options(), dry_run: bool = False) -> ImportResult:
    """Import everything under `source` into the repository at `root`."""
    findings, result = Findings(), ImportResult()
    target = _target(Path(root), registry, findings)
    groups = read_input(Path(source), findings) if target else []
    files = FileSet()
    for group in groups:
        mapped = map_group(target.terms, group, options)
        if mapped is not None:
            path = _add(mapped, registry, target, files, findings, result)
            if path:
                result.written.append(path)
    for doc in findings.docs:
        doc.unread()
    if files and not dry_run:
        files.commit(Path(root))
        result.committed = True
    result.findings = findings.items
    result.written.sort()
    return result


def _target(root: Path, registry: Registry, findings: Findings) -> _Target | None:
    loaded = load_repository(root, registry.sources())
    by_kind, context, _taxonomies = reference_context(loaded, registry, [])
    site = [convert_node(SITE_KIND.record, r.data, context) for r in by_kind[SITE_KIND.name]]
    # A first import into a repository with only its taxonomies finds references to
    # listings that do not exist yet (a network's convenor): only other problems count.
    broken = sorted({str(p.location) for p in (*loaded.problems, *context.problems)
                     if p.is_error and p.code != "unknown-ref"
                     and p.location.path.startswith(("content/taxonomies", "content/site"))})
    if broken or not site or site[0] is None:
        findings.error(str(root), "the repository's taxonomies or content/site.yaml have "
                       f"errors ({', '.join(broken[:3]) or 'content/site.yaml'}); run "
                       "`thin validate` and fix them first")
        return None
    taken = {kind.name: set(kind.reserved_slugs) | set(context.refs[kind.collection])
             for kind in registry.kinds if kind.name in ("org", "provider")}
    terms = {record.slug: _terms(record.data) for record in by_kind["taxonomy"]}
    return _Target(Terms({tax.name: terms.get(tax.file, []) for tax in registry.taxonomies},
                         site[0].borough), context, taken)


def _terms(data) -> list[dict[str, str]]:
    """A taxonomy file's terms as written: slug, name and code."""
    items = data.items if isinstance(data, RawList) else ()
    return [{key: node.value for key in ("slug", "name", "code")
             if isinstance(node := item.get(key), RawScalar) and node.value}
            for item in items if isinstance(item, RawMap)
            and isinstance(item.get("slug"), RawScalar) and item.get("slug").value]


def _add(mapped: Mapped, registry: Registry, target: _Target, files: FileSet,
         findings: Findings, result: ImportResult) -> str | None:
    """Check one listing as the loader and validator would; add it to the set if sound."""
    kind = registry.kind(mapped.kind)
    name = mapped.values["name"]
    existing = mapped.slug or slugify(name)
    if existing in target.taken[kind.name] - kind.reserved_slugs:
        path = f"{kind.source.path}/{existing}.md"
        findings.note(mapped.where, f"{name!r} is already listed as {path}; not overwritten")
        result.skipped.append(path)
        return None
    _drop_refused(kind, mapped, target, findings)
    slug = safe_slug(existing or name, target.taken[kind.name])
    path = f"{kind.source.path}/{slug}.md"
    text = listing_text(mapped.kind, mapped.values)
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        file = Path(scratch) / "listing.md"
        file.write_text(text, encoding="utf-8")
        record, problems = load_file(file, path, kind.name, kind.source)
        if record is not None:
            context = Context(refs=target.context.refs, media=target.context.media,
                              problems=problems)
            convert_node(kind.record, record.data, context, slug=slug, path=path)
    errors = [problem for problem in problems if problem.is_error]
    for problem in errors:
        findings.error(mapped.where, f"{path} would not validate: line {problem.location.line}: "
                       f"{problem.code}: {problem.message}")
    if errors:
        target.taken[kind.name].discard(slug)
        return None
    files.add(path, text)
    return path


def _drop_refused(kind: Kind, mapped: Mapped, target: _Target, findings: Findings) -> None:
    """Leave out, with a note, an optional value the portal would refuse (a postcode
    from abroad, an `http:` address where `https:` is required): the rest still imports."""
    for declared in kind.record.fields:
        value = mapped.values.get(declared.name)
        if declared.required or not isinstance(value, str):
            continue
        problems: list[Problem] = []
        context = Context(refs=target.context.refs, media=target.context.media,
                          problems=problems)
        if convert_node(declared.type, RawScalar(value, Location(kind.source.path)), context) \
                is None or problems:
            del mapped.values[declared.name]
            reason = problems[0].message if problems else "not a value the portal takes"
            findings.note(mapped.where, f"`{declared.name}` left out: {reason}")
