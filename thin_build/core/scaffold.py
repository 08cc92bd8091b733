"""`thin new`: a commented skeleton that validates as written.

Required fields get their schema example as a value, and what the kind gives for
today (`last_verified`, an event's dates), so the file passes at once without
warnings; other optional fields are written commented out with their help text, so
the skeleton is also a reference card.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from .capability import Kind
from .declare import Field, ListOf, Record


def skeleton(kind: Kind, name: str, today: dt.date, root: Path) -> str:
    """The skeleton of a new file of `kind` called `name`.

    `kind.new_values` fills in what depends on the day or the repository (dates, an
    organiser); those fields are written out even when optional.
    """
    record = kind.record
    given = dict(kind.new_values(today, root)) if kind.new_values else {}
    lines = ["---", f"# {record.title[:1].upper() + record.title[1:]}. Fields are described in "
             "docs/content-guide.md; lines starting with # are ignored.",
             "# Run `thin validate` after editing."]
    for field in record.fields:
        if field.name == "body":
            continue
        value = given.get(field.name, _value(field, name))
        lines.append(f"# {field.help}")
        if field.required or field.name in given:
            lines.extend(_yaml(field.name, value))
        else:
            lines.extend("# " + line for line in _yaml(field.name, value))
    lines += ["---", f"Write about {name} here: what it does, who it is for and why.", ""]
    return "\n".join(lines)


def _value(field: Field, name: str):
    if field.name in ("name", "title"):
        return name
    if isinstance(field.type, Record) and not field.required and isinstance(field.example, dict):
        return field.example
    if isinstance(field.type, ListOf) and isinstance(field.type.item, Record):
        item = {f.name: _value(f, name) for f in field.type.item.fields if f.required}
        return [item]
    if isinstance(field.type, Record):
        return {f.name: _value(f, name) for f in field.type.fields if f.required}
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
