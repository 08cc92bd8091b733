"""Field types the calendar and notice board add: London times, organisers, flyers.

Like the types in `core/fields.py`, each converts raw text (or says how to fix it),
gives its JSON Schema and describes itself for the content guide.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..core.convert import Context, FieldType, Invalid, suggest
from ..core.fields import MediaPath
from ..core.raw import RawNode, RawScalar
from .occurrences import local_time_problem

_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_TIME = r"[0-9]{1,2}:[0-9]{2}"
ORGANISER_COLLECTIONS = ("orgs", "providers")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Invalid("bad-date", f"{text} is not a real date") from None


def _time(text: str) -> dt.time:
    hours, minutes = (int(part) for part in text.split(":"))
    if hours > 23 or minutes > 59:
        raise Invalid("bad-time", f"{text!r} is not a time of day; write 24-hour time from "
                      "00:00 to 23:59 (an event ending at midnight ends at 00:00 the next day)")
    return dt.time(hours, minutes)


@dataclass(frozen=True)
class LocalDateTime(FieldType):
    """A London wall-clock date and time ("2026-12-03 10:00"), or a date alone.

    With `time_only`, a bare time ("12:00") is accepted too: an end on the start's day.
    Offsets and "Z" are refused: content is in London time, and the build works out
    GMT and BST.
    """

    time_only: bool = False

    def convert_text(self, text: str) -> dt.date | dt.datetime | dt.time:
        if re.fullmatch(_DATE, text):
            return _date(text)
        match = re.fullmatch(rf"({_DATE})[ T]({_TIME})(:00)?", text)
        if match:
            moment = dt.datetime.combine(_date(match[1]), _time(match[2]))
            if problem := local_time_problem(moment):
                raise Invalid("clock-change", problem)
            return moment
        if self.time_only and re.fullmatch(_TIME, text):
            return _time(text)
        if re.search(r"(Z|[+-][0-9]{2}:?[0-9]{2})$", text):
            raise Invalid("bad-date", f"{text!r} has a time zone; write London time without "
                          "one, e.g. 2026-12-03 10:00 (the build works out GMT and BST)")
        raise Invalid("bad-date", f"{text!r} is not {self.describe()}")

    def json_schema(self, refs=None) -> dict:
        patterns = [_DATE, rf"{_DATE}[ T]{_TIME}(:00)?"] + ([_TIME] if self.time_only else [])
        return {"type": "string", "pattern": "^(?:" + "|".join(patterns) + ")$"}

    def describe(self) -> str:
        if self.time_only:
            return ('a time on the same day, "12:00", a date and time, "2026-12-04 12:00", or '
                    "for an all-day event its last day, 2026-12-04 (London time)")
        return ('a date and 24-hour time in London time, "2026-12-03 10:00", or a date alone, '
                "2026-12-03, for an all-day event")


@dataclass(frozen=True)
class OrganiserRef(FieldType):
    """An organisation or a provider: `orgs/<slug>` or `providers/<slug>`.

    The two are separate namespaces (an organisation and a provider may share a
    slug), so the value names its folder, exactly as the file's path does.
    """

    def convert(self, node: RawNode, ctx: Context) -> str:
        if not isinstance(node, RawScalar):
            raise Invalid("wrong-type", f"expected {self.describe()}")
        text = node.value.strip()
        known = {name: ctx.refs.get(name) for name in ORGANISER_COLLECTIONS}
        if any(names is None for names in known.values()):
            return text  # a listing kind failed to load; that is reported already
        collection, slash, slug = text.partition("/")
        if slash and collection in known and slug in known[collection]:
            return text
        names = {f"{c}/{s}": name for c, slugs in known.items() for s, name in slugs.items()}
        same_slug = [ref for ref in sorted(names) if ref.endswith("/" + (slug or collection))]
        if same_slug:
            hint = "; did you mean " + " or ".join(f"`{ref}`" for ref in same_slug) + "?"
        else:
            hint = suggest(text, names, names)
        raise Invalid("unknown-organiser", f"{text[:80]!r} is not an organisation "
                      f"(orgs/<slug>) or a support provider (providers/<slug>){hint}")

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": r"^(orgs|providers)/[a-z0-9]+(-[a-z0-9]+)*$"}

    def describe(self) -> str:
        return "`orgs/` or `providers/` and the slug (its file name without .md)"


@dataclass(frozen=True)
class FlyerPath(MediaPath):
    """A flyer in content/media: an image (needs alt text) or a PDF."""

    extensions: tuple[str, ...] = (".pdf", ".png", ".jpg", ".jpeg", ".webp")

    def json_schema(self, refs=None) -> dict:
        return {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_/.-]*\.(pdf|png|jpe?g|webp)$"}

    def describe(self) -> str:
        return ("a PDF or an image (PNG, JPEG or WebP) in `content/media/`, e.g. "
                "`flyers/winter-fair.pdf`")
