"""Shared helpers for the printing tests: render documents of a site, read PDFs with poppler."""
from __future__ import annotations

import contextlib
import io
import re
import subprocess
import tempfile
import zlib
from pathlib import Path
from typing import Iterator

from tests.helpers import TODAY
from thin_build.build import DEFAULT_TEMPLATES, check_site
from thin_build.capabilities import PORTAL
from thin_build.core import urls
from thin_build.core.i18n import speaking
from thin_build.core.messages import load_translations
from thin_build.core.plan import BuildInputs
from thin_build.core.translate import localised

# An organisation with Bengali beside the English (written for the tests; fictional).
BENGALI_NAME = "নদী পাড়ের মহিলা সমিতি"
BENGALI_SUMMARY = "নদীর ধারের মহিলাদের জন্য সেলাই, রান্না আর ইংরেজি শেখার ক্লাস।"
BENGALI_ORG = f"""---
name: Riverside Women's Circle
summary: Sewing, cooking and English classes for women by the river. {BENGALI_SUMMARY}
email: hello@riverside-circle.example.org
phone: 020 7946 0777
wards: [bow-east]
groups: [bme]
activities: [food]
languages: [bengali, english]
stage: stage-1
---
{BENGALI_NAME} is a small group of neighbours.
"""


# Pre-base vowel signs are drawn before their consonant; poppler cannot put them back in
# logical order from shaped glyphs, so text comparisons leave them (and spaces) out.
REORDERED = re.compile(r"[\s\u09bf\u09c7\u09c8]")


@contextlib.contextmanager
def language_pass(root: Path, code: str, today=TODAY) -> Iterator[BuildInputs]:
    """Build inputs for `root` as the build's pass in language `code` makes them: its
    translations and URL prefix current, its localised catalogue, the PDF step on."""
    catalogue, problems = check_site(root, today)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    languages = catalogue.site.languages
    language = next(lang for lang in languages if lang.code == code)
    translations, _problems = load_translations(root, languages)
    edition = urls.Edition(urls.language_prefix(code, languages[0].code))
    with speaking(translations[code], language), urls.publishing(edition):
        yield BuildInputs(localised(catalogue, code), today, PORTAL.contributions(), root=root,
                          templates=DEFAULT_TEMPLATES, pdf=True)


def inputs_of(root: Path, today=TODAY, templates: Path = DEFAULT_TEMPLATES) -> BuildInputs:
    """Build inputs for `root` with the PDF step on, as `build_site` makes them."""
    catalogue, problems = check_site(root, today)
    assert catalogue is not None, [str(p) for p in problems if p.is_error]
    return BuildInputs(catalogue, today, PORTAL.contributions(), root=root,
                       templates=templates, pdf=True)


def poppler(tool: str, data: bytes, *args: str) -> str:
    """Run a poppler tool on PDF bytes and return what it prints."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(data)
        return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                              check=True, capture_output=True, text=True).stdout


def page_texts(data: bytes) -> list[str]:
    """The text of each page, in reading order (`pdftotext` ends each page with a form feed)."""
    return poppler("pdftotext", data, "-layout").split("\f")[:-1]


def footer_box(data: bytes, page: int, margin_mm: float) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in points, from the page's top, of the words on page
    `page` (from 1) inside its bottom margin of `margin_mm`, read by `pdftotext -bbox`."""
    height = float(re.search(r"Page size:\s+[\d.]+ x ([\d.]+) pts",
                             poppler("pdfinfo", data)).group(1))
    boxes = [tuple(map(float, found)) for found in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"',
        poppler("pdftotext", data, "-bbox", "-f", str(page), "-l", str(page)))]
    below = [box for box in boxes if box[1] >= height - margin_mm * 72 / 25.4]
    assert below, f"no words in the bottom {margin_mm} mm of page {page}"
    return (min(box[0] for box in below), min(box[1] for box in below),
            max(box[2] for box in below), max(box[3] for box in below))


def page_count(data: bytes) -> int:
    for line in poppler("pdfinfo", data).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo gave no page count")


def fonts(data: bytes) -> list[dict]:
    """pdffonts' table as rows: name, type, embedded."""
    rows = poppler("pdffonts", data).splitlines()[2:]
    return [{"name": row.split()[0], "embedded": row.split()[-5] == "yes"} for row in rows]


@contextlib.contextmanager
def opened(data: bytes) -> Iterator:
    """The PDF as a pikepdf document (kept open while in use: its objects need it)."""
    import pikepdf

    with pikepdf.Pdf.open(io.BytesIO(data)) as pdf:
        yield pdf


def catalogue_lang(data: bytes) -> str:
    """The document's language, /Lang of its catalogue ("" when missing)."""
    with opened(data) as pdf:
        return str(pdf.Root.get("/Lang", ""))


def decompressed(data: bytes) -> bytes:
    """Every Flate stream of a PDF decompressed (objects live in object streams)."""
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(found)
