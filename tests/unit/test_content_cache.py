"""The content cache: what it gives back is exactly what parsing and converting give, and
nothing it holds is trusted (see `thin_build/core/content_cache.py`)."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import TODAY
from thin_build.build import build_site
from thin_build.capabilities import PORTAL
from thin_build.core import code_version as versions
from thin_build.core import content_cache, load, markup
from thin_build.core.content_cache import CACHE_DIR, CACHE_FILE, ContentCache
from thin_build.core.load import load_repository

BROKEN = {  # files the loader refuses, so their problems are cached too
    "orgs/broken-yaml.md": "---\nname: [unclosed\n---\nText.\n",
    "orgs/windows-text.md": b"---\nname: Caf\x93\n---\n",
    "orgs/tagged.yaml": "name: !!python/object:os.system x\n",
    "orgs/twice.yaml": "name: One\nname: Two\n",
    "orgs/no-front-matter.md": "name: x\n",
}


@pytest.fixture(autouse=True)
def cache_in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test suite points THIN_CACHE at one shared folder; these tests use the
    repository's own `.thin-cache/`, which is what a coordinator's build uses."""
    monkeypatch.delenv(content_cache.CACHE_ENV, raising=False)


@pytest.fixture
def make_site(make_site):
    """The base site without any cache a build of the base site itself left in it."""
    def factory(files: dict[str, str | bytes | None] | None = None) -> Path:
        root = make_site(files)
        shutil.rmtree(root / CACHE_DIR, ignore_errors=True)
        return root
    return factory


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The repository paths the loader really parsed (the cache's misses)."""
    seen: list[str] = []
    real = load.parse_content

    def counting(data: bytes, rel: str):
        seen.append(rel)
        return real(data, rel)

    monkeypatch.setattr(load, "parse_content", counting)
    return seen


def cache_file(root: Path) -> Path:
    return root / CACHE_DIR / CACHE_FILE


def load_with_cache(root: Path):
    cache = content_cache.open_cache(root)
    loaded = load_repository(root, PORTAL.sources(), cache)
    cache.save()
    return loaded


def site_bytes(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file()}


def rewrite_entries(root: Path, change) -> None:
    """Apply `change(section, decoded entry)` to every entry of the cache file by hand."""
    header, *lines = cache_file(root).read_text("utf-8").rstrip("\n").split("\n")
    edited = []
    for line in lines:
        key, _, value = line.partition("\t")
        edited.append(f"{key}\t{json.dumps(change(key[0], json.loads(value)))}")
    cache_file(root).write_text("\n".join([header, *edited]) + "\n", "utf-8")


def test_a_warm_load_equals_a_cold_one_problems_included(make_site, parses) -> None:
    root = make_site(BROKEN)
    uncached = load_repository(root, PORTAL.sources())
    files = len(parses)
    cold = load_with_cache(root)
    warm = load_with_cache(root)
    assert len(parses) == 2 * files  # the uncached load and the cold one; the warm none
    assert warm == cold == uncached
    assert warm.problems == uncached.problems
    assert {p.location.path for p in warm.problems} >= set(BROKEN)


def test_an_edited_file_alone_is_parsed_again(make_site, parses) -> None:
    root = make_site()
    load_with_cache(root)
    path = root / "orgs/bow-youth.md"
    path.write_text(path.read_text("utf-8").replace("Bow Youth Project", "Bow Youth Club"),
                    "utf-8")
    parses.clear()
    warm = load_with_cache(root)
    assert parses == ["orgs/bow-youth.md"]
    assert warm == load_repository(root, PORTAL.sources())


def test_the_same_bytes_at_another_path_are_parsed_again(make_site, parses) -> None:
    """Locations name the file, so a renamed file cannot reuse the old path's result."""
    root = make_site()
    load_with_cache(root)
    (root / "orgs/bow-youth.md").rename(root / "orgs/bow-youth-club.md")
    parses.clear()
    warm = load_with_cache(root)
    assert parses == ["orgs/bow-youth-club.md"]
    record = next(r for r in warm.records if r.slug == "bow-youth-club")
    assert record.data.location.path == "orgs/bow-youth-club.md"


def test_new_code_starts_the_cache_afresh(make_site, parses, monkeypatch) -> None:
    root = make_site()
    load_with_cache(root)
    files = len(parses)
    monkeypatch.setattr(content_cache, "code_version", lambda: "0123456789abcdef")
    parses.clear()
    load_with_cache(root)
    assert len(parses) == files
    assert cache_file(root).read_text("utf-8").startswith(
        '{"format":1,"code":"0123456789abcdef"}\n')


def test_entries_this_build_did_not_use_are_dropped(make_site) -> None:
    root = make_site()
    load_with_cache(root)
    before = cache_file(root).read_text("utf-8").count("\nf:")
    (root / "orgs/bow-youth.md").unlink()
    load_with_cache(root)
    assert cache_file(root).read_text("utf-8").count("\nf:") == before - 1


def test_an_unchanged_cache_is_not_written_again(make_site) -> None:
    root = make_site()
    load_with_cache(root)
    inode = cache_file(root).stat().st_ino
    load_with_cache(root)
    assert cache_file(root).stat().st_ino == inode  # os.replace would give a new file


def _at_first_position(entry: list, line: object, column: object) -> list:
    """The entry with its first position (its node's, else its first problem's) changed."""
    if entry[0]:
        return [[line, column, entry[0][2]], entry[1]]
    return [None, [problem[:2] + [line, column] + problem[4:] for problem in entry[1]]]


def _huge_line(_section: str, entry: list) -> object:
    return _at_first_position(entry, 10 ** 30, 1)


def _line_as_text(_section: str, entry: list) -> object:
    return _at_first_position(entry, "1", 1)


def _bool_column(_section: str, entry: list) -> object:
    return _at_first_position(entry, 1, True)


def _number_values(_section: str, entry: list) -> object:
    if not entry[0]:
        return [None, [[5, "message", 1, 1, "e"]]]
    payload = entry[0][2]
    inside = {key: [1, 1, [1, 1, 5]] for key in payload} if isinstance(payload, dict) else 5
    return [entry[0][:2] + [inside], entry[1]]


def _wrong_severity(_section: str, entry: list) -> object:
    return [entry[0], [[p[0], p[1], p[2], p[3], "fatal"] for p in entry[1]]
            or [["code", "message", 1, 1, "fatal"]]]


def _map_as_list(_section: str, entry: list) -> object:
    return [entry[0][:2] + [[[1, 1, "x"], "y"]], entry[1]] if entry[0] else [1, 2, 3]


@pytest.mark.parametrize("change", [_huge_line, _line_as_text, _bool_column, _number_values,
                                    _wrong_severity, _map_as_list])
def test_an_entry_of_the_wrong_shape_is_parsed_again(make_site, parses, change) -> None:
    root = make_site(BROKEN)
    expected = load_with_cache(root)
    files = len(parses)
    rewrite_entries(root, change)
    parses.clear()
    assert load_with_cache(root) == expected
    assert len(parses) == files  # every entry refused
    parses.clear()
    assert load_with_cache(root) == expected and parses == []  # and rewritten


def _cut_in_half(text: str) -> str:
    return text[:len(text) // 2]


def _huge_number_text(text: str) -> str:
    return text.replace("\t[", "\t[" + "9" * 5000)


def _wrong_header(text: str) -> str:
    return '["format",1]\n' + text.partition("\n")[2]


def _no_tabs(text: str) -> str:
    return text.replace("\t", " ")


@pytest.mark.parametrize("spoil", [_cut_in_half, _huge_number_text, _wrong_header, _no_tabs,
                                   lambda _text: "\x00\xff garbage \ud800"])
def test_a_spoilt_cache_file_is_ignored_and_rebuilt(make_site, parses, spoil) -> None:
    root = make_site(BROKEN)
    expected = load_with_cache(root)
    path = cache_file(root)
    path.write_bytes(spoil(path.read_text("utf-8")).encode("utf-8", "surrogatepass"))
    assert load_with_cache(root) == expected
    parses.clear()
    assert load_with_cache(root) == expected and parses == []


def test_bytes_that_are_not_text_are_ignored(make_site) -> None:
    root = make_site()
    expected = load_repository(root, PORTAL.sources())
    cache_file(root).parent.mkdir()
    cache_file(root).write_bytes(bytes(range(256)) * 8)
    assert load_with_cache(root) == expected


def test_warm_cold_and_uncached_builds_write_the_same_bytes(make_site, monkeypatch,
                                                             tmp_path) -> None:
    root = make_site()
    uncached = site_bytes(build_site(root, tmp_path / "none", TODAY, cache=False).out)
    assert not cache_file(root).exists()
    cold = site_bytes(build_site(root, tmp_path / "cold", TODAY).out)
    converted: list[str] = []
    real = markup._converted.__wrapped__
    monkeypatch.setattr(markup, "_converted", lambda text: converted.append(text) or real(text))
    warm = site_bytes(build_site(root, tmp_path / "warm", TODAY).out)
    assert converted == []  # every body came from the cache file
    assert "\nm:" in cache_file(root).read_text("utf-8")
    assert warm == cold == uncached


def test_html_planted_in_the_cache_is_still_sanitised(make_site, tmp_path) -> None:
    """Cached Markdown is the HTML before nh3; the sanitiser runs on every use."""
    root = make_site()
    build_site(root, tmp_path / "first", TODAY)
    planted = '<p>planted</p><script>alert(1)</script><a href="javascript:x()">go</a>'
    rewrite_entries(root, lambda section, entry: planted if section == "m" else entry)
    pages = site_bytes(build_site(root, tmp_path / "second", TODAY).out)
    html = b"".join(data for rel, data in pages.items() if rel.endswith(".html"))
    assert b"<p>planted</p>" in html  # the planted entry was used...
    assert b"alert(1)" not in html and b"javascript:" not in html  # ...and cleaned


def test_a_cache_file_tracked_by_git_is_neither_read_nor_written(make_site, tmp_path) -> None:
    """A commit that forces `.thin-cache/` in cannot make the site differ from its files."""
    root = make_site()
    load_with_cache(root)
    rewrite_entries(root, lambda section, entry: (
        [entry[0][:2] + [{**entry[0][2], "name": [1, 1, [1, 1, "Planted name"]]}], entry[1]]
        if section == "f" and entry[0] and "name" in entry[0][2] else entry))
    untracked = tmp_path / "untracked"
    shutil.copytree(root, untracked)
    assert "Planted name" in repr(load_with_cache(untracked).records)  # it would be used
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run([*git, "add", "-f", f"{CACHE_DIR}/{CACHE_FILE}"], cwd=root, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "cache"], cwd=root, check=True)
    planted = cache_file(root).read_bytes()
    expected = site_bytes(build_site(root, tmp_path / "expected", TODAY, cache=False).out)
    assert site_bytes(build_site(root, tmp_path / "built", TODAY).out) == expected
    assert b"Planted name" not in b"".join(expected.values())
    assert cache_file(root).read_bytes() == planted


def test_a_cache_that_cannot_be_written_is_skipped(make_site, monkeypatch, tmp_path) -> None:
    root = make_site()
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", "utf-8")
    monkeypatch.setenv(content_cache.CACHE_ENV, str(blocker / "cache"))
    expected = load_repository(root, PORTAL.sources())
    assert load_with_cache(root) == expected
    assert not (blocker / "cache").exists()


def test_thin_cache_0_turns_it_off(make_site, monkeypatch) -> None:
    monkeypatch.setenv(content_cache.CACHE_ENV, "0")
    root = make_site()
    assert content_cache.open_cache(root) is None
    assert content_cache.open_cache(make_site(), enabled=True) is None
    monkeypatch.delenv(content_cache.CACHE_ENV)
    assert content_cache.open_cache(root, enabled=False) is None
    assert isinstance(content_cache.open_cache(root), ContentCache)


def test_the_code_version_follows_content_not_the_folder(monkeypatch, tmp_path) -> None:
    def version_of(folder: Path) -> str:
        monkeypatch.setattr(versions, "PACKAGE_DIR", folder)
        versions.code_version.cache_clear()
        return versions.code_version()

    package = tmp_path / "one" / "thin_build"
    (package / "core").mkdir(parents=True)
    (package / "core" / "load.py").write_text("A = 1\n", "utf-8")
    first = version_of(package)
    shutil.copytree(package, tmp_path / "two" / "thin_build")
    moved = version_of(tmp_path / "two" / "thin_build")
    (package / "core" / "load.py").write_text("A = 2\n", "utf-8")
    edited = version_of(package)
    versions.code_version.cache_clear()
    assert first == moved != edited
    assert len(first) == 16 and int(first, 16) >= 0
