"""Running build steps: each step's pages and files, rendered and written.

`run_language` is one language's pass of a full build: it forks the pass's worker
processes (`core.parallel`) once the language's layout exists and sends them every
step's pages. `run_step` runs one step into any sink with `write(rel, data)`, which is
how an incremental rebuild runs the steps a change touches (through `UnchangedSkipped`,
so a page whose plan is the one it last rendered there is not rendered again). Both
record what each step wrote (`StepOutput`) and the time spent in the step's own code
(`core.timings`).
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from time import perf_counter
from typing import Callable, Iterator, Mapping, Protocol

from . import render, urls
from .capability import Capability, Step
from .errors import BuildError
from .i18n import Language
from .parallel import PagePool, plan_bytes, plan_digest
from .plan import BuildInputs, PagePlan
from .registry import Registry
from .render import Frame, Layout
from .timings import Timings
from .write import OutputFile, OutputTree


@dataclass(frozen=True)
class StepOutput:
    """What one step wrote in one language's pass: the manifest an incremental rebuild
    keeps, to know which files to replace or remove when the step runs again."""

    step: str
    language: str
    files: tuple[str, ...]  # site-relative paths, pages and other files
    sitemap: tuple[str, ...]  # URLs of its pages listed in the sitemap
    pages: int
    # A `per` step's record (slug) each of `files` was made for, "" for none: so a
    # rebuild for one record replaces that record's files alone.
    owners: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()  # its language-neutral files, linked without a prefix


def run_language(tree: OutputTree, frame: Frame, layout: Layout, inputs: BuildInputs,
                 registry: Registry, language: Language, neutral: set[str], jobs: int,
                 clock: Timings, digests: dict[str, bytes] | None = None) -> list[StepOutput]:
    """One language's pass: every step's pages and files, under the language's prefix.

    Workers for the pass are forked here, once the language's layout exists. `render`
    is the pass's wall time outside the steps' own code: with workers, the time spent
    handing them pages and waiting for the last ones; so the stages add up to the total.
    `digests` collects the pages' plan digests (`page_writer`).
    """
    started, steps = perf_counter(), Timings()
    with page_writer(tree, page_renderer(frame, layout), jobs, digests,
                     pass_context(neutral, registry.neutral_sections)) as pages:
        outputs = [run_step(tree, frame, layout, inputs, capability, step, language,
                            neutral, pages=pages, clock=steps)
                   for capability in registry.capabilities for step in capability.steps]
        pages.finish()
    clock.merge(steps)
    clock.add("render", perf_counter() - started - steps.total())
    return outputs


def page_renderer(frame: Frame, layout: Layout) -> PageRenderer:
    """Pages in the current language's frame; a failure names its template's line."""
    folders = tuple(os.path.abspath(folder) for folder in frame.env.loader.searchpath)
    return PageRenderer(partial(render.render_page, frame.env, layout), folders)


@dataclass(frozen=True)
class PageRenderer:
    """One page plan to its text; any failure becomes a `BuildError` that says where."""

    render: Callable[[PagePlan], str]
    templates: tuple[str, ...]  # the folders templates come from, to name the failing line

    def __call__(self, url: str, plan: PagePlan) -> str:
        try:
            return self.render(plan)
        except Exception as exc:
            message = " ".join(str(exc).split())
            raise BuildError(f"{self._where(plan, exc)}: page {url} could not be rendered: "
                             f"{type(exc).__name__}: {message}") from exc

    def _where(self, plan: PagePlan, exc: Exception) -> str:
        """The template line that raised (Jinja puts templates' lines in tracebacks),
        else the page's own template."""
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            filename = os.path.abspath(frame.filename)
            for folder in self.templates:
                if filename.startswith(folder + os.sep):
                    return f"templates/{os.path.relpath(filename, folder)}:{frame.lineno}"
        return f"templates/{plan.template}"


class Pages(Protocol):
    """Where `steps.run_step` sends a step's pages and files."""

    def page(self, url: str, path: str, plan: PagePlan) -> None: ...
    def file(self, path: str, data: bytes | str) -> None: ...
    def finish(self) -> None: ...


class Sink(Protocol):
    def write(self, rel: str, data: bytes | str) -> None: ...


@dataclass(frozen=True)
class SerialPages:
    """Pages rendered in this process, one by one, into any sink with `write(rel, data)`
    (the output tree, or an incremental rebuild's collection of changed files)."""

    sink: Sink
    renderer: PageRenderer

    def page(self, url: str, path: str, plan: PagePlan) -> None:
        self.sink.write(path, self.renderer(url, plan))

    def file(self, path: str, data: bytes | str) -> None:
        self.sink.write(path, data)

    def finish(self) -> None:
        """Nothing waits: every page was written when it was given."""


def pass_context(neutral: set[str] | frozenset[str], sections: tuple[str, ...] = ()) -> bytes:
    """What a language pass's pages are rendered with besides their plans that an
    incremental rebuild may change, the files linked without a language prefix, as a
    digest: hashed with every plan, the list itself (thousands of names) cost more
    than the plan. Files in a language-neutral section are linked so whether or not
    they exist (`urls.is_neutral`), so they are left out: a new organisation's Open
    Referral document does not make every Bengali page render again."""
    kept = sorted(path for path in neutral if not urls.is_neutral("/" + path, frozenset(),
                                                                  sections))
    return hashlib.blake2b("\n".join(kept).encode(), digest_size=16).digest()


def digest_of(plan: PagePlan, context: bytes = b"") -> bytes | None:
    """A digest of everything in a plan and its `context`, or None when it cannot be
    serialised. Equal digests mean equal plans, and in an unchanged frame (templates,
    translations, menus) and context the same page bytes. Equal plans whose values are
    shared differently may differ: a render more."""
    try:
        return plan_digest(plan_bytes(plan), context)
    except (pickle.PicklingError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class UnchangedSkipped(SerialPages):
    """Serial pages that leave out a page whose plan digest is `known` for its path, as
    the page already there was rendered from an equal plan; the digests of the pages
    rendered go to `made`, to be known once their files are written. `context` is what
    else the pages are rendered with that an incremental rebuild may change."""

    known: Mapping[str, bytes] = field(default_factory=dict)
    made: dict[str, bytes] = field(default_factory=dict)
    context: bytes = b""

    def page(self, url: str, path: str, plan: PagePlan) -> None:
        digest = digest_of(plan, self.context)
        if digest is None or self.known.get(path) != digest:
            super().page(url, path, plan)
            if digest is not None:
                self.made[path] = digest


@contextmanager
def page_writer(sink: Sink, renderer: PageRenderer, jobs: int,
                digests: dict[str, bytes] | None = None,
                context: bytes = b"") -> Iterator[Pages]:
    """Worker processes for a full build's output tree when `jobs` > 1 and the system
    can fork; else this process alone. Leaving the block stops every worker, so a
    failed build's temporary folder is removed with nothing still writing into it.
    With `digests`, every page's plan digest in `context` goes there by its path, for
    the incremental rebuilds after this build (`UnchangedSkipped`)."""
    forks = "fork" in multiprocessing.get_all_start_methods()
    if jobs < 2 or not forks or not isinstance(sink, OutputTree):
        yield (SerialPages(sink, renderer) if digests is None
               else UnchangedSkipped(sink, renderer, made=digests, context=context))
        return
    pool = PagePool(sink, renderer, jobs, digests, context)
    try:
        yield pool
    except BaseException:
        pool.stop(now=True)
        raise
    pool.stop(now=False)


_END = object()  # the end of a step's output


def run_step(tree: OutputTree, frame: Frame, layout: Layout, inputs: BuildInputs,
             capability: Capability, step: Step, language: Language,
             neutral: set[str], *, pages: Pages | None = None,
             clock: Timings | None = None) -> StepOutput:
    """Run one step in the current language and write what it gives: pages rendered
    through the layout, files as they are.

    `tree` is any sink with `write(rel, data)`; pages go through `pages` when given (a
    full build's worker processes), else they are rendered here. The time spent inside
    the step's own code, not rendering, is added to `clock` as `step:<name>`.

    A language-neutral capability's files are written in the first (default) pass only,
    and remembered in `neutral` so the later passes link to them without a prefix.
    """
    pages = pages or SerialPages(tree, page_renderer(frame, layout))
    first = language == frame.languages[0]
    files: list[str] = []
    owners: list[str] = []
    shared: list[str] = []
    sitemap: list[str] = []
    count, planning = 0, 0.0
    made = iter(step.make(inputs))
    while True:
        start = perf_counter()
        item = next(made, _END)
        planning += perf_counter() - start
        if item is _END:
            break
        if isinstance(item, OutputFile):
            if not capability.language_neutral_files:
                path = urls.localised("/" + item.path).lstrip("/")
            elif first:
                neutral.add(item.path)
                shared.append(item.path)
                path = item.path
            else:
                continue
            pages.file(path, item.data)
            files.append(path)
            owners.append(inputs.current(step.per))
            continue
        url = urls.localised(item.url)
        path = urls.output_file(url)
        pages.page(url, path, item)
        files.append(path)
        owners.append(inputs.current(step.per))
        count += 1
        if item.in_sitemap:
            sitemap.append(url)
    if clock is not None:
        clock.add(f"step:{step.name}", planning)
    return StepOutput(step.name, language.code, tuple(files), tuple(sitemap), count,
                      tuple(owners), tuple(shared))
