"""A yardstick for the PDF figures: WeasyPrint laying out 200 short directory entries.

The host's speed varies two-fold and more from hour to hour (docs/printing.md), so a
wall time alone does not say whether code got faster. `benchmarks/pdf.py` times this
fixed document (200 entries, 19 pages: the kind of document issue 13 sizes WeasyPrint
by) whole, in one process, before and after its own runs, and prints each figure as a
multiple of it too. The document is fixed here, with its own stylesheet and plain
WeasyPrint, none of the project's templates or tuning: it measures the host and
WeasyPrint, never the project's changes.
"""
from __future__ import annotations

import time

ENTRIES = 200

STYLE = """@page { size: A4; margin: 20mm 16mm 22mm;
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 9pt } }
html { font-family: "Noto Sans", sans-serif; font-size: 10pt; line-height: 1.2 }
h2 { font-size: 16pt; bookmark-level: 1 } h3 { font-size: 11pt; margin: 0 0 1mm; bookmark-level: 2 }
.entry { break-inside: avoid; border-top: 0.5pt solid #555; padding-top: 1mm; margin-bottom: 2mm }
.entry p { margin: 0 0 0.3mm } .label { font-weight: bold }"""

WORDS = ("advice", "community", "volunteers", "families", "youth", "health", "arts",
         "food", "housing", "training", "sport", "older", "people", "language", "support")


def entry(number: int) -> str:
    """Entry `number`: a heading and three short rows, the same text every run."""
    words = [WORDS[(number * 7 + step * 3) % len(WORDS)] for step in range(6)]
    return (f'<article class="entry"><h3 id="e{number}">Organisation {number:03d}</h3>'
            f'<p><span class="label">What:</span> A group for {" ".join(words)}.</p>'
            f'<p><span class="label">Where:</span> {number} Example Street, London, E1 {number % 9}AA</p>'
            f'<p><span class="label">Contact:</span> hello{number}@example.org</p></article>')


def baseline_html() -> str:
    entries = "".join(entry(number) for number in range(1, ENTRIES + 1))
    return (f'<html lang="en"><head><title>Baseline</title><style>{STYLE}</style></head>'
            f'<body><h2>Organisations</h2>{entries}</body></html>')


def baseline_seconds() -> tuple[float, int]:
    """(wall seconds, pages) of one tagged render of the baseline document, imports and
    fonts already loaded (a first, untimed render loads them)."""
    from weasyprint import HTML

    html = baseline_html()
    HTML(string=html).write_pdf(pdf_tags=True)
    start = time.perf_counter()
    document = HTML(string=html).render(pdf_tags=True)
    document.write_pdf(pdf_tags=True)
    return time.perf_counter() - start, len(document.pages)


if __name__ == "__main__":
    seconds, pages = baseline_seconds()
    print(f"baseline: {ENTRIES} entries, {pages} pages, {seconds:.2f} s")
