"""One-page A4 flyers whose QR code, read by zbarimg off a page image, opens the listing."""
from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE
from tests.unit.printing.support import inputs_of, page_texts, poppler
from thin_build.printing import qr
from thin_build.printing.engine import render_documents
from thin_build.printing.flyers import MAX_ITEMS, flyer_documents, flyer_path
from thin_build.printing.qr import qr_svg

A4 = "Page size:       595.276 x 841.89 pts (A4)"
SERVICE = """  - need: {need}
    title: Service number {number} with a long title that takes most of a line on paper
    description: {words}
    stages: [stage-1, stage-2, stage-3]
    access: Phone or email the referral contact, or drop in on a weekday morning.
    cost: Free.
"""
BUSY_PROVIDER = """---
name: Very Busy Community Development Agency for the Whole of the Borough
type: network
summary: {summary}
email: info@busy.example.org
phone: 020 7946 0555
website: https://busy.example.org/a/rather/long/path/to/the/home/page/
address: |
  Unit 12, The Long Building With A Long Name
  100 Example Road
  London
postcode: E1 4NS
wards: [borough-wide]
languages: [english, bengali]
opening_hours:
  - days: [mon, tue, wed, thu, fri]
    opens: "09:00"
    closes: "17:00"
  - days: [sat]
    opens: "10:00"
    closes: "13:00"
opening_hours_note: {note}
accessibility: {access}
referral_contact:
  role: Referrals and enquiries coordinator
  email: referrals@busy.example.org
  phone: 020 7946 0556
services:
{services}---
"""


def decode_qr(pdf: bytes) -> list[str]:
    """What zbarimg reads off the first page, rendered at 150 dpi like a phone's photo."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "flyer.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", "1",
                        "flyer.pdf", "page"], cwd=folder, check=True)
        run = subprocess.run(["zbarimg", "--nodbus", "--quiet", "--raw", "page.png"],
                             cwd=folder, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


@pytest.fixture(scope="module")
def base():
    inputs = inputs_of(BASE_SITE)
    return render_documents(inputs, tuple(flyer_documents(inputs)))


def test_every_listing_that_is_not_closed_has_a_flyer(base):
    assert sorted(base) == sorted([
        flyer_path("orgs", "bow-youth"), flyer_path("orgs", "spice-kitchen"),
        flyer_path("orgs", "weavers-fields-garden"), flyer_path("orgs", "weavers-green"), flyer_path("providers", "hub"),
        flyer_path("providers", "payroll-bureau")])


@pytest.mark.parametrize("path", ["print/flyers/orgs/bow-youth.pdf",
                                  "print/flyers/providers/hub.pdf"])
def test_a_flyer_is_one_a4_page(base, path):
    info = poppler("pdfinfo", base[path].data)
    assert "Pages:           1\n" in info and A4 in info
    assert base[path].pages == 1


@pytest.mark.parametrize("collection, slug", [("orgs", "bow-youth"), ("orgs", "spice-kitchen"),
                                              ("providers", "payroll-bureau")])
def test_the_qr_code_decodes_to_the_listings_address(base, collection, slug):
    pdf = base[flyer_path(collection, slug)].data
    assert decode_qr(pdf) == [f"https://portal.example.org/{collection}/{slug}/"]
    assert f"https://portal.example.org/{collection}/{slug}/" in " ".join(page_texts(pdf))


def test_the_qr_code_is_a_scalable_svg_with_a_quiet_zone():
    svg = qr_svg("https://portal.example.org/orgs/bow-youth/").decode()
    assert svg.startswith("<svg ")
    # 42 bytes need version 3 at level M (capacity 42): 29 modules, plus 4 each side.
    assert "viewBox=\"0 0 37 37\"" in svg
    assert "width=" not in svg


def test_flyers_from_the_cache_draw_no_qr_code(tmp_path, monkeypatch):
    """Making the flyers' HTML draws no code (segno is slow: 15 s for 1,100 flyers);
    only a flyer rendered draws its own, in the rendering worker."""
    monkeypatch.setenv("THIN_CACHE", str(tmp_path / "cache"))
    inputs = inputs_of(BASE_SITE)
    documents = tuple(flyer_documents(inputs))[:2]
    assert render_documents(inputs, documents)  # the cache is filled

    def refuse(*_args, **_kwargs):
        raise AssertionError("a QR code was drawn for a flyer from the cache")

    monkeypatch.setattr(qr.segno, "make", refuse)
    again = render_documents(inputs, tuple(flyer_documents(inputs))[:2])
    assert [pdf.from_cache for pdf in again.values()] == [True, True]


def test_a_temporarily_closed_organisation_says_so_on_its_flyer(base):
    text = " ".join(page_texts(base[flyer_path("orgs", "spice-kitchen")].data))
    assert "Temporarily closed" in text


def test_a_closed_organisation_gets_no_flyer(make_site):
    root = make_site({"orgs/bow-youth.md": (BASE_SITE / "orgs" / "bow-youth.md").read_text()
                      .replace("status: active", "status: closed")})
    paths = [d.path for d in flyer_documents(inputs_of(root))]
    assert flyer_path("orgs", "bow-youth") not in paths
    assert flyer_path("orgs", "weavers-green") in paths


def test_the_longest_listing_still_fits_on_one_page(make_site):
    words = "A long description of the service. " * 10
    services = "".join(SERVICE.format(need=need, number=number, words=words.strip())
                       for number, need in enumerate(["funding", "premises", "payroll"] * 3, 1))
    root = make_site({"providers/busy.md": BUSY_PROVIDER.format(
        summary="S" + "ummary words " * 22 + "end.", note="N" + "ote words " * 28 + "end.",
        access="A" + "ccess words " * 45 + "end.", services=services)})
    inputs = inputs_of(root)
    document = next(d for d in flyer_documents(inputs)
                    if d.path == flyer_path("providers", "busy"))
    assert len(document.data["offers"]) == MAX_ITEMS and document.data["more"] == 9 - MAX_ITEMS
    pdf = render_documents(inputs, (document,))[document.path]
    assert pdf.pages == 1
    text = " ".join(" ".join(page_texts(pdf.data)).split())
    assert f"and {9 - MAX_ITEMS} more: see our page" in text and "words…" in text
    assert decode_qr(pdf.data) == ["https://portal.example.org/providers/busy/"]
