"""BAD-INPUTS.md, "Markup, HTML and URLs" and the bidi part of "Paths, slugs and
collisions": every payload either fails validation at its line, or is neutralised
in the built HTML, which is parsed (not string-searched) to prove it.
"""
from __future__ import annotations

import json

import pytest

from tests.unit.bad_inputs_support import (
    EXTRA_LINE,
    ORG_PATH,
    Page,
    assert_no_active_content,
    build_once,
    find,
    org,
    payload_files,
    payload_page,
    problems_for,
    quoted,
)
from thin_build.core.markup import json_for_html

MARKER = "Safe marker paragraph."


def _named(number: int) -> str:
    return f"Payload Group {chr(65 + number // 26)}{chr(65 + number % 26)}"


# ---------------------------------------------------------- raw HTML in Markdown ---

RAW_HTML = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example.org/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    '<iframe src="https://evil.example.org" srcdoc="<script>alert(1)</script>"></iframe>',
    "<img src=x onerror=alert(1)>",
    "<style>body{display:none}</style>",
    '<form action="https://evil.example.org"><input name=p><button>Go</button></form>',
    "<svg onload=alert(1)><circle r=1 /></svg>",
    '<a href="javascript:alert(1)">click</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table>"
    "</mtext></math>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a href="https://ok.example.org" onclick="alert(1)" style="color:red">ok</a>',
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="https://evil.example.org/">',
    '<p onmouseover="alert(1)">hover me</p>',
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    "<!--<script>alert(1)</script>-->",
    '<div markdown="1"><script>alert(1)</script></div>',
    "<template><script>alert(1)</script></template>",
    "<textarea><script>alert(1)</script></textarea>",
    '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
    '<video><source onerror="alert(1)"></video>',
    "<body onload=alert(1)>",
    "*emphasis* <b onclick=alert(1)>bold</b>",
]


@pytest.fixture(scope="module")
def raw_html_site(tmp_path_factory):
    return build_once(tmp_path_factory, payload_files(
        RAW_HTML, lambda n, payload: org(name=_named(n), body=f"{payload}\n\n{MARKER}")))


@pytest.mark.parametrize("number", range(len(RAW_HTML)), ids=RAW_HTML)
def test_raw_html_in_markdown_is_sanitised(raw_html_site, number) -> None:
    page = assert_no_active_content(payload_page(raw_html_site, number))
    assert MARKER in page.text_of("main")  # the body was rendered, not thrown away


# ----------------------------------------------------------- dangerous links -------

LINKS = [
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;&#x61;vascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "[click](<java\tscript:alert(1)>)",
    "[click](<java\nscript:alert(1)>)",
    "[click](  javascript:alert(1)  \"title\")",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "[click](file:///etc/passwd)",
    '<a href="java&#x0A;script:alert(1)">click</a>',
    '<a href="javascript&colon;alert(1)">click</a>',
    '<a href="jav&NewLine;ascript:alert(1)">click</a>',
    '<a href=" &#14; javascript:alert(1)">click</a>',
    '<a href="&#0000106&#0000097vascript:alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click</a>',
]


@pytest.fixture(scope="module")
def links_site(tmp_path_factory):
    return build_once(tmp_path_factory, payload_files(
        LINKS, lambda n, payload: org(name=_named(n), body=f"Please {payload} now.\n\n{MARKER}")))


@pytest.mark.parametrize("number", range(len(LINKS)), ids=LINKS)
def test_dangerous_link_schemes_are_dropped_in_any_spelling(links_site, number) -> None:
    # Checks the scheme of every href and src as a browser would read it.
    page = assert_no_active_content(payload_page(links_site, number))
    assert "click" in page.text_of("main")  # the words stay; only the link target goes


SAFE_LINKS = [
    ("[ok](https://ok.example.org/a?b=1&c=2)", "https://ok.example.org/a?b=1&c=2"),
    ("[mail](mailto:hello@example.org)", "mailto:hello@example.org"),
    ("[phone](tel:+442079460000)", "tel:+442079460000"),
    ("<https://auto.example.org/>", "https://auto.example.org/"),
]
EXTENSIONS = [
    ('# Heading {: onclick="alert(1)" #evil .x }', "{: onclick"),
    ('A paragraph.\n{: style="color:red" #evil }', "{: style"),
    ('<div markdown="1">**bold**</div>', "**bold**"),
]


@pytest.fixture(scope="module")
def markdown_site(tmp_path_factory):
    bodies = [markdown for markdown, _ in SAFE_LINKS + EXTENSIONS]
    return build_once(tmp_path_factory, payload_files(
        bodies, lambda n, body: org(name=_named(n), body=body)))


@pytest.mark.parametrize("number", range(len(SAFE_LINKS)), ids=[m for m, _ in SAFE_LINKS])
def test_safe_links_are_kept_exactly(markdown_site, number) -> None:
    href = SAFE_LINKS[number][1]
    page = Page(payload_page(markdown_site, number))
    hrefs = [attrs.get("href") for tag, attrs in page.elements if tag == "a"]
    assert href in hrefs


@pytest.mark.parametrize("number", range(len(EXTENSIONS)), ids=[m for m, _ in EXTENSIONS])
def test_attribute_setting_extensions_are_not_enabled(markdown_site, number) -> None:
    leftover = EXTENSIONS[number][1]
    page = assert_no_active_content(payload_page(markdown_site, len(SAFE_LINKS) + number))
    assert leftover in page.text_of("main")  # shown as typed, not interpreted
    for tag, attrs in page.elements:
        assert attrs.get("id") != "evil" and "style" not in attrs or tag == "header", attrs
    assert "div" not in {t for t, a in page.elements if "markdown" in a}


# --------------------------------------------------------------- URL fields -------

BAD_URLS = ["JaVaScRiPt:alert(1)", '"java\\tscript:alert(1)"', '"java\\nscript:alert(1)"',
            "javascript://example.org/%0Aalert(1)", "'data:text/html,<script>alert(1)</script>'",
            "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "file:///etc/passwd",
            "ftp://files.example.org/", "//evil.example.org/", "https:evil.example.org",
            "'&#106;avascript:alert(1)'", "mailto:hello@example.org", "tel:+442079460000",
            "https://exa mple.org/", "'https://evil.example.org/\"onmouseover=\"alert(1)'",
            "https://evil.example.org\\@good.example.org", "https://localhost/",
            "https://例え.jp/", "www.example.org"]


@pytest.mark.parametrize("url", BAD_URLS)
def test_website_accepts_only_http_and_https(make_site, url) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(f"website: {url}")})
    problem = find(problems, "bad-url", ORG_PATH, EXTRA_LINE, 10)
    assert problem.message.startswith("`website`: ")


@pytest.mark.parametrize("rel, text, line, column", [
    pytest.param("content/taxonomies/networks.yaml", "- slug: youth-network\n  name: Youth\n"
                 "  convenor: hub\n  website: javascript:alert(1)\n", 4, 12, id="network"),
    pytest.param("content/site.yaml", "title: T\ntagline: t\nborough: b\ndescription: d\n"
                 "base_url: vbscript:x\nrepository_url: https://g.example.org/r\n"
                 "contact_email: a@example.org\n", 5, 11, id="site-base-url"),
    pytest.param("providers/hub.md", None, 5, 10, id="provider"),
])
def test_every_url_field_refuses_other_schemes(make_site, rel, text, line, column) -> None:
    if text is None:
        base = (make_site() / rel).read_text(encoding="utf-8")
        text = base.replace("website: https://hub.example.org/", "website: data:,x")
    problems = problems_for(make_site, {rel: text})
    find(problems, "bad-url", rel, line, column)


def test_an_accepted_url_is_escaped_once(tmp_path_factory) -> None:
    out = build_once(tmp_path_factory, {ORG_PATH: org("website: HTTPS://Example.ORG/Path?q=1&r=2")})
    html = (out / "orgs/test-group/index.html").read_text(encoding="utf-8")
    page = Page(html)
    assert ("a", {"href": "https://Example.ORG/Path?q=1&r=2"}) in page.elements
    assert "https://Example.ORG/Path?q=1&amp;r=2" in html and "&amp;amp;" not in html


# ------------------------------------------------- YAML text is escaped once ------

TEXTS = [
    "Tom & Jerry's \"Club\"",
    "<b>Bold</b> & <i>Co</i>",
    "A &amp; B",
    "&lt;not a tag&gt;",
    "</title><script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "O'Brien's <Group> & \"Friends\"",
    "]]> <!-- -->",
]


@pytest.fixture(scope="module")
def texts_site(tmp_path_factory):
    return build_once(tmp_path_factory, payload_files(
        TEXTS, lambda n, text: org(name=quoted(text), summary=quoted(text))))


@pytest.mark.parametrize("number", range(len(TEXTS)), ids=TEXTS)
def test_yaml_text_is_shown_as_typed_everywhere(texts_site, number) -> None:
    text, out = TEXTS[number], texts_site
    page = assert_no_active_content(payload_page(out, number))
    assert page.text_of("h1").strip() == text
    assert page.text_of("title") == f"{text} – Test Portal"
    assert ("meta", {"name": "description", "content": text}) in page.elements
    data = page.json_ld()
    assert (data["name"], data["description"]) == (text, text)
    for listing in ("orgs/index.html", "wards/bow-east/index.html"):
        other = assert_no_active_content((out / listing).read_text(encoding="utf-8"))
        assert text in other.text_of("a") and text in other.text_of("p")


def test_json_ld_never_contains_raw_markup_characters(tmp_path_factory) -> None:
    summary = "</script><script>alert(1)</script> <!-- a & b > c < d ]]>"
    address = "address: |\n  1 <Example> & Sons Road\n  London"
    out = build_once(tmp_path_factory, {ORG_PATH: org(address, name=quoted("A&B <Group>"),
                                                      summary=quoted(summary))})
    page = Page((out / "orgs/test-group/index.html").read_text(encoding="utf-8"))
    source = page.json_ld_source()
    for char in "<>&\u2028\u2029":
        assert char not in source
    data = json.loads(source)
    assert (data["name"], data["description"]) == ("A&B <Group>", summary)
    assert data["address"]["streetAddress"] == "1 <Example> & Sons Road"


@pytest.mark.parametrize("text", ["</script>", "a\u2028b\u2029c", "<!--", "&amp;", "\u2028"])
def test_json_for_html_escapes_and_round_trips(text) -> None:
    encoded = json_for_html({"t": text, "k": [text]})
    assert not set(encoded) & set("<>&\u2028\u2029")
    assert json.loads(encoded) == {"t": text, "k": [text]}


# ------------------------------------------------ bidi, zero-width, real scripts ---

INVISIBLE = {"\u202a": "bidi", "\u202b": "bidi", "\u202c": "bidi", "\u202d": "bidi",
             "\u202e": "bidi", "\u2066": "bidi", "\u2067": "bidi", "\u2068": "bidi",
             "\u2069": "bidi", "\u200b": "zero-width space", "\u2060": "word joiner",
             "\ufeff": "byte-order mark"}


@pytest.mark.parametrize("char", INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_and_zero_width_characters_are_errors(make_site, char) -> None:
    problems = problems_for(make_site, {ORG_PATH: org(name=f"Bow{char}Group")})
    problem = find(problems, "control-char", ORG_PATH, 2, 10)
    assert INVISIBLE[char] in problem.message


REAL_SCRIPTS = [
    "বাংলা কমিউনিটি সেন্টার",
    "র\u200d্যাব যুব ক্লাব",  # ZWJ: the Bengali "ra-phala" form
    "ক্\u200cষ সমিতি",  # ZWNJ: keeps the conjunct apart
    "مركز المجتمع العربي",
    "مرکز\u200cفرهنگی",  # Persian with ZWNJ
    "קהילה יהודית",
    "Bow \u200fمركز\u200f Centre",  # mixed with right-to-left marks
    "Soomaali & বাংলা & العربية",
]


@pytest.fixture(scope="module")
def scripts_site(tmp_path_factory):
    return build_once(tmp_path_factory, payload_files(
        REAL_SCRIPTS, lambda n, name: org(name=quoted(name), summary=quoted(name + " summary"),
                                          body=name)))


@pytest.mark.parametrize("number", range(len(REAL_SCRIPTS)), ids=REAL_SCRIPTS)
def test_real_right_to_left_and_bengali_text_is_kept_exactly(scripts_site, number) -> None:
    name, out = REAL_SCRIPTS[number], scripts_site
    page = assert_no_active_content(payload_page(out, number))
    assert page.text_of("h1").strip() == name
    assert name in page.text_of("main")
    assert page.json_ld()["name"] == name
    assert name in Page((out / "orgs/index.html").read_text(encoding="utf-8")).text_of("a")
