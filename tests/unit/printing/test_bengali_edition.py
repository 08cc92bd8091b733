"""The Bengali edition of the provider directory: made in the Bengali pass, tagged and
titled in Bengali, with a Bengali font embedded and real glyphs, and listed on /bn/print/.

The sample site (English and Bengali, with translated listings) gives the edition; a copy
of the small base site with Bengali switched on gives a whole build to read the pages of.
"""
from __future__ import annotations

import re
import shutil

import pytest
from fontTools.ttLib import TTFont
from PIL import Image, ImageChops

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.printing.support import catalogue_lang, fonts, language_pass, page_texts, poppler
from tests.unit.printing.test_bengali import NOTO_BENGALI, render, without_bengali_fonts
from thin_build.build import build_site
from thin_build.core.render import make_environment
from thin_build.printing import urls
from thin_build.printing.calendar_pdf import calendar_documents
from thin_build.printing.directory_pdf import directory_documents
from thin_build.printing.editions import edition_documents
from thin_build.printing.engine import document_html, render_documents
from thin_build.printing.flyers import flyer_documents

BENGALI = re.compile(r"[\u0980-\u09ff]")


@pytest.fixture(scope="module")
def edition():
    """(document, its HTML, the rendered PDF) of the sample site's Bengali pass."""
    with language_pass(REPO, "bn") as inputs:
        documents = tuple(directory_documents(inputs))
        assert [d.path for d in documents] == [urls.provider_directory()]
        html = document_html(make_environment(inputs.templates), inputs, documents[0])
        pdf = render_documents(inputs, documents)[urls.provider_directory()]
        others = [d.path for source in (edition_documents, flyer_documents, calendar_documents)
                  for d in source(inputs)]
    return documents[0], html, pdf, others


def test_the_bengali_pass_makes_the_provider_directory_only(edition):
    document, _html, _pdf, others = edition
    assert document.lang == "bn" and document.kind == "directory"
    assert others == []  # editions, flyers and the calendar are made in English only


def test_title_language_and_tags_are_bengali(edition):
    _document, html, pdf, _others = edition
    assert '<html lang="bn">' in html
    info = poppler("pdfinfo", pdf.data)
    assert "Title:           THIN Portal: সহায়তা প্রদানকারী" in info
    assert "Tagged:          yes" in info
    assert catalogue_lang(pdf.data) == "bn"


def test_headings_and_labels_are_in_bengali(edition):
    _document, html, pdf, _others = edition
    for words in ("সূচিপত্র", "প্রয়োজন অনুযায়ী সহায়তা", "এই ডিরেক্টরি কীভাবে ব্যবহার করবেন",
                  "বাংলা সংস্করণ", "খরচ:"):
        assert words in html
    assert "Contents" not in html and "How to use this directory" not in html
    texts = page_texts(pdf.data)
    assert len(texts) == pdf.pages > 3
    # pdftotext cannot put pre-base vowel signs back in order: compare without them.
    squeeze = re.compile(r"[\s\u09bf\u09c7\u09c8]")
    assert squeeze.sub("", "সূচিপত্র") in squeeze.sub("", texts[2])


def test_a_bengali_font_is_embedded_and_covers_every_bengali_letter(edition):
    _document, html, pdf, _others = edition
    table = fonts(pdf.data)
    assert table and all(row["embedded"] for row in table)
    names = {row["name"].split("+", 1)[1] for row in table}
    assert {"Noto-Sans-Bengali", "Noto-Sans-Bengali-Bold"} <= names
    assert all(name.startswith("Noto-Sans") for name in names), names  # no stray fallback
    covered = TTFont(NOTO_BENGALI).getBestCmap()
    letters = set(BENGALI.findall(html))
    assert len(letters) > 30 and all(ord(c) in covered for c in letters)


def test_the_cover_has_real_bengali_glyphs_not_boxes(edition, tmp_path):
    """The cover's HTML through the print stylesheet, with and without the Bengali fonts:
    the page images differ by thousands of pixels, where the boxes would be."""
    _document, html, _pdf, _others = edition
    cover = html.split('<section id="how-to-use">', 1)[0] + "</body></html>"
    good = render(tmp_path, "good", html=cover)
    tofu = render(tmp_path, "tofu", without_bengali_fonts(tmp_path), html=cover)
    assert any("Bengali" in row["name"] for row in fonts(good.read_bytes()))
    assert not any("Bengali" in row["name"] for row in fonts(tofu.read_bytes()))
    first, second = (Image.open(tmp_path / f"{n}.png").convert("L") for n in ("good", "tofu"))
    differing = sum(ImageChops.difference(first, second).point(lambda v: v > 64).histogram()[1:])
    assert differing > 2000


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory):
    """A whole build of the base site with Bengali switched on, PDFs included."""
    root = tmp_path_factory.mktemp("bilingual") / "repo"
    shutil.copytree(BASE_SITE, root)
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "languages:\n"
                         "  - {code: en, name: English, locale: en_GB}\n"
                         "  - {code: bn, name: বাংলা, locale: bn_BD}\n", encoding="utf-8")
    shutil.copytree(REPO / "translations" / "bn", root / "translations" / "bn")
    return build_site(root, root / "site", TODAY, pdf=True).out


def test_bn_print_lists_the_bengali_edition_and_points_to_the_english_list(bilingual):
    page = (bilingual / "bn" / "print" / "index.html").read_text(encoding="utf-8")
    pdf = bilingual / "bn" / "print" / "directory-providers.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    pages = int(re.search(r"Pages:\s+(\d+)", poppler("pdfinfo", pdf.read_bytes()))[1])
    link = re.search(r'<a href="/bn/print/directory-providers\.pdf" download="[^"]+">'
                     r'([^<]+) \(PDF, (\d+) KB, (\d+) পৃষ্ঠা\)</a>', page)
    assert link, page
    assert link[1] == "Test Portal: সহায়তা প্রদানকারী"
    assert int(link[2]) == round(pdf.stat().st_size / 1024) and int(link[3]) == pages
    assert '<a href="/print/" hreflang="en">ইংরেজিতে প্রিন্ট করার ডিরেক্টরি</a>' in page
    assert not (bilingual / "bn" / "print" / "flyers").exists()
    assert (bilingual / "print" / "directory.pdf").is_file()  # English keeps every PDF


def test_the_bengali_a_to_z_links_to_the_bengali_edition(bilingual):
    page = (bilingual / "bn" / "orgs" / "index.html").read_text(encoding="utf-8")
    assert 'href="/bn/print/directory-providers.pdf"' in page
    assert 'href="/bn/print/directory.pdf"' not in page
