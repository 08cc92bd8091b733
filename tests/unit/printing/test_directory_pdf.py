"""The full directory PDF of the base site plus a Bengali listing, read back with poppler."""
from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import BASE_SITE
from tests.unit.printing.support import (
    BENGALI_ORG,
    BENGALI_SUMMARY,
    REORDERED,
    catalogue_lang,
    decompressed,
    fonts,
    footer_box,
    inputs_of,
    page_count,
    page_texts,
    poppler,
)
from thin_build.printing.directory_pdf import directory_documents
from thin_build.printing.engine import render_documents

LEADER = re.compile(r"^\s*(\S.*?)\s*(?:\. ?){3,}\s*(\d+)\s*$")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site") / "repo"
    shutil.copytree(BASE_SITE, root)
    (root / "orgs" / "riverside-circle.md").write_text(BENGALI_ORG, encoding="utf-8")
    inputs = inputs_of(root)
    pdf = render_documents(inputs, tuple(directory_documents(inputs)))["print/directory.pdf"]
    return inputs.catalogue, pdf


def test_the_page_count_is_what_pdfinfo_reads(site):
    _cat, pdf = site
    assert page_count(pdf.data) == pdf.pages
    assert len(page_texts(pdf.data)) == pdf.pages
    assert pdf.summary == f"PDF, {round(pdf.size / 1024)} KB, {pdf.pages} pages"


def test_every_listing_is_in_the_text(site):
    cat, pdf = site
    text = " ".join(" ".join(page_texts(pdf.data)).split())
    for org in cat.orgs:
        assert org.name in text
    for provider in cat.providers:
        for service in provider.services:
            assert f"{provider.name}: {service.title}" in text
    assert REORDERED.sub("", BENGALI_SUMMARY) in REORDERED.sub("", text)


def test_the_contents_page_numbers_name_the_page_with_the_heading(site):
    _cat, pdf = site
    pages = page_texts(pdf.data)
    contents = next(i for i, text in enumerate(pages) if text.split()[0] == "Contents")
    lines = [LEADER.match(line) for line in pages[contents].splitlines()]
    entries = [(m[1], int(m[2])) for m in lines if m]
    assert [name for name, _ in entries][:2] == ["How to use this directory", "Support by need"]
    assert "Organisations A to Z" in dict(entries) and "Index of wards" in dict(entries)
    for name, number in entries:
        body = pages[number - 1].splitlines()[1:]  # the first line is the running header
        assert any(line.strip() == name for line in body), (name, number)


def test_the_ward_index_points_at_each_listing_s_page(site):
    _cat, pdf = site
    pages = page_texts(pdf.data)
    index = max(i for i, text in enumerate(pages) if "Index of wards" in text)
    text = pages[index]
    found = re.findall(r"(Riverside Women's Circle|Bow Youth Project)\s+(\d+)", text)
    assert {name for name, _ in found} == {"Riverside Women's Circle", "Bow Youth Project"}
    for name, number in found:
        assert name in " ".join(pages[int(number) - 1].split())


def test_the_outline_has_every_section_and_need(site):
    cat, pdf = site
    xml = poppler("pdftohtml", pdf.data, "-xml", "-i", "-stdout", "-q")
    items = re.findall(r'<item page="\d+">([^<]*)</item>', xml)
    sections = ["How to use this directory", "Contents", "Support by need",
                "Organisations A to Z", "Index of support needs", "Index of wards"]
    assert [item for item in items if item in sections] == sections
    needs = {s.need for p in cat.providers for s in p.services}
    for need in cat.needs:
        assert (need.name in items) == (need.slug in needs)


def test_the_running_header_and_footer(site):
    _cat, pdf = site
    pages = page_texts(pdf.data)
    total = len(pages)
    for number, text in enumerate(pages[1:], 2):  # the cover has neither
        assert f"Page {number} of {total} · Test Portal · printed from the portal on " \
               f"24 November 2026" in text
    assert "Page 1 of" not in pages[0]
    assert pages[-1].splitlines()[0].strip() == "Index of wards"


def test_the_footer_is_centred_in_the_bottom_margin(site):
    """Where a margin box puts it (the footers are the pages of a document of their own,
    stamped on: `parts.footer_parts`): centred across the page and in the 22 mm margin."""
    _cat, pdf = site
    left, top, right, bottom = footer_box(pdf.data, 2, 22)
    assert abs((left + right) / 2 - 595.276 / 2) < 1
    assert abs((top + bottom) / 2 - (841.89 - 11 * 72 / 25.4)) < 1.5


def test_fonts_are_embedded_and_bengali_has_a_bengali_font(site):
    _cat, pdf = site
    table = fonts(pdf.data)
    assert table and all(row["embedded"] for row in table)
    names = {row["name"].split("+", 1)[1] for row in table}
    assert "Noto-Sans" in names and "Noto-Sans-Bengali" in names


def test_metadata_title_language_dates_and_tags(site):
    _cat, pdf = site
    info = poppler("pdfinfo", pdf.data)
    assert "Title:           Test Portal: the full directory" in info
    assert "CreationDate:    Tue Nov 24 00:00:00 2026 UTC" in info
    assert "ModDate:         Tue Nov 24 00:00:00 2026 UTC" in info
    assert "Tagged:          yes" in info
    assert catalogue_lang(pdf.data) == "en"
    objects = decompressed(pdf.data)
    assert b"/StructTreeRoot" in objects  # tagged: headings, lists and paragraphs in order
