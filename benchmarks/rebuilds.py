"""The incremental part of `./run bench`: five edits a coordinator makes, each timed.

Through `thin_build.incremental.Rebuilder` in this process, as `thin serve` uses it:
one full `.build()`, then for each edit the file is saved and `.rebuild(changed)` is
timed from the save to its return (the last file written). The edits: one
organisation's summary, a new organisation, a deleted one (the edited one: no other
file names it, so the site stays valid), a ward's description (added to the first ward), and a
template.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

from generate import ROOT, TODAY

from thin_build.capabilities import PORTAL
from thin_build.core.errors import ContentError, Severity
from thin_build.incremental import Rebuilder

ADDED = "zephyr-benchmark-added-association.md"
EDITS = ("edit org", "add org", "delete org", "edit ward", "edit template")


@dataclass(frozen=True)
class Rebuild:
    what: str
    seconds: float
    files_written: int
    full: bool
    reason: str


def unreferenced_org(repo: Path) -> Path:
    """The last generated organisation that no other file names (edited, then deleted).

    Chosen before the clock starts: at 20,000 organisations the search reads every file.
    """
    texts = "\n".join(p.read_text("utf-8") for folder in ("content", "events", "orgs", "providers")
                      for p in sorted((repo / folder).rglob("*")) if p.suffix in (".md", ".yaml"))
    sample = {p.name for p in (ROOT / "orgs").iterdir()}
    for path in sorted((repo / "orgs").glob("*.md"), reverse=True):
        if (path.name not in sample and path.name != ADDED
                and texts.count(path.stem) == path.read_text("utf-8").count(path.stem)):
            return path
    raise SystemExit(f"{repo}: every generated organisation is named by another file")


def _edit_org(repo: Path, target: Path) -> str:
    text = target.read_text("utf-8")
    target.write_text(re.sub(r'^(summary: "?)', r"\1Now also on Fridays. ", text, count=1,
                             flags=re.M), "utf-8")
    return str(target.relative_to(repo))


def _add_org(repo: Path, target: Path) -> str:
    path = repo / "orgs" / ADDED
    path.write_text("---\nname: Zephyr Benchmark Added Association\n"
                    "summary: A new group, added by the benchmark.\n"
                    "email: hello.zephyr-benchmark@example.org\nwards: [poplar]\n"
                    f"stage: stage-1\nlast_verified: {TODAY.isoformat()}\n---\nWe have just started.\n", "utf-8")
    return str(path.relative_to(repo))


def _delete_org(repo: Path, target: Path) -> str:
    target.unlink()
    return str(target.relative_to(repo))


def _edit_ward(repo: Path, target: Path) -> str:
    path = repo / "content" / "taxonomies" / "wards.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("\n  name: ", "\n  description: Edited by the benchmark.\n"
                                 "  name: ", 1), "utf-8")
    return str(path.relative_to(repo))


def _edit_template(repo: Path, target: Path) -> str:
    path = repo / "templates" / "directory" / "org.html"
    path.write_text(path.read_text("utf-8") + "{# edited by the benchmark #}\n", "utf-8")
    return str(path.relative_to(repo))


ACTIONS = dict(zip(EDITS, (_edit_org, _add_org, _delete_org, _edit_ward, _edit_template)))


def count(value) -> int:
    return value if isinstance(value, int) else len(value)


def time_rebuilds(repo: Path, out: Path, pdf: bool) -> list[Rebuild]:
    """Each edit's rebuild, in EDITS order; an edit that breaks the site stops the run."""
    target = unreferenced_org(repo)
    builder = Rebuilder(repo, out, TODAY, PORTAL, pdf)
    builder.build()
    results = []
    for what in EDITS:
        start = time.perf_counter()
        changed = ACTIONS[what](repo, target)
        try:
            report = builder.rebuild([changed])
        except ContentError as error:
            raise SystemExit(f"{what} ({changed}) made the site invalid:\n" + "\n".join(
                f"{p.location.path}:{p.location.line}: {p.message}" for p in error.problems
                if p.severity is Severity.ERROR)) from None
        results.append(Rebuild(what, time.perf_counter() - start, count(report.files_written),
                               report.full, report.reason or ""))
    return results
