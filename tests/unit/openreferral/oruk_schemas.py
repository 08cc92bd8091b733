"""Validators for the Open Referral UK schemas copied into `schemas/openreferral/`.

Format checking is on (`FormatChecker`: `uuid`, `email`, `date`…). The profile marks
dates and times with `datapackage_type` rather than `format`, which JSON Schema would
ignore, so the validators add that keyword: `date` must be YYYY-MM-DD, `time`
HH:MM:SS, `datetime` an ISO 8601 instant, each a real calendar value.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache

from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators

from tests.helpers import REPO

SCHEMAS = REPO / "schemas" / "openreferral"
_SHAPES = {"date": (re.compile(r"\d{4}-\d{2}-\d{2}"), dt.date.fromisoformat),
           "time": (re.compile(r"\d{2}:\d{2}:\d{2}"), dt.time.fromisoformat),
           "datetime": (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})"),
                        dt.datetime.fromisoformat)}


def _datapackage_type(_validator, kind, instance, _schema):
    if kind not in _SHAPES or not isinstance(instance, str):
        return
    shape, parse = _SHAPES[kind]
    try:
        if not shape.fullmatch(instance):
            raise ValueError
        parse(instance)
    except ValueError:
        yield ValidationError(f"{instance!r} is not a {kind} (datapackage_type)")


ORUKValidator = validators.extend(Draft202012Validator, {"datapackage_type": _datapackage_type})


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMAS / f"{name}.json").read_text(encoding="utf-8"))


@cache
def validator(name: str) -> Draft202012Validator:
    """`name` is a schema file (`service`), or `taxonomy_term`: the profile's term,
    as it appears inside every attribute of `service.json`."""
    if name == "taxonomy_term":
        body = schema("service")["properties"]["attributes"]["items"]["properties"]
        return ORUKValidator(body["taxonomy_term"], format_checker=FormatChecker())
    return ORUKValidator(schema(name), format_checker=FormatChecker())


def errors(name: str, document) -> list[str]:
    """Each problem as `json/pointer: message`, sorted, so a failure says where."""
    return sorted("/" + "/".join(str(p) for p in error.absolute_path) + ": " + error.message
                  for error in validator(name).iter_errors(document))
