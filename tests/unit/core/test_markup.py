"""Markdown → clean HTML, plain text, JSON safe in `<script>`, colour contrast."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thin_build.core.markup import (
    contrast_ratio,
    json_for_html,
    plain_text,
    render_markdown,
    text_colour_on,
)

HEADING = re.compile(r"<h([1-6])>")


def heading_levels(html: str) -> list[int]:
    return [int(level) for level in HEADING.findall(html)]


@pytest.mark.parametrize("markdown, levels", [
    ("# A\n\n## B\n\n### C", [2, 3, 4]),
    ("## A\n\n### B", [2, 3]),          # whatever the top level, it becomes h2
    ("### A\n\n### B", [2, 2]),
    ("# A\n\n### B", [2, 3]),           # no skipped level
    ("# A\n\n### B\n\n## C\n\n#### D", [2, 3, 3, 4]),
    ("### A\n\n#### B\n\n# C\n\n## D", [2, 3, 2, 3]),
    ("Title\n=====\n\nSub\n---", [2, 3]),
])
def test_headings_start_at_h2_and_never_skip_a_level(markdown: str, levels: list[int]) -> None:
    html = render_markdown(markdown)
    assert heading_levels(html) == levels
    pairs = re.findall(r"<h(\d)>[^<]*</h(\d)>", html)
    assert [int(opened) for opened, closed in pairs if opened == closed] == levels


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 6), min_size=1, max_size=12))
def test_heading_outline_property(written: list[int]) -> None:
    markdown = "\n\n".join(f"{'#' * level} Heading {n}" for n, level in enumerate(written))
    html = render_markdown(markdown)
    levels = heading_levels(html)
    assert len(levels) == len(written)
    assert levels[0] == 2
    assert all(2 <= level <= 6 for level in levels)
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))
    for n, level in enumerate(levels):
        assert f"<h{level}>Heading {n}</h{level}>" in html
    for a, b, la, lb in zip(written, written[1:], levels, levels[1:]):
        assert (b > a) == (lb > la) or lb == 6  # deeper stays deeper, shallower stays not


def test_tables_are_allowed() -> None:
    html = render_markdown("| Day | Time |\n|---|---|\n| Mon | 9:00 |")
    for tag in ("<table>", "<thead>", "<tbody>", "<tr>", "<th>Day</th>", "<td>Mon</td>"):
        assert tag in html


def test_links_get_rel_and_dangerous_schemes_are_dropped() -> None:
    html = render_markdown("[site](https://e.org) [mail](mailto:a@e.org) [bad](javascript:x) "
                           "[bad2](JaVaScRiPt:x) [bad3](data:text/html,hi) <https://auto.org>")
    assert '<a href="https://e.org" rel="noopener noreferrer nofollow">site</a>' in html
    assert 'href="mailto:a@e.org"' in html
    assert 'href="https://auto.org"' in html
    assert html.count('rel="noopener noreferrer nofollow"') == 6
    assert "javascript" not in html.lower() and "data:" not in html


def test_raw_html_is_cleaned() -> None:
    html = render_markdown('<script>alert(1)</script><img src=x onerror=alert(1)>'
                           '<iframe src="https://e.org"></iframe><h1 id="x">Raw</h1>'
                           '<p style="color:red" onclick="x()">Hi</p>')
    for bad in ("<script", "alert", "<img", "onerror", "<iframe", "<h1", "style=", "onclick"):
        assert bad not in html
    assert "Raw" in html and "<p>Hi</p>" in html


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_markdown_is_empty(empty) -> None:
    assert render_markdown(empty) == "" and plain_text(empty) == ""


def test_plain_text_strips_markup_and_unescapes_once() -> None:
    text = plain_text('# Tom & Jerry\n\n<3 "quoted" it\'s **bold** [a link](https://e.org)\n\n'
                      "<script>x</script> &amp;")
    assert text == 'Tom & Jerry <3 "quoted" it\'s bold a link &'


def test_plain_text_limit_cuts_at_a_word() -> None:
    assert plain_text("one two three four five", 12) == "one two…"
    assert plain_text("one two", 12) == "one two"


@settings(max_examples=100, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=10))
def test_json_for_html_never_closes_a_script_and_round_trips(value) -> None:
    text = json_for_html(value)
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_json_for_html_escapes_script_end() -> None:
    assert json_for_html("</script><!--") == '"\\u003c/script\\u003e\\u003c!--"'
    assert json_for_html({"b": 1, "a": "&"}) == '{"a":"\\u0026","b":1}'


@pytest.mark.parametrize("a, b, ratio", [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#000000", 21.0), ("#777777", "#777777", 1.0),
    ("#767676", "#ffffff", 4.54), ("#0000ff", "#ffffff", 8.59),
    ("#ff0000", "#ffffff", 4.0),
])
def test_contrast_ratio_known_values(a: str, b: str, ratio: float) -> None:
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)


def test_text_colour_on_picks_the_readable_one() -> None:
    assert text_colour_on("#ffffff") == "#000000"
    assert text_colour_on("#000000") == "#ffffff"
    assert text_colour_on("#ffff00") == "#000000"
    assert text_colour_on("#0b6e4f") == "#ffffff"


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True))
def test_text_colour_on_any_background_reads_at_aa(background: str) -> None:
    foreground = text_colour_on(background)
    assert foreground in ("#000000", "#ffffff")
    assert contrast_ratio(background, foreground) >= 4.5
    other = "#ffffff" if foreground == "#000000" else "#000000"
    assert contrast_ratio(background, foreground) >= contrast_ratio(background, other)
