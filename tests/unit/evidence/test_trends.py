"""Trends on the evidence page: a table from the git history, or the reason there is none."""
from __future__ import annotations

from tests.helpers import TODAY
from thin_build.core.contributions import Contributions
from thin_build.core.plan import BuildInputs
from thin_build.evidence.trends import trends

from .catalogue import catalogue
from .test_history import repo  # noqa: F401  (the fixture: commits in January to April 2026)

F = "fewer than 3"


def test_month_ends_become_a_table_with_small_cells_hidden(repo) -> None:  # noqa: F811
    trend = trends(BuildInputs(catalogue(), TODAY, Contributions({}), root=repo))
    rows = [[cell.text for cell in row] for row in trend.table.rows]
    assert rows[:4] == [["31 January 2026", F, F], ["28 February 2026", F, F],
                        ["31 March 2026", "4", F], ["30 April 2026", "3", F]]
    assert rows[-1] == ["31 October 2026", "3", F]
    assert trend.table.coverage == (
        "Counted from the repository's history: every organisation and provider listing at "
        "each of 10 month ends, the first on 31 January 2026.")
    assert trend.reason == ""


def test_without_a_repository_the_page_says_why(tmp_path) -> None:
    trend = trends(BuildInputs(catalogue(), TODAY, Contributions({}), root=tmp_path))
    assert trend.table is None
    assert trend.reason == ("The content folder is not a git repository with commits, so "
                            "there is no history of listings.")
