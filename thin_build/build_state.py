"""What an incremental rebuild remembers of the last build: its inputs and its outputs.

`incremental.Rebuilder` keeps one `BuildState`: the sha256 of every file the build
reads, which record each record file holds, and what every (language, step) wrote,
files and sitemap URLs grouped by the record they were made for. `thin serve` keeps
it in memory; `thin build --incremental` keeps it in `.thin-cache/build-state.json`,
as JSON (never pickle: a contributor could commit the file), read back only when its
shape is right and it was written by this exact code (`code_version`).
"""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable

from .build import Prepared, StepOutput
from .core import urls
from .core.code_version import code_version
from .core.load import MEDIA_DIR
from .core.messages import TRANSLATIONS_DIR
from .core.registry import Registry

STATE_FILE = ".thin-cache/build-state.json"
FORMAT = 1


@dataclass
class StepRecord:
    """What one step wrote in one language: by owner (a `per` record's slug, "" for
    the rest) its files and sitemap URLs; and its language-neutral files."""

    owners: dict[str, tuple[list[str], list[str]]]
    shared: list[str]

    def files(self) -> Iterable[str]:
        return (path for files, _urls in self.owners.values() for path in files)

    def sitemap(self) -> Iterable[str]:
        return (url for _files, urls in self.owners.values() for url in urls)


@dataclass
class BuildState:
    code: str
    today: str
    out: str
    pdf: bool
    head: str
    inputs: dict[str, str]  # input file (repository-relative, or absolute) → sha256
    records: dict[str, tuple[str, str]]  # record file or companion → (collection, slug)
    steps: dict[str, StepRecord]  # "<language> <step name>" → what it wrote
    files: list[str]  # written outside steps: schemas, static, media, downloads…

    def outputs(self) -> set[str]:
        return {path for step in self.steps.values() for path in step.files()} | set(self.files)


def load_state(root: Path) -> BuildState | None:
    """The persisted state, or None when it is missing, corrupt or from other code."""
    try:
        data = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
        return _from_json(data) if data.get("format") == FORMAT else None
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return None


def _from_json(data: dict[str, Any]) -> BuildState | None:
    """A state only if every part has the shape this code writes."""
    def strings(value: Any) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TypeError("not a list of strings")
        return value

    def pair(value: Any) -> tuple[Any, Any]:
        if not isinstance(value, list) or len(value) != 2:
            raise TypeError("not a pair")
        return value[0], value[1]

    state = BuildState(
        data["code"], data["today"], data["out"], data["pdf"], data["head"],
        {str(k): v for k, v in data["inputs"].items() if isinstance(v, str)},
        {k: tuple(strings(v)) for k, v in data["records"].items()},
        {key: StepRecord({owner: (strings(pair(v)[0]), strings(pair(v)[1]))
                          for owner, v in step["owners"].items()}, strings(step["shared"]))
         for key, step in data["steps"].items()},
        strings(data["files"]))
    if (not all(isinstance(v, str) for v in (state.code, state.today, state.out, state.head))
            or not isinstance(state.pdf, bool) or len(state.inputs) != len(data["inputs"])
            or any(len(v) != 2 for v in state.records.values())):
        return None
    return state if state.code == code_version() else None


def save_state(root: Path, state: BuildState) -> None:
    """Write the state atomically, so a build stopped half-way leaves the old one."""
    path = root / STATE_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": FORMAT, **asdict(state)}
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".build-state-")
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        json.dump(data, file, sort_keys=True, separators=(",", ":"))
    os.replace(temporary, path)


def input_roots(root: Path, registry: Registry, templates: Path) -> list[Path]:
    """Every file or folder the build reads: the declared sources, media, the
    languages' catalogues and the templates."""
    paths = {root / source.path for _kind, source in registry.sources()}
    paths |= {root / MEDIA_DIR, root / TRANSLATIONS_DIR, templates}
    return sorted(paths)


def input_key(root: Path, path: Path) -> str:
    """A file's name in the state: repository-relative, else absolute (the portal's
    own templates when the repository has none)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def hash_inputs(root: Path, paths: Iterable[Path]) -> dict[str, str]:
    """sha256 of every file at or under `paths`, skipping hidden names as the loader does."""
    found: dict[str, str] = {}
    for top in paths:
        if top.is_file():
            found[input_key(root, top)] = _sha256(top)
        for folder, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                if not name.startswith("."):
                    path = Path(folder) / name
                    found[input_key(root, path)] = _sha256(path)
    return found


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # gone between listing and reading: changed all the same
        return ""


def git_head(root: Path) -> str:
    """The commit checked out, for steps reading the history; "" outside git."""
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"],
                              capture_output=True, text=True, timeout=10,
                              env={"PATH": os.environ.get("PATH", ""), "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def record_files(prep: Prepared) -> dict[str, tuple[str, str]]:
    """Record file (and companion table) → (collection, slug) the record belongs to."""
    kinds = {kind.name: kind for kind in prep.registry.kinds}
    taxonomies = {tax.file: tax.name for tax in prep.registry.taxonomies}
    found: dict[str, tuple[str, str]] = {}
    for kind, path, slug in prep.sources:
        if kind == "taxonomy":
            found[path] = (taxonomies.get(slug, slug), slug)
            continue
        collection = kinds[kind].collection
        found[path] = (collection, slug)
        if companion := kinds[kind].source.companion:
            found[path.rpartition(".")[0] + companion.suffix] = (collection, slug)
    return found


def step_record(output: StepOutput) -> StepRecord:
    """A step's output grouped by the record each file was made for."""
    owners: dict[str, tuple[list[str], list[str]]] = {}
    owner_of = dict(zip(output.files, output.owners))
    for path, owner in zip(output.files, output.owners):
        owners.setdefault(owner, ([], []))[0].append(path)
    for url in output.sitemap:
        owners[owner_of[urls.output_file(url)]][1].append(url)
    return StepRecord(owners, list(output.shared))


def merged(old: StepRecord | None, new: StepRecord,
           only: dict[str, frozenset[str]] | None) -> StepRecord:
    """A step run for some records: their files (and the step's own, owner "") replaced,
    every other record's kept."""
    if old is None or only is None:
        return new
    rerun = next(iter(only.values())) | {""}
    kept = {owner: value for owner, value in old.owners.items() if owner not in rerun}
    files = {path for paths, _urls in kept.values() for path in paths}
    return StepRecord(kept | new.owners, sorted(set(old.shared) & files | set(new.shared)))
