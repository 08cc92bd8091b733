"""Properties over many inputs: slugs are safe, text stays text, normalisers settle."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.helpers import TODAY
from thin_build.build import build_site
from thin_build.capabilities import PORTAL
from thin_build.core.convert import Context, Invalid
from thin_build.core.errors import ContentError, Location
from thin_build.core.fields import POSTCODE, Phone, Text, Time
from thin_build.core.load import MAX_SLUG_LENGTH, SLUG_RE, file_slug_problem, slugify
from thin_build.core.raw import RawScalar
from thin_build.directory.dedupe import (
    normalise_name,
    normalise_phone,
    normalise_website,
)

HERE = Location("orgs/x.md", 2, 7)
PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs"))
# Text a contributor might paste, weighted towards what breaks HTML, YAML and JSON, with
# now and then a character that must be refused (a control, a bidi override, a newline).
PIECES = [*"<>&\"'`=/\\{}%#:!*|-~ ", "</h1>", "<script>", "&amp;", "&lt;", "{{ x }}",
          "{% if %}", "\t", "\u00a0", "e\u0301", "নারী", "עברית", "😀"]
REFUSED = ["\x00", "\x1b", "\x85", "\u202e", "\u200b", "\n", "\u2028"]
TRICKY = st.lists(st.sampled_from(PIECES * 4 + REFUSED) | PRINTABLE, max_size=12).map("".join)
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060"
                       "\ufeff\ufffe\uffff\u2028\u2029]")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_slugify_is_safe_bounded_and_idempotent(text: str) -> None:
    slug = slugify(text)
    assert slug == "" or SLUG_RE.match(slug)
    assert len(slug) <= MAX_SLUG_LENGTH
    assert slugify(slug) == slug
    org_source = PORTAL.kind("org").source
    if slug:
        assert file_slug_problem(f"{slug}.md", org_source) is None


@settings(max_examples=200, deadline=None)
@given(st.text(PRINTABLE))
def test_text_field_round_trips_printable_text(text: str) -> None:
    kind = Text(max_length=10**6, multiline=True)
    assert kind.convert(RawScalar(text, HERE), Context(refs={})) == text.strip()
    one_line = text.replace("\n", " ").strip()
    assert Text(max_length=10**6).convert(RawScalar(one_line, HERE), Context(refs={})) == one_line


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_normalisers_are_idempotent(text: str) -> None:
    for normalise in (normalise_name, normalise_website, normalise_phone):
        once = normalise(text)
        assert normalise(once) == once
    for kind in (POSTCODE, Phone(), Time()):
        try:
            once = kind.convert(RawScalar(text, HERE), Context(refs={}))
        except Invalid:
            continue
        assert kind.convert(RawScalar(once, HERE), Context(refs={})) == once


class _Texts(HTMLParser):
    """The text of the page's `<h1>` and lede, and its JSON-LD, as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: str | None = None
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag, attrs) -> None:
        attrs = dict(attrs)
        if tag == "h1":
            self.open = "h1"
        elif tag == "p" and attrs.get("class") == "lede":
            self.open = "lede"
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self.open = "json_ld"
        if self.open:
            self.found.setdefault(self.open, "")

    def handle_endtag(self, tag) -> None:
        self.open = None

    def handle_data(self, data) -> None:
        if self.open:
            self.found[self.open] += data


def _org(name: str, summary: str) -> str:
    return (f"---\nname: {json.dumps(name, ensure_ascii=False)}\n"
            f"summary: {json.dumps(summary, ensure_ascii=False)}\n"
            "wards: [weavers]\nstage: stage-1\nlast_verified: 2026-10-01\n---\n")


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=TRICKY, summary=TRICKY)
def test_any_text_is_rejected_with_a_location_or_shown_exactly(make_site, name: str,
                                                               summary: str) -> None:
    root = make_site({"orgs/bow-youth.md": None, "orgs/spice-kitchen.md": None,
                      "orgs/x.md": _org(name, summary)})
    try:
        build_site(root, today=TODAY)
    except ContentError as exc:
        event("rejected")
        errors = [p for p in exc.problems if p.is_error]
        assert errors
        for problem in errors:
            assert problem.location.path == "orgs/x.md", str(problem)
            assert 1 <= problem.location.line <= 3, str(problem)
        return
    event("built")
    for text in (name, summary):
        assert not FORBIDDEN.search(text), "a control or bidi character was accepted"
        assert "\n" not in text.strip()
    page = (root / "site/orgs/x/index.html").read_text(encoding="utf-8")
    parser = _Texts()
    parser.feed(page)
    assert parser.found["h1"] == name.strip()
    assert parser.found["lede"] == summary.strip()
    assert json.loads(parser.found["json_ld"])["name"] == name.strip()
    assert page.count("<script") == 1  # only the JSON-LD: no script came from the text
