"""The printed evidence summary: one tagged A4 page with the web summary's figures.

A councillor is handed the PDF, so it must carry what the page carries: every figure
with its coverage, and the source; and the page must link to it with its real size.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, TODAY
from tests.unit.printing.support import page_count, poppler
from thin_build.build import build_site
from thin_build.core.filetypes import human_size


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("evidence-pdf") / "site"
    build_site(BASE_SITE, out, TODAY, pdf=True)
    return out


def test_the_summary_prints_on_one_tagged_page_with_coverage_and_source(built: Path) -> None:
    data = (built / "print" / "evidence-summary.pdf").read_bytes()
    assert page_count(data) == 1
    info = poppler("pdfinfo", data)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M)
    text = " ".join(poppler("pdftotext", data).split())
    web = (built / "evidence" / "summary" / "index.html").read_text(encoding="utf-8")
    for coverage in re.findall(r'<p class="coverage">([^<]+)</p>', web):
        assert " ".join(coverage.split()) in text
    source = re.search(r'<p class="source">(Source: [^<]+?) The full evidence', web)[1]
    assert " ".join(source.split()) in text
    assert "https://portal.example.org/evidence/" in text
    assert "printed from the portal on 24 November 2026" in text


def test_the_summary_and_evidence_pages_link_to_the_pdf_with_its_size(built: Path) -> None:
    size = (built / "print" / "evidence-summary.pdf").stat().st_size
    for page in ("evidence/summary/index.html", "print/index.html"):
        html = (built / page).read_text(encoding="utf-8")
        assert 'href="/print/evidence-summary.pdf"' in html, page
        assert f"PDF, {human_size(size)}, 1 page" in html, page


def test_without_pdfs_the_summary_page_offers_no_link(tmp_path: Path) -> None:
    build_site(BASE_SITE, tmp_path / "site", TODAY, pdf=False)
    html = (tmp_path / "site" / "evidence" / "summary" / "index.html").read_text(encoding="utf-8")
    assert "evidence-summary.pdf" not in html
