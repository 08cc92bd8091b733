"""The PDF engine: print documents → HTML (Jinja) → PDF (WeasyPrint), cached, in parallel.

Interface (stable; later changes only add):
- `rendered_pdfs(inputs) -> dict[path, RenderedPdf]`: every document of the build,
  rendered once per build (`inputs.computed`), empty when `inputs.pdf` is off. Pages
  that show a PDF's size and page count call it; the first call renders everything.
- `render_documents(inputs, documents, limits) -> dict[path, RenderedPdf]`: the same
  for given documents (tests, benchmarks).
- `RenderedPdf`: path, bytes, page count, size, and the document's title, kind and
  description for /print/; `summary` is the link text's "PDF, 120 KB, 18 pages".

Why so: HTML comes from the same templates as the site, so there is one template
system; WeasyPrint runs in worker processes so documents render across cores and a
document that runs over its time limit is stopped (and the build fails naming it,
leaving the previous site/) without stopping the build's own process. A PDF's bytes
depend only on its HTML, assets and the build date: the metadata dates are the
build's "today" and the document identifier is a hash of its path.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..core import urls as core_urls
from ..core.errors import ContentError, Location, Problem
from ..core.filetypes import human_size
from ..core.i18n import ngettext
from ..core.plan import BuildInputs
from ..core.present import human_date
from ..core.render import make_environment
from .cache import Entry, PdfCache, cache_key
from .documents import PrintDocument, all_documents

CACHE_ENV = "THIN_CACHE"  # overrides `<root>/.thin-cache`, e.g. one cache for a test run


@dataclass(frozen=True)
class Limits:
    """Per document: seconds of rendering, characters of HTML, bytes of PDF."""

    seconds: int = 180
    html_chars: int = 20_000_000
    pdf_bytes: int = 50 * 1024 * 1024


LIMITS = Limits()  # a build's limits; the benchmark and tests may set others

@dataclass(frozen=True)
class RenderedPdf:
    path: str
    data: bytes = field(repr=False)
    pages: int
    size: int
    title: str
    kind: str
    description: str = ""
    from_cache: bool = field(default=False, compare=False)

    @property
    def summary(self) -> str:
        """Format, size and length for a download link: "PDF, 120 KB, 18 pages", in the
        language of the page showing it."""
        # Translators: a PDF's size and length in a download link: "PDF, 120 KB, 18 pages".
        return ngettext("PDF, %(size)s, %(num)d page", "PDF, %(size)s, %(num)d pages",
                        self.pages) % {"size": human_size(self.size), "num": self.pages}


def rendered_pdfs(inputs: BuildInputs) -> dict[str, RenderedPdf]:
    """Every PDF of this build by site path, rendered on the first call only."""
    if not inputs.pdf or inputs.templates is None:
        return {}
    return inputs.computed(_render_all)


def _render_all(inputs: BuildInputs) -> dict[str, RenderedPdf]:
    return render_documents(inputs, all_documents(inputs))


def cache_folder(inputs: BuildInputs) -> Path | None:
    """Where finished PDFs are kept between builds; None (no cache) for `THIN_CACHE=0`,
    which turns the content cache off too."""
    if os.environ.get(CACHE_ENV) == "0":
        return None
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]) / "pdf"
    return inputs.root / ".thin-cache" / "pdf" if inputs.root is not None else None


def render_documents(inputs: BuildInputs, documents: tuple[PrintDocument, ...] | list,
                     limits: Limits | None = None) -> dict[str, RenderedPdf]:
    """Render `documents`, from the cache where nothing they use has changed."""
    limits = limits or LIMITS
    assert inputs.templates is not None, "the PDF step needs the templates folder"
    from .fetcher import asset_digest, site_folders  # WeasyPrint's: see `cache.cache_key`

    env = make_environment(inputs.templates)
    folders = site_folders(inputs.templates, inputs.root)
    cache = PdfCache(cache_folder(inputs))
    done: dict[str, RenderedPdf] = {}
    jobs: list[tuple[PrintDocument, str, str]] = []
    for document in documents:
        html = document_html(env, inputs, document)
        if len(html) > limits.html_chars:
            raise _failure(document, f"its HTML is {len(html):,} characters, over the limit "
                                     f"of {limits.html_chars:,}; split it into smaller editions")
        key = cache_key(html, _options_text(document))
        entry = cache.get(key, lambda url: asset_digest(url, folders))
        if entry is not None:
            done[document.path] = _rendered(document, entry, from_cache=True)
        else:
            jobs.append((document, html, key))
    for (document, _, key), outcome in zip(jobs, _run(jobs, folders, limits)):
        if isinstance(outcome, str):
            raise _failure(document, outcome)
        entry, served = outcome
        cache.put(key, entry, {url: asset_digest(url, folders) for url in served})
        done[document.path] = _rendered(document, entry)
    return {path: done[path] for path in sorted(done)}


def document_html(env, inputs: BuildInputs, document: PrintDocument) -> str:
    """The document's HTML: its template with `data` and `document` (the frame's values)."""
    site = inputs.catalogue.site
    frame = {"title": document.title, "lang": document.lang, "path": document.path,
             "stylesheets": document.stylesheets, "site_title": site.title,
             "date": inputs.today.isoformat(), "date_text": human_date(inputs.today),
             "base_url": site.base_url}

    def absolute(path: str) -> str:
        return site.base_url.rstrip("/") + core_urls.localised(path)

    # A link in a printed document only works as a full address, so `url` (what the
    # site's own templates and macros call) is the absolute one here.
    return env.get_template(document.template).render(
        document=frame, absolute=absolute, url=absolute, **document.data)


def _rendered(document: PrintDocument, entry: Entry, from_cache: bool = False) -> RenderedPdf:
    return RenderedPdf(document.path, entry.data, entry.pages, len(entry.data), document.title,
                       document.kind, document.description, from_cache)


def _failure(document: PrintDocument, reason: str) -> ContentError:
    return ContentError([Problem("pdf-failed", f"{document.path} could not be made: {reason}",
                                 Location(f"templates/{document.template}"))])


def _options(document: PrintDocument) -> dict:
    identifier = hashlib.sha256(document.path.encode("utf-8")).hexdigest()[:32]
    return {"pdf_identifier": identifier.encode("ascii"), "pdf_tags": True,
            "custom_metadata": False, "full_fonts": False}


def _options_text(document: PrintDocument) -> str:
    return repr(sorted(_options(document).items()))


def _run(jobs, folders, limits: Limits) -> list:
    """Each job's (Entry, served URLs) or failure text, in job order, across cores.

    The worker's own alarm enforces the time limit; a worker that dies (killed for
    memory, say) breaks the pool, which fails the documents still waiting. The longest
    HTML is started first, so the full directory renders while the other cores work
    through the editions and flyers, instead of starting last and running alone.
    """
    if not jobs:
        return []
    work = [(html, _options(document), folders, limits) for document, html, _ in jobs]
    workers = min(len(work), os.cpu_count() or 1)
    context = multiprocessing.get_context("fork")
    longest_first = sorted(range(len(work)), key=lambda index: -len(work[index][0]))
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        futures = {index: pool.submit(_render_one, work[index]) for index in longest_first}
        outcomes = []
        for index in range(len(work)):
            try:
                outcomes.append(futures[index].result())
            except BrokenProcessPool:
                outcomes.append("its worker process stopped (out of memory?)")
        return outcomes


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


def _render_one(job) -> tuple[Entry, set[str]] | str:
    """In a worker process: one HTML text to PDF bytes, within the limits."""
    from weasyprint import HTML

    from .fetcher import BASE_URL, ProjectFetcher, Refused

    html, options, folders, limits = job
    _page_references_once_per_page()
    fetcher = ProjectFetcher(folders)
    signal.signal(signal.SIGALRM, _alarm)
    # The alarm repeats every 0.1 s once due: a tick that lands inside one of the C
    # libraries' callbacks is swallowed there, and the next one lands in Python.
    signal.setitimer(signal.ITIMER_REAL, limits.seconds, 0.1)
    try:
        try:
            document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(**options)
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
    return Entry(data, len(document.pages)), fetcher.served
