"""Text checks every content file passes before YAML sees it.

Strict UTF-8 (never a guessed encoding), normalised line endings, and no character
that would corrupt a page, feed, CSV or PDF: controls, bidi overrides, zero-width
characters, line separators, or leftover git merge-conflict markers.
"""
from __future__ import annotations

import re

from .errors import Location, Problem, error

_CONFLICT_RE = re.compile(r"^(?:<{7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_SEPARATOR_RE = re.compile(r"^={7}$", re.MULTILINE)
# C0/C1 controls except tab and newline, plus characters that reorder or hide text,
# and the Unicode line and paragraph separators, which YAML counts as line breaks (so
# every later line number would be wrong) and which hide a second line in one-line fields.
FORBIDDEN_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\ufffe\uffff"
    "\u2028\u2029]"
)
_FORBIDDEN_NAMES = {
    "\u202a": "a bidi embedding (LRE)", "\u202b": "a bidi embedding (RLE)",
    "\u202c": "a bidi pop (PDF)", "\u202d": "a bidi override (LRO)",
    "\u202e": "a bidi override (RLO)", "\u2066": "a bidi isolate (LRI)",
    "\u2067": "a bidi isolate (RLI)", "\u2068": "a bidi isolate (FSI)",
    "\u2069": "a bidi isolate pop (PDI)", "\u200b": "a zero-width space",
    "\u2060": "a word joiner", "\ufeff": "a byte-order mark inside the text",
    "\u2028": "a line separator (U+2028)", "\u2029": "a paragraph separator (U+2029)",
}


def decode(data: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    """Strict UTF-8, never a guess: a wrong encoding is reported where it first shows."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [error("not-utf8", "is saved as UTF-16; save it as UTF-8 "
                            "(in most editors: Save As → Encoding → UTF-8)", Location(rel, 1, 1))]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if _looks_like_utf16(data):
        return None, [error("not-utf8", "is saved as UTF-16 (every other byte is zero); save "
                            "it as UTF-8 (in most editors: Save As → Encoding → UTF-8)",
                            Location(rel, 1, 1))]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = data[exc.start:exc.start + 1].hex()
        return None, [error("not-utf8", f"is not valid UTF-8: byte 0x{byte} at offset "
                            f"{exc.start}. The file was probably saved from Word or as "
                            "Windows-1252; save it as UTF-8", Location(rel, line, column))]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a byte-order mark: plain ASCII then decodes as UTF-8 full of NULs.

    Every content file starts with ASCII (`---` or a key), so a zero in every other one
    of its first bytes means UTF-16; reporting one NUL per character would hide that.
    """
    head = data[:8]
    return len(head) >= 4 and (not any(head[0::2]) or not any(head[1::2]))


def check_text(text: str, rel: str) -> list[Problem]:
    """Characters and leftovers that would corrupt pages, feeds, CSV or PDF output."""
    problems = []
    for match in _CONFLICT_RE.finditer(text):
        problems.append(error("conflict-marker", "git merge-conflict marker "
                              f"{match.group(0).strip()!r}: resolve the conflict and remove the "
                              "markers", _location_of(text, match.start(), rel)))
    if problems:
        for match in _SEPARATOR_RE.finditer(text):
            problems.append(error("conflict-marker", "git merge-conflict separator '=======': "
                                  "resolve the conflict", _location_of(text, match.start(), rel)))
    for match in FORBIDDEN_RE.finditer(text):
        problems.append(forbidden_char(match.group(0), _location_of(text, match.start(), rel),
                                       "delete it (it is often invisible; retype the text "
                                       "around it)"))
    return problems


def forbidden_char(char: str, location: Location, fix: str) -> Problem:
    """One message for a forbidden character, whether typed or written as an escape."""
    what = _FORBIDDEN_NAMES.get(char, f"a control character (U+{ord(char):04X})")
    return error("control-char", f"contains {what}, which is not allowed in content: {fix}",
                 location)


def _location_of(text: str, offset: int, rel: str) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(rel, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)
