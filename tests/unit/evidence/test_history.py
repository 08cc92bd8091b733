"""Trends from git: counts at month ends from a repository with commits at fixed dates."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from thin_build.evidence import history
from thin_build.evidence.history import History, MonthCount, listing_history


def listing(verified: str | None) -> str:
    line = f"last_verified: {verified}\n" if verified else ""
    return f"---\nname: A group\n{line}---\nText.\n"


def commit(root: Path, when: str, files: dict[str, str | None]) -> None:
    """Write (or, for None, delete) files and commit them at `when` (UTC)."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    stamp = f"{when}T12:00:00+00:00"
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_AUTHOR_DATE=stamp, GIT_COMMITTER_DATE=stamp, GIT_AUTHOR_NAME="Test",
               GIT_AUTHOR_EMAIL="test@example.org", GIT_COMMITTER_NAME="Test",
               GIT_COMMITTER_EMAIL="test@example.org", GIT_CONFIG_GLOBAL=os.devnull)
    for args in (["add", "-A"], ["commit", "-q", "--allow-empty", "-m", when]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """January: two orgs (one verified). March: a provider, one more org (kept as a folder,
    with a page and a post that are not listings); April: one deleted."""
    root = tmp_path / "site"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    commit(root, "2026-01-10", {"orgs/a.md": listing("2025-12-01"), "orgs/b.md": listing(None),
                                "orgs/notes.txt": "not a listing", "events/e.md": listing(None)})
    commit(root, "2026-03-31", {"providers/p.yaml": "name: P\nlast_verified: 2026-03-01\n",
                                "orgs/c/index.md": listing("2025-01-31"),  # a site: one listing
                                "orgs/c/volunteer.md": listing("2026-03-01"),
                                "orgs/c/news/2026-03-01-open.md": listing("2026-03-01")})
    commit(root, "2026-04-02", {"orgs/b.md": None})
    return root


EXPECTED = (
    MonthCount(dt.date(2026, 1, 31), listings=2, verified=1),
    MonthCount(dt.date(2026, 2, 28), listings=2, verified=1),
    MonthCount(dt.date(2026, 3, 31), listings=4, verified=2),
    MonthCount(dt.date(2026, 4, 30), listings=3, verified=2),
)


def test_counts_at_each_month_end(repo: Path) -> None:
    # c.md was verified on 2025-01-31: due again on 2026-01-31 with 12 months, so never counted.
    assert listing_history(repo, dt.date(2026, 5, 30), 12) == History(True, "", EXPECTED)


def test_month_end_on_today_counts_and_later_ones_do_not(repo: Path) -> None:
    assert listing_history(repo, dt.date(2026, 4, 30), 12).points == EXPECTED
    assert listing_history(repo, dt.date(2026, 4, 29), 12).points == EXPECTED[:3]


def test_stale_after_months_decides_verified(repo: Path) -> None:
    # With 3 months a.md (2025-12-01) is due on 2026-03-01; p (2026-03-01) stays verified.
    points = listing_history(repo, dt.date(2026, 4, 30), 3).points
    assert [p.verified for p in points] == [1, 1, 1, 1]


def test_cache_is_used_and_a_corrupt_cache_is_rebuilt(repo: Path, monkeypatch) -> None:
    first = listing_history(repo, dt.date(2026, 5, 30), 12)
    cache = repo / ".thin-cache" / "listing-history.json"
    assert cache.is_file()
    monkeypatch.setattr(history._Git, "verified_dates", lambda self, commit: pytest.fail(
        "read git although the cache had every commit"))
    assert listing_history(repo, dt.date(2026, 5, 30), 12) == first
    monkeypatch.undo()
    for broken in ("{not json", '{"version": 1, "commits": {"x": [5]}}', "[]", ""):
        cache.write_text(broken, "utf-8")
        assert listing_history(repo, dt.date(2026, 5, 30), 12) == first


def test_caller_git_variables_are_ignored(repo: Path, tmp_path: Path, monkeypatch) -> None:
    other = tmp_path / "other"
    other.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=other, check=True)
    monkeypatch.setenv("GIT_DIR", str(other / ".git"))
    monkeypatch.setenv("GIT_WORK_TREE", str(other))
    assert listing_history(repo, dt.date(2026, 5, 30), 12).points == EXPECTED


def test_a_folder_inside_another_repository_has_no_history(repo: Path) -> None:
    (repo / "inner").mkdir()
    result = listing_history(repo / "inner", dt.date(2026, 5, 30), 12)
    assert result == History(False, "The content folder is not the top of its own git "
                             "repository, so its history is not read.", ())


def test_without_git_or_commits_or_root_it_says_why(tmp_path: Path, monkeypatch) -> None:
    assert not listing_history(None, dt.date(2026, 5, 30), 12).available
    plain = tmp_path / "plain"
    plain.mkdir()
    no_repo = listing_history(plain, dt.date(2026, 5, 30), 12)
    assert no_repo.reason == ("The content folder is not a git repository with commits, so "
                              "there is no history of listings.")
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert listing_history(plain, dt.date(2026, 5, 30), 12) == History(
        False, "git is not installed here, so there is no history of listings.", ())


def test_a_history_that_starts_this_month_has_no_points_yet(repo: Path) -> None:
    result = listing_history(repo, dt.date(2026, 1, 30), 12)
    assert not result.available and "no month end" in result.reason
