"""Problems as located text lines and as GitHub Actions workflow commands."""
from __future__ import annotations

import pytest

from thin_build.core.errors import Location, Problem, error, warning
from thin_build.report import failed, format_problem, summary

ERR = error("bad-url", "'x' is not a web address", Location("orgs/a.md", 12, 3))
WARN = warning("stale", "was last verified long ago", Location("providers/b.md", 4, 1))


def test_text_format() -> None:
    assert format_problem(ERR) == "orgs/a.md:12:3: error[bad-url]: 'x' is not a web address"
    assert format_problem(WARN, "text") == \
        "providers/b.md:4:1: warning[stale]: was last verified long ago"


def test_github_format() -> None:
    assert format_problem(ERR, "github") == \
        "::error file=orgs/a.md,line=12,col=3,title=bad-url::'x' is not a web address"
    assert format_problem(WARN, "github") == \
        "::warning file=providers/b.md,line=4,col=1,title=stale::was last verified long ago"


def test_github_format_escapes_data_and_properties() -> None:
    """Per the Actions toolkit: data escapes % CR LF; properties also : and ,."""
    problem = Problem("odd:code,x", "100% sure\r\nline two: a, b",
                      Location("orgs/we,ird:name%.md", 1, 2))
    assert format_problem(problem, "github") == (
        "::error file=orgs/we%2Cird%3Aname%25.md,line=1,col=2,title=odd%3Acode%2Cx"
        "::100%25 sure%0D%0Aline two: a, b")


def test_github_escaping_is_not_applied_twice() -> None:
    problem = error("c", "already %0A escaped?", Location("a%2C.md"))
    assert format_problem(problem, "github") == \
        "::error file=a%252C.md,line=1,col=1,title=c::already %250A escaped?"


def test_a_github_annotation_is_always_one_line() -> None:
    problem = error("c", "a\nb\rc\r\n", Location("x\ny.md"))
    assert "\n" not in format_problem(problem, "github")
    assert "\r" not in format_problem(problem, "github")


@pytest.mark.parametrize("problems, strict, text, fails", [
    ([], False, "0 errors, 0 warnings: content passes", False),
    ([], True, "0 errors, 0 warnings: content passes", False),
    ([ERR], False, "1 error, 0 warnings: content fails", True),
    ([WARN], False, "0 errors, 1 warning: content passes", False),
    ([WARN, WARN], True, "0 errors, 2 warnings: content fails (--strict: warnings count as "
                         "errors)", True),
    ([ERR, ERR, WARN], False, "2 errors, 1 warning: content fails", True),
    ([ERR, WARN], True, "1 error, 1 warning: content fails (--strict: warnings count as "
                        "errors)", True),
    ([ERR], True, "1 error, 0 warnings: content fails", True),
])
def test_summary_and_failed(problems, strict: bool, text: str, fails: bool) -> None:
    assert summary(problems, strict) == text
    assert failed(problems, strict) is fails
