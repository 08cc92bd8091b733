"""Running one build step and recording what it reads, for `test_step_reads.py`.

A `Step` declares the inputs its output depends on (`Step.reads`); an incremental
rebuild trusts the declaration, so a test must catch one that leaves something out.
`run_recorded` gives the step a catalogue that notes every collection, single and
setting read through it (attributes, `lookup`, `lookup_many`, `slugs`, `collections`,
`singles`, `site`, `media`, `downloads`) and inputs that note `today`, the repository
folder (`root`: files beyond the catalogue, or its git history) and every `git` run.
Each run gets fresh inputs, so what the shared indexes (`derived`) and whole-build
results (`computed`) read is charged to every step that uses them, as it must be: the
step's output depends on it.

Records read through `inputs.each` are not charged: that is the step's `per`
collection (and so is looking up the very record `each` is on). Each item the step gives is attributed to the record `each` gave last,
which is how an incremental rebuild attributes a per-record step's output.
"""
from __future__ import annotations

import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping

from thin_build.core.capability import Step
from thin_build.core.catalogue import Catalogue
from thin_build.core.plan import BuildInputs, PagePlan
from thin_build.core.write import OutputFile

# Catalogue attributes that are inputs by themselves rather than collections.
SETTINGS = ("site", "media", "downloads")


@dataclass
class Recorder:
    """What one run of a step read, and the record `each` gave last."""

    reads: set[str] = field(default_factory=set)
    current: tuple[str, str] | None = None  # (collection, slug) `each` gave last
    quiet: int = 0  # > 0 while `each` reads its collection

    def note(self, name: str) -> None:
        if not self.quiet:
            self.reads.add(name)

    def note_records(self, collection: str, slugs) -> None:
        """A look-up of the record `each` is on reads only that record, not the others."""
        if any((collection, slug) != self.current for slug in slugs):
            self.note(collection)


class RecordingMapping(Mapping[str, Any]):
    """`catalogue.collections` or `.singles`: a key read is a read of that input."""

    def __init__(self, inner: Mapping[str, Any], recorder: Recorder) -> None:
        self._inner, self._recorder = inner, recorder

    def __getitem__(self, name: str) -> Any:
        self._recorder.note(name)
        return self._inner[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._inner)

    def __len__(self) -> int:
        return len(self._inner)

    def items(self):  # every value is read
        for name in self._inner:
            self._recorder.note(name)
        return self._inner.items()

    def values(self):
        return [value for _name, value in self.items()]


class RecordingCatalogue:
    """A stand-in for `Catalogue` that notes each input read through it."""

    def __init__(self, inner: Catalogue, recorder: Recorder) -> None:
        self._inner, self._recorder = inner, recorder

    def __getattr__(self, name: str) -> Any:
        if name in self._inner.collections or name in self._inner.singles or name in SETTINGS:
            self._recorder.note(name)
            return getattr(self._inner, name)
        if name in ("collections", "singles"):
            return RecordingMapping(getattr(self._inner, name), self._recorder)
        return getattr(self._inner, name)

    def lookup(self, collection: str, slug: str) -> Any:
        self._recorder.note_records(collection, (slug,))
        return self._inner.lookup(collection, slug)

    def lookup_many(self, collection: str, slugs) -> tuple[Any, ...]:
        slugs = tuple(slugs)
        self._recorder.note_records(collection, slugs)
        return self._inner.lookup_many(collection, slugs)

    def slugs(self) -> dict[str, list[str]]:
        for name in self._inner.collections:
            self._recorder.note(name)
        return self._inner.slugs()


class RecordingInputs(BuildInputs):
    """Build inputs that note `today` and the repository folder, and track `each`."""

    def __getattribute__(self, name: str) -> Any:
        if name in ("today", "root"):
            object.__getattribute__(self, "_recorder").note(name)
        return object.__getattribute__(self, name)

    def each(self, collection: str) -> Iterator[Any]:
        recorder: Recorder = object.__getattribute__(self, "_recorder")
        only = self.only
        wanted = None if only is None else only.get(collection)
        recorder.quiet += 1
        try:
            records = getattr(self.catalogue, collection)
        finally:
            recorder.quiet -= 1
        for record in records:
            if wanted is None or record.slug in wanted:
                recorder.current = (collection, record.slug)
                yield record


def recording_inputs(base: BuildInputs, recorder: Recorder,
                     only: Mapping[str, frozenset[str]] | None = None,
                     shared: BuildInputs | None = None) -> RecordingInputs:
    """Fresh inputs like `base` over a recording catalogue; `shared` lends its computed
    indexes and results (a run whose reads are not being looked at)."""
    inputs = RecordingInputs(RecordingCatalogue(base.catalogue, recorder), base.today,
                             base.contributions, root=base.root, templates=base.templates,
                             pdf=base.pdf, only=only)
    object.__setattr__(inputs, "_recorder", recorder)
    if shared is not None:
        inputs._derived.update(shared._derived)
        inputs._computed.update(shared._computed)
    return inputs


@contextmanager
def recording_git(recorder: Recorder) -> Iterator[None]:
    """Note "history" whenever the step runs git (the evidence trends read its log)."""
    real_run, real_popen = subprocess.run, subprocess.Popen

    def noted(real):
        def call(args, *rest, **options):
            if isinstance(args, (list, tuple)) and args and str(args[0]).endswith("git"):
                recorder.note("history")
            return real(args, *rest, **options)
        return call

    subprocess.run, subprocess.Popen = noted(real_run), noted(real_popen)
    try:
        yield
    finally:
        subprocess.run, subprocess.Popen = real_run, real_popen


@dataclass(frozen=True)
class Run:
    """One run of a step: what it read and each item with the record it belongs to."""

    reads: frozenset[str]
    items: tuple[tuple[str | None, PagePlan | OutputFile], ...]
    inputs: BuildInputs


def run_recorded(step: Step, base: BuildInputs,
                 only: Mapping[str, frozenset[str]] | None = None,
                 shared: BuildInputs | None = None) -> Run:
    recorder = Recorder()
    inputs = recording_inputs(base, recorder, only, shared)
    items = []
    with recording_git(recorder):
        for item in step.make(inputs):
            items.append((recorder.current and recorder.current[1], item))
    return Run(frozenset(recorder.reads), tuple(items), inputs)
