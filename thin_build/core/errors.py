"""Problems are values: every stage returns them and the CLI reports them all at once.

A `Problem` always carries a `Location` (file, line, column) so a coordinator can go
straight to the mistake, and a stable `code` so tests and tooling can match on it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a content file; `path` is relative to the repository, POSIX style.

    Lines and columns start at 1, as editors count them; a problem with a whole file
    points at its start, so every message has the same `path:line:col:` shape.
    """

    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the content, phrased for the person who will fix it."""

    code: str
    message: str
    location: Location
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        loc = self.location
        return (loc.path, loc.line, loc.column, self.code, self.message)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity.value}[{self.code}]: {self.message}"


def error(code: str, message: str, location: Location) -> Problem:
    return Problem(code, message, location, Severity.ERROR)


def warning(code: str, message: str, location: Location) -> Problem:
    return Problem(code, message, location, Severity.WARNING)


class ContentError(Exception):
    """Raised when content has errors; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        errors = sum(p.is_error for p in self.problems)
        super().__init__(f"{errors} error(s) in content")


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(set(problems), key=Problem.sort_key)


class BuildError(Exception):
    """The build itself failed after the content validated: a page's template raised, or
    a worker process rendering pages stopped. The message is one line that names the
    page, the template and what went wrong; the previous site is left as it was."""
