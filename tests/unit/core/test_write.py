"""The output tree: safe paths, no path written twice, an atomic swap or nothing."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from thin_build.core.write import OutputCollision, OutputTree


def leftovers(parent: Path) -> list[str]:
    return sorted(p.name for p in parent.iterdir() if ".tmp-" in p.name or ".old-" in p.name)


@pytest.mark.parametrize("rel", ["../x", "a/../../x", "/etc/passwd", "/x", "", ".", "a//b",
                                 "a/./b", "./a", "a/", "a/b/", ".."])
def test_unsafe_paths_are_refused(tmp_path: Path, rel: str) -> None:
    with OutputTree(tmp_path / "site") as tree:
        with pytest.raises(ValueError, match="unsafe output path"):
            tree.write(rel, "x")
        assert list(tree.tmp.rglob("*")) == []
    assert not (tmp_path / "x").exists()
    assert leftovers(tmp_path) == []


def test_writing_a_path_twice_is_a_collision(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(b"png")
    with OutputTree(tmp_path / "site") as tree:
        tree.write("orgs/a/index.html", "first")
        with pytest.raises(OutputCollision, match="orgs/a/index.html"):
            tree.write("orgs/a/index.html", "second")
        with pytest.raises(OutputCollision):
            tree.copy("orgs/a/index.html", source)
        assert (tree.tmp / "orgs/a/index.html").read_text() == "first"


def test_one_file_has_one_spelling(tmp_path: Path) -> None:
    """Another spelling of a written path must not silently overwrite it."""
    with OutputTree(tmp_path / "site") as tree:
        tree.write("orgs/a/index.html", "first")
        for other in ("orgs/a/./index.html", "orgs//a/index.html", "./orgs/a/index.html"):
            with pytest.raises((ValueError, OutputCollision)):
                tree.write(other, "second")
        assert (tree.tmp / "orgs/a/index.html").read_text() == "first"


def test_commit_writes_text_and_bytes(tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(b"\x89PNG")
    with OutputTree(tmp_path / "site") as tree:
        tree.write("index.html", "café")
        tree.write("data/a.bin", b"\x00\xff")
        tree.copy("media/logo.png", source)
        tree.commit()
    site = tmp_path / "site"
    assert (site / "index.html").read_bytes() == "café".encode()
    assert (site / "data/a.bin").read_bytes() == b"\x00\xff"
    assert (site / "media/logo.png").read_bytes() == b"\x89PNG"
    assert tree.written == {"index.html", "data/a.bin", "media/logo.png"}
    assert leftovers(tmp_path) == []


def test_commit_replaces_the_old_tree_entirely(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "orgs/deleted").mkdir(parents=True)
    (site / "orgs/deleted/index.html").write_text("stale")
    (site / "index.html").write_text("old")
    with OutputTree(site) as tree:
        tree.write("index.html", "new")
        assert (site / "index.html").read_text() == "old"  # untouched until commit
        tree.commit()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["index.html"]
    assert (site / "index.html").read_text() == "new"
    assert leftovers(tmp_path) == []
    assert oct(site.stat().st_mode & 0o777) == "0o755"


def _gone_within(parent: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while leftovers(parent) and time.monotonic() < deadline:
        time.sleep(0.05)
    return leftovers(parent) == []


def test_commit_without_waiting_swaps_first_and_deletes_the_old_tree_after(
        tmp_path: Path, monkeypatch) -> None:
    site = tmp_path / "site"
    (site / "orgs/deleted").mkdir(parents=True)
    (site / "orgs/deleted/index.html").write_text("stale")
    started = []
    real = subprocess.Popen

    def popen(command, **options):
        started.append(command)
        return real(command, **options)

    monkeypatch.setattr(subprocess, "Popen", popen)
    with OutputTree(site) as tree:
        tree.write("index.html", "new")
        tree.commit(wait=False)
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == ["index.html"]
    [(rm, force, end, old)] = started
    assert (rm, force, end) == ("rm", "-rf", "--")
    assert Path(old).parent == tmp_path and Path(old).name.startswith("site.old-")
    assert _gone_within(tmp_path, 30), leftovers(tmp_path)


def test_commit_without_waiting_deletes_here_when_no_process_can_start(
        tmp_path: Path, monkeypatch) -> None:
    def fail(*_args, **_options):
        raise OSError("no processes left")

    monkeypatch.setattr(subprocess, "Popen", fail)
    (tmp_path / "site").mkdir()
    (tmp_path / "site/old.html").write_text("old")
    with OutputTree(tmp_path / "site") as tree:
        tree.write("index.html", "new")
        tree.commit(wait=False)
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == ["index.html"]


def test_a_failure_inside_the_with_leaves_the_previous_output(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    with pytest.raises(RuntimeError):
        with OutputTree(site) as tree:
            tree.write("index.html", "half")
            tree.write("other.html", "half")
            raise RuntimeError("a template failed")
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert (site / "index.html").read_text() == "old"
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_failure_before_any_output_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputCollision):
        with OutputTree(tmp_path / "deep/site") as tree:
            tree.write("a.html", "x")
            tree.write("a.html", "y")
    assert not (tmp_path / "deep/site").exists()
    assert list((tmp_path / "deep").iterdir()) == []


def test_the_temporary_tree_sits_beside_the_output(tmp_path: Path) -> None:
    """Same file system, so the final rename is atomic."""
    with OutputTree(tmp_path / "site") as tree:
        assert tree.tmp.parent == tmp_path
        assert tree.tmp.name.startswith("site.tmp-")
