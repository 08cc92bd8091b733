"""One shape for every coordinators' report, written as text, Markdown or CSV.

The stale, duplicates, links and gaps reports differ in their rows, not in how rows
are shown, so each builds a `Report` and this module writes it: text for the
terminal (columns padded to line up), Markdown for a GitHub issue or job summary (a
table per group, every cell escaped so a listing's name cannot become a link, a
heading or a mention, and cut short before GitHub's size limit), and CSV through
open data's writer (one row per line, the group as the first column, formulas
neutralised). An empty report says so in words, except in CSV, which is then only
its header row: a spreadsheet wants no prose.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..opendata.csv_format import csv_text

FORMATS = ("text", "markdown", "csv")
# GitHub refuses an issue body or job summary over 65,536 characters; leave room for a note.
MARKDOWN_LIMIT = 60_000
# What could turn a cell into markup: emphasis, code, links, HTML, entities, a cell
# break, strike-through and an @mention that would notify someone.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|~@&])")
_URL_UNSAFE = {" ": "%20", "<": "%3C", ">": "%3E", "|": "%7C", "`": "%60"}


@dataclass(frozen=True)
class Column:
    name: str
    url: bool = False  # written as a link in Markdown, never escaped into a broken one
    link_text: str = ""  # in Markdown, the link's words instead of the bare address


@dataclass(frozen=True)
class Group:
    """Rows under one heading (who should check them, what kind of finding)."""

    heading: str
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Report:
    title: str
    intro: str
    columns: tuple[Column, ...]
    groups: tuple[Group, ...]
    empty: str
    group_column: str = ""  # the CSV column holding the group's heading; "" for none

    @property
    def count(self) -> int:
        return sum(len(group.rows) for group in self.groups)


def render(report: Report, style: str) -> str:
    """The report in one of FORMATS."""
    if style == "csv":
        return _csv(report)
    return _markdown(report) if style == "markdown" else _text(report)


def _groups(report: Report) -> tuple[Group, ...]:
    return tuple(group for group in report.groups if group.rows)


def _text(report: Report) -> str:
    lines = [f"{report.title} ({report.count})", report.intro]
    if not report.count:
        return "\n".join(lines + ["", report.empty]) + "\n"
    header = tuple(column.name for column in report.columns)
    rows = [header] + [row for group in report.groups for row in group.rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return "  " + "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip()

    for group in _groups(report):
        lines += ["", group.heading] if group.heading else [""]
        lines += [line(header)] + [line(row) for row in group.rows]
    return "\n".join(lines) + "\n"


def markdown_text(text: str) -> str:
    """Text shown as typed in Markdown: punctuation escaped, line breaks made spaces."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown_url(url: str) -> str:
    if not url:
        return ""
    return "<" + "".join(_URL_UNSAFE.get(char, char) for char in url) + ">"


def _markdown_cell(column: Column, cell: str) -> str:
    if not column.url:
        return markdown_text(cell)
    link = _markdown_url(cell)
    return f"[{markdown_text(column.link_text)}]({link})" if column.link_text and link else link


def _markdown(report: Report, limit: int = MARKDOWN_LIMIT) -> str:
    """Tables per group; rows past `limit` characters are counted, not written."""
    lines = [f"# {markdown_text(report.title)}", "", markdown_text(report.intro), ""]
    if not report.count:
        return "\n".join(lines + [markdown_text(report.empty)]) + "\n"
    size, left_out = sum(len(line) + 1 for line in lines), 0
    for group in _groups(report):
        table = ([f"## {markdown_text(group.heading)}", ""] if group.heading else []) + [
            "| " + " | ".join(markdown_text(c.name) for c in report.columns) + " |",
            "|" + "---|" * len(report.columns)]
        head, grown = len(table), size + sum(len(line) + 1 for line in table) + 1
        for row in group.rows:
            cells = (_markdown_cell(column, cell) for column, cell in zip(report.columns, row))
            line = "| " + " | ".join(cells) + " |"
            if left_out or grown + len(line) + 1 > limit:  # keep the order: stop at the first
                left_out += 1
                continue
            table.append(line)
            grown += len(line) + 1
        if len(table) > head:
            lines += table + [""]
            size = grown
    if left_out:
        lines.append(f"{left_out} more row{'s' * (left_out != 1)} left out to keep this "
                     "short enough for GitHub; run the command for them all.")
    return "\n".join(lines) + ("\n" if left_out else "")


def _csv(report: Report) -> str:
    header = tuple(column.name for column in report.columns)
    if not report.group_column:
        return csv_text(header, (row for group in report.groups for row in group.rows))
    return csv_text((report.group_column,) + header,
                    ((group.heading,) + row for group in report.groups for row in group.rows))
