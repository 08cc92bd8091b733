"""In a worker process: one HTML text to PDF bytes with WeasyPrint, within the limits.

Besides the bytes it returns what joining parts of a document needs (`parts.py`):
where every anchor landed and every bookmark, so page numbers, links and the outline
can be made across parts after each was laid out once, on its own core.
"""
from __future__ import annotations

import signal
from dataclasses import dataclass, field

from ..core.filetypes import human_size

PX = 0.75  # points per CSS pixel: WeasyPrint lays out in px, PDF measures in pt


@dataclass(frozen=True)
class Bookmark:
    """An outline entry as WeasyPrint made it, in PDF points on its page."""

    level: int
    label: str
    page: int
    left: float
    top: float
    closed: bool


@dataclass(frozen=True)
class Rendered:
    """A rendered HTML text: the PDF, its pages, each anchor's page index, its bookmarks
    in order, and every URL the fetcher served (for the cache)."""

    data: bytes = field(repr=False)
    pages: int
    anchors: dict[str, int] = field(repr=False)
    bookmarks: tuple[Bookmark, ...] = field(repr=False)
    served: frozenset[str] = frozenset()


def _page_references_once_per_page() -> None:
    """Make pydyf's `PDF.page_references` compute its tuple once per page count.

    pydyf rebuilds the tuple of every page's reference each time it is read, and
    WeasyPrint reads it for every tagged element and every link: quadratic in the page
    count, seconds for a 300-page directory. Pages are only ever appended to `Kids`, so
    the tuple for a given length never changes; the bytes written are the same.
    """
    import pydyf

    compute = pydyf.PDF.page_references.fget
    if getattr(compute, "once_per_page", False):
        return

    def page_references(pdf):
        kids = len(pdf.pages["Kids"])
        known = pdf.__dict__.get("_page_references")
        if known is None or known[0] != kids:
            known = pdf.__dict__["_page_references"] = (kids, compute(pdf))
        return known[1]

    page_references.once_per_page = True
    pydyf.PDF.page_references = property(page_references)


class _TimeUp(BaseException):
    """Not an `Exception`, so no `except Exception` inside WeasyPrint can swallow it."""


def _alarm(signum, frame):
    raise _TimeUp()


def render_one(job) -> Rendered | str:
    """`(html, options, folders, limits)` to a `Rendered`, or the failure as text."""
    from .fetcher import BASE_URL, ProjectFetcher, Refused
    from .user_agent import PrintHTML

    html, options, folders, limits = job
    _page_references_once_per_page()
    fetcher = ProjectFetcher(folders)
    signal.signal(signal.SIGALRM, _alarm)
    # The alarm repeats every 0.1 s once due: a tick that lands inside one of the C
    # libraries' callbacks is swallowed there, and the next one lands in Python.
    signal.setitimer(signal.ITIMER_REAL, limits.seconds, 0.1)
    try:
        try:
            page = PrintHTML(string=html, base_url=BASE_URL, url_fetcher=fetcher)
            document = page.render(**options)
            data = document.write_pdf(**options)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _TimeUp:
        return f"rendering took longer than {limits.seconds} s"
    except (Exception, Refused) as exc:  # WeasyPrint's errors and refusals become text
        return f"{type(exc).__name__}: {exc}"
    if len(data) > limits.pdf_bytes:
        return (f"the PDF is {human_size(len(data))}, over the limit of "
                f"{human_size(limits.pdf_bytes)}")
    anchors: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for name in page.anchors:  # a box split over pages is on each: keep the first
            anchors.setdefault(name, number)
    bookmarks = tuple(Bookmark(level, label, number, x * PX, (page.height - y) * PX,
                               state == "closed")
                      for number, page in enumerate(document.pages)
                      for level, label, (x, y), state in page.bookmarks)
    return Rendered(data, len(document.pages), anchors, bookmarks, frozenset(fetcher.served))
