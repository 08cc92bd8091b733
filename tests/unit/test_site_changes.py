"""Writing a rebuild's files into `site/` (`site_changes.write_changes`): only files whose
bytes differ are replaced, and a file whose digest is known to be unchanged is not read."""
from __future__ import annotations

from pathlib import Path

from tests.helpers import TODAY
from tests.unit.test_incremental import (
    _add_listing,
    _assert_same_as_full_build,
    _edit_summary,
    bilingual_copy,
)
from thin_build.core.write import MemorySink, file_digest
from thin_build.incremental import Rebuilder
from thin_build.site_changes import write_changes


def _sink(files: dict[str, bytes]) -> MemorySink:
    sink = MemorySink()
    for rel, data in files.items():
        sink.write(rel, data)
    return sink


def test_a_file_with_a_known_unchanged_digest_is_not_read_back(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"changed by hand")
    known = {"a.json": file_digest(b"made")}
    assert write_changes(tmp_path, _sink({"a.json": b"made"}), {}, set(), known) == (0, 0)
    assert (tmp_path / "a.json").read_bytes() == b"changed by hand", "trusted, so left alone"


def test_files_without_a_digest_are_compared_and_their_digests_recorded(tmp_path: Path) -> None:
    (tmp_path / "same.json").write_bytes(b"same")
    (tmp_path / "old.json").write_bytes(b"old")
    (tmp_path / "gone.json").write_bytes(b"gone")
    known = {"gone.json": file_digest(b"gone"), "old.json": file_digest(b"old")}
    sink = _sink({"same.json": b"same", "old.json": b"new", "sub/new.json": b"fresh"})
    assert write_changes(tmp_path, sink, {}, {"gone.json"}, known) == (2, 1)
    assert (tmp_path / "old.json").read_bytes() == b"new"
    assert (tmp_path / "sub/new.json").read_bytes() == b"fresh"
    assert not (tmp_path / "gone.json").exists()
    assert known == {name: file_digest(data) for name, data in
                     (("same.json", b"same"), ("old.json", b"new"), ("sub/new.json", b"fresh"))}


def test_a_rebuilders_digests_are_those_of_the_files_in_site(tmp_path: Path) -> None:
    """After the full build and after a rebuild, each remembered digest is the file's own."""
    rebuilder = Rebuilder(bilingual_copy(tmp_path), today=TODAY, pdf=False, jobs=2)
    rebuilder.build()
    for edit in (_edit_summary, _add_listing, None):
        out = rebuilder.out
        assert "search/manifest.json" in rebuilder.file_digests
        assert {rel: file_digest((out / rel).read_bytes()) for rel in rebuilder.file_digests} \
            == rebuilder.file_digests
        if edit is not None:
            rebuilder.rebuild(edit(rebuilder.root))
    _assert_same_as_full_build(rebuilder.root)
