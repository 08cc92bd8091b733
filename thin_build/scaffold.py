"""`thin new`: a commented skeleton that validates as written.

Required fields get their schema example as a value, and `last_verified` today's
date, so the file passes at once without warnings; other optional fields are written
commented out with their help text, so the skeleton is also a reference card.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .schema import KIND_RECORDS, Field, ListOf, Record

FOLDERS = {"org": "orgs", "provider": "providers", "event": "events",
           "notice": "content/notices"}
# Optional fields written out rather than commented: whoever creates the listing has
# just checked it, and without the date the new file would be flagged as unverified;
# an event needs somewhere to happen.
WRITTEN_OUT = frozenset({"last_verified", "venue"})


def _dated(today: dt.date) -> dict[str, str]:
    """Values that depend on today, so a new event is not already past, nor a notice expired."""
    return {"last_verified": today.isoformat(), "posted": today.isoformat(),
            "start": f"{today + dt.timedelta(days=14)} 10:00", "end": "12:00",
            "expires": (today + dt.timedelta(days=28)).isoformat()}


def first_organiser(root: Path) -> str | None:
    """A real organiser for an event or notice skeleton: the first provider, else org."""
    for folder in ("providers", "orgs"):
        names = sorted(p.stem for p in (root / folder).glob("*.md"))
        if names:
            return f"{folder}/{names[0]}"
    return None


def skeleton(kind: str, name: str, today: dt.date, organiser: str | None = None) -> str:
    record = KIND_RECORDS[kind]
    lines = ["---", f"# {record.title[:1].upper() + record.title[1:]}. Fields are described in "
             "docs/content-guide.md; lines starting with # are ignored.",
             "# Run `thin validate` after editing."]
    for field in record.fields:
        if field.name == "body":
            continue
        value = _value(field, name, today)
        if field.name in ("organiser", "posted_by") and organiser:
            value = organiser
        lines.append(f"# {field.help}")
        if field.required or field.name in WRITTEN_OUT:
            lines.extend(_yaml(field.name, value))
        else:
            lines.extend("# " + line for line in _yaml(field.name, value))
    lines += ["---", f"Write about {name} here: what it does, who it is for and why.", ""]
    return "\n".join(lines)


def _value(field: Field, name: str, today: dt.date):
    if field.name in ("name", "title"):
        return name
    if field.name in _dated(today):
        return _dated(today)[field.name]
    if isinstance(field.type, Record) and not field.required and isinstance(field.example, dict):
        return field.example
    if isinstance(field.type, ListOf) and isinstance(field.type.item, Record):
        item = {f.name: _value(f, name, today) for f in field.type.item.fields if f.required}
        return [item]
    if isinstance(field.type, Record):
        return {f.name: _value(f, name, today) for f in field.type.fields if f.required}
    return field.example if field.example is not None else "…"


def _yaml(key: str, value) -> list[str]:
    """A small, predictable YAML writer: strings quoted as JSON, which YAML also reads."""
    if isinstance(value, dict):
        return [f"{key}:"] + ["  " + line for k, v in value.items() for line in _yaml(k, v)]
    if isinstance(value, list) and value and isinstance(value[0], dict):
        out = [f"{key}:"]
        for item in value:
            entry = [line for k, v in item.items() for line in _yaml(k, v)]
            out += ["  - " + entry[0]] + ["    " + line for line in entry[1:]]
        return out
    if isinstance(value, str) and "\n" in value:
        return [f"{key}: |"] + ["  " + line for line in value.splitlines()]
    return [f"{key}: {json.dumps(value, ensure_ascii=False)}"]
