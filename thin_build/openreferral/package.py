"""An HSDS CSV data package (`datapackage.json` and a CSV file per table) as records.

The tables are joined back into the nested shape of the JSON documents (a service
with its schedules, locations, phones, attributes…), each record remembering its row
(`services.csv:4`), so the same mapping reads both. A row whose parent is missing is
a note naming both ids; a missing table is simply empty.
"""
from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .documents import WHERE, Findings

# Table name (as in HSDS 3.0) → the file it is in when datapackage.json does not say.
FILES = {"organization": "organizations.csv", "service": "services.csv",
         "location": "locations.csv", "address": "addresses.csv", "phone": "phones.csv",
         "schedule": "schedules.csv", "service_at_location": "service_at_locations.csv",
         "service_area": "service_areas.csv", "language": "languages.csv",
         "contact": "contacts.csv", "cost_option": "cost_options.csv",
         "attribute": "attributes.csv", "taxonomy_term": "taxonomy_terms.csv",
         "organization_identifier": "organization_identifiers.csv",
         "accessibility": "accessibility.csv"}
_PLURALS = {file.removesuffix(".csv"): name for name, file in FILES.items()}
# (child table, foreign key, parent table, field on the parent the children fill)
JOINS = (
    ("phone", "contact_id", "contact", "phones"),
    ("address", "location_id", "location", "addresses"),
    ("accessibility", "location_id", "location", "accessibility"),
    ("phone", "location_id", "location", "phones"),
    ("schedule", "service_id", "service", "schedules"),
    ("service_area", "service_id", "service", "service_areas"),
    ("language", "service_id", "service", "languages"),
    ("contact", "service_id", "service", "contacts"),
    ("cost_option", "service_id", "service", "cost_options"),
    ("phone", "service_id", "service", "phones"),
    ("service_at_location", "service_id", "service", "service_at_locations"),
    ("organization_identifier", "organization_id", "organization", "organization_identifiers"),
    ("phone", "organization_id", "organization", "phones"),
)


@dataclass
class Package:
    organizations: list[dict]
    services: list[dict]


def read_package(folder: Path, findings: Findings) -> Package:
    paths = _resource_paths(folder, findings)
    tables = {name: _read_table(folder, paths.get(name, file), findings)
              for name, file in FILES.items()}
    by_id = {name: {row["id"]: row for row in rows if row.get("id")}
             for name, rows in tables.items()}
    for row in tables["service_at_location"]:
        location = by_id["location"].get(row.get("location_id") or "")
        if location is not None:
            row["location"] = location
        elif row.get("location_id"):
            findings.note(f"{row[WHERE]}:location_id",
                          f"no location with id {row['location_id']!r}; not imported")
    for row in tables["attribute"]:
        term = by_id["taxonomy_term"].get(row.get("taxonomy_term_id") or "")
        if term is not None:
            row["taxonomy_term"] = term
    attributes = defaultdict(list)
    for row in tables["attribute"]:
        attributes[row.get("link_id")].append(row)
    for child, key, parent, field in JOINS:
        for row in tables[child]:
            if not row.get(key):
                continue
            owner = by_id[parent].get(row[key])
            if owner is None:
                findings.note(f"{row[WHERE]}:{key}",
                              f"no {parent} with id {row[key]!r}; this row is not imported")
                continue
            owner.setdefault(field, []).append(row)
    for name in ("service", "organization", "contact", "location"):
        for row in tables[name]:
            if row["id"] in attributes:
                row["attributes"] = attributes.pop(row["id"])
    for link_id, rows in sorted(attributes.items(), key=lambda item: str(item[0])):
        findings.note(f"{rows[0][WHERE]}:link_id",
                      f"no record with id {link_id!r} for this attribute; not imported")
    return Package(tables["organization"], tables["service"])


def _resource_paths(folder: Path, findings: Findings) -> dict[str, str]:
    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        findings.error("datapackage.json", f"is not readable JSON ({exc}); using the "
                       "standard file names")
        return {}
    paths = {}
    for resource in package.get("resources") or () if isinstance(package, dict) else ():
        if isinstance(resource, dict) and isinstance(resource.get("path"), str):
            name = str(resource.get("name") or "")
            paths[_PLURALS.get(name, name)] = resource["path"]
    return paths


def _read_table(folder: Path, name: str, findings: Findings) -> list[dict]:
    path = folder / name
    if "/" in name or "\\" in name or not path.is_file() or path.is_symlink():
        return []
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        findings.error(name, f"is not UTF-8 (byte {exc.start}); save it as UTF-8")
        return []
    rows = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        row = {key.strip(): value for key, value in row.items() if key is not None}
        row[WHERE] = f"{name}:{number}"
        rows.append(row)
    return rows
