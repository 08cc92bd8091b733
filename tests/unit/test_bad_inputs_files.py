"""BAD-INPUTS.md, "Files and encodings" (contents): every file either fails with file,
line and column, or is accepted with its text normalised. Never a traceback, never a
guess. Symlinks and file names are in test_bad_inputs_filesystem.py.
"""
from __future__ import annotations

import base64
import re
import time

import pytest

from tests.helpers import TODAY
from tests.unit.bad_inputs_support import (
    BODY_LINE,
    EXTRA_LINE,
    ORG_PAGE,
    ORG_PATH,
    Page,
    build,
    build_fails,
    find,
    only_errors_in,
    org,
    problems_for,
)
from thin_build.build import check_site
from thin_build.core.load import MAX_FILE_BYTES


def _position(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


# ---------------------------------------------------------------- not UTF-8 --------

WINDOWS_1252 = [
    pytest.param(ORG_PATH, org(name="Café Bow"), "é", id="e-acute-in-name"),
    pytest.param(ORG_PATH, org(summary="“Smart quotes” from Word."), "“", id="smart-quotes"),
    pytest.param(ORG_PATH, org(body="Opening 9–5, every day."), "–", id="en-dash-in-body"),
    pytest.param(ORG_PATH, org(body="Line one.\r\nCosts £5 – ask.", extra="accessibility: Ramp"),
                 "£", id="pound-after-crlf"),
    pytest.param("orgs/word.yaml", "name: Naïve Arts\nsummary: x\nwards: [weavers]\n", "ï",
                 id="i-diaeresis-in-yaml-file"),
    pytest.param("content/taxonomies/groups.yaml",
                 "- slug: bme\n  name: BME\n- slug: young-people\n  name: Young people\n"
                 "- slug: older-people\n  name: Older people — 65+\n", "—",
                 id="em-dash-in-taxonomy"),
]


@pytest.mark.parametrize("rel, text, char", WINDOWS_1252)
def test_windows_1252_bytes_are_reported_at_their_byte_offset(make_site, rel, text, char) -> None:
    data = text.encode("cp1252")
    offset = data.index(char.encode("cp1252"))
    line, column = _position(data, offset)
    problems = problems_for(make_site, {rel: data})
    problem = find(problems, "not-utf8", rel, line, column)
    assert f"offset {offset}" in problem.message
    assert f"0x{data[offset]:02x}" in problem.message
    assert "save it as UTF-8" in problem.message
    assert len(only_errors_in(problems, rel)) == 1  # no follow-on noise, no guessed decoding


UTF16_TEXT = [org(), org(name="Café বাংলা")]
UTF16_FORMS = [
    pytest.param(lambda t: b"\xff\xfe" + t.encode("utf-16-le"), id="le-with-bom"),
    pytest.param(lambda t: b"\xfe\xff" + t.encode("utf-16-be"), id="be-with-bom"),
    pytest.param(lambda t: t.encode("utf-16-le"), id="le-without-bom"),
    pytest.param(lambda t: t.encode("utf-16-be"), id="be-without-bom"),
    pytest.param(lambda t: t.encode("utf-16"), id="python-default"),
]


@pytest.mark.parametrize("text", UTF16_TEXT, ids=["ascii", "non-ascii"])
@pytest.mark.parametrize("encode", UTF16_FORMS)
def test_utf16_in_any_byte_order_is_one_clear_error(make_site, encode, text) -> None:
    problems = problems_for(make_site, {ORG_PATH: encode(text)})
    problem = find(problems, "not-utf8", ORG_PATH, 1, 1)
    assert "UTF-16" in problem.message
    # One error for the file: not a control-char report for every zero byte.
    assert only_errors_in(problems, ORG_PATH) == [problem]


# ---------------------------------------------- BOM and line endings are accepted --

LINE_ENDINGS = [
    pytest.param(b"\xef\xbb\xbf", "\n", id="bom-lf"),
    pytest.param(b"", "\r\n", id="crlf"),
    pytest.param(b"\xef\xbb\xbf", "\r\n", id="bom-crlf"),
    pytest.param(b"", "\r", id="lone-cr"),
    pytest.param(b"\xef\xbb\xbf", "\r", id="bom-lone-cr"),
]


def _with_endings(text: str, bom: bytes, newline: str) -> bytes:
    return bom + text.replace("\n", newline).encode("utf-8")


@pytest.mark.parametrize("bom, newline", LINE_ENDINGS)
def test_bom_and_line_endings_are_normalised_in_the_built_site(make_site, bom, newline) -> None:
    text = org("address: |\n  1 Example Road\n  London", name="Line Endings Group",
               body="First paragraph.\n\nSecond paragraph,\nsame paragraph.")
    out = build(make_site, {ORG_PATH: _with_endings(text, bom, newline)})
    html = (out / ORG_PAGE).read_text(encoding="utf-8")
    assert "\r" not in html and "\ufeff" not in html
    page = Page(html)
    assert page.text_of("h1").strip() == "Line Endings Group"
    assert "1 Example Road" in page.text_of("address") and "London" in page.text_of("address")
    assert "<p>First paragraph.</p>" in html
    assert "<p>Second paragraph,\nsame paragraph.</p>" in html


@pytest.mark.parametrize("bom, newline", LINE_ENDINGS)
def test_line_numbers_survive_any_line_ending(make_site, bom, newline) -> None:
    data = _with_endings(org("webiste: https://x.example.org/"), bom, newline)
    problems = problems_for(make_site, {ORG_PATH: data})
    find(problems, "unknown-key", ORG_PATH, EXTRA_LINE, 1)


def test_crlf_body_is_stored_without_carriage_returns(make_site) -> None:
    root = make_site({ORG_PATH: _with_endings(org(body="One\n\nTwo"), b"", "\r\n")})
    catalogue, _ = check_site(root, TODAY)
    group = next(o for o in catalogue.orgs if o.path == ORG_PATH)
    assert group.body == "One\n\nTwo"


# ----------------------------------------------- empty and malformed front matter --

MALFORMED = [
    pytest.param(ORG_PATH, b"", "empty-file", 1, id="zero-bytes"),
    pytest.param(ORG_PATH, b"   \n\n\t \n", "empty-file", 1, id="whitespace-only"),
    pytest.param(ORG_PATH, b"\xef\xbb\xbf", "empty-file", 1, id="bom-only"),
    pytest.param(ORG_PATH, b"\r\n\r\n", "empty-file", 1, id="blank-crlf-lines"),
    pytest.param(ORG_PATH, b"---\n---\nBody only.\n", "empty-file", 2, id="empty-front-matter"),
    pytest.param(ORG_PATH, b"---\n# a comment\n---\n", "empty-file", 2, id="comment-only"),
    pytest.param("orgs/x.yaml", b"# nothing but a comment\n", "empty-file", 1, id="yaml-comment"),
    pytest.param("orgs/x.yaml", b"", "empty-file", 1, id="yaml-empty"),
    pytest.param(ORG_PATH, b"---\nname: X\nsummary: Y\n", "unclosed-front-matter", 1,
                 id="never-closed"),
    pytest.param(ORG_PATH, b"---\nname: X\n--\nBody\n", "unclosed-front-matter", 1,
                 id="two-dashes"),
    pytest.param(ORG_PATH, b"---", "unclosed-front-matter", 1, id="only-opening"),
    pytest.param(ORG_PATH, b"# Our group\n\nWe meet on Tuesdays.\n", "no-front-matter", 1,
                 id="markdown-only"),
    pytest.param(ORG_PATH, b"name: X\nsummary: Y\n", "no-front-matter", 1, id="yaml-in-md"),
    pytest.param(ORG_PATH, b"\n---\nname: X\n---\n", "no-front-matter", 1, id="blank-first"),
    pytest.param(ORG_PATH, b"---\n- a\n- b\n---\n", "wrong-type", 2, id="list-front-matter"),
    pytest.param(ORG_PATH, b"---\njust a sentence\n---\n", "wrong-type", 2, id="scalar-fm"),
    pytest.param("orgs/x.yaml", b"name: a\n---\nname: b\n", "yaml-syntax", 2, id="two-docs"),
]


@pytest.mark.parametrize("rel, data, code, line", MALFORMED)
def test_empty_and_malformed_files_fail_clearly(make_site, rel, data, code, line) -> None:
    problems = build_fails(make_site, {rel: data})
    find(problems, code, rel, line)
    assert len(only_errors_in(problems, rel)) == 1


# ------------------------------------------------------------- conflict markers ---

CONFLICTS = [
    pytest.param(ORG_PATH, "---\n<<<<<<< HEAD\nname: Ours\n=======\nname: Theirs\n"
                 ">>>>>>> feature/rename\nsummary: s\nwards: [bow-east]\nstage: stage-1\n---\n",
                 [2, 4, 6], id="front-matter"),
    pytest.param(ORG_PATH, org("address: |\n  1 Example Road\n<<<<<<< HEAD\n  London\n=======\n"
                               "  Londres\n>>>>>>> theirs"), [9, 11, 13], id="block-scalar"),
    pytest.param(ORG_PATH, org(body="We meet weekly.\n<<<<<<< HEAD\nTuesdays.\n=======\n"
                               "Thursdays.\n>>>>>>> 1a2b3c4"), [10, 12, 14], id="markdown-body"),
    pytest.param(ORG_PATH, org(body="<<<<<<< ours\nA\n||||||| base\nB\n=======\nC\n>>>>>>> theirs"),
                 [9, 11, 13, 15], id="diff3-style"),
    pytest.param("orgs/x.yaml", "name: X\n<<<<<<< HEAD\nsummary: a\n=======\nsummary: b\n"
                 ">>>>>>> main\nwards: [bow-east]\nstage: stage-1\n", [2, 4, 6], id="yaml-file"),
    pytest.param("content/site.yaml", "<<<<<<<\ntitle: A\n=======\ntitle: B\n>>>>>>>\n",
                 [1, 3, 5], id="bare-markers-site"),
    pytest.param(ORG_PATH, org(body="x\n<<<<<<< HEAD\ny\n=======\nz\n>>>>>>> b").replace(
        "\n", "\r\n"), [10, 12, 14], id="crlf"),
]


@pytest.mark.parametrize("rel, text, lines", CONFLICTS)
def test_merge_conflict_markers_fail_on_each_marker_line(make_site, rel, text, lines) -> None:
    problems = build_fails(make_site, {rel: text})
    found = sorted(p.location.line for p in problems
                   if p.code == "conflict-marker" and p.location.path == rel)
    assert found == lines
    assert all(p.location.column == 1 for p in problems if p.code == "conflict-marker")


def test_markdown_that_only_resembles_markers_still_builds(make_site) -> None:
    body = "Our history\n=======\n\n<<<<<<<< eight is not a marker\n\n> > nested quote"
    out = build(make_site, {ORG_PATH: org(body=body)})
    html = (out / ORG_PAGE).read_text(encoding="utf-8")
    assert "<h2>Our history</h2>" in html  # a setext heading, not a conflict separator
    assert "&lt;&lt;&lt;&lt;&lt;&lt;&lt;&lt; eight is not a marker" in html


# ------------------------------------------------------------ control characters ---

CONTROLS = ["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80",
            "\x85", "\x9f", "\u2028", "\u2029"]
PLACES = [
    pytest.param(lambda c: org(name=f"Bow{c}Group"), ORG_PATH, 2, 10, id="name"),
    pytest.param(lambda c: org(summary=f"Helps {c}people."), ORG_PATH, 3, 16, id="summary"),
    pytest.param(lambda c: org(body=f"Body with {c} inside."), ORG_PATH, BODY_LINE, 11,
                 id="body"),
    pytest.param(lambda c: org(f"web{c}site: https://x.example.org/"), ORG_PATH, EXTRA_LINE, 4,
                 id="key"),
    pytest.param(lambda c: f"- slug: funding\n  name: Fund{c}ing\n",
                 "content/taxonomies/needs.yaml", 2, 13, id="taxonomy"),
]


@pytest.mark.parametrize("make_text, rel, line, column", PLACES)
@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters_are_errors_at_their_position(make_site, char, make_text, rel,
                                                         line, column) -> None:
    problems = problems_for(make_site, {rel: make_text(char)})
    problem = find(problems, "control-char", rel, line, column)
    assert problem.is_error


YAML_ESCAPES = ["\\x00", "\\0", "\\a", "\\b", "\\e", "\\x7f", "\\x9b", "\\N", "\\L", "\\P",
                "\\u202e", "\\u200b", "\\ufeff", "\\x1b[31m"]


@pytest.mark.parametrize("escape", YAML_ESCAPES)
def test_control_characters_written_as_yaml_escapes_are_errors_too(make_site, escape) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(name=f'"Bow{escape}Group"')})
    problem = find(problems, "control-char", ORG_PATH, 2, 7)
    assert "escape" in problem.message


def test_tab_inside_a_line_is_allowed(make_site) -> None:
    out = build(make_site, {ORG_PATH: org(name="Tab\tGroup", body="Tabs\tare\tfine.")})
    page = Page((out / ORG_PAGE).read_text(encoding="utf-8"))
    assert page.text_of("h1").strip() == "Tab\tGroup"
    assert re.search(r"Tabs\s+are\s+fine\.", page.text_of("main"))  # Markdown expands tabs


# --------------------------------------------------------- huge files and fields ---

def _padded(size: int) -> bytes:
    head = org(body="").encode()
    return head + b"x" * (size - len(head))


@pytest.mark.parametrize("rel, data", [
    pytest.param(ORG_PATH, _padded(MAX_FILE_BYTES + 1), id="one-byte-over"),
    pytest.param(ORG_PATH, _padded(3 * MAX_FILE_BYTES), id="three-times"),
    pytest.param("orgs/big.yaml", b"name: X\nsummary: " + b"y" * MAX_FILE_BYTES, id="yaml-org"),
    pytest.param("content/site.yaml", b"title: T\n" + b"#" * (MAX_FILE_BYTES + 10), id="site"),
    pytest.param("content/taxonomies/needs.yaml",
                 b"".join(b"- slug: n%d\n  name: N\n" % i for i in range(20_000)), id="taxonomy"),
])
def test_huge_files_are_refused_before_reading(make_site, rel, data) -> None:
    assert len(data) > MAX_FILE_BYTES
    start = time.perf_counter()
    problems = problems_for(make_site, {rel: data})
    assert time.perf_counter() - start < 2
    problem = find(problems, "file-too-large", rel, 1, 1)
    assert f"{len(data) // 1024} KiB" in problem.message and "256 KiB" in problem.message


def test_a_file_exactly_at_the_limit_is_read(make_site) -> None:
    problems = problems_for(make_site, {ORG_PATH: _padded(MAX_FILE_BYTES)})
    assert not [p for p in problems if p.code == "file-too-large"]
    find(problems, "too-long", ORG_PATH, BODY_LINE)  # read, then the body is over its limit


def test_huge_image_in_media_is_refused(make_site) -> None:
    problems = problems_for(make_site, {"content/media/logos/huge.png": b"\x89PNG" + b"\0" * 2**20})
    find(problems, "file-too-large", "content/media/logos/huge.png")


_IMAGE = "data:image/png;base64," + base64.b64encode(bytes(range(256)) * 293).decode()


@pytest.mark.parametrize("text, code, line, where", [
    pytest.param(org(summary=_IMAGE), "too-long", 3, "summary", id="base64-summary"),
    pytest.param(org(name="N" * 121), "too-long", 2, "name", id="name-121"),
    pytest.param(org(body=f"![logo]({_IMAGE})"), "too-long", BODY_LINE, "body",
                 id="base64-body"),
    pytest.param(org(f"skills_offered: [{{skill: catering, detail: {'s' * 101}}}]"),
                 "too-long", EXTRA_LINE, "skills_offered[1].detail", id="list-item"),
    pytest.param(org("address: |\n" + "  line\n" * 80), "too-long", EXTRA_LINE, "address",
                 id="address-lines"),
    pytest.param(org("groups: [" + ", ".join(["bme"] * 101) + "]"), "list-length", EXTRA_LINE,
                 "groups", id="101-items"),
])
def test_huge_fields_are_refused_with_their_length(make_site, text, code, line, where) -> None:
    problems = problems_for(make_site, {ORG_PATH: text})
    problem = find(problems, code, ORG_PATH, line)
    assert problem.message.startswith(f"`{where}`: ")
    if code == "too-long":
        assert "characters long; the limit is" in problem.message


def test_base64_summary_reports_its_exact_length(make_site) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(summary=_IMAGE)})
    problem = find(problems, "too-long", ORG_PATH, 3, 10)
    assert f"is {len(_IMAGE)} characters long; the limit is 300" in problem.message
