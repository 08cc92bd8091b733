"""Reading Open Referral input: JSON documents, list pages, folders, CSV data packages.

Whatever the shape, the result is one `Group` per organization with its services,
each a `Doc` that knows where it came from. A folder is read whole (the portal's own
feed holds every record twice, in a list page and in its own document), so records
are kept once by id, the fullest copy winning; taxonomy files are skipped with a note.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .documents import Doc, Findings
from .package import read_package

MAX_BYTES = 50_000_000


@dataclass
class Group:
    """One organization and its services: what becomes one listing file."""

    organization: Doc | None
    services: list[Doc] = field(default_factory=list)


@dataclass
class _Entry:
    data: dict
    file: str
    pointer: str

    @property
    def weight(self) -> int:
        return len(json.dumps(self.data, default=str))


def read_input(path: Path, findings: Findings) -> list[Group]:
    """Every organization and service under `path` (a file or a folder), grouped."""
    path = Path(path)
    orgs: dict[str, _Entry] = {}
    services: dict[str, _Entry] = {}
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        if (path / "datapackage.json").is_file():
            files = [path / "datapackage.json"]
    else:
        files = [path]
    for file in files:
        label = file.relative_to(path).as_posix() if path.is_dir() else file.name
        if file.name == "datapackage.json":
            package = read_package(file.parent, findings)
            for kind, rows in (("organization", package.organizations),
                               ("service", package.services)):
                for row in rows:
                    _keep(orgs if kind == "organization" else services, row, "", "")
        elif file.suffix.lower() == ".json":
            _read_json(file, label, orgs, services, findings)
    return _groups(orgs, services, findings)


def _read_json(file: Path, label: str, orgs: dict, services: dict, findings: Findings) -> None:
    if file.stat().st_size > MAX_BYTES:
        findings.error(label, f"is larger than {MAX_BYTES // 1_000_000} MB; split it")
        return
    try:
        data = json.loads(file.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        findings.error(label, f"is not UTF-8 (byte {exc.start}); save it as UTF-8")
        return
    except json.JSONDecodeError as exc:
        findings.error(f"{label}:{exc.lineno}:{exc.colno}", f"is not JSON: {exc.msg}")
        return
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        items = [(item, f"contents[{n}]") for n, item in enumerate(data["contents"])]
    elif isinstance(data, list):
        items = [(item, f"[{n}]") for n, item in enumerate(data)]
    else:
        items = [(data, "")]
    terms = 0
    for item, pointer in items:
        where = f"{label}: {pointer}" if pointer else label
        if not isinstance(item, dict):
            findings.error(where, "expected an Open Referral record (an object)")
        elif "taxonomy_terms" in item or "taxonomy" in item or "term" in item:
            terms += 1
        elif "status" in item or "service_at_locations" in item or "organization_id" in item:
            _keep(services, item, label, pointer)
        else:
            _keep(orgs, item, label, pointer)
            for n, service in enumerate(item.get("services") or ()):
                if isinstance(service, dict):
                    _keep(services, {"organization_id": item.get("id"), **service}, label,
                          f"{pointer}.services[{n}]".lstrip("."))
    if terms:
        findings.note(label, f"{terms} taxonomies or terms: not imported (the portal keeps "
                      "its own taxonomies in content/taxonomies/)")


def _keep(records: dict[str, _Entry], data: dict, file: str, pointer: str) -> None:
    """Keep a record by its id, the fullest of several copies."""
    entry = _Entry(data, file, pointer)
    key = str(data.get("id") or f"{file}#{pointer}")
    if key not in records or entry.weight > records[key].weight:
        records[key] = entry


def _groups(orgs: dict[str, _Entry], services: dict[str, _Entry],
            findings: Findings) -> list[Group]:
    groups = {key: Group(Doc(e.data, e.file, findings, "organization", e.pointer))
              for key, e in orgs.items()}
    for entry in services.values():
        service = Doc(entry.data, entry.file, findings, "service", entry.pointer)
        org_id = entry.data.get("organization_id")
        if org_id is None and isinstance(entry.data.get("organization"), dict):
            org_id = entry.data["organization"].get("id")
        if str(org_id) not in groups:
            brief = service.child("organization", "organization")
            if brief is None:
                findings.error(service.at("organization_id"),
                               f"no organization with id {org_id!r} in the input; the "
                               "service is not imported" if org_id else
                               "names no organization; the service is not imported")
                service.read.update(entry.data)  # the error covers every field
                continue
            groups[str(org_id)] = Group(brief)
        else:
            service.read.add("organization")
        groups[str(org_id)].services.append(service)
    return [groups[key] for key in sorted(groups, key=lambda k: _order(groups[k]))]


def _order(group: Group) -> tuple:
    return (str(group.organization.data.get("name") or "") if group.organization else "",
            group.organization.where if group.organization else "")
