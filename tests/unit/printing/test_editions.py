"""The ward, need and large-print editions of the base site, read back with poppler.

The base site has three organisations and two providers: Bow Youth Project (Bow East),
Spice Kitchen Lunch Club (Spitalfields & Banglatown, Weavers), Weavers Green Group
(Weavers); Example Voluntary Action Hub (borough-wide: funding, premises) and Community
Payroll Bureau (Bow East, Weavers: payroll). So each ward's edition lists, by hand:
"""
from __future__ import annotations

import re
import zlib

import pytest

from tests.helpers import BASE_SITE
from tests.unit.printing.support import footer_box, inputs_of, page_count, page_texts, poppler
from thin_build.printing.editions import LARGE_PRINT_PATH, edition_documents, need_path, ward_path
from thin_build.printing.engine import render_documents

YOUTH, SPICE, GREEN = "Bow Youth Project", "Spice Kitchen Lunch Club", "Weavers Green Group"
HUB, PAYROLL = "Example Voluntary Action Hub", "Community Payroll Bureau"
EVERYONE = (YOUTH, SPICE, GREEN, HUB, PAYROLL)
WARD_EDITIONS = {
    "bow-east": {YOUTH, HUB, PAYROLL},
    "spitalfields-banglatown": {SPICE, HUB},
    "weavers": {SPICE, GREEN, HUB, PAYROLL},
}
# WeasyPrint draws in CSS pixels under a page matrix that scales them to points.
PX_TO_PT = re.compile(rb"^0\.75 0 0 0\.75 0 0 cm$", re.M)
FONT_SIZE = re.compile(rb"/\S+ ([\d.]+) Tf")


@pytest.fixture(scope="module")
def site():
    inputs = inputs_of(BASE_SITE)
    documents = tuple(edition_documents(inputs))
    return inputs, documents, render_documents(inputs, documents)


def text_of(pdf) -> str:
    return " ".join(" ".join(page_texts(pdf.data)).split())


def test_there_is_an_edition_per_ward_per_offered_need_and_one_in_large_print(site):
    _inputs, documents, pdfs = site
    assert sorted(pdfs) == sorted([LARGE_PRINT_PATH, need_path("funding"),
                                   need_path("payroll"), need_path("premises"),
                                   *(ward_path(ward) for ward in WARD_EDITIONS)])
    assert {d.kind for d in documents} == {"ward", "need", "large-print"}


@pytest.mark.parametrize("ward", sorted(WARD_EDITIONS))
def test_a_ward_edition_lists_exactly_its_organisations_and_providers(site, ward):
    _inputs, _documents, pdfs = site
    text = text_of(pdfs[ward_path(ward)])
    present = {name for name in EVERYONE if name in text}
    assert present == WARD_EDITIONS[ward]


def test_a_ward_edition_names_itself_on_the_cover_and_in_every_footer(site):
    _inputs, _documents, pdfs = site
    pdf = pdfs[ward_path("weavers")]
    pages = page_texts(pdf.data)
    assert "Weavers edition" in pages[0]
    assert poppler("pdfinfo", pdf.data).count("Test Portal: Weavers edition") == 1
    for number, page in enumerate(pages[1:], start=2):
        assert (f"Page {number} of {len(pages)} · Test Portal · Weavers edition"
                in " ".join(page.split()))


def test_a_need_edition_has_only_that_needs_services(site):
    _inputs, _documents, pdfs = site
    payroll = text_of(pdfs[need_path("payroll")])
    assert f"{PAYROLL}: Payroll service" in payroll
    assert HUB not in payroll and "Organisations A to Z" not in payroll
    funding = text_of(pdfs[need_path("funding")])
    assert f"{HUB}: Funding advice" in funding
    assert "Premises advice" not in funding and PAYROLL not in funding


def test_the_large_print_edition_lists_every_service_and_no_organisation(site):
    inputs, _documents, pdfs = site
    text = text_of(pdfs[LARGE_PRINT_PATH])
    for provider in inputs.catalogue.providers:
        for service in provider.services:
            assert f"{provider.name}: {service.title}" in text
    assert not {YOUTH, SPICE, GREEN} & {name for name in EVERYONE if name in text}


def font_sizes_pt(data: bytes) -> set[float]:
    """Every font size the PDF's page streams set, in points."""
    sizes = set()
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:  # fonts and images, not page content
            continue
        if FONT_SIZE.search(content):
            assert PX_TO_PT.search(content), "expected WeasyPrint's px-to-pt page matrix"
            sizes |= {round(float(size) * 0.75, 2) for size in FONT_SIZE.findall(content)}
    return sizes


def test_no_text_in_the_large_print_edition_is_under_16_pt(site):
    _inputs, _documents, pdfs = site
    large = font_sizes_pt(pdfs[LARGE_PRINT_PATH].data)
    assert min(large - {0.0}) == 16.0  # 0 pt: the footer's words, set once and never drawn
    assert min(font_sizes_pt(pdfs[ward_path("weavers")].data) - {0.0}) < 12


def test_the_large_print_footer_is_centred_in_its_30_mm_margin_on_two_lines(site):
    _inputs, _documents, pdfs = site
    left, top, right, bottom = footer_box(pdfs[LARGE_PRINT_PATH].data, 2, 30)
    assert bottom - top > 2 * 16  # two lines of 16 pt: "Page 2 of N · …" wraps
    assert abs((left + right) / 2 - 595.276 / 2) < 1
    assert abs((top + bottom) / 2 - (841.89 - 15 * 72 / 25.4)) < 1.5


def test_the_large_print_edition_is_a4_and_longer_than_the_standard_type(site):
    _inputs, _documents, pdfs = site
    info = poppler("pdfinfo", pdfs[LARGE_PRINT_PATH].data)
    assert "Page size:       595.276 x 841.89 pts (A4)" in info
    assert page_count(pdfs[LARGE_PRINT_PATH].data) > page_count(pdfs[need_path("funding")].data)
