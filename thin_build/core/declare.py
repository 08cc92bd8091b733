"""The declaration machinery: `Field`, `ListOf` and `Record` describe a kind of file once.

A capability declares each of its kinds as a `Record` of `Field`s; from that one
declaration the validator converts raw records (`convert_node`), and `guide.py` and
`scaffold.py` write the JSON Schemas, the content guide and `thin new` skeletons.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from .convert import Context, FieldType, Invalid, suggest
from .fields import Date, Ref, Text
from .raw import RawList, RawMap, RawNode, RawScalar
from .translatable import (
    TRANSLATION_DATE,
    TRANSLATIONS_KEY,
    Translatable,
    Translation,
    Translations,
)


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    help: str
    example: Any = None
    required: bool = False


@dataclass(frozen=True)
class ListOf(FieldType):
    item: FieldType
    min_items: int = 0
    max_items: int = 100

    def convert(self, node: RawNode, ctx: Context) -> tuple:
        if not isinstance(node, RawList):
            raise Invalid("wrong-type", f"expected a list of {self.item.describe()}; write it "
                          "as [first, second] or one `- item` per line")
        if not self.min_items <= len(node.items) <= self.max_items:
            raise Invalid("list-length", f"has {len(node.items)} items; it needs "
                          f"{self.min_items} to {self.max_items}")
        values, seen, failed = [], set(), False
        for index, item in enumerate(node.items):
            ctx.path.append(index)
            value = _convert_item(self.item, item, ctx)
            ctx.path.pop()
            shorthand = getattr(self.item, "shorthand", "")  # entries of one value are unique
            key = getattr(value, shorthand) if shorthand and value is not None else value
            if value is None:
                failed = True
            elif isinstance(key, str) and key in seen:
                ctx.report("duplicate-item", f"{key!r} is listed twice", item.location)
            else:
                if isinstance(key, str):
                    seen.add(key)
                values.append(value)
        if failed:
            raise Invalid.reported()
        return tuple(values)

    def json_schema(self, refs=None) -> dict:
        schema = {"type": "array", "items": self.item.json_schema(refs),
                  "maxItems": self.max_items}
        if self.min_items:
            schema["minItems"] = self.min_items
        return schema

    def describe(self) -> str:
        return f"a list of {self.item.describe()}"


@dataclass(frozen=True)
class Record(FieldType):
    """A set of fields that becomes one model object (a file, or a nested part of one).

    `shorthand` names the field a lone value stands for, so a list entry that needs
    nothing else is written as that value (`- bookkeeping`) and one with more as
    fields (`- {skill: bookkeeping, detail: Sage}`): the common case stays one word.

    `translatable` names the fields a file may give in other languages under
    `translations:` (see `translatable.py`); `cls` must then be `Translatable`.
    """

    cls: type
    fields: tuple[Field, ...]
    title: str = ""
    shorthand: str = ""
    translatable: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        """A wrong declaration fails when the portal starts, not on a contributor's file."""
        unknown = set(self.translatable) - {f.name for f in self.fields}
        if unknown:
            raise ValueError(f"{self.title}: translatable names no field {sorted(unknown)}")
        if self.translatable and not issubclass(self.cls, Translatable):
            raise TypeError(f"{self.cls.__name__} has translatable fields, so it must "
                            "inherit translatable.Translatable")

    def field_map(self) -> Mapping[str, Field]:
        return {f.name: f for f in self.fields}

    def convert(self, node: RawNode, ctx: Context, **extra: Any) -> Any:
        if self.shorthand and isinstance(node, RawScalar):
            return self.cls(**extra, **{self.shorthand: self.field_map()[self.shorthand]
                                        .type.convert(node, ctx)})
        if not isinstance(node, RawMap):
            raise Invalid("wrong-type", f"expected a set of fields ({self.describe()})")
        fields, values, failed = self.field_map(), dict(extra), False
        given = set()
        for key, (key_loc, value_node) in node.entries.items():
            spec = fields.get(key)
            if key == TRANSLATIONS_KEY and self.translatable:
                spec = Field(key, TranslationsOf(self), "")
            if spec is None:
                ctx.report("unknown-key", f"unknown field `{key}`{suggest(key, fields)}",
                           key_loc)
                failed = True
                continue
            if isinstance(value_node, RawScalar) and not (value_node.value or "").strip():
                continue  # `name: ""` is as empty as `name:`, so a required field reports it
            given.add(key)
            ctx.path.append(key)
            value = convert_node(spec.type, value_node, ctx)
            ctx.path.pop()
            if value is None:
                failed = True
            else:
                values[key] = value
        for spec in self.fields:
            if spec.required and spec.name not in given:
                where = node.entries[spec.name][0] if spec.name in node.entries else node.location
                ctx.report("required", f"`{spec.name}` is required: {spec.help}", where)
                failed = True
        if failed:
            raise Invalid.reported()
        if self.translatable:  # so a record without translations still knows its fields
            values.setdefault(TRANSLATIONS_KEY, Translations(self.translatable))
        return self.cls(**values)

    def json_schema(self, refs=None) -> dict:
        schema = {
            "type": "object",
            "additionalProperties": False,
            "required": [f.name for f in self.fields if f.required],
            "properties": {f.name: {**f.type.json_schema(refs), "description": f.help}
                           for f in self.fields},
        }
        if self.translatable:
            schema["properties"][TRANSLATIONS_KEY] = TranslationsOf(self).json_schema(refs)
        if self.shorthand:
            return {"anyOf": [self.field_map()[self.shorthand].type.json_schema(refs), schema]}
        return schema

    def describe(self) -> str:
        if self.shorthand:
            return (f"{self.field_map()[self.shorthand].type.describe()}, or "
                    f"{self.title or 'fields'}")
        return self.title or "fields"


@dataclass(frozen=True)
class TranslationsOf(FieldType):
    """A record's `translations:`: per language code, some of its translatable fields,
    each converted by the original field's type, and an optional `last_verified`.

    Whether the site has each language is checked once the site settings are read
    (`translate.check_translations`); here, only what the file itself says.
    """

    record: Record

    def convert(self, node: RawNode, ctx: Context) -> Translations:
        if not isinstance(node, RawMap):
            raise Invalid("wrong-type", "expected one entry per language (`bn:`), each with "
                          "the translated fields indented below it")
        found, failed = [], False
        for code, (code_loc, body) in node.entries.items():
            ctx.path.append(code)
            translation = self._language(code, code_loc, body, ctx)
            ctx.path.pop()
            failed |= translation is None
            found.append(translation)
        if failed:
            raise Invalid.reported()
        return Translations(self.record.translatable, tuple(found))

    def _language(self, code: str, code_loc, body: RawNode, ctx: Context) -> Translation | None:
        if not isinstance(body, RawMap) or not body.entries:
            ctx.report("wrong-type", "expected the translated fields (`name: ...`) indented "
                       "below the language code", code_loc)
            return None
        types = {name: self.record.field_map()[name].type for name in self.record.translatable}
        types[TRANSLATION_DATE] = Date()
        values, failed = {}, False
        for key, (key_loc, value_node) in body.entries.items():
            if key not in types:
                ctx.report("untranslatable-field", self._not_translated(key), key_loc)
                failed = True
            elif not (isinstance(value_node, RawScalar) and not (value_node.value or "").strip()):
                ctx.path.append(key)
                values[key] = convert_node(types[key], value_node, ctx)
                ctx.path.pop()
                failed |= values[key] is None
        if failed:
            return None
        date = values.pop(TRANSLATION_DATE, None)
        return Translation(code, tuple(values.items()), date, ctx.field_name(), code_loc)

    def _not_translated(self, key: str) -> str:
        choices = (*self.record.translatable, TRANSLATION_DATE)
        if key in self.record.field_map():
            return (f"`{key}` is not translated: it is the same in every language; a "
                    f"translation may give {', '.join(choices)}")
        return f"unknown field `{key}`{suggest(key, choices)}"

    def json_schema(self, refs=None) -> dict:
        fields = self.record.field_map()
        properties = {name: {**fields[name].type.json_schema(refs),
                             "description": fields[name].help}
                      for name in self.record.translatable}
        properties[TRANSLATION_DATE] = {**Date().json_schema(refs), "description":
                                        "when someone last checked this translation against "
                                        "the original"}
        return {"type": "object", "description": "the translatable fields in other languages, "
                "by language code (`bn`)", "additionalProperties": {
                    "type": "object", "additionalProperties": False, "minProperties": 1,
                    "required": [], "properties": properties}}

    def describe(self) -> str:
        return "translations by language code"


def _convert_item(kind: FieldType, item: RawNode, ctx: Context) -> Any:
    """One list item; an empty one (a bare `-` line, `~`, `""`) is reported, not crashed on."""
    if isinstance(item, RawScalar) and not (item.value or "").strip():
        ctx.report("required", "this item is empty: fill it in or delete it", item.location)
        return None
    return convert_node(kind, item, ctx)


def convert_node(kind: FieldType, node: RawNode, ctx: Context, **extra: Any) -> Any:
    """Convert one value, reporting a problem at its location; None when it failed.

    `extra` goes to a Record: values that come from the file rather than its fields,
    such as the slug and path.
    """
    try:
        return kind.convert(node, ctx, **extra)
    except Invalid as exc:
        if exc.code != Invalid.REPORTED:
            ctx.report(exc.code, exc.message, node.location)
        return None


def text_field(name: str, help: str, example: Any = None, required: bool = False,
               max_length: int = 200, multiline: bool = False) -> Field:
    return Field(name, Text(max_length, multiline), help, example, required)


def refs_field(name: str, target: str, help: str, example: Any = None, required: bool = False,
               min_items: int = 0, extra: tuple[str, ...] = (), where: str = "") -> Field:
    """A list of slugs of `target` (a taxonomy, unless `where` says where else they are)."""
    return Field(name, ListOf(Ref(target, where, extra), min_items=min_items), help, example,
                 required)


def example_of(record: Record) -> dict:
    """The smallest valid entry of a nested record: its required fields' examples."""
    return {f.name: f.example for f in record.fields if f.required}
