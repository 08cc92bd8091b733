"""BAD-INPUTS.md, "Determinism and atomicity": a failed build changes nothing and
leaves no temporary folders; deleted content leaves no stale pages; the same content
builds byte-identical trees whatever the hash seed, time zone, locale or file order.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, REPO, TODAY
from tests.unit.bad_inputs_support import ORG_PATH, digest, org, quoted
from thin_build import build as build_module
from thin_build.build import build_site
from thin_build.core import render as render_module
from thin_build.core.errors import BuildError, ContentError


def _siblings(out: Path) -> list[str]:
    """Anything the build left next to the output folder besides the output itself."""
    return sorted(p.name for p in out.parent.iterdir()
                  if p.name.startswith((f"{out.name}.tmp-", f"{out.name}.old-")))


def _link_org(root: Path) -> None:
    os.symlink("/etc/passwd", root / "orgs/passwd.md")


BREAKAGES = [
    pytest.param({ORG_PATH: "Caf\xe9".encode("latin-1")}, id="not-utf8"),
    pytest.param({ORG_PATH: org("webiste: https://x.example.org/")}, id="unknown-key"),
    pytest.param({ORG_PATH: org(body="<<<<<<< HEAD\na\n=======\nb\n>>>>>>> x")}, id="conflict"),
    pytest.param({"content/taxonomies/wards.yaml": None}, id="missing-taxonomy"),
    pytest.param(_link_org, id="symlink"),
]


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_failed_build_leaves_the_previous_site_untouched(make_site, breakage) -> None:
    root = make_site()
    out = root.parent / "site"
    build_site(root, out, TODAY)
    before = digest(out)
    if callable(breakage):
        breakage(root)
    else:
        root = make_site(breakage)
    with pytest.raises(ContentError) as failure:
        build_site(root, out, TODAY)
    assert any(p.is_error for p in failure.value.problems)
    assert digest(out) == before
    assert _siblings(out) == []


@pytest.mark.parametrize("fail_at", ["render", "copy"])
def test_a_crash_part_way_through_writing_leaves_the_previous_site(make_site, monkeypatch,
                                                                    fail_at) -> None:
    root = make_site()
    out = root.parent / "site"
    build_site(root, out, TODAY)
    before = digest(out)
    calls = []

    def render_then_crash(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("disk full")
        return real_render(*args, **kwargs)

    def copy_crash(self, rel, source):
        raise RuntimeError("disk full")

    real_render = render_module.render_page
    if fail_at == "render":
        monkeypatch.setattr(render_module, "render_page", render_then_crash)
    else:
        monkeypatch.setattr(build_module.OutputTree, "copy", copy_crash)
    # A page that fails to render is a BuildError naming it; a failed copy is raised as is.
    with pytest.raises(BuildError if fail_at == "render" else RuntimeError, match="disk full"):
        build_site(root, out, TODAY)
    assert digest(out) == before
    assert _siblings(out) == []


def test_a_first_build_that_fails_creates_nothing(make_site) -> None:
    root = make_site({ORG_PATH: b"\x00\x00"})
    out = root.parent / "site"
    with pytest.raises(ContentError):
        build_site(root, out, TODAY)
    assert not out.exists() and _siblings(out) == []


def test_deleted_and_renamed_content_leaves_no_stale_pages(make_site) -> None:
    root = make_site()
    out = root.parent / "site"
    build_site(root, out, TODAY)
    assert (out / "orgs/spice-kitchen/index.html").is_file()
    (root / "orgs/spice-kitchen.md").unlink()
    (root / "orgs/weavers-green.yaml").rename(root / "orgs/weavers-green-group.yaml")
    build_site(root, out, TODAY)
    assert not (out / "orgs/spice-kitchen").exists()
    assert not (out / "orgs/weavers-green").exists()
    assert (out / "orgs/weavers-green-group/index.html").is_file()
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert "spice-kitchen" not in text and "Spice Kitchen" not in text, path
            assert "orgs/weavers-green/" not in text, path
    assert _siblings(out) == []


EXTRA_ORGS = {
    "zebra-crossing-club": "Zebra Crossing Club",
    "apfel-kitchen": "Äpfel Kitchen",
    "apple-tree": "apple tree",
    "elan-dance": "Élan Dance",
    "10-steps": "10 Steps",
    "bangla-club": "বাংলা Club",
    "omega": "Ω Omega",
    "eve-and-co": "eve & co",
}


def _tree(root: Path, reverse: bool) -> None:
    """The base site plus extra orgs, with every file created in the given order."""
    files = sorted(p for p in BASE_SITE.rglob("*") if p.is_file())
    extra = sorted(EXTRA_ORGS.items())
    for path in reversed(files) if reverse else files:
        target = root / path.relative_to(BASE_SITE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    for slug, name in reversed(extra) if reverse else extra:
        (root / f"orgs/{slug}.md").write_text(org(name=quoted(name)), encoding="utf-8")


def test_builds_are_byte_identical_across_seeds_zones_locales_and_order(tmp_path) -> None:
    runs = [("one", "0", "UTC", "C.UTF-8", False),
            ("two", "4242", "Pacific/Kiritimati", "POSIX", True)]
    processes = []
    for name, seed, zone, locale, reverse in runs:
        root = tmp_path / f"repo-{name}"
        _tree(root, reverse)
        env = {k: v for k, v in os.environ.items()
               if k not in ("SOURCE_DATE_EPOCH", "LANG", "LANGUAGE") and not k.startswith("LC_")}
        env |= {"PYTHONHASHSEED": seed, "TZ": zone, "LC_ALL": locale, "PYTHONPATH": str(REPO)}
        command = [sys.executable, "-m", "thin_build", "build", "--root", str(root),
                   "--out", str(tmp_path / f"site-{name}"), "--today", "2026-11-24"]
        processes.append(subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.PIPE,
                                          stderr=subprocess.PIPE))
    for process in processes:
        _stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 0, stderr.decode()
    first, second = (digest(tmp_path / f"site-{name}") for name, *_ in runs)
    assert first == second
    assert "orgs/bangla-club/index.html" in first and len(first) > 40
    for path in (tmp_path / "site-one").rglob("*.html"):
        assert str(tmp_path) not in path.read_text(encoding="utf-8")  # no absolute paths leak
