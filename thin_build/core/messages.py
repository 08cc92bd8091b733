"""Message catalogues: each language's `translations/<code>/LC_MESSAGES/messages.po`, read,
checked and compiled in memory (no `.mo` file is ever committed).

A translator's slip must never reach a page as a crash or a wrong sentence, so every
fault is a `Problem` at the `.po` file's line: invalid syntax, a NUL byte, a bad
`Plural-Forms` header or the wrong number of `msgstr[n]`, a placeholder missing or
renamed, HTML tags that differ from the English. Those fail the build. A missing or
fuzzy translation only falls back to English, so it is a `thin i18n check` error but
not a build error (`complete=False`).
"""
from __future__ import annotations

import gettext as _gettext
import io
import re
from collections import Counter
from pathlib import Path
from typing import Iterable

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po
from babel.support import Translations

from .errors import Location, Problem, error
from .i18n import Language

TRANSLATIONS_DIR = "translations"
DOMAIN = "messages"

# `%(name)s`, `%s`, `%d`, `%%` (printf style, as Python and Jinja's new-style gettext use)
# and `{name}` (str.format). A `%(` that does not start a whole placeholder is broken.
_PRINTF = re.compile(r"%(?:\((?P<name>\w+)\))?[-#0+]*(?:\d+|\*)?(?:\.\d+)?"
                     r"(?P<type>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"\{(\w+)\}")
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_LINE = re.compile(r'(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])\s+)?"(?:[^"\\]|\\.)*"')


def po_path(code: str) -> str:
    """The repository path of a language's catalogue."""
    return f"{TRANSLATIONS_DIR}/{code}/LC_MESSAGES/{DOMAIN}.po"


def read_catalogue(root: Path, path: str, locale: str) -> tuple[Catalog | None, list[Problem]]:
    """Parse one `.po` file; None, with located problems, when it cannot be read at all."""
    data = (root / path).read_bytes()
    if b"\0" in data:
        line = data[:data.index(b"\0")].count(b"\n") + 1
        return None, [error("po-nul-byte", "the file contains a NUL byte; remove it (it is "
                            "often left by an editor saving in UTF-16): save as UTF-8",
                            Location(path, line))]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return None, [error("po-encoding", "the file is not UTF-8; save it as UTF-8",
                            Location(path, line))]
    text = data.decode("utf-8")
    first = _syntax_problem(text, path) or _plural_forms_problem(text, path)
    if first is not None:
        return None, [first]
    try:
        catalog = read_po(io.BytesIO(data), locale=locale, abort_invalid=True)
    except PoFileError as exc:  # Babel counts its error lines from 0
        reason = re.sub(r" on \d+$", "", str(exc.args[0]))
        return None, [error("po-syntax", f"invalid .po syntax: {reason}",
                            Location(path, (exc.lineno or 0) + 1))]
    except (ValueError, IndexError) as exc:
        return None, [error("po-syntax", f"invalid .po file: {exc}", Location(path))]
    return catalog, []


def _syntax_problem(text: str, path: str) -> Problem | None:
    """The first line that is not a comment, a keyword with a quoted string, or a quoted
    continuation (Babel would read `msgstr Raadi` as "aad" without a word)."""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or _LINE.fullmatch(stripped):
            continue
        return error("po-syntax", f"invalid .po syntax: {stripped[:60]!r}; each entry is "
                     "`msgid \"...\"` then `msgstr \"...\"`, every string in double quotes "
                     "(write a quote inside one as \\\")", Location(path, number))
    return None


def _plural_forms_problem(text: str, path: str) -> Problem | None:
    """A `Plural-Forms` header Babel and gettext could not use, checked before parsing
    (Babel stops at it with a bare `ValueError`)."""
    for number, line in enumerate(text.splitlines(), 1):
        found = re.match(r'\s*"Plural-Forms:\s*(.*?)(?:\\n)?"\s*$', line)
        if not found:
            continue
        forms = found[1]
        match = re.fullmatch(r"\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=\s*(.+?);?\s*", forms)
        try:
            if not match or not 1 <= int(match[1]) <= 6:
                raise ValueError
            _gettext.c2py(match[2])
        except (ValueError, SyntaxError, RecursionError):
            return error("po-plural-forms", f"the Plural-Forms header {forms!r} is not valid; "
                         "write it like `nplurals=2; plural=(n != 1);`", Location(path, number))
    return None


def placeholders(text: str) -> Counter:
    """The placeholders of a message, counted (`%%` is a literal percent sign, not one)."""
    found = Counter(f"%({m['name']}){m['type']}" if m["name"] else f"%{m['type']}"
                    for m in _PRINTF.finditer(text) if m["type"] != "%")
    found.update("{" + name + "}" for name in _BRACE.findall(text))
    return found


def _broken_placeholder(text: str) -> str | None:
    """A `%(` that is not a whole placeholder (`%(name)` without its `s`), if any."""
    covered = {m.start() for m in _PRINTF.finditer(text)}
    for match in re.finditer(r"%\(", text):
        if match.start() not in covered:
            return text[match.start():match.start() + 12]
    return None


def _written_forms(lines: list[str], lineno: int) -> list[int]:
    """The `msgstr[n]` indexes written in the entry starting at `lineno` (Babel pads the
    forms it reads to the Plural-Forms count, so the count is read from the text)."""
    forms = []
    for number, line in enumerate(lines[lineno - 1:]):
        text = line.strip()
        if number and (not text or text.startswith(("#", "msgid ", "msgctxt "))):
            break
        match = re.match(r"msgstr\[(\d+)\]", text)
        if match:
            forms.append(int(match[1]))
    return forms


def _message_problems(message: Message, catalog: Catalog, path: str,
                      lines: list[str]) -> Iterable[Problem]:
    where = Location(path, message.lineno or 1)
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
    if len(ids) > 1 and message.lineno:
        forms = _written_forms(lines, message.lineno)
        if forms != list(range(catalog.num_plurals)):
            yield error("po-plural-count", f"{ids[0]!r} has {len(forms)} msgstr[] forms; "
                        f"this language's Plural-Forms says {catalog.num_plurals} "
                        f"(msgstr[0] to msgstr[{catalog.num_plurals - 1}])", where)
            return
    # The English forms together: a plural translation may use the count in every form.
    expected = Counter()
    for text in ids:
        expected |= placeholders(text)
    tags = sorted(_TAG.findall(ids[-1]))
    for text in strings:
        if not text:
            continue
        broken = _broken_placeholder(text)
        if broken:
            yield error("po-placeholder", f"the translation of {ids[0]!r} has a broken "
                        f"placeholder {broken!r}; write placeholders whole, like "
                        "%(name)s", where)
        elif not _placeholders_fit(placeholders(text), expected, plural=len(ids) > 1):
            yield error("po-placeholder", f"the translation of {ids[0]!r} has the "
                        f"placeholders {_listed(placeholders(text))} but the English has "
                        f"{_listed(expected)}; copy each placeholder exactly, untranslated",
                        where)
        if sorted(_TAG.findall(text)) != tags:
            yield error("po-html", f"the translation of {ids[0]!r} has HTML tags "
                        f"{_listed(Counter(_TAG.findall(text)))} but the English has "
                        f"{_listed(Counter(tags))}; keep the tags exactly as in the English",
                        where)


def _placeholders_fit(found: Counter, expected: Counter, plural: bool) -> bool:
    """The same placeholders as the English; a plural form may leave some out (Bengali's
    "একটি অনুষ্ঠান", "one event", needs no number), but never one the English lacks."""
    return set(found) <= set(expected) if plural else found == expected


def _listed(found: Counter) -> str:
    return ", ".join(sorted(found)) if found else "none"


def catalogue_problems(catalog: Catalog, path: str, complete: bool,
                       text: str = "") -> list[Problem]:
    """Every fault in a parsed catalogue (`text` is the file's, for the plural forms it
    writes); `complete` adds untranslated and fuzzy strings."""
    problems: list[Problem] = []
    lines = text.splitlines()
    for message in catalog:
        if not message.id:
            continue
        problems.extend(_message_problems(message, catalog, path, lines))
        if complete:
            where = Location(path, message.lineno or 1)
            first = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            strings = message.string if isinstance(message.string, (list, tuple)) \
                else (message.string,)
            if message.fuzzy:
                problems.append(error("po-fuzzy", f"the translation of {first!r} is marked "
                                      "fuzzy (a guess to check); check it, then remove the "
                                      "`#, fuzzy` line", where))
            elif not all(strings):
                problems.append(error("po-untranslated", f"{first!r} has no translation; "
                                      "write it in msgstr", where))
    return problems


def compile_catalogue(catalog: Catalog) -> Translations:
    """The catalogue as gettext translations, compiled in memory; fuzzy entries are left out."""
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def load_translations(root: Path, languages: tuple[Language, ...]
                      ) -> tuple[dict[str, _gettext.NullTranslations], list[Problem]]:
    """Each language's compiled translations, and the problems that stop a build.

    The default (first) language is the one the templates are written in, so it needs
    no catalogue; every other language must have one.
    """
    found: dict[str, _gettext.NullTranslations] = {languages[0].code: _gettext.NullTranslations()}
    problems: list[Problem] = []
    for language in languages[1:]:
        path = po_path(language.code)
        if not (root / path).is_file():
            problems.append(error("missing-catalogue", f"the language {language.code!r} is "
                                  f"listed but has no catalogue {path}; run `thin i18n update` "
                                  "to create it, or remove the language",
                                  Location("content/site.yaml")))
            continue
        catalog, read_problems = read_catalogue(root, path, language.locale)
        problems.extend(read_problems)
        if catalog is not None:
            faults = catalogue_problems(catalog, path, complete=False,
                                        text=(root / path).read_text(encoding="utf-8"))
            problems.extend(faults)
            if not faults:
                found[language.code] = compile_catalogue(catalog)
    return found, problems
