"""Checks of a questionnaire that its declaration cannot make: ids and stage coverage.

A shared link stores one answer per question in file order and the page stores
answers by question id, so an id used twice would give two questions one answer.
Every area must ask something at every stage the questionnaire is for, or a group at
that stage would get a result for an area it was never asked about.
"""
from __future__ import annotations

from typing import Iterator

from ..core.checking import Checking
from ..core.errors import Location, Problem, error
from ..core.raw import RawMap, RawNode, RawRecord
from . import model
from .schema import KINDS


def check_questionnaires(site: Checking) -> Iterator[Problem]:
    """Every questionnaire file that converted, checked against the stages taxonomy."""
    stages = tuple(term.slug for term in site.taxonomies.get("stages", ()))
    for kind in KINDS:
        questionnaire = site.singles.get(kind.name)
        if questionnaire is not None and stages:
            yield from check_questionnaire(questionnaire, site.raw_singles[kind.name], stages)


def check_questionnaire(questionnaire: model.Questionnaire, raw: RawRecord,
                        all_stages: tuple[str, ...]) -> Iterator[Problem]:
    """Problems with one converted questionnaire, located in its raw record."""
    wanted = questionnaire.stages or all_stages
    seen_areas: dict[str, tuple[str, Location]] = {}
    seen_questions: dict[str, tuple[str, Location]] = {}
    for a, (area, area_node) in enumerate(zip(questionnaire.areas, _items(raw.data, "areas")),
                                          start=1):
        where = f"areas[{a}]"
        yield from _unique("area", area.id, f"{where}.id", _at(area_node, "id"), seen_areas)
        for q, (question, node) in enumerate(zip(area.questions,
                                                 _items(area_node, "questions")), start=1):
            inner = f"{where}.questions[{q}]"
            yield from _unique("question", question.id, f"{inner}.id", _at(node, "id"),
                               seen_questions)
            for stage, stage_node in zip(question.stages, _items(node, "stages")):
                if stage not in wanted:
                    yield error("question-stage", f"`{inner}.stages`: {stage!r} is not one of "
                                f"the stages this questionnaire is for ({', '.join(wanted)}); "
                                "remove it, or add it to `stages` at the top of the file",
                                stage_node.location)
        covered = {stage for question in area.questions for stage in question.stages}
        for stage in wanted:
            if stage not in covered:
                yield error("question-stage-gap", f"`{where}`: area `{area.id}` has no question "
                            f"for {stage}; add one, or add {stage} to the `stages` of a question "
                            "that fits", _at(area_node, "id"))


def _unique(what: str, value: str, field: str, location: Location,
            seen: dict[str, tuple[str, Location]]) -> Iterator[Problem]:
    if value in seen:
        first_field, first = seen[value]
        yield error("question-duplicate", f"`{field}`: {what} id `{value}` is already used by "
                    f"`{first_field}` on line {first.line}; give each {what} its own id",
                    location)
    else:
        seen[value] = (field, location)


def _items(node: RawNode | None, key: str) -> tuple[RawNode, ...]:
    value = node.get(key) if isinstance(node, RawMap) else None
    return getattr(value, "items", ())


def _at(node: RawNode, key: str) -> Location:
    value = node.get(key) if isinstance(node, RawMap) else None
    return value.location if value is not None else node.location
