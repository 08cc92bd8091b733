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
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
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
from .join import JoinError
from .parts import PLACEHOLDER, Split
from .worker import Rendered, render_one

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
    jobs: list[tuple[PrintDocument, _Whole | Split]] = []
    keys: list[str] = []
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
            jobs.append((document, _task(env, inputs, document, html)))
            keys.append(key)
    for (document, task), key, failure in zip(jobs, keys, _run(jobs, folders, limits)):
        if failure is None and len(task.entry.data) > limits.pdf_bytes:
            failure = (f"the PDF is {human_size(len(task.entry.data))}, over the limit of "
                       f"{human_size(limits.pdf_bytes)}")
        if failure is not None:
            raise _failure(document, failure)
        cache.put(key, task.entry, {url: asset_digest(url, folders) for url in task.served})
        done[document.path] = _rendered(document, task.entry)
    return {path: done[path] for path in sorted(done)}


def document_html(env, inputs: BuildInputs, document: PrintDocument, part: dict | None = None,
                  page_of=None) -> str:
    """The document's HTML: its template with `data` and `document` (the frame's values).

    A document rendered in parts (`parts.py`) also gets which `part` (by default the
    whole text, what the cache keys on) and `page_of(anchor)`, its page number as text.
    """
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
        document=frame, absolute=absolute, url=absolute, part=part or {"kind": "all"},
        page_of=page_of or (lambda anchor: PLACEHOLDER), **document.data)


def _rendered(document: PrintDocument, entry: Entry, from_cache: bool = False) -> RenderedPdf:
    return RenderedPdf(document.path, entry.data, entry.pages, len(entry.data), document.title,
                       document.kind, document.description, from_cache)


def _failure(document: PrintDocument, reason: str) -> ContentError:
    return ContentError([Problem("pdf-failed", f"{document.path} could not be made: {reason}",
                                 Location(f"templates/{document.template}"))])


def _options(document: PrintDocument, tagged: bool = True) -> dict:
    """WeasyPrint's options. A document made in parts is PDF/UA-1 (tags, PDF 1.7 and the
    XMP packet that claims it, which the join keeps); its footers are drawing only."""
    identifier = hashlib.sha256(document.path.encode("utf-8")).hexdigest()[:32]
    variant = {"pdf_variant": "pdf/ua-1"} if document.in_parts and tagged else {}
    return {"pdf_identifier": identifier.encode("ascii"), "pdf_tags": tagged,
            "custom_metadata": False, "full_fonts": False, **variant}


def _options_text(document: PrintDocument) -> str:
    return repr(sorted(_options(document).items()))


class _Whole:
    """A document laid out as one: one job, its PDF as it comes."""

    def __init__(self, html: str):
        self.html, self.entry, self.served = html, None, set()

    def start(self) -> list[tuple[str, bool]]:
        return [(self.html, True)]

    def advance(self, results: list[Rendered]) -> list:
        (result,) = results
        self.entry, self.served = Entry(result.data, result.pages), set(result.served)
        return []


def _task(env, inputs: BuildInputs, document: PrintDocument, html: str):
    """How `document` is rendered: in parts and joined (the directory's layout), or whole."""
    if not document.in_parts:
        return _Whole(html)
    return Split(lambda part, page_of: document_html(env, inputs, document, part, page_of),
                 document.data, _options(document)["pdf_identifier"])


def _longest_first(jobs: list[tuple[str, bool]]) -> list[int]:
    """The jobs' slots, longest HTML first: the pool takes jobs in the order submitted,
    and a phase ends with its last job, so the long ones go first (a short front last,
    beside the footers, rather than ahead of one)."""
    return sorted(range(len(jobs)), key=lambda slot: -len(jobs[slot][0]))


def _run(jobs: list, folders, limits: Limits) -> list[str | None]:
    """Run every (document, task)'s phases across cores; each one's failure text, or None.

    A task's next phase is submitted as soon as its last one is done, so the phases of
    one document interleave with the others'. The worker's own alarm enforces the time
    limit; a worker that dies (killed for memory, say) breaks the pool, which fails the
    documents still waiting. The longest HTML is started first, so the full directory's
    parts render while the other cores work through the editions and flyers.
    """
    documents, tasks = [document for document, _ in jobs], [task for _, task in jobs]
    failures: list[str | None] = [None] * len(tasks)
    if not tasks:
        return failures
    starts = [task.start() for task in tasks]
    results: list[list] = [[None] * len(first) for first in starts]
    context = multiprocessing.get_context("fork")
    order = sorted(((index, slot) for index, first in enumerate(starts)
                    for slot in range(len(first))), key=lambda key: -len(starts[key[0]][key[1]][0]))
    workers = min(len(order), os.cpu_count() or 1)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        def submit(index: int, slot: int, job: tuple[str, bool]):
            html, tagged = job
            options = _options(documents[index], tagged)
            return pool.submit(render_one, (html, options, folders, limits)), (index, slot)

        pending = dict(submit(index, slot, starts[index][slot]) for index, slot in order)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=lambda f: pending[f]):
                index, slot = pending.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = "its worker process stopped (out of memory?)"
                if failures[index] is not None:
                    continue
                if isinstance(outcome, str):
                    failures[index] = outcome
                    continue
                results[index][slot] = outcome
                if all(result is not None for result in results[index]):
                    try:
                        following = tasks[index].advance(results[index])
                        results[index] = [None] * len(following)
                        pending.update(submit(index, slot, following[slot])
                                       for slot in _longest_first(following))
                    except (JoinError, BrokenProcessPool) as error:
                        failures[index] = str(error) or "its worker process stopped"
    return failures
