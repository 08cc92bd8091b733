"""Shared helpers for the bad-input tests (tests/unit/test_bad_inputs_*.py).

Each test writes a scratch organisation whose fields sit on known lines, so that a
problem can be checked for its code, file, line and column, and parses the built
HTML to check that a payload was neutralised rather than merely "not crashing".
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site, check_site
from thin_build.core.errors import ContentError, Problem

ORG_PATH = "orgs/test-group.md"
ORG_PAGE = "orgs/test-group/index.html"
EXTRA_LINE = 7  # the first line of `extra` in `org()`
BODY_LINE = 9  # the first body line of `org()` when `extra` is one line
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def org(extra: str = "", *, name: str = "Test Group", summary: str = "A group the tests use.",
        body: str = "Body text.", last_verified: str = "2026-10-01") -> str:
    """A valid organisation: name on line 2, summary line 3, `extra` from line 7.

    With no `extra`, line 7 is a comment, so the body still starts on line 9.
    """
    return ("---\n"
            f"name: {name}\n"
            f"summary: {summary}\n"
            "wards: [bow-east]\n"
            "stage: stage-1\n"
            f"last_verified: {last_verified}\n"
            f"{extra or '# nothing extra'}\n"
            "---\n"
            f"{body}\n")


def quoted(text: str) -> str:
    """`text` as a YAML single-quoted scalar: only `'` needs escaping, by doubling."""
    return "'" + text.replace("'", "''") + "'"


def problems_for(make_site, files: dict) -> list[Problem]:
    """Check a scratch site; the catalogue must be None exactly when there is an error."""
    catalogue, problems = check_site(make_site(files), TODAY)
    assert (catalogue is None) == any(p.is_error for p in problems), problems
    return problems


def find(problems: list[Problem], code: str, path: str, line: int | None = None,
         column: int | None = None) -> Problem:
    """The one problem with this code at this place, with a readable failure otherwise."""
    found = [p for p in problems if p.code == code and p.location.path == path
             and (line is None or p.location.line == line)
             and (column is None or p.location.column == column)]
    assert found, f"no {code} at {path}:{line}:{column}; got:\n" + "\n".join(map(str, problems))
    return found[0]


def only_errors_in(problems: list[Problem], path: str) -> list[Problem]:
    return [p for p in problems if p.location.path == path and p.is_error]


def build(make_site, files: dict | None = None) -> Path:
    """Build a scratch site that must succeed; return the output folder."""
    root = make_site(files)
    out = root.parent / "site"
    build_site(root, out, TODAY)
    return out


def build_fails(make_site, files: dict) -> list[Problem]:
    root = make_site(files)
    try:
        build_site(root, root.parent / "site", TODAY)
    except ContentError as exc:
        assert not (root.parent / "site").exists()
        return exc.problems
    raise AssertionError("the build should have failed")


def digest(folder: Path) -> dict[str, str]:
    """sha256 of every file under `folder`, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


class Page(HTMLParser):
    """A parsed page: every element with its attributes, scripts, and text by element."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self.texts: dict[str, list[str]] = {}
        self._stack: list[str] = []
        self._script_type: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "script":
            self._script_type = dict(attrs).get("type")
            self.scripts.append((self._script_type, ""))
        if tag not in {"br", "img", "meta", "link", "hr", "input"}:
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._stack and self._stack[-1] == "script":
            kind, text = self.scripts[-1]
            self.scripts[-1] = (kind, text + data)
        for tag in set(self._stack):
            self.texts.setdefault(tag, []).append(data)

    def text_of(self, tag: str) -> str:
        return "".join(self.texts.get(tag, []))

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.elements}

    def json_ld(self) -> dict:
        blocks = [text for kind, text in self.scripts if kind == "application/ld+json"]
        assert len(blocks) == 1, blocks
        return json.loads(blocks[0])

    def json_ld_source(self) -> str:
        return next(text for kind, text in self.scripts if kind == "application/ld+json")


def url_scheme(value: str) -> str | None:
    """The scheme a browser would see: it drops surrounding controls and inner tabs/newlines."""
    cleaned = re.sub(r"[\t\n\r]", "", value.strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n"
                                                  "\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
                                                  "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match[1].lower() if match else None


def assert_no_active_content(html: str) -> Page:
    """Nothing on the page can run script: checked on the parsed page, not on strings."""
    page = Page(html)
    scripts = [kind for kind, _ in page.scripts]
    assert all(kind == "application/ld+json" for kind in scripts), scripts
    banned = {"iframe", "style", "svg", "math", "object", "embed", "noscript",
              "textarea", "frame", "frameset", "base", "template", "select"}
    assert not page.tags() & banned, page.tags() & banned
    # The only form is the site's own header search box: one field and one button.
    forms = [attrs for tag, attrs in page.elements if tag == "form"]
    assert forms == [{"class": "header-search", "role": "search", "action": "/search/",
                      "method": "get"}], forms
    assert [tag for tag, _ in page.elements].count("input") == 1
    assert [tag for tag, _ in page.elements].count("button") == 1
    for tag, attrs in page.elements:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name not in {"srcdoc", "formaction", "xlink:href"}, (tag, name)
            if name in {"href", "src", "action", "data", "poster", "background"} and value:
                scheme = url_scheme(value)
                assert scheme is None or scheme in SAFE_SCHEMES, (tag, name, value)
        if tag == "img":
            assert attrs.get("src", "").startswith("/media/"), attrs
        if tag == "meta":
            assert "http-equiv" not in attrs, attrs
    return page


def build_once(tmp_path_factory, files: dict[str, str]) -> Path:
    """Build the base site plus `files` once for a whole module; return the output folder.

    Payload lists are built together (one organisation per payload) to keep the suite
    fast; each payload is still asserted by its own parametrised test.
    """
    folder = tmp_path_factory.mktemp("payloads")
    root = folder / "repo"
    shutil.copytree(BASE_SITE, root)
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    out = folder / "site"
    build_site(root, out, TODAY)
    return out


def payload_files(payloads: list[str], make_text) -> dict[str, str]:
    """One organisation per payload, at orgs/payload-<n>.md."""
    return {f"orgs/payload-{number}.md": make_text(number, payload)
            for number, payload in enumerate(payloads)}


def payload_page(out: Path, number: int) -> str:
    return (out / f"orgs/payload-{number}/index.html").read_text(encoding="utf-8")
