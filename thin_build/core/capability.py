"""What a capability declares, so the core can load, check and build it without knowing it.

A capability (the directory, search, the calendar…) is a package whose `__init__.py`
defines one `Capability`: its kinds of file, its taxonomies, its checks, its build
steps and what it contributes to other capabilities' extension points. The registry
(`thin_build/capabilities.py`) lists them, one line each; the core reads only these
declarations and never imports a capability.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping

from .checking import Checking
from .declare import Record
from .errors import Problem
from .fields import taxonomy_path
from .plan import BuildInputs, PagePlan
from .write import OutputFile

Check = Callable[[Checking], Iterable[Problem]]
Make = Callable[[BuildInputs], Iterable[PagePlan | OutputFile]]
# Values `thin new` writes instead of the schema's examples: (today, repository) → values.
NewValues = Callable[[dt.date, Path], Mapping[str, Any]]


@dataclass(frozen=True)
class Companion:
    """A CSV table kept beside each record's file and read into one of its fields.

    `Companion("-results.csv", "results")` gives `surveys/a.yaml` the rows of
    `surveys/a-results.csv` as its field `results`: a list of rows (the header first),
    each a list of cells located at row:column, so a declaration converts and checks
    them like any other value. The table may not be written in the file itself.
    """

    suffix: str
    field: str


@dataclass(frozen=True)
class Source:
    """A place content comes from: one file, or a folder of one file per record.

    `files` names a subfolder of downloadable files the records refer to (`files`
    for `toolkits/files/`): it is read as downloads (`filetypes.scan_folder`), not
    as records. `companion` names a table read beside each record (see `Companion`).

    `folders` lets a record be a folder too (`orgs/<slug>/index.md` as well as
    `orgs/<slug>.md`), so a listing can grow into a small site without changing its
    address. `inside` reads files kept in such folders instead: `""` for
    `orgs/<slug>/<name>.md`, `"news"` for `orgs/<slug>/news/<name>.md`; each record's
    slug is then `<folder>/<name>`, and `files` is a subfolder of each record folder.
    """

    path: str
    extensions: tuple[str, ...]
    single_file: bool = False
    required: bool = True
    files: str | None = None
    companion: Companion | None = None
    folders: bool = False
    inside: str | None = None


# `Step.reads` for a step that may read anything: it is run again on every change.
EVERYTHING: frozenset[str] = frozenset({"*"})
# `Step.reads` for a page showing the printable PDFs' sizes and page counts: with PDFs
# on, they depend on everything the PDFs print, so the step runs again on any change.
PDFS = "pdfs"


def read_fields(reads: frozenset[str]) -> Mapping[str, frozenset[str] | None]:
    """Each input `reads` names → the fields read of it, None for all of it."""
    found: dict[str, set[str] | None] = {}
    for read in reads:
        name, dot, field_name = read.partition(".")
        if not dot:
            found[name] = None
        elif found.get(name, set()) is not None:
            found.setdefault(name, set()).add(field_name)
    return {name: None if names is None else frozenset(names)
            for name, names in found.items()}


@dataclass(frozen=True)
class Step:
    """One build step: a function of the build's inputs, and what its output depends on.

    `reads` names the inputs the step's pages and files are made from: collections
    (`"orgs"`, `"wards"`), single-file kinds (`"referrals"`), `"site"`, `"media"`,
    `"downloads"`, `"history"` (the repository's git log), `"today"` and `PDFS`. A
    collection may be named by field: `"orgs.name"` for the names of the records the
    step looks up or lists, `"orgs.slug"` for which records there are, in which order
    (a step that lists or counts them); a bare `"orgs"` is every field. An
    incremental rebuild runs a step again only when one of them changed (an edit of an
    organisation's summary does not rerun a list that shows names), so the declaration
    sits here, beside the function, where it cannot drift from a list kept elsewhere;
    `tests/unit/test_step_reads.py` records what each step really reads, field by
    field, and fails when a step reads something it does not declare.

    `per` names a collection each of whose records gives its own pages (the page of
    an organisation): the step takes them from `inputs.each(per)`, so a change to one
    record runs the step for that record alone. What a page reads of its own record
    (the one `each` gave) needs no declaration, since any change to the record makes
    its pages again; what it reads of `per`'s other records (a skill-swap partner's
    name) must be declared like any other read, and a change to that runs it whole.
    """

    make: Make
    reads: frozenset[str] = EVERYTHING
    per: str | None = None

    @property
    def fields(self) -> Mapping[str, frozenset[str] | None]:
        """Each input `reads` names → the fields read of it, None for all of it."""
        return read_fields(self.reads)

    @property
    def name(self) -> str:
        return f"{self.make.__module__}.{self.make.__name__}"

    def __call__(self, inputs: BuildInputs) -> Iterable[PagePlan | OutputFile]:
        return self.make(inputs)


@dataclass(frozen=True)
class Kind:
    """One kind of content file: where it lives, its declaration, its catalogue name.

    A folder kind becomes a collection of records sorted by slug (`catalogue.orgs`); a
    single-file kind becomes one record (`catalogue.referrals`), or `default` when an
    optional file is absent.
    """

    name: str
    source: Source
    record: Record
    collection: str
    where: str
    default: Any = None
    reserved_slugs: frozenset[str] = frozenset()
    new_values: NewValues | None = None  # set: `thin new <name>` writes a skeleton

    @property
    def single(self) -> bool:
        return self.source.single_file


@dataclass(frozen=True)
class Taxonomy:
    """A list of terms in `content/taxonomies/<file>.yaml` that other files refer to."""

    name: str
    record: Record

    @property
    def file(self) -> str:
        return self.name.replace("_", "-")

    @property
    def path(self) -> str:
        return taxonomy_path(self.name)


@dataclass(frozen=True)
class Capability:
    """Everything one room of the portal adds, declared in one place."""

    name: str
    depends_on: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    taxonomies: tuple[Taxonomy, ...] = ()
    checks: tuple[Check, ...] = ()
    steps: tuple[Step, ...] = ()
    # URL sections the capability publishes under (`/calendar/`): content pages may not take them.
    sections: frozenset[str] = frozenset()
    # Extension point name → what this capability plugs into it (see `Contributions`).
    contributes: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    # True: the files its steps write (`OutputFile`s: data downloads, machine feeds) are the
    # same in every language, so they are written once, in the default language's pass, and
    # links to them are never given a language prefix. Its pages are built in every language.
    language_neutral_files: bool = False
    # What its contributions to the frame of every page (`core.nav`, `core.footer`) read,
    # named like `Step.reads`: when one of these changes, every page is made again.
    frame_reads: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        # Said at start-up, not as a failed rebuild: a bare function declares no reads.
        for step in self.steps:
            if not isinstance(step, Step):
                raise TypeError(f"capability {self.name!r}: its step {step!r} is not a "
                                "Step; declare it as Step(function, reads=frozenset({...})) "
                                "with the inputs it reads (core/capability.py)")
