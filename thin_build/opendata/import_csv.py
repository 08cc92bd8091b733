"""`thin import csv`: a spreadsheet of organisations or providers → listing files.

Each row is converted by the kind's own declaration (`import_rows`), checked for
duplicates by the directory's own rule (`dedupe.duplicate_listings`) against the
file and the repository, and only then written, all at once (`FileSet.commit`).
A row with an error writes nothing; the good rows are still written unless
`strict`. An existing listing is skipped unless `update`, and then only the fields
the row fills in change (`import_update`). The CLI prints what this returns.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..core.convert import Invalid
from ..core.declare import convert_node
from ..core.errors import Location, Problem, error, sorted_problems
from ..core.fields import SLUG
from ..core.load import slugify
from ..core.raw import RawMap, RawRecord, RawScalar
from ..core.registry import Registry
from ..directory.dedupe import duplicate_listings, normalise_name
from .import_context import Repository, read_repository
from .import_read import Cell, read_sheet
from .import_rows import Header, read_header, row_node
from .import_services import Services, read_services
from .import_update import edited_listing
from .listing_files import WINDOWS_DEVICES, FileSet, listing_text, listing_values, safe_slug


@dataclass
class ImportResult:
    """What an import did (or, in a dry run, would do), for the CLI to print."""

    encoding: str | None = None
    services_encoding: str | None = None
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    rows_with_problems: int = 0
    committed: bool = False

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)

    def summary(self, dry_run: bool = False, strict: bool = False) -> str:
        would = "would be " if dry_run or (strict and self.rows_with_problems) else ""
        parts = [f"{len(self.written)} {would}written", f"{len(self.updated)} {would}updated"]
        if self.unchanged:
            parts.append(f"{len(self.unchanged)} unchanged")
        parts += [f"{len(self.skipped)} skipped (exist; use --update)",
                  f"{self.rows_with_problems} with problems"]
        text = ", ".join(parts)
        if self.encoding is None:
            return "Nothing imported: the file cannot be read (see above)"
        if self.failed and not (self.written or self.updated or self.skipped
                                or self.rows_with_problems):
            return "Nothing imported: fix the problems above first"
        if dry_run:
            return f"Dry run, nothing written: {text}"
        if strict and self.rows_with_problems:
            return f"Nothing written (--strict, and some rows have problems): {text}"
        return text + ("; fix the rows with problems and import them again"
                       if self.rows_with_problems else "")


@dataclass
class _Row:
    number: int
    slug: str
    data: RawMap
    listing: Any = None
    existing: RawRecord | None = None


def import_csv(source: Path, kind: str, root: Path, registry: Registry, *,
               update: bool = False, strict: bool = False, dry_run: bool = False,
               name: str | None = None, services: Path | None = None) -> ImportResult:
    """Import `source` (a CSV) as listings of `kind` into the repository at `root`.

    `services` (providers only) is a services table giving each provider its services.
    """
    name = name or str(source)
    result = ImportResult()
    cells: list[Problem] = []  # the cells' own problems, reported with their rows
    sheet = read_sheet(Path(source).read_bytes(), name, cells)
    if sheet is None:
        result.problems = cells
        return result
    result.encoding = sheet.encoding
    repo = read_repository(Path(root), registry, kind, result.problems)
    if repo is None:
        return result
    refused = frozenset(p.location for p in cells)
    found: list[Problem] = []
    header = read_header(kind, repo.kind.record, sheet.header, sheet.rows, update, found)
    result.problems.extend(p for p in cells if p.location.line == 1)
    result.problems.extend(p for p in found if p.location not in refused)
    if result.failed:  # a wrong header would misread every row
        return _finish(result)
    listed = None
    if services is not None:
        listed = read_services(services, str(services), result.problems)
        if listed is None:
            return _finish(result)
        result.services_encoding = listed.encoding
        refused |= listed.refused
    result.problems.extend(p for p in cells if p.location.line > 1)
    rows, bad = _convert_rows(sheet.rows, header, repo, name, update, refused, listed, result)
    if listed is not None:
        result.problems.extend(listed.unclaimed())
    result.problems.extend(_duplicates(rows, repo, name))
    bad |= {p.location.line for p in result.problems if p.is_error and p.location.path == name}
    files = FileSet()
    folder = repo.kind.source.path
    for row in rows:
        if row.number in bad:
            continue
        if row.existing is None:
            files.add(f"{folder}/{row.slug}.md", listing_text(kind, listing_values(kind,
                                                                                   row.listing)))
            result.written.append(f"{folder}/{row.slug}.md")
            continue
        text = edited_listing(repo, Path(root), row.existing, row.listing,
                              Location(name, row.number, 1), result.problems)
        if text is None:
            result.unchanged.append(row.existing.path)
        elif text:
            files.add(row.existing.path, text)
            result.updated.append(row.existing.path)
        else:
            bad.add(row.number)
    result.rows_with_problems = len(bad)
    if not dry_run and not (strict and bad) and len(files):
        files.commit(Path(root))
        result.committed = True
    return _finish(result)


def _finish(result: ImportResult) -> ImportResult:
    result.problems = sorted_problems(result.problems)
    return result


def _convert_rows(sheet_rows, header: Header, repo: Repository, name: str, update: bool,
                  refused: frozenset[Location], services: Services | None,
                  result: ImportResult) -> tuple[list[_Row], set[int]]:
    """Convert every row: the rows that convert, and the numbers of those that do not.

    A refused cell (a formula, a NUL) is reported once, not again as "required".
    """
    taken = set(repo.on_disk) | set(repo.kind.reserved_slugs)
    used: dict[str, int] = {}
    rows, failed = [], set()
    for number, cells in sheet_rows:
        if not any(cell.value for cell in cells):
            continue  # a blank line in the sheet
        problems: list[Problem] = []
        where = Location(name, number, 1)
        data = row_node(repo.kind.record, header, cells, where, problems)
        slug = _slug(data, header, cells, repo, taken, used, number, problems)
        row = _Row(number, slug or "", data)
        if services is not None and slug and (given := services.take(slug, problems)):
            data.entries["services"] = (given.location, given)
        if slug and slug in repo.on_disk:
            row.existing = repo.raw.get(slug)
            path = row.existing.path if row.existing else f"{repo.kind.source.path}/{slug}"
            if not update:
                result.skipped.append(path)
                continue
            if slug not in repo.listings:
                problems.append(error("unreadable-listing", f"{path} exists but has errors; "
                                      "run `thin validate` and fix it before updating it",
                                      where))
                row.existing = None
            else:
                data = _merged(row.existing.data, data, where)
        ctx = repo.context(problems)
        row.listing = convert_node(repo.kind.record, data, ctx, slug=slug or "row",
                                   path=f"row {number}")
        row.data = data
        result.problems.extend(p for p in problems
                               if not (p.code == "required" and p.location in refused))
        if slug and row.listing is not None and not any(p.is_error for p in problems):
            rows.append(row)
        else:
            failed.add(number)
    return rows, failed


def _merged(existing: RawMap, row: RawMap, where: Location) -> RawMap:
    """The listing with the row's filled-in cells over it; an empty cell changes nothing.

    A nested record (`referral_contact`) is merged field by field, so a row with only
    `referral_contact_email` keeps the role and phone; a list of records
    (`opening_hours`) is replaced whole, since its entries are matched by position.
    """
    entries = dict(existing.entries)
    for key, (location, node) in row.entries.items():
        if isinstance(node, RawScalar) and node.value is None:
            continue
        old = entries.get(key)
        if isinstance(node, RawMap) and old is not None and isinstance(old[1], RawMap):
            node = _merged(old[1], node, node.location)
        entries[key] = (location, node)
    return RawMap(entries, where)


def _slug(data: RawMap, header: Header, cells: tuple[Cell, ...], repo: Repository,
          taken: set[str], used: dict[str, int], number: int,
          problems: list[Problem]) -> str | None:
    """The row's slug: its `slug` cell; else its name's slug when that listing exists
    with the same name (an update); else a new safe, unique slug from the name (and a
    same-named listing under another slug is then reported as a duplicate)."""
    cell = header.key("slug", cells)
    if cell is not None and cell.value:
        try:
            slug = SLUG.convert_text(cell.value)
        except Invalid as exc:
            problems.append(error(exc.code, f"`slug`: {exc.message}", cell.location))
            return None
        clash = ("it is the name of one of the portal's own pages"
                 if slug in repo.kind.reserved_slugs else "Windows keeps it for a device"
                 if slug in WINDOWS_DEVICES else f"row {used[slug]} has it too"
                 if slug in used else "")
        if clash:
            problems.append(error("bad-slug", f"`slug`: {slug!r} cannot be used: {clash}; "
                                  "choose another", cell.location))
            return None
    else:
        name = data.get("name")
        if not isinstance(name, RawScalar) or not name.value:
            return None
        base = slugify(name.value)
        same = base in repo.listings and base not in used and (
            normalise_name(repo.listings[base].name) == normalise_name(name.value))
        slug = base if same else safe_slug(name.value, taken)
    taken.add(slug)
    used.setdefault(slug, number)
    return slug


def _duplicates(rows: list[_Row], repo: Repository, name: str) -> list[Problem]:
    """The directory's duplicate rule over the repository and the rows together; only
    the problems located in the sheet are the import's to report."""
    replaced = {row.slug for row in rows if row.existing is not None}
    others = [item for slug, item in repo.listings.items() if slug not in replaced]
    raw = {(repo.kind.name, slug): record for slug, record in repo.raw.items()}
    listings = []
    for row in rows:
        key = f"row {row.number}"  # a unique stand-in slug for the row
        listings.append(replace(row.listing, slug=key))
        raw[(repo.kind.name, key)] = RawRecord(repo.kind.name, name, key, row.data)
    return [p for p in duplicate_listings(others + listings, raw, repo.kind.name)
            if p.location.path == name]

