"""Self-assessment questionnaires: the health check and the commissioning readiness checklist.

Both are the same kind of file (`content/healthcheck.yaml`, `content/readiness.yaml`):
areas of yes / no questions, each question saying which stages of development it is
for, why it matters and what to do about a "no" or "not sure".
"""
from __future__ import annotations

from dataclasses import dataclass

from ..core.translatable import Translatable


@dataclass(frozen=True, kw_only=True)
class Question(Translatable):
    """One question, and the action a "no" or "not sure" puts in the action plan."""

    id: str
    text: str
    stages: tuple[str, ...]
    why: str
    action: str
    need: str
    toolkits: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Area(Translatable):
    """A group of questions with its own result (governance, money, safeguarding…)."""

    id: str
    title: str
    intro: str
    questions: tuple[Question, ...]


@dataclass(frozen=True, kw_only=True)
class Questionnaire(Translatable):
    """A whole questionnaire file; `stages` empty means it is for every stage."""

    title: str
    intro: str
    stages: tuple[str, ...] = ()
    areas: tuple[Area, ...]

    def questions(self, stage: str | None = None) -> tuple[tuple[Area, Question], ...]:
        """(area, question) in file order, only those for `stage` when one is given.

        This order is the order of a shared link's answers, so it is defined here once
        and the page's JSON lists questions in it.
        """
        return tuple((area, question) for area in self.areas for question in area.questions
                     if stage is None or stage in question.stages)
