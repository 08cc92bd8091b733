"""Bengali prints with real glyphs, not tofu: text extraction cannot tell, so look at pixels.

The same Bengali sample is rendered twice through the print stylesheet in a fresh
process: once with the machine's fonts, once with fontconfig limited to DejaVu (no
Bengali font, so every Bengali character is a missing-glyph box). The two page images
must differ where the Bengali is, the font the stylesheet names must cover every
character, and the real render must embed that font and read back the same letters.
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageChops

from tests.helpers import REPO
from tests.unit.printing.support import BENGALI_NAME, BENGALI_SUMMARY, REORDERED, fonts, poppler
from thin_build.build import DEFAULT_TEMPLATES

NOTO_BENGALI = Path("/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf")

RENDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from weasyprint import HTML
    from thin_build.printing.fetcher import BASE_URL, ProjectFetcher
    html, out, static = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    fetcher = ProjectFetcher({"/print-styles/": static})
    HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf(out)
""")
HTML = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bengali</title>
<link rel="stylesheet" href="/print-styles/print.css"></head><body>
<h1 lang="bn">{BENGALI_NAME}</h1><p lang="bn" style="font-size: 20pt">{BENGALI_SUMMARY}</p>
</body></html>"""


def render(tmp_path: Path, name: str, env: dict | None = None, html: str = HTML) -> Path:
    """`html` as a PDF through the print stylesheet in a fresh process (`env` may hide the
    fonts), and its first page as `<name>.png` in grey at 72 dpi."""
    out = tmp_path / f"{name}.pdf"
    subprocess.run([sys.executable, "-c", RENDER, html, str(out),
                    str(DEFAULT_TEMPLATES / "printing" / "styles")], check=True, cwd=REPO,
                   env={**os.environ, **(env or {})})
    subprocess.run(["pdftoppm", "-r", "72", "-gray", "-png", "-f", "1", "-l", "1",
                    "-singlefile", str(out), str(tmp_path / name)], check=True)
    return out


def without_bengali_fonts(tmp_path: Path) -> dict:
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir>
<cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>""", encoding="utf-8")
    return {"FONTCONFIG_FILE": str(conf)}


def test_bengali_has_real_glyphs_not_missing_glyph_boxes(tmp_path):
    good = render(tmp_path, "good")
    tofu = render(tmp_path, "tofu", without_bengali_fonts(tmp_path))

    good_fonts = {row["name"].split("+", 1)[1] for row in fonts(good.read_bytes())}
    assert "Noto-Sans-Bengali" in good_fonts or "Noto-Sans-Bengali-Bold" in good_fonts
    assert not any("Bengali" in row["name"] for row in fonts(tofu.read_bytes()))

    text = poppler("pdftotext", good.read_bytes(), "-raw")
    assert REORDERED.sub("", BENGALI_SUMMARY) in REORDERED.sub("", text)

    covered = TTFont(NOTO_BENGALI).getBestCmap()
    bengali = {c for c in BENGALI_NAME + BENGALI_SUMMARY if "\u0980" <= c <= "\u09ff"}
    assert bengali and all(ord(c) in covered for c in bengali)

    first, second = (Image.open(tmp_path / f"{n}.png").convert("L") for n in ("good", "tofu"))
    assert first.size == second.size
    differing = sum(ImageChops.difference(first, second).point(lambda v: v > 64).histogram()[1:])
    assert differing > 2000  # thousands of pixels: boxes in place of letters
