"""The field types every capability shares: text, numbers, dates, web and email
addresses, UK phone numbers and postcodes, choices, references and media paths.

A type specific to one capability (a London time, an organiser) lives in that
capability's `fields.py`, against the same `FieldType` contract (`convert.py`).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from .convert import SLUG_PATTERN, Context, FieldType, Invalid, meant_integer, suggest
from .raw import RawNode, RawScalar

DEFAULT_MAX_LENGTH = 200


def taxonomy_path(name: str) -> str:
    """The file a taxonomy is kept in: `provider_types` → content/taxonomies/provider-types.yaml."""
    return f"content/taxonomies/{name.replace('_', '-')}.yaml"

@dataclass(frozen=True)
class Text(FieldType):
    max_length: int = DEFAULT_MAX_LENGTH
    multiline: bool = False

    def convert_text(self, text: str) -> str:
        if not self.multiline and "\n" in text:
            raise Invalid("multiline", "must be on one line")
        if len(text) > self.max_length:
            raise Invalid("too-long", f"is {len(text)} characters long; the limit is "
                          f"{self.max_length}. Shorten it")
        return text

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "maxLength": self.max_length}

    def describe(self) -> str:
        lines = "text, may span several lines" if self.multiline else "one line of text"
        return f"{lines}, at most {self.max_length} characters"


@dataclass(frozen=True)
class Markdown(Text):
    max_length: int = 50_000
    multiline: bool = True

    def describe(self) -> str:
        return (f"Markdown text, at most {self.max_length} characters; HTML is cleaned and "
                "scripts removed")


@dataclass(frozen=True)
class Pattern(FieldType):
    """A value with a fixed format, normalised by `normalise` once it matches."""

    regex: str
    description: str
    code: str
    example_hint: str
    normalise: Callable[[str], str] = str

    def convert_text(self, text: str) -> str:
        if not re.fullmatch(self.regex, text):
            raise Invalid(self.code, f"{text[:80]!r} is not {self.description}; "
                          f"write it like {self.example_hint}")
        return self.normalise(text)

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": f"^(?:{self.regex})$"}

    def describe(self) -> str:
        return f"{self.description}, e.g. `{self.example_hint}`"


def _postcode(text: str) -> str:
    compact = re.sub(r"\s+", "", text).upper()
    return f"{compact[:-3]} {compact[-3:]}"


def _phone_digits(text: str) -> str:
    digits = re.sub(r"[\s()-]", "", text)
    return "0" + digits[3:] if digits.startswith("+44") else digits


def _phone(text: str) -> str:
    if not re.fullmatch(r"0[0-9]{9,10}", _phone_digits(text)):
        raise Invalid("bad-phone", f"{text!r} is not a UK phone number; write it like "
                      "`020 7946 0123` (10 or 11 digits starting with 0, or +44)")
    return re.sub(r"\s+", " ", text)


def _time(text: str) -> str:
    match = re.fullmatch(r"([0-9]{1,2}):([0-9]{2})", text)
    if (not match or int(match[1]) > 24 or int(match[2]) > 59
            or (int(match[1]) == 24 and match[2] != "00")):
        raise Invalid("bad-time", f"{text!r} is not a time; write 24-hour time in quotes, "
                      "like \"09:30\" or \"17:00\"")
    return f"{int(match[1]):02d}:{match[2]}"


EMAIL = Pattern(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}"
                r"[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+",
                "an email address", "bad-email", "info@example.org")
POSTCODE = Pattern(r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}", "a UK postcode",
                   "bad-postcode", "E1 6AN", normalise=_postcode)
COLOUR = Pattern(r"#[0-9a-fA-F]{6}", "a colour", "bad-colour", '"#0b6e4f" (in quotes)',
                 normalise=str.lower)
SLUG = Pattern(SLUG_PATTERN[1:-1], "a slug", "bad-slug", "bow-east (lowercase letters, digits "
               "and single hyphens)")


@dataclass(frozen=True)
class Phone(FieldType):
    def convert_text(self, text: str) -> str:
        return _phone(text)

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": r"^[+0-9][0-9 ()-]{8,18}$"}

    def describe(self) -> str:
        return "a UK phone number, e.g. `020 7946 0123`"


@dataclass(frozen=True)
class Time(FieldType):
    def convert_text(self, text: str) -> str:
        return _time(text)

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": r"^([01]?[0-9]|2[0-4]):[0-5][0-9]$"}

    def describe(self) -> str:
        return '24-hour time in quotes, e.g. `"09:30"`'


@dataclass(frozen=True)
class Url(FieldType):
    """A web address: only http and https, so no `javascript:` or `data:` can slip in.

    `https_only` refuses plain http too, for links people follow to apply or download,
    where a page that can be altered on the way would matter.
    """

    https_only: bool = False

    def convert_text(self, text: str) -> str:
        if len(text) > 2000 or re.search(r"[\s\"'<>\\^`{|}]", text):
            raise Invalid("bad-url", "web addresses may not contain spaces, quotes or <>; "
                          "copy the address from the browser's address bar")
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            raise Invalid("bad-url", f"{text[:80]!r} is not a web address; it must start with "
                          "https://" + ("" if self.https_only else " (or http://)"))
        host = parts.hostname or ""
        if "." not in host or not re.fullmatch(r"[a-z0-9.-]+", host):
            raise Invalid("bad-url", f"{host!r} is not a web site's name")
        if self.https_only and parts.scheme.lower() != "https":
            raise Invalid("bad-url", f"{text[:80]!r} is not a secure address; it must start "
                          "with https://")
        return parts.scheme.lower() + text[len(parts.scheme):]

    def json_schema(self, refs=None) -> dict:
        pattern = "^[Hh][Tt][Tt][Pp][Ss]://" if self.https_only else "^[Hh][Tt][Tt][Pp][Ss]?://"
        return {"type": "string", "format": "uri", "pattern": pattern}

    def describe(self) -> str:
        return "a web address starting with `https://`" + (" (not http://)" if self.https_only
                                                           else "")


@dataclass(frozen=True)
class Integer(FieldType):
    minimum: int = 0
    maximum: int = 10**12

    def convert_text(self, text: str) -> int:
        if not re.fullmatch(r"-?[0-9]{1,13}", text):
            meant = meant_integer(text)
            example = f"write it as {meant}" if meant is not None else "e.g. 85000"
            raise Invalid("bad-number", f"{text!r} is not a whole number; {example} (digits "
                          "only, without commas, spaces, £ or k)")
        value = int(text)
        if not self.minimum <= value <= self.maximum:
            raise Invalid("bad-number", f"{value} is out of range ({self.minimum} to "
                          f"{self.maximum})")
        return value

    def json_schema(self, refs=None) -> dict:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def describe(self) -> str:
        return f"a whole number from {self.minimum} to {self.maximum}"


@dataclass(frozen=True)
class Date(FieldType):
    def convert_text(self, text: str) -> dt.date:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise Invalid("bad-date", f"{text} is not a real date") from None
        raise Invalid("bad-date", f"{text!r} is not a date; write it as YYYY-MM-DD, "
                      "e.g. 2026-03-31")

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "format": "date"}

    def describe(self) -> str:
        return "a date written YYYY-MM-DD"


@dataclass(frozen=True)
class Choice(FieldType):
    values: tuple[str, ...]

    def convert_text(self, text: str) -> str:
        if text not in self.values:
            raise Invalid("bad-choice", f"{text!r} is not allowed{suggest(text, self.values)}")
        return text

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "enum": list(self.values)}

    def describe(self) -> str:
        return "one of " + ", ".join(f"`{v}`" for v in self.values)


@dataclass(frozen=True)
class Ref(FieldType):
    """The slug of another record: a taxonomy term, a provider or a network."""

    target: str
    where: str = ""  # where the slugs are listed; a taxonomy's file when not given
    extra: tuple[str, ...] = ()

    @property
    def listed_in(self) -> str:
        return self.where or taxonomy_path(self.target)

    def convert_text(self, text: str) -> str:
        raise AssertionError("Ref converts with its context")  # pragma: no cover

    def convert(self, node: RawNode, ctx: Context) -> str:
        if not isinstance(node, RawScalar):
            raise Invalid("wrong-type", f"expected {self.describe()}")
        text = node.value.strip()
        known = ctx.refs.get(self.target)
        if known is None:  # the whole taxonomy failed to load; that is reported already
            return text
        if text in known or text in self.extra:
            return text
        hint = suggest(text, list(known) + list(self.extra), known)
        raise Invalid("unknown-ref", f"{text!r} is not in {self.listed_in}{hint}")

    def json_schema(self, refs=None) -> dict:
        if refs is not None and self.target in refs:
            return {"type": "string", "enum": sorted(refs[self.target]) + list(self.extra)}
        return {"type": "string", "pattern": SLUG_PATTERN}

    def describe(self) -> str:
        extra = "".join(f" or `{e}`" for e in self.extra)
        return f"a slug from {self.listed_in}{extra}"


@dataclass(frozen=True)
class MediaPath(FieldType):
    """An image inside `content/media/`; never a path that could leave the repository."""

    extensions: tuple[str, ...] = (".png", ".jpg", ".jpeg", ".webp")

    def convert(self, node: RawNode, ctx: Context) -> str:
        text = super().convert(node, ctx)
        if (not re.fullmatch(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_.-]*)*", text)
                or ".." in text or not text.endswith(self.extensions)):
            raise Invalid("bad-path", f"{text[:80]!r} must be a path inside content/media/ in "
                          "lowercase, e.g. logos/our-group.png, ending in "
                          + ", ".join(self.extensions))
        if text not in ctx.media:
            raise Invalid("missing-file",
                          f"content/media/{text} does not exist{suggest(text, ctx.media)}")
        return text

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_/.-]*\.(png|jpe?g|webp)$"}

    def describe(self) -> str:
        return "an image file in `content/media/` (PNG, JPEG or WebP), e.g. `logos/our-group.png`"
