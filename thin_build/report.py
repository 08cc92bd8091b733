"""Problems as text for people and as annotations for GitHub Actions."""
from __future__ import annotations

from .core.errors import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_problem(problem: Problem, style: str = "text") -> str:
    """One line: `path:line:col: error[code]: message`, or a `::error` workflow command."""
    if style == "github":
        loc = problem.location
        props = [f"file={_escape_property(loc.path)}", f"line={loc.line}", f"col={loc.column}",
                 f"title={_escape_property(problem.code)}"]
        return f"::{problem.severity.value} {','.join(props)}::{_escape_data(problem.message)}"
    return str(problem)


def summary(problems: list[Problem], strict: bool = False) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    verdict = "fails" if errors or (strict and warnings) else "passes"
    strict_note = " (--strict: warnings count as errors)" if strict and warnings else ""
    return (f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}: "
            f"content {verdict}{strict_note}")


def failed(problems: list[Problem], strict: bool = False) -> bool:
    return any(p.is_error or strict for p in problems)
