"""Listing counts over time, read from the repository's git history.

The evidence page shows how many listings (organisations + providers) there were, and how
many were verified, at each month end. The numbers come from the listing files as they
stood in git at that date, so nothing new has to be recorded to get a trend. Only git
plumbing is used, locally, with the caller's `GIT_*` variables removed (so a hook's or a
CI runner's settings cannot point it at another repository), and only when `root` is the
top of its own repository: a content folder inside someone else's checkout has no history
of its own. Reading every month's files is slow on a long history, so what each commit
holds is cached in `root/.thin-cache/`, keyed by commit id; a cache that cannot be read is
ignored and rebuilt, since it only ever repeats what git says.
"""
from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import json
import os
import subprocess
from pathlib import Path

from ..core.capability import Source
from ..core.folders import INDEX
from ..core.i18n import gettext as _
from ..core.parse import split_front_matter
from ..core.raw import RawMap, RawScalar
from ..core.text import decode
from ..core.yaml_nodes import parse_yaml
from ..directory.model import review_due
from ..directory.schema import KINDS as LISTING_KINDS

CACHE_DIR = ".thin-cache"
CACHE_FILE = "listing-history.json"
CACHE_VERSION = 2  # 2: organisations kept as folders count
GIT_TIMEOUT_SECONDS = 60


@dataclasses.dataclass(frozen=True)
class MonthCount:
    """Listings and verified listings as they stood at one month end."""

    month_end: dt.date
    listings: int
    verified: int


@dataclasses.dataclass(frozen=True)
class History:
    """The trend, or, when there is none, the reason in words (``available`` False)."""

    available: bool
    reason: str
    points: tuple[MonthCount, ...]


class _NoHistory(Exception):
    """Why there is no history, in words for the evidence page."""


def listing_history(root: Path | None, today: dt.date, stale_after_months: int) -> History:
    """Counts at each month end from the first commit's month to the last before ``today``."""
    try:
        git = _Git(_repository_top(root))
        commits = git.first_parent_commits()
        month_ends = _month_ends(dt.datetime.fromtimestamp(commits[-1][1], dt.timezone.utc)
                                 .date(), today)
        if not month_ends:
            raise _NoHistory(_("The history starts this month, so there is no month end to "
                             "count yet."))
        cache = _read_cache(git.root)
        used: dict[str, list[str | None]] = {}
        points = []
        for month_end in month_ends:
            commit = _commit_at(commits, month_end)
            if commit is None:
                continue
            if commit not in used:
                used[commit] = cache.get(commit) or git.verified_dates(commit)
            dates = [None if d is None else dt.date.fromisoformat(d) for d in used[commit]]
            verified = sum(not review_due(d, stale_after_months, month_end) for d in dates)
            points.append(MonthCount(month_end, len(dates), verified))
        _write_cache(git.root, used)
    except _NoHistory as reason:
        return History(False, str(reason), ())
    return History(True, "", tuple(points))


def _repository_top(root: Path | None) -> Path:
    if root is None:
        raise _NoHistory(_("No content folder was given, so there is no history to read."))
    root = Path(root).resolve()
    top = _Git(root).run("rev-parse", "--show-toplevel").decode("utf-8", "replace").strip()
    if Path(top).resolve() != root:
        raise _NoHistory(_("The content folder is not the top of its own git repository, so "
                         "its history is not read."))
    return root


class _Git:
    """Local, read-only git plumbing in one repository, with a clean environment."""

    def __init__(self, root: Path):
        self.root = root
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith("GIT_")}
        # The machine's own git settings stay (a CI runner's `safe.directory` among them);
        # `core.fsmonitor` is turned off, so reading history never starts a program.
        self.env.update(LC_ALL="C", GIT_TERMINAL_PROMPT="0")

    def run(self, *args: str, stdin: bytes | None = None) -> bytes:
        try:
            done = subprocess.run(
                ["git", "-c", "core.fsmonitor=false", "--no-pager", *args], cwd=self.root,
                env=self.env, input=stdin, capture_output=True, timeout=GIT_TIMEOUT_SECONDS)
        except FileNotFoundError:
            raise _NoHistory(_("git is not installed here, so there is no history of "
                             "listings.")) from None
        except (OSError, subprocess.TimeoutExpired):
            raise _NoHistory(_("git could not be run here, so there is no history of "
                             "listings.")) from None
        if done.returncode != 0:
            raise _NoHistory(_("The content folder is not a git repository with commits, so "
                             "there is no history of listings."))
        return done.stdout

    def first_parent_commits(self) -> list[tuple[str, int]]:
        """(commit id, committer time) along the main line, newest first."""
        words = self.run("rev-list", "--first-parent", "--timestamp", "HEAD").decode().split()
        return [(commit, int(stamp)) for stamp, commit in zip(words[::2], words[1::2])]

    def verified_dates(self, commit: str) -> list[str | None]:
        """The `last_verified` date (ISO text, or None) of every listing file at a commit."""
        sources = {kind.source.path: kind.source for kind in LISTING_KINDS}
        listing = self.run("ls-tree", "-r", "-z", commit, "--", *(f"{p}/" for p in sources))
        paths, blobs = [], []
        for entry in listing.decode("utf-8", "replace").split("\0"):
            meta, _, path = entry.partition("\t")
            if meta.split(" ")[1:2] == ["blob"] and _is_listing(path, sources):
                paths.append(path)
                blobs.append(meta.split(" ")[2])
        return sorted((_verified_in(path, data) for path, data in zip(paths, self._blobs(blobs))),
                      key=lambda d: d or "")

    def _blobs(self, blobs: list[str]) -> list[bytes]:
        """Every blob's content in one `cat-file --batch` call."""
        out = self.run("cat-file", "--batch", stdin="".join(b + "\n" for b in blobs).encode())
        contents, at = [], 0
        for _blob in blobs:
            header_end = out.index(b"\n", at)
            size = int(out[at:header_end].split(b" ")[2])
            contents.append(out[header_end + 1:header_end + 1 + size])
            at = header_end + 1 + size + 1
        return contents


def _is_listing(path: str, sources: dict[str, Source]) -> bool:
    """A listing's own file: `orgs/<slug>.md`, or `orgs/<slug>/index.md` where the kind
    may be kept as a folder (an organisation's small site; its pages are not listings)."""
    parts = path.split("/")
    source = sources.get(parts[0])
    if source is None or any(part.startswith(".") for part in parts):
        return False
    if len(parts) == 2:
        return parts[1].endswith(source.extensions)
    return (len(parts) == 3 and source.folders
            and parts[2] in {INDEX + ext for ext in source.extensions})


def _verified_in(path: str, data: bytes) -> str | None:
    """A listing file's `last_verified`, if it reads as a date; else None (never verified)."""
    text, problems = decode(data, path)
    if text is None:
        return None
    if path.endswith(".md"):
        split = split_front_matter(text, path)
        if not isinstance(split, tuple):
            return None
        text = split[0]
    node, _ = parse_yaml(text, path, 0)
    value = node.get("last_verified") if isinstance(node, RawMap) else None
    try:
        return dt.date.fromisoformat(value.value).isoformat() if isinstance(
            value, RawScalar) and value.value else None
    except ValueError:
        return None


def _month_ends(first: dt.date, today: dt.date) -> list[dt.date]:
    """Every month end from `first`'s month up to, but not after, `today`."""
    ends, year, month = [], first.year, first.month
    while True:
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
        if end > today:
            return ends
        ends.append(end)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _commit_at(commits: list[tuple[str, int]], month_end: dt.date) -> str | None:
    """The newest main-line commit made by the end of `month_end` (UTC)."""
    cutoff = dt.datetime.combine(month_end + dt.timedelta(days=1), dt.time(),
                                 dt.timezone.utc).timestamp()
    return next((commit for commit, stamp in commits if stamp < cutoff), None)


def _read_cache(root: Path) -> dict[str, list[str | None]]:
    """What earlier builds found at each commit; anything unreadable counts as no cache."""
    try:
        data = json.loads((root / CACHE_DIR / CACHE_FILE).read_text("utf-8"))
        if data.get("version") != CACHE_VERSION:
            return {}
        commits = data["commits"]
        if all(isinstance(dates, list) and all(d is None or isinstance(d, str)
               and dt.date.fromisoformat(d) for d in dates) for dates in commits.values()):
            return commits
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        pass
    return {}


def _write_cache(root: Path, commits: dict[str, list[str | None]]) -> None:
    """Keep only the commits this build used, written whole or not at all."""
    folder = root / CACHE_DIR
    try:
        folder.mkdir(exist_ok=True)
        temporary = folder / (CACHE_FILE + ".tmp")
        temporary.write_text(json.dumps({"version": CACHE_VERSION, "commits": commits},
                                        sort_keys=True, indent=0), "utf-8")
        temporary.replace(folder / CACHE_FILE)
    except OSError:
        pass  # a read-only checkout still gets its trend, just without a cache
