"""The build steps, in one list: each turns the validated catalogue into pages or files.

A new capability (search, referral, calendar…) adds one module with one function
`(BuildInputs) -> Iterable[PagePlan | OutputFile]` and one line here; `build.py`
renders the plans, writes the files and lists every page in the sitemap.
"""
from __future__ import annotations

from typing import Callable, Iterable

from . import model
from .agenda_pages import calendar_files, calendar_pages, notice_board
from .guide import json_schemas
from .pages import BuildInputs, PagePlan, plan_site
from .referral_pages import referral_outputs
from .search import search_outputs
from .write import OutputFile

Step = Callable[[BuildInputs], Iterable[PagePlan | OutputFile]]


def directory_pages(inputs: BuildInputs) -> Iterable[PagePlan]:
    return plan_site(inputs.catalogue, inputs.directory, inputs.today)


def published_schemas(inputs: BuildInputs) -> Iterable[OutputFile]:
    """JSON Schemas whose references list this site's real slugs, for editors."""
    cat = inputs.catalogue
    refs = {name: [t.slug for t in getattr(cat, name)] for name in model.TAXONOMIES}
    refs["providers"] = [p.slug for p in cat.providers]
    for name, text in json_schemas(refs).items():
        yield OutputFile(f"schemas/{name}", text)


STEPS: tuple[Step, ...] = (
    directory_pages,
    published_schemas,
    search_outputs,
    referral_outputs,
    calendar_pages,
    calendar_files,
    notice_board,
)
