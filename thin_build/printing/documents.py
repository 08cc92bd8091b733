"""What a printable document is: a site path, a template and plain data.

Every PDF of the portal (the full directory, the editions, flyers, calendar, evidence summary) is
described as a `PrintDocument` by a source function `(inputs) -> Iterable[PrintDocument]`
contributed to the `DOCUMENTS` extension point, so the engine renders them all in one
pool and the /print/ page lists them all without knowing who made them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ..core.i18n import current_language
from ..core.plan import BuildInputs
from ..core.translate import default_language

# Extension point: `(inputs) -> Iterable[PrintDocument]`, in registry order.
DOCUMENTS = "printing.documents"

# The print stylesheet every document gets, as a site URL (see `engine.fetcher`).
PRINT_CSS = "/print-styles/print.css"
# The directory's layout, which every edition of it shares.
DIRECTORY_TEMPLATE = "printing/directory.html"


def in_default_language(inputs: BuildInputs) -> bool:
    """Whether this pass builds the site's own language (the one content is written in).

    Every document is made in that language; another language's pass makes only the
    documents translated for it (see `directory_pdf`), so the PDF step does not run
    several times over for text that would mostly stay in the original language.
    """
    return current_language().code == default_language(inputs.catalogue.site)


def _pass_language() -> str:
    return current_language().code


@dataclass(frozen=True)
class PrintDocument:
    """One PDF to render.

    `path` is where it is published ("print/directory.pdf"); `template` a Jinja template
    under templates/ that extends "printing/_document.html" and receives `data` (plain
    values, as a page's template does) plus `document` (this object's title, lang,
    path, and the build date). `kind` groups documents on /print/ ("directory",
    "ward", "need", "large-print", "flyer", "calendar"); `group_order` sorts kinds there.
    """

    path: str
    template: str
    title: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    # A document is in the language of the pass that describes it (`<html lang>`, the
    # PDF's /Lang, and which font comes first).
    lang: str = field(default_factory=_pass_language)
    description: str = ""
    stylesheets: tuple[str, ...] = (PRINT_CSS,)
    # The directory's layout (its template takes `part`): rendered as parts on all cores
    # and joined (`parts.py`); any other document is laid out whole.
    in_parts: bool = False


DocumentSource = Callable[[BuildInputs], Iterable[PrintDocument]]


def all_documents(inputs: BuildInputs) -> tuple[PrintDocument, ...]:
    """Every document the build's capabilities contribute, sorted by path.

    Two sources naming the same path is a bug, refused here rather than overwritten.
    """
    documents: dict[str, PrintDocument] = {}
    for source in inputs.contributed(DOCUMENTS):
        for document in source(inputs):
            if document.path in documents:
                raise ValueError(f"two printable documents are both published as {document.path}")
            documents[document.path] = document
    return tuple(documents[path] for path in sorted(documents))
