"""Running one build step and recording what it reads, for `test_step_reads.py`.

A `Step` declares the inputs its output depends on (`Step.reads`); an incremental
rebuild trusts the declaration, so a test must catch one that leaves something out.
`run_recorded` gives the step a catalogue that notes every collection, single and
setting read through it (attributes, `lookup`, `lookup_many`, `slugs`, `collections`,
`singles`, `site`, `media`, `downloads`) and inputs that note `today`, the repository
folder (`root`: files beyond the catalogue, or its git history) and every `git` run.

A collection's records are handed out as recording copies (`recording_record`: the
record's own class, subclassed) that note each field read, `"orgs.name"`; taking the
whole collection, or a look-up that fails, notes which records there are,
`"orgs.slug"`; a look-up that finds its record does not (its slug came from a field or
a setting, itself an input). A record put into a page's data whole is noted as
`"orgs.*"`, which only a bare `"orgs"` declares, since its template may read any field. For a step declaring `PDFS`, what the PDF engine reads
(`inputs.computed` of `thin_build.printing.engine`) is noted as `"pdfs"` instead.
Each run gets fresh inputs, so what the shared indexes (`derived`) and whole-build
results (`computed`) read is charged to every step that uses them, as it must be: the
step's output depends on it.

Records read through `inputs.each` are not charged: that is the step's `per`
collection, and nor is any field of the record `each` is on (its own record, however
the step reached it). Each item the step gives is attributed to the record `each` gave
last, which is how an incremental rebuild attributes a per-record step's output.
"""
from __future__ import annotations

import dataclasses
import subprocess
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping

from thin_build.core.capability import PDFS, Step
from thin_build.core.catalogue import Catalogue
from thin_build.core.plan import BuildInputs, PagePlan
from thin_build.core.write import OutputFile

# Catalogue attributes that are inputs by themselves rather than collections.
SETTINGS = ("site", "media", "downloads")
PDF_ENGINE = "thin_build.printing.engine"  # its `computed` results are the PDFs
ALL_FIELDS = "*"  # "orgs.*": a whole record went into a page's data


@dataclass
class Recorder:
    """What one run of a step read, and the record `each` gave last."""

    reads: set[str] = field(default_factory=set)
    current: tuple[str, str] | None = None  # (collection, slug) `each` gave last
    quiet: int = 0  # > 0 while `each` reads its collection, or the PDFs are made
    pdfs: bool = False  # the step declares PDFS: the PDF engine's reads are "pdfs"

    def note(self, name: str) -> None:
        if not self.quiet:
            self.reads.add(name)

    def note_field(self, collection: str, slug: str, name: str) -> None:
        """A field of a record; its own record's, for a `per` step, is not charged, nor
        is a slug (known from the look-up, or from taking the collection)."""
        if (collection, slug) != self.current and name != "slug":
            self.note(f"{collection}.{name}")


_CLASSES: dict[type, type] = {}  # a record class → its recording subclass
_RECORDING: set[type] = set()  # the recording subclasses


def _inner(value: Any) -> Any:
    return value.__dict__.get("_recorded", value) if type(value) in _RECORDING else value


def _recording_class(cls: type) -> type:
    """`cls` subclassed so that reading a field calls the instance's `_seen`. It is
    hashed by identity, so a memo keyed by records (`lru_cache`) never answers it with
    what another run read (and noted nothing), yet equal to the record it copies, so
    two runs' pages compare; comparing or showing it reads nothing."""
    if cls not in _CLASSES:
        names = frozenset(spec.name for spec in dataclasses.fields(cls))

        def __getattribute__(self, name: str) -> Any:
            if name in names:
                seen = object.__getattribute__(self, "__dict__").get("_seen")
                if seen is not None:
                    seen(name)
            return object.__getattribute__(self, name)

        _CLASSES[cls] = type(cls.__name__, (cls,), {
            "__getattribute__": __getattribute__, "__module__": cls.__module__,
            "__qualname__": cls.__qualname__,
            "__eq__": lambda self, other: _inner(self) == _inner(other),
            "__hash__": object.__hash__,
            "__repr__": lambda self: repr(_inner(self))})
        _RECORDING.add(_CLASSES[cls])
    return _CLASSES[cls]


def recording_record(record: Any, seen: Callable[[str], None]) -> Any:
    """A copy of `record` that calls `seen(field)` on each field read."""
    copy = object.__new__(_recording_class(type(record)))
    copy.__dict__.update(record.__dict__, _recorded=record, _seen=seen)
    return copy


def note_whole_records(value: Any, seen: set[int] | None = None) -> None:
    """Note every recording record inside a page's data as read whole."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, (str, bytes, int, float)) or value is None:
        return
    seen.add(id(value))
    if type(value) in _RECORDING:
        value.__dict__["_seen"](ALL_FIELDS)
    elif isinstance(value, Mapping):
        for item in value.values():
            note_whole_records(item, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            note_whole_records(item, seen)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            note_whole_records(getattr(value, spec.name), seen)


class RecordingMapping(Mapping[str, Any]):
    """`catalogue.collections` or `.singles`: a key read is a read of that input."""

    def __init__(self, names: Iterator[str], get: Callable[[str], Any]) -> None:
        self._names, self._get = tuple(names), get

    def __getitem__(self, name: str) -> Any:
        if name not in self._names:
            raise KeyError(name)
        return self._get(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


class RecordingCatalogue:
    """A stand-in for `Catalogue` that notes each input read through it."""

    def __init__(self, inner: Catalogue, recorder: Recorder) -> None:
        self._inner, self._recorder = inner, recorder
        self._records: dict[str, dict[str, Any]] = {}

    def _collection(self, name: str) -> dict[str, Any]:
        """A collection's recording records by slug, made once per run."""
        if name not in self._records:
            def seen_by(slug: str) -> Callable[[str], None]:
                return lambda field_name: self._recorder.note_field(name, slug, field_name)
            self._records[name] = {record.slug: recording_record(record, seen_by(record.slug))
                                   for record in self._inner.collections[name]}
        return self._records[name]

    def _get(self, name: str) -> Any:
        if name in self._inner.collections:
            self._recorder.note(f"{name}.slug")  # which records there are
            return tuple(self._collection(name).values())
        self._recorder.note(name)
        return getattr(self._inner, name)

    def __getattr__(self, name: str) -> Any:
        if name in self._inner.collections or name in self._inner.singles or name in SETTINGS:
            return self._get(name)
        if name in ("collections", "singles"):
            return RecordingMapping(iter(getattr(self._inner, name)), self._get)
        return getattr(self._inner, name)

    def lookup(self, collection: str, slug: str) -> Any:
        return self.lookup_many(collection, (slug,))[0]

    def lookup_many(self, collection: str, slugs) -> tuple[Any, ...]:
        """Records by slug; a slug that names none (which a step may catch) reads which
        records there are."""
        slugs = tuple(slugs)
        try:
            self._inner.lookup_many(collection, slugs)
        except KeyError:
            self._recorder.note(f"{collection}.slug")
            raise
        return tuple(self._collection(collection)[slug] for slug in slugs)

    def slugs(self) -> dict[str, list[str]]:
        for name in self._inner.collections:
            self._recorder.note(f"{name}.slug")
        return self._inner.slugs()


class RecordingInputs(BuildInputs):
    """Build inputs that note `today` and the repository folder, and track `each`."""

    def __getattribute__(self, name: str) -> Any:
        if name in ("today", "root"):
            object.__getattribute__(self, "_recorder").note(name)
        return object.__getattribute__(self, name)

    def computed(self, make):
        """With `PDFS` declared, the PDFs are one input, "pdfs", whatever they read."""
        recorder: Recorder = object.__getattribute__(self, "_recorder")
        if not recorder.pdfs or getattr(make, "__module__", "") != PDF_ENGINE:
            return super().computed(make)
        recorder.note(PDFS)
        recorder.quiet += 1
        try:
            return super().computed(make)
        finally:
            recorder.quiet -= 1

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
            if wanted is None or _inner(record).slug in wanted:
                recorder.current = (collection, _inner(record).slug)
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
    recorder = Recorder(pdfs=PDFS in step.reads)
    inputs = recording_inputs(base, recorder, only, shared)
    items = []
    with recording_git(recorder):
        for item in step.make(inputs):
            if isinstance(item, PagePlan):
                note_whole_records(item.data)
            items.append((recorder.current and recorder.current[1], item))
    return Run(frozenset(recorder.reads), tuple(items), inputs)
