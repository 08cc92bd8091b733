"""The open data step: every table's files, the import templates, and the `/data/` page.

The page is planned after the files are made, from their bytes, so the sizes it
shows are the sizes served, and its column lists come from the same `Column`s that
wrote the files, so every column written is documented.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..core.catalogue import Catalogue
from ..core.filetypes import human_size
from ..core.i18n import current_language
from ..core.i18n import gettext as _
from ..core.plan import BuildInputs, PagePlan
from ..core.present import Link
from ..core.write import OutputFile
from . import urls
from .columns import FLATTENING, import_template
from .csv_format import RULES
from .tables import IMPORT_KINDS, TABLES, Written, write_table

FORMATS = {"csv": "CSV", "json": "JSON", "jsonl": "JSON Lines"}


@dataclass(frozen=True)
class FileLink:
    """A download link as the page shows it: format, address and size."""

    format: str
    url: str
    size: str
    bytes: int


@dataclass(frozen=True)
class ColumnDoc:
    """A column's documentation: its meaning is the field's own description, written in
    English in the schema (the content guide's words), so `lang` says so on other pages."""

    name: str
    meaning: str
    example: str
    lang: str | None = None


@dataclass(frozen=True)
class Download:
    """One table on the page: its files and its documented columns."""

    name: str
    title: str
    row_is: str
    count: int
    files: tuple[FileLink, ...]
    columns: tuple[ColumnDoc, ...]


def data_files(inputs: BuildInputs) -> Iterator[PagePlan | OutputFile]:
    """The files, in the site's language in every pass (a later pass writes none of them,
    and its page gives their sizes), and the page in the pass's own language."""
    cat = inputs.site_language_catalogue
    downloads = []
    for table in TABLES:
        written = write_table(table, cat, inputs.kept(table.row_memo))
        for extension, data in written.files.items():
            yield OutputFile(urls.table_file(table.name, extension).lstrip("/"), data)
        downloads.append(_download(written))
    templates = []
    for table, kind in IMPORT_KINDS.items():
        data = import_template(kind).encode("utf-8")
        url = urls.import_template(table)
        yield OutputFile(url.lstrip("/"), data)
        templates.append((next(_(t.title) for t in TABLES if t.name == table),
                          FileLink("CSV", url, human_size(len(data)), len(data))))
    yield data_page(inputs.catalogue, tuple(downloads), tuple(templates))


def _download(written: Written) -> Download:
    table = written.table
    files = tuple(FileLink(FORMATS[ext], urls.table_file(table.name, ext),
                           human_size(len(data)), len(data))
                  for ext, data in written.files.items())
    lang = None if current_language().code == "en" else "en"
    docs = tuple(ColumnDoc(col.name, col.meaning, col.example, lang) for col in table.columns)
    return Download(table.name, _(table.title), _(table.row_is), written.count, files, docs)


def data_page(cat: Catalogue, downloads: tuple[Download, ...],
              templates: tuple[tuple[str, FileLink], ...]) -> PagePlan:
    licence = cat.site.data_licence
    return PagePlan(urls.data(), "opendata/data.html", _("Open data"),
                    _("Everything in the %(site)s directory as spreadsheets (CSV) and JSON, "
                      "free to reuse, with every column explained.") % {"site": cat.site.title},
                    {"downloads": downloads, "templates": templates,
                     "licence": Link(licence.name, licence.url),
                     "csv_rules": tuple(_(rule) for rule in RULES),
                     "flattening": tuple(_(rule) for rule in FLATTENING)})


def footer_link(_cat: Catalogue) -> tuple[Link, ...]:
    return (Link(_("Open data"), urls.data()),)
