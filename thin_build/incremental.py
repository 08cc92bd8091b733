"""Incremental rebuilds: after an edit, run again only the steps whose inputs changed.

A full build records what every (language, step) wrote and the hash of every input
file (`build_state.BuildState`). A rebuild turns the changed files into changed inputs
(records of a collection or terms of a taxonomy, with the fields that differ from
the last build's records; "media", "downloads", "history": `changes.Changes`), and
reruns each step whose `Step.reads` names one of them, field by field; a `per` step
that reads nothing changed of its collection's other records runs for the changed
records alone (`BuildInputs.only`). Everything is rendered in memory first, so a
problem leaves `site/` as it was; then only files whose bytes differ are replaced, and
files no longer made are removed. The result is the same bytes as a full build
(`tests/unit/test_incremental.py`). Changes no declaration can bound (site settings,
templates, catalogues, the code) rebuild everything.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter
from typing import Iterable

from . import build_state as saved
from .build import (
    DEFAULT_TEMPLATES,
    BuildResult,
    Prepared,
    build_prepared,
    caching,
    language_pass,
    prepare_build,
    resolve_today,
    run_step,
    shared_files,
)
from .build_state import BuildState, StepRecord
from .capabilities import PORTAL
from .changes import Changes, frame_changed, rerun_for, touches
from .core.catalogue import Catalogue
from .core.code_version import code_version
from .core.content_cache import Memory
from .core.load import MEDIA_DIR, collector_paused
from .core.memo import Memos
from .core.messages import TRANSLATIONS_DIR
from .core.registry import Registry
from .core.render import Frame
from .core.steps import UnchangedSkipped, page_renderer, pass_context
from .core.translate import Localisations
from .core.validate import Conversions
from .core.write import MemorySink, OutputCollision
from .site_changes import write_changes


@dataclass(frozen=True)
class RebuildReport:
    seconds: float
    steps_run: int  # (language, step) passes run, whole or for some records
    files_written: int
    files_removed: int
    full: bool  # it fell back to a full build…
    reason: str  # …because of this
    # "<language> <step name>" of the passes run whole, and of those run for some records.
    whole: tuple[str, ...] = ()
    partly: tuple[str, ...] = ()
    rendered: int = 0  # pages rendered again (the others' plans were unchanged)


class Rebuilder:
    """A site built once, then rebuilt after each change (`thin serve`,
    `thin build --incremental` with `persist`)."""

    def __init__(self, root: Path, out: Path | None = None, today: dt.date | None = None,
                 registry: Registry = PORTAL, pdf: bool = True, persist: bool = False,
                 jobs: int | None = None):
        self.root = Path(root).resolve()
        self.out = Path(out).resolve() if out is not None else self.root / "site"
        self.today, self.registry, self.pdf, self.persist = today, registry, pdf, persist
        self.jobs = jobs  # processes for a full build (`build_site`'s `jobs`)
        self.state: BuildState | None = saved.load_state(self.root) if persist else None
        self.pending: set[str] = set()  # changed files not yet rebuilt without a problem
        self.frame: Frame | None = None  # compiled templates, kept while they are unchanged
        # The last good build's records, to compare field by field; None from a saved state.
        self.catalogue: Catalogue | None = None
        # Page → the digest of the plan it was last rendered from (`core.steps.UnchangedSkipped`).
        self.digests: dict[str, bytes] = {}
        # Other file → the digest of its bytes as last written (`site_changes.write_changes`).
        self.file_digests: dict[str, bytes] = {}
        # The last build's decoded files and conversions: only changed files' done again.
        self.memory: Memory = {}
        self.conversions = Conversions()
        self.localisations: Localisations = {}  # unchanged records keep their localised form
        self.memos = Memos(lasting=True)  # and the values worked out from them (`core.memo`)

    def build(self) -> BuildResult:
        """A full build; raises ContentError (and leaves `site/` as it was) on problems."""
        inputs = self._hashes()
        with caching(self.root, memory=self.memory) as contents:
            prep = self._prepare(contents)
        return self._full(prep, inputs, saved.git_head(self.root))

    def rebuild(self, changed: Iterable[str | Path] | None = None) -> RebuildReport:
        """Rebuild after `changed` files (paths, absolute or repository-relative; None:
        find them by their hashes). Raises ContentError like `build`, and keeps the
        changes to try again with the next call."""
        started, state = perf_counter(), self.state
        reason = self._unusable(state)
        inputs = self._hashes(None if reason or changed is None
                              else [*changed, *self.pending])
        head, touched = saved.git_head(self.root), set()
        if reason is None:
            touched = {key for key in inputs.keys() | state.inputs.keys()
                       if inputs.get(key) != state.inputs.get(key)} | self.pending
            reason = self._full_reason(touched)
            if not touched and head == state.head:
                return RebuildReport(perf_counter() - started, 0, 0, 0, False, "no changes")
        self.pending |= touched
        with collector_paused(), caching(self.root, memory=self.memory) as contents:
            prep = self._prepare(contents, None if reason else self.frame)
        if reason is None:
            with collector_paused():
                changes = self._changes(prep, touched, head)
            reason = changes if isinstance(changes, str) else frame_changed(self.registry,
                                                                           changes)
        if reason is not None:
            self.memos.clear()  # what changed is not known: keep nothing
            result = self._full(prep, inputs, head)
            return RebuildReport(perf_counter() - started, len(result.steps), result.files, 0,
                                 True, reason)
        self.memos.forget(lambda reads: touches(reads, changes, prep.pdf))
        with collector_paused():
            report = self._apply(prep, changes, inputs, head, started)
        self.pending = set()
        return report

    def _prepare(self, contents, frame: Frame | None = None) -> Prepared:
        prep = prepare_build(self.root, self.out, self.today, self.registry, pdf=self.pdf,
                             cache=contents, frame=frame, reuse=self.conversions,
                             localisations=self.localisations, memos=self.memos)
        self.frame = prep.frame
        return prep

    def _hashes(self, changed: Iterable[str | Path] | None = None) -> dict[str, str]:
        """Every input file's hash; with `changed`, only those files hashed again."""
        templates = self.root / "templates"
        roots = saved.input_roots(self.root, self.registry, templates if templates.is_dir()
                                  else DEFAULT_TEMPLATES)
        if changed is None:
            return saved.hash_inputs(self.root, roots)
        found = dict(self.state.inputs)
        for item in changed:
            path = Path(item) if Path(item).is_absolute() else self.root / item
            if not any(path == top or top in path.parents for top in roots):
                continue
            key = saved.input_key(self.root, path)
            for old in [k for k in found if k == key or k.startswith(key + "/")]:
                del found[old]
            found |= saved.hash_inputs(self.root, [path])
        return found

    def _unusable(self, state: BuildState | None) -> str | None:
        if state is None:
            return "no earlier build to start from"
        for what, now, then in (("code", code_version(), state.code),
                                ("date", resolve_today(self.today).isoformat(), state.today),
                                ("output folder", str(self.out), state.out),
                                ("PDF setting", self.pdf, state.pdf)):
            if now != then:
                return f"the {what} changed"
        if not self.out.is_dir():
            return "the output folder is missing"
        return None

    def _full_reason(self, touched: set[str]) -> str | None:
        """Why these changed files need a full build, or None."""
        for key in sorted(touched):
            if key == "content/site.yaml":
                return "content/site.yaml changed"
            if key.split("/", 1)[0] == TRANSLATIONS_DIR:
                return f"a translation changed: {key}"
            if key.startswith(("templates/", "/")):
                return f"a template changed: {key}"
        return None

    def _changes(self, prep: Prepared, touched: set[str], head: str) -> Changes | str:
        """The inputs the changed files touched, or why that cannot be known."""
        state, now = self.state, saved.record_files(prep)
        names: set[str] = set() if head == state.head else {"history"}
        records: dict[str, set[str]] = {}
        singles = {kind.collection for kind in self.registry.kinds if kind.single}
        singles |= {tax.name for tax in self.registry.taxonomies}
        downloads = set(prep.catalogue.downloads) | set(state.files)
        files_folders = {f"{s.path}/{s.files}" for _k, s in self.registry.sources() if s.files}
        terms = {tax.name for tax in self.registry.taxonomies}
        for key in touched:
            owners = {owner for owner in (state.records.get(key), now.get(key)) if owner}
            for collection, slug in owners:
                if collection in terms and self.catalogue is not None:  # every term
                    records.setdefault(collection, set()).update(
                        r.slug for cat in (self.catalogue, prep.catalogue)
                        for r in cat.collections.get(collection, ()))
                elif collection in singles:
                    names.add(collection)
                else:
                    records.setdefault(collection, set()).add(slug)
            if owners:
                continue
            if key.startswith(MEDIA_DIR + "/"):
                names.add("media")
            elif key in downloads or any(key.startswith(f + "/") for f in files_folders):
                names.add("downloads")
            else:
                return f"{key} changed, and no record holds it"
        changes = Changes(names, records, touched)
        changes.compare(self.catalogue, prep.catalogue)
        return changes

    def _full(self, prep: Prepared, inputs: dict[str, str], head: str) -> BuildResult:
        digests: dict[str, bytes] = {}
        file_digests: dict[str, bytes] = {}
        result = build_prepared(prep, jobs=self.jobs, digests=digests, file_digests=file_digests)
        steps = {f"{o.language} {o.step}": saved.step_record(o) for o in result.steps}
        in_steps = {path for step in steps.values() for path in step.files()}
        files = sorted({rel for rel, _data in shared_files(prep, [])} - in_steps)
        self._remember(BuildState(code_version(), prep.today.isoformat(), str(self.out),
                                  self.pdf, head, inputs, saved.record_files(prep), steps, files),
                       prep.catalogue)
        self.pending, self.digests, self.file_digests = set(), digests, file_digests
        return result

    def _remember(self, state: BuildState, catalogue: Catalogue) -> None:
        self.state, self.catalogue = state, catalogue
        if self.persist:
            saved.save_state(self.root, state)

    def _apply(self, prep: Prepared, changes: Changes, inputs: dict[str, str], head: str,
               started: float) -> RebuildReport:
        """Run the affected steps into memory, then write what differs."""
        state, sink = self.state, MemorySink()
        steps: dict[str, StepRecord] = {}
        neutral, whole, partly, made = set(prep.neutral), [], [], {}
        for language in prep.languages:
            with language_pass(prep, language, neutral) as (inputs_now, layout):
                pages = UnchangedSkipped(sink, page_renderer(prep.frame, layout),
                                         self.digests, made,
                                         pass_context(neutral, self.registry.neutral_sections))
                for capability in self.registry.capabilities:
                    for step in capability.steps:
                        key = f"{language.code} {step.name}"
                        old, only = state.steps.get(key), rerun_for(step, changes, prep.pdf)
                        if old is not None and only == {}:
                            steps[key] = old
                        else:
                            partial = (inputs_now if old is None or only is None else
                                       dataclasses.replace(inputs_now, only=only,
                                                           _computed={}, _current={}))
                            output = run_step(sink, prep.frame, layout, partial, capability,
                                              step, language, neutral, pages=pages)
                            steps[key] = saved.merged(old, saved.step_record(output), only)
                            (whole if old is None or only is None else partly).append(key)
                        neutral |= set(steps[key].shared)
        prep.memos.finish()
        sitemap = [url for step in steps.values() for url in step.sitemap()]
        in_steps = {path for step in steps.values() for path in step.files()}
        copies: dict[str, Path] = {}
        for rel, data in shared_files(prep, sitemap):
            if rel in in_steps:
                raise OutputCollision(f"two parts of the build both write {rel}")
            if not isinstance(data, Path):
                sink.write(rel, data)
            elif rel not in state.files or saved.input_key(self.root, data) in changes.files:
                copies[rel] = data
        files = sorted({rel for rel, _data in shared_files(prep, [])})
        gone = state.outputs() - in_steps - set(files)
        try:
            written, removed = write_changes(self.out, sink, copies, gone, self.file_digests)
        except BaseException:  # some pages may be written, others not: trust none
            self.digests, self.file_digests = {}, {}
            raise
        self.digests = {path: digest for path, digest in (self.digests | made).items()
                        if path not in gone}
        self._remember(BuildState(state.code, state.today, state.out, state.pdf, head, inputs,
                                  saved.record_files(prep), steps, files), prep.catalogue)
        return RebuildReport(perf_counter() - started, len(whole) + len(partly), written,
                             removed, False, "", tuple(whole), tuple(partly), len(made))
