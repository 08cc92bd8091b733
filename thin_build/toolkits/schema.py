"""Toolkits (`toolkits/<slug>.md`, files in `toolkits/files/`) and regional links, declared once."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..core.capability import Kind, Source
from ..core.declare import Field, ListOf, Record, example_of, refs_field, text_field
from ..core.downloads import DownloadPath
from ..core.fields import Choice, Date, Markdown, Ref, Url, taxonomy_path
from . import model

FILES_FOLDER = "toolkits/files"
# A toolkit's file is a few pages; larger files are slow on a phone and belong elsewhere.
MAX_TOOLKIT_FILE_BYTES = 10 * 1024 * 1024

TOOLKIT_FILE = Record(model.ToolkitFile, (
    Field("file", DownloadPath(FILES_FOLDER, max_bytes=MAX_TOOLKIT_FILE_BYTES),
          "the file, kept in toolkits/files/", "our-policy.pdf", required=True),
    text_field("label", "what the file is, shown on its download link", "The policy template",
               required=True, max_length=80),
), "a file to download and its label", translatable=("label",))

TOOLKIT = Record(model.Toolkit, (
    text_field("title", "the toolkit's name", "Safeguarding policy template", required=True,
               max_length=120),
    Field("type", Choice(model.TOOLKIT_TYPES), "what kind of material it is", "template",
          required=True),
    refs_field("topics", "needs", "the support needs it helps with", ["safeguarding"],
               required=True, min_items=1),
    refs_field("stages", "stages", "stages of development it suits; leave out if it "
               "suits every stage", ["stage-1", "stage-2"]),
    Field("author", Ref("providers", "providers/"), "the support provider that wrote it and "
          "keeps it up to date", "example-hub", required=True),
    text_field("licence", "how others may use it", "Free to copy and adapt (CC BY 4.0)",
               required=True, max_length=120),
    Field("last_reviewed", Date(), "when the author last checked it was right; not in the "
          "future", "2026-09-01", required=True),
    Field("files", ListOf(TOOLKIT_FILE, min_items=1, max_items=10), "files to download; give "
          "this, `link`, or both", [example_of(TOOLKIT_FILE)]),
    Field("link", Url(https_only=True), "where the material is published elsewhere "
          "(https only)", "https://resources.example.org/safeguarding"),
    Field("body", Markdown(), "the text after the front matter: what it covers and how to use "
          "it", "A template policy to adapt, with notes on each section."),
), "a toolkit", translatable=("title", "body"))

REGIONAL_LINK = Record(model.RegionalLink, (
    text_field("name", "the organisation or programme", "Example Regional Advice Network",
               required=True, max_length=120),
    text_field("offer", "what they offer, in a sentence", "Free advice on leases for "
               "community groups.", required=True, max_length=300, multiline=True),
    Field("url", Url(https_only=True), "their web site (https only)",
          "https://advice.example.org/", required=True),
    Field("area", Choice(model.AREAS), "where they work", "london", required=True),
    refs_field("topics", "needs", "the support needs they help with", ["premises"],
               min_items=1, required=True),
), "a regional, London or national support link")

LINKS = Record(model.RegionalLinks, (
    Field("links", ListOf(REGIONAL_LINK, max_items=500), "one entry per organisation or "
          "programme", [example_of(REGIONAL_LINK)], required=True),
), "regional and national support links")


def _new_toolkit(today: dt.date, root: Path) -> dict[str, Any]:
    """Reviewed today, by the first provider, on the first need, with a link to replace
    until files are added: a skeleton that validates in any repository."""
    authors = sorted(p.stem for p in (root / "providers").glob("*.md"))
    needs = root / taxonomy_path("needs")
    first_need = re.search(r"^- slug: *([a-z0-9-]+)", needs.read_text("utf-8"), re.M) \
        if needs.is_file() else None
    return ({"last_reviewed": today.isoformat(), "link": "https://resources.example.org/"}
            | ({"author": authors[0]} if authors else {})
            | ({"topics": [first_need[1]]} if first_need else {}))


KINDS = (
    Kind("toolkit", Source("toolkits", (".md",), required=False, files="files"), TOOLKIT,
         "toolkits", "toolkits/<slug>.md", reserved_slugs=frozenset({"files", "topic", "type",
                                                                     "stage"}),
         new_values=_new_toolkit),
    Kind("links", Source("content/links.yaml", (".yaml",), single_file=True, required=False),
         LINKS, "regional_links", "content/links.yaml", default=model.RegionalLinks()),
)
