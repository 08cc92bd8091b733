"""Reading a revision's content files with git plumbing, never touching the working tree.

`thin changes` compares two revisions; checking one out would disturb the
coordinator's files (or a workflow's checkout), so the files a registry loads are
copied out of git's object store into a temporary folder and loaded from there.
Every call runs git with the caller's `GIT_*` variables removed (a hook's
`GIT_DIR` or `GIT_INDEX_FILE` must not redirect it), no network and no prompt, and a
revision is checked before git sees it, so a "revision" such as `--output=x` can
never become an option.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable

# git refuses bad names itself; this only keeps out what could read as an option or
# was never typed as a name (spaces, control characters, a leading dash).
_REVISION = re.compile(r"[^\s\x00-\x1f\x7f]{1,250}")
_SYMLINK, _SUBMODULE = "120000", "160000"
# Larger than any file the portal accepts (toolkit downloads: 10 MiB): not read at all.
MAX_BLOB_BYTES = 32 * 1024 * 1024


class GitError(Exception):
    """A git problem said in one line (a revision that does not exist, no repository)."""


@dataclass(frozen=True)
class Repository:
    """A git working tree, and where the content root sits inside it (`""` at the top)."""

    top: Path
    prefix: str

    def git(self, *args: str, stdin: bytes | None = None) -> bytes:
        return run_git(self.top, *args, stdin=stdin)


def git_environment() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env |= {"GIT_TERMINAL_PROMPT": "0", "GIT_NO_LAZY_FETCH": "1", "LC_ALL": "C"}
    return env


def run_git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run `git --literal-pathspecs ARGS` in `cwd`; its first error line becomes a GitError."""
    try:
        done = subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd, input=stdin,
                              capture_output=True, env=git_environment(), check=False)
    except FileNotFoundError:
        raise GitError("git is not installed; install it (apt-get install git)") from None
    except NotADirectoryError:
        raise GitError(f"{cwd} is not a folder") from None
    if done.returncode:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout


def open_repository(root: Path) -> Repository:
    """The repository holding the content folder `root`, and root's place inside it."""
    if not Path(root).is_dir():
        raise GitError(f"{root} is not a folder")
    try:
        out = run_git(Path(root), "rev-parse", "--show-toplevel", "--show-prefix")
    except GitError:
        raise GitError(f"{root} is not inside a git repository") from None
    top, prefix = out.decode("utf-8").split("\n")[:2]
    return Repository(Path(top), prefix.rstrip("/"))


def resolve_commit(repo: Repository, revision: str) -> str:
    """The commit a revision names, or a GitError saying it does not exist and why."""
    if not _REVISION.fullmatch(revision) or revision.startswith("-"):
        raise GitError(f"{revision!r} is not a revision name (a branch, tag or commit such "
                       "as origin/main)")
    try:
        out = repo.git("rev-parse", "--verify", "--quiet", "--end-of-options",
                       f"{revision}^{{commit}}")
    except GitError:
        raise GitError(f"revision {revision!r} does not exist in {repo.top}; in a shallow "
                       "clone, fetch it first (docs/changes.md)") from None
    return out.decode("ascii").strip()


def export_tree(repo: Repository, commit: str, folders: Iterable[str], dest: Path) -> None:
    """Write the files of `commit` under the content root's `folders` into `dest`.

    Symbolic links are recreated as links (never followed), so the loader refuses
    them exactly as it would in a checkout; submodules are left out.
    """
    spec = [f"{repo.prefix}/{folder}" if repo.prefix else folder for folder in folders]
    listing = repo.git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *spec)
    entries = []
    for line in listing.split(b"\0"):
        if not line:
            continue
        meta, _, name = line.partition(b"\t")
        mode, _kind, sha = meta.decode("ascii").split(" ")
        rel = _relative(name.decode("utf-8", "surrogateescape"), repo.prefix)
        if rel is not None and mode != _SUBMODULE:
            entries.append((mode, sha, rel))
    sizes = _sizes(repo, [sha for _mode, sha, _rel in entries])
    blobs = _read_blobs(repo, [sha for sha, size in sizes.items() if size <= MAX_BLOB_BYTES])
    links = []
    for mode, sha, rel in entries:
        target = dest.joinpath(*rel.parts)
        if mode == _SYMLINK:
            links.append((target, blobs.get(sha, b"")))
            continue
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if sha in blobs:
                target.write_bytes(blobs[sha])
            else:  # as large as in git, unread: the loader refuses it by its size
                with target.open("wb") as sparse:
                    sparse.truncate(sizes[sha])
        except OSError:
            raise GitError(f"{commit[:12]} has a file and a folder both called "
                           f"{rel.parent}; git fsck refuses such a tree") from None
    for target, pointed in links:  # last, so no file above is ever written through a link
        if not target.exists() and not target.is_symlink():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(os.fsdecode(pointed))


def _relative(name: str, prefix: str) -> PurePosixPath | None:
    """A tree path below the content root, or None for one that could escape the folder."""
    if prefix:
        if not name.startswith(prefix + "/"):
            return None
        name = name[len(prefix) + 1:]
    parts = name.split("/")
    if any(part in ("", ".", "..", ".git") for part in parts):
        return None
    return PurePosixPath(*parts)


def _objects(repo: Repository, shas: list[str], batch: str) -> tuple[bytes, list[str]]:
    wanted = sorted(set(shas))
    if not wanted:
        return b"", []
    return repo.git("cat-file", batch, stdin="".join(f"{sha}\n" for sha in wanted).encode()), \
        wanted


def _header(out: bytes, at: int, sha: str) -> tuple[int, int]:
    """(size, where the header line ends) of one object in `cat-file` output."""
    end = out.index(b"\n", at)
    header = out[at:end].decode("ascii").split(" ")
    if len(header) != 3:
        raise GitError(f"object {sha} is not in this clone; fetch the revision again "
                       "without a blob filter")
    return int(header[2]), end


def _sizes(repo: Repository, shas: list[str]) -> dict[str, int]:
    out, wanted = _objects(repo, shas, "--batch-check")
    sizes, at = {}, 0
    for sha in wanted:
        sizes[sha], end = _header(out, at, sha)
        at = end + 1
    return sizes


def _read_blobs(repo: Repository, shas: list[str]) -> dict[str, bytes]:
    """Every blob's bytes in one `git cat-file --batch` call."""
    out, wanted = _objects(repo, shas, "--batch")
    blobs, at = {}, 0
    for sha in wanted:
        size, end = _header(out, at, sha)
        blobs[sha] = out[end + 1:end + 1 + size]
        at = end + 1 + size + 1
    return blobs
