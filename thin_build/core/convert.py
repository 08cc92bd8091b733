"""The conversion contract every field type follows, and the context it may consult.

Each type answers three questions from one definition, so they cannot drift apart:
`convert` (raw text → value, or `Invalid` with a message that says how to fix it),
`json_schema` (for editors and the published schemas) and `describe` (for the
content guide). Capabilities declare their own types against `FieldType`.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

from .errors import Location, Problem, error
from .filetypes import Downloads
from .raw import RawList, RawNode, RawScalar

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Invalid(Exception):
    """A value that cannot be converted; `code` names the kind of mistake."""

    REPORTED = "reported"

    @classmethod
    def reported(cls) -> "Invalid":
        """Raised by containers whose items have already reported their own problems."""
        return cls(cls.REPORTED, "")

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class Context:
    """What conversion may consult: the slugs each reference may point to, media files
    and downloadable files (whose `used` set conversion fills), and the file being
    converted, for a field that names files beside it (a site's `media/` folder)."""

    refs: Mapping[str, Mapping[str, str]]
    media: frozenset[str] = frozenset()
    downloads: Downloads = field(default_factory=Downloads)
    problems: list[Problem] = field(default_factory=list)
    path: list[str | int] = field(default_factory=list)
    file: str = ""

    def report(self, code: str, message: str, location: Location) -> None:
        """Record a problem, naming the field it is in (`services[2].need`)."""
        name = self.field_name()
        prefix = f"`{name}`: " if name else ""
        self.problems.append(error(code, prefix + message, location))

    def field_name(self) -> str:
        """The field being converted, as messages name it: `services[2].need`."""
        name = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in self.path)
        return name.lstrip(".")


def meant_integer(text: str) -> int | None:
    """The whole number meant by `£85,000`, `85 000`, `85k` or `£1.2m`, for a message that
    says "write it as 85000" instead of only what is wrong; None when it is not money."""
    match = re.fullmatch(r"£?\s*([0-9][0-9, ]{0,20}(?:\.[0-9]{1,6})?)\s*([kKmM]?)", text.strip())
    if not match:
        return None
    value = Decimal(re.sub("[, ]", "", match[1])) * {"": 1, "k": 1000, "m": 10**6}[
        match[2].lower()]
    return int(value) if value == value.to_integral_value() else None


def suggest(value: str, choices, names: Mapping[str, str] | None = None) -> str:
    """A "did you mean" hint: close spellings, or the slug of a name typed in full."""
    choices = sorted(choices)
    if names:
        for slug, name in names.items():
            if value.strip().casefold() == name.casefold():
                return f"; did you mean `{slug}` (the slug of {name!r})?"
    close = difflib.get_close_matches(value, choices, n=3, cutoff=0.6)
    if close:
        return "; did you mean " + " or ".join(f"`{c}`" for c in close) + "?"
    if choices and len(choices) <= 12:
        return "; choose from " + ", ".join(choices)
    sharing = _sharing_a_word(value, names or {})
    if sharing:
        return "; did you mean " + " or ".join(f"`{c}` ({names[c]})" for c in sharing) + "?"
    return ""


def _words(text: str) -> set[str]:
    """The longer words of a text, folded and without a plural -s: "Hall hire" → hall, hire."""
    return {w.removesuffix("s") for w in re.findall(r"\w{4,}", text.casefold())}


def _sharing_a_word(value: str, names: Mapping[str, str]) -> list[str]:
    """Up to three terms whose name shares a word with free text ("Hall hire" → room-hire,
    "Room and hall hire"), most shared words first: in a long list, free text written
    before the list existed rarely spells a slug, but it usually names the thing."""
    words = _words(value)
    scored = sorted((-len(words & _words(name)), slug) for slug, name in names.items())
    return [slug for score, slug in scored if score][:3]


class FieldType:
    """Base of all field types: scalars by default."""

    def convert(self, node: RawNode, ctx: Context) -> Any:
        if not isinstance(node, RawScalar):
            raise Invalid("wrong-type", f"expected {self.describe()}, not a "
                          f"{'list' if isinstance(node, RawList) else 'set of fields'}")
        return self.convert_text(node.value.strip())

    def convert_text(self, text: str) -> Any:
        return text

    def json_schema(self, refs: Mapping[str, Mapping[str, str]] | None = None) -> dict:
        return {"type": "string"}

    def describe(self) -> str:
        return "text"
