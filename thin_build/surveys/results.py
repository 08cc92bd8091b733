"""A survey's questions read against the taxonomies, and its results CSV against both.

Every mistake is reported where it is, `file.csv:row:column` (row 1 is the header; a
row's number is the line it starts on, as a spreadsheet numbers it), and one bad cell
makes the whole file fail: a survey is published whole or not at all, since a table
missing some rows would still look complete. Free-text answers are read past and
never kept.
"""
from __future__ import annotations

import re

from ..core.convert import Context, suggest
from ..core.raw import RawList, RawMap, RawNode, RawScalar
from .model import OPTIONS_FROM, RESPONDENT, Question, Response, Survey

_SCORE_RE = re.compile(r"[1-5]")
_ONCE = ("stage", "ward", "needs", "satisfaction")


def _items(node: RawNode | None) -> tuple[RawNode, ...]:
    return node.items if isinstance(node, RawList) else ()


def _at(node: RawNode, key: str):
    found = node.get(key) if isinstance(node, RawMap) else None
    return found.location if found is not None else node.location


def resolve_questions(questions: tuple[Question, ...], node: RawNode,
                      ctx: Context) -> tuple[Question, ...] | None:
    """Each question with its options (every term when none are given), or None on a mistake."""
    raw_questions = _items(node.get("questions") if isinstance(node, RawMap) else None)
    resolved, ok, seen_ids, seen_types = [], True, set(), set()
    for question, raw in zip(questions, raw_questions):
        if question.id in seen_ids or question.id == RESPONDENT:
            ctx.report("duplicate-question", f"the id `{question.id}` is taken; every question "
                       f"needs its own id, and `{RESPONDENT}` is the respondent's column",
                       _at(raw, "id"))
            ok = False
        if question.type in _ONCE and question.type in seen_types:
            ctx.report("duplicate-question", f"there is already a `{question.type}` question; "
                       "ask it once", _at(raw, "type"))
            ok = False
        seen_ids.add(question.id)
        seen_types.add(question.type)
        taxonomy = OPTIONS_FROM.get(question.type)
        if taxonomy is None:
            if question.options:
                ctx.report("options-not-allowed", "a `text` question has no options; remove "
                           "them", _at(raw, "options"))
                ok = False
            resolved.append(question)
            continue
        known = ctx.refs.get(taxonomy)
        if known is None:  # the taxonomy itself failed to load, which is reported already
            ok = False
            continue
        for option, raw_option in zip(question.options, _items(raw.get("options"))):
            if option not in known:
                ctx.report("unknown-option", f"{option!r} is not in content/taxonomies/"
                           f"{taxonomy}.yaml{suggest(option, known, known)}",
                           raw_option.location)
                ok = False
        options = question.options or tuple(known)
        resolved.append(Question(id=question.id, type=question.type, text=question.text,
                                 help=question.help, options=options))
    return tuple(resolved) if ok else None


def _header(row: RawList, expected: tuple[str, ...], ctx: Context) -> list[str] | None:
    names = [cell.value or "" for cell in row.items if isinstance(cell, RawScalar)]
    ok, first = True, {}
    for cell, name in zip(row.items, names):
        if name in first:
            ctx.report("results-header", f"`{name}` is a column twice (columns {first[name]} "
                       f"and {cell.location.column}); keep one", cell.location)
            ok = False
        elif name not in expected:
            ctx.report("results-header", f"`{name}` is not a column of this survey"
                       f"{suggest(name, expected)}", cell.location)
            ok = False
        first.setdefault(name, cell.location.column)
    for missing in (name for name in expected if name not in first):
        ctx.report("results-header", f"the column `{missing}` is missing; the header row must "
                   f"name these columns: {', '.join(expected)}", row.location)
        ok = False
    return names if ok else None


def read_responses(survey: Survey, table: RawList,
                   ctx: Context) -> tuple[Response, ...] | None:
    """Every row as a `Response`, or None once anything in the file is wrong."""
    rows = [row for row in table.items if isinstance(row, RawList)]
    if not rows:
        return ()
    names = _header(rows[0], survey.columns(), ctx)
    if names is None:
        return None
    reader = _RowReader(survey, ctx)
    responses = [reader.read(row, names) for row in rows[1:]]
    return None if reader.failed else tuple(r for r in responses if r is not None)


class _RowReader:
    """Reads rows one at a time, remembering respondents to catch one listed twice."""

    def __init__(self, survey: Survey, ctx: Context):
        self.survey, self.ctx, self.failed = survey, ctx, False
        self.orgs = ctx.refs.get("orgs", {})
        self.seen: dict[str, int] = {}

    def fail(self, code: str, message: str, cell: RawScalar) -> None:
        self.ctx.report(code, message, cell.location)
        self.failed = True

    def read(self, row: RawList, names: list[str]) -> Response | None:
        if len(row.items) != len(names):
            self.ctx.report("results-row-length", f"row {row.location.line} has "
                            f"{len(row.items)} cells and the header has {len(names)}; look "
                            "for a missing or extra comma", row.location)
            self.failed = True
            return None
        cells = dict(zip(names, row.items))
        answers: dict[str, object] = {"stage": None, "ward": None, "needs": ()}
        scores = []
        for question in self.survey.questions:
            if question.type in ("stage", "ward"):
                answers[question.type] = self.option(question, cells[question.id])
            elif question.type == "needs":
                answers["needs"] = self.ticked(question, cells[question.id])
            elif question.type == "satisfaction":
                scores += [(need, score) for need in question.options
                           if (score := self.score(cells[f"{question.id}_{need}"]))]
        return Response(row.location.line, self.respondent(cells[RESPONDENT]),
                        answers["stage"], answers["ward"], answers["needs"], tuple(scores))

    def respondent(self, cell: RawScalar) -> str | None:
        slug = cell.value
        if slug is None:
            return None
        if slug not in self.orgs:
            hint = suggest(slug, self.orgs, self.orgs)
            self.fail("unknown-respondent", f"{slug!r} is not an organisation in orgs/{hint}"
                      f"{' ' if hint.endswith('?') else '. '}Leave it empty to answer "
                      "anonymously", cell)
        elif slug in self.seen:
            self.fail("duplicate-respondent", f"{slug!r} already answered on row "
                      f"{self.seen[slug]}; keep one row per organisation", cell)
        else:
            self.seen[slug] = cell.location.line
        return slug

    def option(self, question: Question, cell: RawScalar, value: str | None = None) -> str | None:
        value = value if value is not None else cell.value
        if value is not None and value not in question.options:
            self.fail("unknown-option", f"{value!r} is not an answer to `{question.id}` in "
                      f"this survey{suggest(value, question.options)}", cell)
        return value

    def ticked(self, question: Question, cell: RawScalar) -> tuple[str, ...]:
        """The options ticked, written as slugs separated by `;`."""
        values = [v.strip() for v in (cell.value or "").split(";") if v.strip()]
        return tuple(dict.fromkeys(self.option(question, cell, v) for v in values))

    def score(self, cell: RawScalar) -> int | None:
        if cell.value is None:
            return None
        if not _SCORE_RE.fullmatch(cell.value):
            self.fail("satisfaction-range", f"{cell.value!r} is not on the scale: write a "
                      "whole number from 1 (very dissatisfied) to 5 (very satisfied), or leave "
                      "it empty if the group had no support with this need", cell)
            return None
        return int(cell.value)
