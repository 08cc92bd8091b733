"""`thin new`: a commented skeleton that validates as written.

Required fields get their schema example as a value, and `last_verified` today's
date, so the file passes at once without warnings; other optional fields are written
commented out with their help text, so the skeleton is also a reference card.
"""
from __future__ import annotations

import datetime as dt
import json

from .schema import KIND_RECORDS, Field, ListOf, Record

FOLDERS = {"org": "orgs", "provider": "providers"}
# Optional fields written out rather than commented: whoever creates the listing has
# just checked it, and without the date the new file would be flagged as unverified.
WRITTEN_OUT = frozenset({"last_verified"})


def skeleton(kind: str, name: str, today: dt.date) -> str:
    record = KIND_RECORDS[kind]
    lines = ["---", f"# {record.title[:1].upper() + record.title[1:]}. Fields are described in "
             "docs/content-guide.md; lines starting with # are ignored.",
             "# Run `thin validate` after editing."]
    for field in record.fields:
        if field.name == "body":
            continue
        value = _value(field, name, today)
        lines.append(f"# {field.help}")
        if field.required or field.name in WRITTEN_OUT:
            lines.extend(_yaml(field.name, value))
        else:
            lines.extend("# " + line for line in _yaml(field.name, value))
    lines += ["---", f"Write about {name} here: what it does, who it is for and why.", ""]
    return "\n".join(lines)


def _value(field: Field, name: str, today: dt.date):
    if field.name == "name":
        return name
    if field.name == "last_verified":
        return today.isoformat()
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
