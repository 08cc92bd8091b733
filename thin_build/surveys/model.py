"""A shared needs survey and the answers providers pooled for it, as frozen records."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# What a question asks, and so where its answer options come from.
QUESTION_TYPES = ("stage", "ward", "needs", "satisfaction", "text")
OPTIONS_FROM = {"stage": "stages", "ward": "wards", "needs": "needs", "satisfaction": "needs"}
SCALE = (1, 2, 3, 4, 5)  # satisfaction: 1 very dissatisfied … 5 very satisfied
RESPONDENT = "respondent"  # the optional column naming the responding organisation
RESULTS_SUFFIX = "-results.csv"  # `<slug>-results.csv` beside `<slug>.yaml`
RESULTS = "results"  # the entry the loader gives the survey's record for that table


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    type: str
    text: str
    help: str | None = None
    options: tuple[str, ...] = ()  # taxonomy slugs; after conversion never empty

    def columns(self) -> tuple[str, ...]:
        """Its columns in the results CSV: one per need rated, else one."""
        if self.type == "satisfaction":
            return tuple(f"{self.id}_{option}" for option in self.options)
        return (self.id,)


@dataclass(frozen=True)
class Response:
    """One organisation's answers; free text is never kept, so it can never be published."""

    row: int
    respondent: str | None
    stage: str | None
    ward: str | None
    needs: tuple[str, ...]
    satisfaction: tuple[tuple[str, int], ...]  # (need, score) for the needs it rated


@dataclass(frozen=True, kw_only=True)
class Survey:
    slug: str
    path: str
    title: str
    intro: str
    questions: tuple[Question, ...]
    responses: tuple[Response, ...] = ()

    def question(self, type_: str) -> Question | None:
        return next((q for q in self.questions if q.type == type_), None)

    def columns(self) -> tuple[str, ...]:
        return (RESPONDENT,) + tuple(c for q in self.questions for c in q.columns())

    @property
    def folder(self) -> str:
        return Path(self.path).parent.as_posix()

    @property
    def results_path(self) -> str:
        return f"{self.folder}/{self.slug}{RESULTS_SUFFIX}"
