"""`thin changes` on a temporary git repository: a base commit and a head commit.

The repository is a small copy of tests/sites/base, committed with fixed authors
and dates so commit ids (and so the outputs) are the same on every machine. Each
output is compared whole: added, removed, renamed and edited listings, and every
warning, in text and in Markdown.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import BASE_SITE, TODAY
from thin_build.cli import main

SMALL_SITE = ("content/site.yaml", "content/taxonomies", "content/media", "orgs", "providers")
REFERRALS = """agreed_by: THIN
agreements:
  - need: payroll
    agency: payroll-bureau
    explanation: The bureau runs payroll for small charities.
  - need: funding
    agency: hub
    explanation: The Hub gives funding advice.
"""
OLD_GROUP = "name: Old Lane Group\nsummary: Closed down.\nwards: [weavers]\nstage: stage-1\n" \
            "last_verified: 2026-10-01\n"
MOVING_GROUP = "name: Moving Group\nsummary: Moves file.\nwards: [weavers]\nstage: stage-1\n" \
               "last_verified: 2026-10-01\n"
NEW_GROUP = "name: New Street Group\nsummary: Brand new.\nwards: [bow-east]\nstage: stage-1\n" \
            "last_verified: 2026-11-20\n"


def git(repo: Path, *args: str) -> str:
    """git with a fixed author and date and no user or system configuration."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env |= {"GIT_AUTHOR_NAME": "Test Coordinator", "GIT_AUTHOR_EMAIL": "coordinator@example.org",
            "GIT_COMMITTER_NAME": "Test Coordinator",
            "GIT_COMMITTER_EMAIL": "coordinator@example.org",
            "GIT_AUTHOR_DATE": "2026-11-20T10:00:00+00:00",
            "GIT_COMMITTER_DATE": "2026-11-20T10:00:00+00:00",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root: Path, files: dict[str, str | None]) -> None:
    for rel, text in files.items():
        if text is None:
            (root / rel).unlink()
        else:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def small_site(path: Path, extra: dict[str, str]) -> Path:
    """The directory's part of the base site (what other rooms add there cannot interfere)."""
    for part in SMALL_SITE:
        if (BASE_SITE / part).is_dir():
            shutil.copytree(BASE_SITE / part, path / part)
        else:
            (path / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(BASE_SITE / part, path / part)
    write(path, extra)
    return path


def new_repository(path: Path, extra: dict[str, str]) -> Path:
    small_site(path, extra)
    git(path, "init", "-q", "-b", "main")
    commit(path, "Base")
    return path


def head_edits(root: Path) -> None:
    """One of every kind of change `thin changes` reports."""
    write(root, {"orgs/new-group.yaml": NEW_GROUP, "orgs/old-group.yaml": None,
                 "orgs/moving-group.yaml": None, "orgs/moved-group.yaml": MOVING_GROUP})
    (root / "orgs/bow-youth.md").rename(root / "orgs/bow-youth-project.md")
    edit(root, "orgs/bow-youth-project.md", "Youth club and homework help in Bow.",
         "Youth club, homework help and | pipes <b>in</b> Bow.")
    edit(root, "providers/hub.md", "phone: 020 7946 0100", "phone: 020 7946 0199")
    edit(root, "providers/hub.md", "cost: Free\n", "cost: Free for everyone\n")
    edit(root, "orgs/spice-kitchen.md", "status: temporarily-closed", "status: closed")
    edit(root, "orgs/weavers-green.yaml", "last_verified: 2026-10-01",
         "last_verified: 2026-11-20")
    edit(root, "providers/payroll-bureau.md", "name: Community Payroll Bureau",
         "name: Weavers Green Groups")
    edit(root, "content/referrals.yaml", "    agency: hub\n", "")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = new_repository(tmp_path_factory.mktemp("changes") / "repo", {
        "content/referrals.yaml": REFERRALS, "orgs/old-group.yaml": OLD_GROUP,
        "orgs/moving-group.yaml": MOVING_GROUP})
    git(root, "checkout", "-q", "-b", "feature")
    head_edits(root)
    commit(root, "Head")
    return root


def changes(root: Path, *args: str):
    return CliRunner().invoke(main, ["changes", "--root", str(root), "--today",
                                     TODAY.isoformat(), *args])


BASE_ID = "main ({})"
TEXT = """\
Changes from {base} to the files as they are now

Check these first (5):
  content/referrals.yaml: the agreed referral agency for funding changed: hub → (none)
  orgs/spice-kitchen.md: marked closed (status was temporarily-closed); check that it has really closed before merging
  orgs/weavers-green.yaml: only last_verified changed (2026-10-01 → 2026-11-20); make sure someone really checked the listing with the organisation
  providers/hub.md: phone (a public phone number) changed: 020 7946 0100 → 020 7946 0199; check it with the organisation before merging
  providers/payroll-bureau.md: name changed from Community Payroll Bureau to Weavers Green Groups, close to Weavers Green Group (orgs/weavers-green.yaml); make sure it is not the same organisation listed twice

Added (1):
  orgs/new-group.yaml: New Street Group (voluntary or community organisation)

Removed (1):
  orgs/old-group.yaml: Old Lane Group (voluntary or community organisation)

Renamed (2):
  orgs/bow-youth.md → orgs/bow-youth-project.md: Bow Youth Project (the same charity number)
  orgs/moving-group.yaml → orgs/moved-group.yaml: Moving Group (the same content)

Changed (6):
  content/referrals.yaml: agreed referral agencies
    agreements[2].agency (the agreed key referral agency; it must offer a service for the need. Leave out while none is agreed): hub → (none)
  orgs/bow-youth-project.md (was orgs/bow-youth.md): Bow Youth Project
    summary (one or two sentences saying what it does): Youth club and homework help in Bow. → Youth club, homework help and | pipes <b>in</b> Bow.
  orgs/spice-kitchen.md: Spice Kitchen Lunch Club
    status (whether it is running): temporarily-closed → closed
  orgs/weavers-green.yaml: Weavers Green Group
    last_verified (the date someone last checked this listing with the organisation): 2026-10-01 → 2026-11-20
  providers/hub.md: Example Voluntary Action Hub
    phone (a public phone number): 020 7946 0100 → 020 7946 0199
    services[2].cost (what it costs): Free → Free for everyone
  providers/payroll-bureau.md: Weavers Green Groups
    name (the organisation's name as it uses it): Community Payroll Bureau → Weavers Green Groups
"""


def test_text_lists_every_change_and_warning_first(repo: Path) -> None:
    result = changes(repo, "--base", "main")
    assert result.exit_code == 0, result.output
    base = BASE_ID.format(git(repo, "rev-parse", "main").strip()[:12])
    assert result.stdout == TEXT.format(base=base)


MARKDOWN = """\
## Content changes

Compared main ({base}) with HEAD ({head}).

### Check these first (5)

| file | what to check |
|---|---|
| content/referrals.yaml | the agreed referral agency for funding changed: hub → (none) |
| orgs/spice-kitchen.md | marked closed (status was temporarily-closed); check that it has really closed before merging |
| orgs/weavers-green.yaml | only last\\_verified changed (2026-10-01 → 2026-11-20); make sure someone really checked the listing with the organisation |
| providers/hub.md | phone (a public phone number) changed: 020 7946 0100 → 020 7946 0199; check it with the organisation before merging |
| providers/payroll-bureau.md | name changed from Community Payroll Bureau to Weavers Green Groups, close to Weavers Green Group (orgs/weavers-green.yaml); make sure it is not the same organisation listed twice |

### Added (1)

| file | what it is | name |
|---|---|---|
| orgs/new-group.yaml | voluntary or community organisation | New Street Group |

### Removed (1)

| file | what it is | name |
|---|---|---|
| orgs/old-group.yaml | voluntary or community organisation | Old Lane Group |

### Renamed (2)

| from | to | name | how we know |
|---|---|---|---|
| orgs/bow-youth.md | orgs/bow-youth-project.md | Bow Youth Project | the same charity number |
| orgs/moving-group.yaml | orgs/moved-group.yaml | Moving Group | the same content |

### Changed (6)

#### content/referrals.yaml: agreed referral agencies

| field | what it is | before | after |
|---|---|---|---|
| agreements\\[2\\].agency | the agreed key referral agency; it must offer a service for the need. Leave out while none is agreed | hub | (none) |

#### orgs/bow-youth-project.md (was orgs/bow-youth.md): Bow Youth Project

| field | what it is | before | after |
|---|---|---|---|
| summary | one or two sentences saying what it does | Youth club and homework help in Bow. | Youth club, homework help and \\| pipes \\<b\\>in\\</b\\> Bow. |

#### orgs/spice-kitchen.md: Spice Kitchen Lunch Club

| field | what it is | before | after |
|---|---|---|---|
| status | whether it is running | temporarily-closed | closed |

#### orgs/weavers-green.yaml: Weavers Green Group

| field | what it is | before | after |
|---|---|---|---|
| last\\_verified | the date someone last checked this listing with the organisation | 2026-10-01 | 2026-11-20 |

#### providers/hub.md: Example Voluntary Action Hub

| field | what it is | before | after |
|---|---|---|---|
| phone | a public phone number | 020 7946 0100 | 020 7946 0199 |
| services\\[2\\].cost | what it costs | Free | Free for everyone |

#### providers/payroll-bureau.md: Weavers Green Groups

| field | what it is | before | after |
|---|---|---|---|
| name | the organisation's name as it uses it | Community Payroll Bureau | Weavers Green Groups |
"""


def test_markdown_for_a_job_summary(repo: Path) -> None:
    result = changes(repo, "--base", "main", "--head", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    ids = {name: git(repo, "rev-parse", name).strip()[:12] for name in ("main", "HEAD")}
    assert result.stdout == MARKDOWN.format(base=ids["main"], head=ids["HEAD"])


def test_the_same_revision_changes_nothing(repo: Path) -> None:
    result = changes(repo, "--base", "HEAD")
    head = git(repo, "rev-parse", "HEAD").strip()[:12]
    assert (result.exit_code, result.stdout) == (0, f"Changes from HEAD ({head}) to the files "
                                                    "as they are now\n\nNo content changed.\n")


@pytest.mark.parametrize("base, message", [
    ("no-such-branch", "thin changes: revision 'no-such-branch' does not exist in {top}; in a "
     "shallow clone, fetch it first (docs/changes.md)"),
    ("--output=stolen", "thin changes: '--output=stolen' is not a revision name (a branch, "
     "tag or commit such as origin/main)"),
    ("main;rm -rf", "thin changes: 'main;rm -rf' is not a revision name (a branch, tag or "
     "commit such as origin/main)"),
    ("", "thin changes: '' is not a revision name (a branch, tag or commit such as "
     "origin/main)"),
])
def test_a_base_that_does_not_exist_is_one_line(repo: Path, base: str, message: str) -> None:
    result = changes(repo, f"--base={base}")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == message.format(top=repo) + "\n"
    assert not (repo / "stolen").exists()


def test_outside_a_repository(tmp_path: Path) -> None:
    result = changes(tmp_path, "--base", "main")
    assert (result.exit_code, result.stderr) == (2, f"thin changes: {tmp_path} is not inside "
                                                    "a git repository\n")
