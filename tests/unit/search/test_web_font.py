"""The Bengali web font: real WOFF2, small, licensed, covering every Bengali character we use,
and declared so that only pages with Bengali text download it."""
from __future__ import annotations

import pytest
import tinycss2
from fontTools.ttLib import TTFont

from tests.helpers import REPO

FONTS = REPO / "templates" / "static" / "fonts"
WEIGHTS = {"400": "NotoSansBengali-Regular.woff2", "700": "NotoSansBengali-Bold.woff2"}
# The Bengali block, the dandas, ZWNJ and ZWJ, and the dotted circle a lone vowel sign sits on.
BENGALI_RANGES = {(0x0980, 0x09FF), (0x0964, 0x0965), (0x200C, 0x200D), (0x25CC, 0x25CC)}


def bengali_characters(text: str) -> set[str]:
    """The Bengali block's characters in `text`, and the dandas Bengali writes with."""
    return {c for c in text if "\u0980" <= c <= "\u09ff" or c in "\u0964\u0965"}


def used_characters() -> set[str]:
    sources = [p for p in (REPO / "content").rglob("*") if p.is_file()]
    sources += sorted((REPO / "translations").glob("bn/LC_MESSAGES/*.po"))
    used: set[str] = set()
    for path in sources:
        used |= bengali_characters(path.read_bytes().decode("utf-8", errors="replace"))
    return used


@pytest.mark.parametrize("name", sorted(WEIGHTS.values()))
def test_each_font_is_a_small_woff2_with_every_bengali_character_we_use(name: str) -> None:
    path = FONTS / name
    data = path.read_bytes()
    assert data[:4] == b"wOF2", "a WOFF2 file starts with its signature"
    assert len(data) < 100_000
    font = TTFont(path)
    assert font.flavor == "woff2"
    family = {r.nameID: r.toUnicode() for r in font["name"].names if r.platformID == 3}
    assert family[1] == "Noto Sans Bengali"
    cmap = font.getBestCmap()
    used = used_characters()
    assert len(used) > 40, "the sample content and the catalogue have Bengali text"
    missing = sorted(f"U+{ord(c):04X}" for c in used if ord(c) not in cmap)
    assert not missing, f"{name} has no glyph for {missing}"
    assert "GSUB" in font and "GPOS" in font, "conjuncts and vowel signs need the layout tables"


def test_the_licence_is_beside_the_fonts() -> None:
    licence = (FONTS / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Version 1.1" in licence
    assert "Copyright 2017 Google Inc." in licence


def font_faces() -> list[dict[str, list]]:
    """Each @font-face of site.css as {descriptor: its value's tokens}, by a CSS parser."""
    css = (REPO / "templates" / "static" / "site.css").read_text(encoding="utf-8")
    faces = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "at-rule" and rule.lower_at_keyword == "font-face":
            declarations = tinycss2.parse_declaration_list(
                rule.content, skip_comments=True, skip_whitespace=True)
            faces.append({d.lower_name: [t for t in d.value if t.type != "whitespace"]
                          for d in declarations if d.type == "declaration"})
    return faces


def test_site_css_declares_the_fonts_for_bengali_text_only() -> None:
    faces = [f for f in font_faces()
             if [t.value for t in f["font-family"]] == ["Noto Sans Bengali"]]
    assert sorted(face["font-weight"][0].representation for face in faces) == sorted(WEIGHTS)
    for face in faces:
        ranges = {(t.start, t.end) for t in face["unicode-range"] if t.type == "unicode-range"}
        assert ranges == BENGALI_RANGES, "Latin pages must never download it"
        assert [t.value for t in face["font-display"]] == ["swap"]
        src = [(t.lower_name, [a.value for a in t.arguments if a.type == "string"])
               for t in face["src"] if t.type == "function"]
        src += [("url", [t.value]) for t in face["src"] if t.type == "url"]
        weight = face["font-weight"][0].representation
        assert src[0][0] == "local", "an installed copy is used before the download"
        assert ("url", [f"fonts/{WEIGHTS[weight]}"]) in src and ("format", ["woff2"]) in src


def test_the_body_font_stack_puts_bengali_first() -> None:
    """First, because its unicode-range keeps it to Bengali characters anyway."""
    css = (REPO / "templates" / "static" / "site.css").read_text(encoding="utf-8")
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    body = next(r for r in rules if r.type == "qualified-rule"
                and tinycss2.serialize(r.prelude).strip() == "body")
    stack = next(d for d in tinycss2.parse_declaration_list(body.content, skip_whitespace=True)
                 if d.type == "declaration" and d.lower_name == "font-family")
    names = [t for t in stack.value if t.type not in ("whitespace", "literal")]
    assert names[0].type == "string" and names[0].value == "Noto Sans Bengali"
    assert names[-1].value == "sans-serif"
