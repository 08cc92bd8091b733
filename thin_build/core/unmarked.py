"""Finding interface text in templates that is not marked for translation.

A word typed straight into a template shows in English on every language's pages, so
`thin i18n check` reads each template as Jinja's lexer does and rebuilds its HTML with
every Jinja expression, tag and comment replaced by a marker: what is left with a letter
in it, as page text or as a visible attribute (`alt`, `title`, `aria-label`,
`placeholder`, a button's `value`), was typed in English and should be `_("...")`.
Text inside `{% trans %}` blocks is marked; `<script>` and `<style>` are not text.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import jinja2

from .errors import Location, Problem, error

_MARK = "\x01"  # stands for a Jinja expression or tag: never a letter
_LETTER = re.compile(r"[^\W\d_]")
# ` lang="{{ code }}"` written outside a tag (a macro that makes attributes): not text.
_ATTRIBUTE = re.compile(r"[\w-]+=\"[^\"]*\"")
_VISIBLE_ATTRIBUTES = frozenset({"alt", "title", "aria-label", "placeholder"})
_BUTTON_TYPES = frozenset({"submit", "button", "reset"})
_NOT_TEXT = frozenset({"script", "style"})


def _untranslated_html(env: jinja2.Environment, source: str) -> str:
    """The template's literal HTML, Jinja replaced by markers, on the template's own lines.

    Literal text inside `{% trans %}`…`{% endtrans %}` becomes a marker too: it is marked;
    so does a `{% block body_class %}` (a block named `…class`): it fills an attribute.
    """
    out: list[str] = []
    line, skipping, previous = 1, False, []
    for lineno, kind, value in env.lex(source):
        if kind == "whitespace":
            continue
        if kind == "name" and previous[-1:] == ["block_begin"]:
            skipping = value in ("trans", "pluralize") or (skipping and value not in (
                "endtrans", "endblock"))
        elif kind == "name" and previous[-2:] == ["block_begin", "block"]:
            skipping = value.endswith("class")
        previous = (previous + [value if kind == "name" else kind])[-2:]
        if kind != "data":
            if not out or out[-1] != _MARK:
                out.append(_MARK)
            continue
        if lineno > line:
            out.append("\n" * (lineno - line))
            line = lineno
        out.append(_MARK + "\n" * value.count("\n") if skipping else value)
        line += value.count("\n")
    return "".join(out)


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._skipping: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _NOT_TEXT:
            self._skipping = tag
        values = dict(attrs)
        visible = set(_VISIBLE_ATTRIBUTES)
        if tag == "input" and (values.get("type") or "") in _BUTTON_TYPES:
            visible.add("value")
        for name, value in attrs:
            if name in visible and value and _LETTER.search(value.replace(_MARK, "")):
                self.found.append((self.getpos()[0], f"the `{name}` attribute {value!r}"))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._skipping:
            self._skipping = None

    def handle_data(self, data: str) -> None:
        text = _ATTRIBUTE.sub(" ", data).replace(_MARK, " ").strip()
        if self._skipping is None and _LETTER.search(text):
            line = self.getpos()[0] + data[:len(data) - len(data.lstrip())].count("\n")
            self.found.append((line, f"the text {' '.join(text.split())[:60]!r}"))


def unmarked_strings(env: jinja2.Environment, templates: Path, shown_as: str) -> list[Problem]:
    """Every literal piece of interface text in `templates/**.html`, at its line.

    `shown_as` is the folder's path as messages give it (`templates`).
    """
    problems = []
    for path in sorted(templates.rglob("*.html")):
        relative = path.relative_to(templates).as_posix()
        if relative.startswith("static/"):
            continue
        finder = _Finder()
        finder.feed(_untranslated_html(env, path.read_text(encoding="utf-8")))
        finder.close()
        for line, what in finder.found:
            problems.append(error("unmarked-string", f"{what} is not marked for translation; "
                                  "write it as {{ _(\"...\") }} (or inside {% trans %}) so "
                                  "every language's pages can show it",
                                  Location(f"{shown_as}/{relative}", line)))
    return problems
