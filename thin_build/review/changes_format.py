"""A change summary as text for the terminal and as Markdown for a GitHub job summary.

Both say the same things in the same order: the warnings first, then what was
added, removed, renamed and changed, then the problems. Values come from
contributors, so Markdown escapes every character that could make a link, a table
cell or HTML of one, and long lists are cut ("and 12 more"): a job summary has a
size limit and a reviewer reads the first screen.
"""
from __future__ import annotations

import re
from typing import Callable, Sequence

from ..core.errors import Problem
from .changes import ChangeSummary, Entry
from .changes_warnings import shown
from .record_diff import FieldChange

MAX_VALUE = 120  # characters of one value shown; the rest is in the file
MAX_ROWS = 50  # rows of one Markdown table
MAX_CHANGED = 30  # listings whose fields the Markdown shows
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&@])")


def value_text(value: str | None) -> str:
    text = " ↵ ".join(shown(value).strip().splitlines())
    return text if len(text) <= MAX_VALUE else text[:MAX_VALUE - 1] + "…"


def _change_text(change: FieldChange) -> str:
    about = f" ({change.description})" if change.description else ""
    return f"{change.label}{about}: {value_text(change.old)} → {value_text(change.new)}"


def _problem_text(problem: Problem, already: bool) -> str:
    return f"{problem} (already there)" if already else str(problem)


def _entry_text(item: Entry) -> str:
    kind = f" ({item.kind})" if item.kind != item.name else ""
    return f"{item.path}: {item.name}{kind}"


def as_text(summary: ChangeSummary) -> str:
    out = [f"Changes from {summary.base} to {summary.head}", ""]
    if not _anything(summary):
        out += ["No content changed.", ""]
    sections: list[tuple[str, list[str]]] = [
        ("Check these first", [f"{w.path}: {w.message}" for w in summary.warnings]),
        ("Added", [_entry_text(e) for e in summary.added]),
        ("Removed", [_entry_text(e) for e in summary.removed]),
        ("Renamed", [f"{r.old.path} → {r.new.path}: {r.new.name} ({r.why})"
                     for r in summary.renamed]),
    ]
    for title, lines in sections:
        out += _text_section(f"{title} ({len(lines)})", lines)
    if summary.changed:
        out.append(f"Changed ({len(summary.changed)}):")
        for item in summary.changed:
            moved = f" (was {item.old_path})" if item.old_path else ""
            out.append(f"  {item.entry.path}{moved}: {item.entry.name}")
            out += [f"    {_change_text(change)}" for change in item.fields]
        out.append("")
    out += _text_section("Not compared, as they could not be read (see the problems)",
                         list(summary.unreadable))
    out += _text_section(f"Problems ({_problem_counts(summary)})",
                         [_problem_text(p, already) for p, already in summary.problems])
    out += _text_section(f"Problems this change fixes ({len(summary.fixed)})",
                         [str(p) for p in summary.fixed])
    return "\n".join(out).rstrip("\n") + "\n"


def _text_section(heading: str, lines: list[str]) -> list[str]:
    return [f"{heading}:", *(f"  {line}" for line in lines), ""] if lines else []


def _anything(summary: ChangeSummary) -> bool:
    return any((summary.added, summary.removed, summary.renamed, summary.changed,
                summary.unreadable))


def _problem_counts(summary: ChangeSummary) -> str:
    already = sum(flag for _p, flag in summary.problems)
    return f"{len(summary.problems) - already} new, {already} already there"


def md(text: str | None) -> str:
    """Plain text inside Markdown: every character that means something there escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(shown(text).split()))


def _table(header: Sequence[str], rows: Sequence[Sequence[str]],
           limit: int = MAX_ROWS) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"\nand {len(rows) - limit} more (run `thin changes` to see them all)")
    return lines + [""]


def as_markdown(summary: ChangeSummary) -> str:
    out = ["## Content changes", "",
           f"Compared {md(summary.base)} with {md(summary.head)}.", ""]
    if not _anything(summary):
        out += ["No content changed.", ""]
    blocks: list[tuple[str, Sequence, Sequence[str], Callable]] = [
        ("Check these first", summary.warnings, ("file", "what to check"),
         lambda w: (w.path, w.message)),
        ("Added", summary.added, ("file", "what it is", "name"),
         lambda e: (e.path, e.kind, e.name)),
        ("Removed", summary.removed, ("file", "what it is", "name"),
         lambda e: (e.path, e.kind, e.name)),
        ("Renamed", summary.renamed, ("from", "to", "name", "how we know"),
         lambda r: (r.old.path, r.new.path, r.new.name, r.why)),
    ]
    for title, items, header, row in blocks:
        if items:
            out += [f"### {title} ({len(items)})", ""] + _table(header, [row(i) for i in items])
    if summary.changed:
        out += [f"### Changed ({len(summary.changed)})", ""]
        for item in summary.changed[:MAX_CHANGED]:
            moved = f" (was {item.old_path})" if item.old_path else ""
            out += [f"#### {md(item.entry.path + moved)}: {md(item.entry.name)}", ""]
            out += _table(("field", "what it is", "before", "after"),
                          [(c.label, c.description, value_text(c.old), value_text(c.new))
                           for c in item.fields])
        if len(summary.changed) > MAX_CHANGED:
            out += [f"and {len(summary.changed) - MAX_CHANGED} more changed files (run "
                    "`thin changes` to see them all)", ""]
    if summary.unreadable:
        out += ["### Not compared", "", "These files could not be read on one side; see the "
                "problems below.", ""] + _table(("file",), [(p,) for p in summary.unreadable])
    if summary.problems:
        out += [f"### Problems ({md(_problem_counts(summary))})", ""]
        out += _table(("where", "problem", "message", "new?"),
                      [(str(p.location), f"{p.severity.value}[{p.code}]", p.message,
                        "already there" if already else "new")
                       for p, already in summary.problems])
    if summary.fixed:
        out += [f"### Problems this change fixes ({len(summary.fixed)})", ""]
        out += _table(("where", "problem", "message"),
                      [(str(p.location), f"{p.severity.value}[{p.code}]", p.message)
                       for p in summary.fixed])
    return "\n".join(out).rstrip("\n") + "\n"
