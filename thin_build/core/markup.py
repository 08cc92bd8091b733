"""Markdown → safe HTML, text → safe JSON for pages, and colour contrast.

Contributors are semi-trusted, so Markdown is rendered without the extensions that
let content set attributes, then cleaned by nh3 to an explicit allow-list; nothing
from content is ever marked safe without passing through here.
"""
from __future__ import annotations

import contextlib
import functools
import json
import re
from contextvars import ContextVar
from typing import Any, Iterator

import markdown as _markdown
import nh3

from . import urls
from .content_cache import ContentCache

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "ul",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"align"},
                      "th": {"align"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_HEADING_RE = re.compile(r"<(/?)h([1-6])>")
_SITE_LINK_RE = re.compile(r'href="(/(?!/)[^"]*)"')
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_EXTENSIONS = ("sane_lists", "tables")
# What the conversion depends on besides the text: part of each cached entry's key.
_OPTIONS = f"{','.join(_EXTENSIONS)};html;headings-from-h2"
_CACHE: ContextVar[ContentCache | None] = ContextVar("markdown_cache", default=None)


@contextlib.contextmanager
def caching(cache: ContentCache | None) -> Iterator[None]:
    """Within this block, conversions are kept in (and read from) a build's content cache."""
    token = _CACHE.set(cache)
    try:
        yield
    finally:
        _CACHE.reset(token)


def render_markdown(text: str | None) -> str:
    """Contributor Markdown as clean HTML whose headings start at `<h2>`.

    Pages already have their own `<h1>`, so the body's top heading level, whatever
    the author chose, becomes `<h2>` and the others follow, never skipping a level
    (screen-reader users navigate by headings and take a gap for missing content).
    A link to one of the site's pages (`/opportunities/`) leads to it in the page's
    language (`/bn/opportunities/` on a Bengali page).
    """
    html = _rendered(text)
    if "href=\"/" not in html:
        return html
    return _SITE_LINK_RE.sub(lambda m: f'href="{urls.localised(m[1])}"', html)


def _rendered(text: str | None) -> str:
    """The language-independent rendering: converted once a process (and, with a build's
    cache, once while the text is unchanged), sanitised on every use, so HTML read from
    the cache file is cleaned exactly as HTML converted just now."""
    if not text:
        return ""
    cache = _CACHE.get()
    return _sanitised(cache.converted(text, _OPTIONS, _converted) if cache is not None
                      else _converted(text))


@functools.lru_cache(maxsize=None)
def _converted(text: str) -> str:
    """Markdown → HTML with headings from `<h2>`, not yet sanitised (the slow part)."""
    return _renumber_headings(_converter().reset().convert(text))


@functools.lru_cache(maxsize=1)
def _converter() -> _markdown.Markdown:
    """One converter a process, reset between texts: setting one up (its parsers and
    extensions) took half the time of converting a listing's body."""
    return _markdown.Markdown(extensions=list(_EXTENSIONS), output_format="html")


@functools.lru_cache(maxsize=None)
def _sanitised(html: str) -> str:
    return nh3.clean(html, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=set(URL_SCHEMES), link_rel="noopener noreferrer nofollow")


def _renumber_headings(html: str) -> str:
    """Each heading one level below the nearest shallower heading before it, from `<h2>`."""
    outline: list[tuple[int, int]] = []  # (level the author wrote, level on the page)
    current = 2

    def renumber(match: re.Match) -> str:
        nonlocal current
        if match[1]:  # a closing tag closes the heading just opened
            return f"</h{current}>"
        written = int(match[2])
        while outline and outline[-1][0] >= written:
            outline.pop()
        current = min(outline[-1][1] + 1, 6) if outline else 2
        outline.append((written, current))
        return f"<h{current}>"

    return _HEADING_RE.sub(renumber, html)


def plain_text(text: str | None, limit: int = 0) -> str:
    """Markdown reduced to words, for meta descriptions and search.

    It reuses the page's rendering (cached), so each body is converted only once a build.
    """
    if not text:
        return ""
    words = " ".join(nh3.clean(render_markdown(text), tags=set()).split())
    words = words.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') \
        .replace("&#39;", "'").replace("&amp;", "&")
    if limit and len(words) > limit:
        words = words[:limit].rsplit(" ", 1)[0] + "…"
    return words


def json_for_html(value: Any) -> str:
    """JSON that can sit inside a `<script>` element without ever closing it."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m[0]], text)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio between two `#rrggbb` colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_colour_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (always ≥ 4.5:1 one way)."""
    black, white = "#000000", "#ffffff"
    on_black, on_white = contrast_ratio(background, black), contrast_ratio(background, white)
    return black if on_black >= on_white else white
