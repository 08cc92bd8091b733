"""The `thin` command: exit codes, located output, scaffolds, generated docs, serve's host."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import REPO, TODAY
from thin_build import serve
from thin_build.cli import main

DAY = ["--today", TODAY.isoformat()]
BAD_ORG = ("---\nname: Broken Group\nsummary: S.\nwards: [weavers]\nstage: stage-1\n"
           "phone: 123\nlast_verified: 2026-10-01\n---\n")
UNVERIFIED_ORG = "---\nname: Unchecked Group\nsummary: S.\nwards: [weavers]\nstage: stage-1\n---\n"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_validate_passes_on_the_base_site(make_site) -> None:
    result = run("validate", "--root", make_site(), *DAY)
    assert result.exit_code == 0, result.output
    assert result.stdout == "0 errors, 0 warnings: content passes\n"


def test_validate_lists_located_problems_and_fails(make_site) -> None:
    root = make_site({"orgs/broken.md": BAD_ORG})
    result = run("validate", "--root", root, *DAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "orgs/broken.md:6:8: error[bad-phone]: `phone`: '123' is not a UK phone number; write "
        "it like `020 7946 0123` (10 or 11 digits starting with 0, or +44)",
        "1 error, 0 warnings: content fails"]


def test_validate_github_format(make_site) -> None:
    root = make_site({"orgs/broken.md": BAD_ORG})
    result = run("validate", "--root", root, "--format", "github", *DAY)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=orgs/broken.md,line=6,col=8,title=bad-phone::`phone`: '123' is not a UK "
        "phone number; write it like `020 7946 0123` (10 or 11 digits starting with 0, or +44)"]
    assert result.stderr == "1 error, 0 warnings: content fails\n"


def test_strict_turns_warnings_into_failure(make_site) -> None:
    root = make_site({"orgs/unchecked.md": UNVERIFIED_ORG})
    relaxed = run("validate", "--root", root, *DAY)
    assert relaxed.exit_code == 0
    assert "orgs/unchecked.md:1:1: warning[unverified]" in relaxed.stdout
    strict = run("validate", "--root", root, "--strict", *DAY)
    assert strict.exit_code == 1
    assert strict.stdout.endswith("content fails (--strict: warnings count as errors)\n")


def test_today_comes_from_the_option(make_site) -> None:
    root = make_site()
    later = run("validate", "--root", root, "--today", "2027-07-01")
    assert later.exit_code == 0
    assert "warning[stale]" in later.stdout
    assert "error[future-date]" in run("validate", "--root", root, "--today", "2026-01-01").stdout


def test_build_writes_the_site(make_site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", "--root", make_site(), "--out", out, *DAY)
    assert result.exit_code == 0, result.output
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!doctype html>")
    assert (out / "orgs/bow-youth/index.html").exists()
    pages = sum(1 for _ in out.rglob("*.html"))
    files = sum(1 for p in out.rglob("*") if p.is_file())
    assert result.stdout == f"Built {pages} pages ({files} files) into {out}\n"


def test_a_second_build_replaces_the_site_and_the_old_one_is_deleted_after(
        make_site, tmp_path: Path) -> None:
    """`thin build` returns once the new site is in place; the old one, renamed beside it,
    is deleted by a detached process (a slow disk deletes as slowly as it writes)."""
    root, out = make_site(), tmp_path / "out"
    assert run("build", "--root", root, "--out", out, *DAY).exit_code == 0
    (out / "stale.html").write_text("from an older build", encoding="utf-8")
    assert run("build", "--root", root, "--out", out, *DAY).exit_code == 0
    assert not (out / "stale.html").exists() and (out / "orgs/bow-youth/index.html").exists()
    deadline = time.monotonic() + 60
    while any(p.name.startswith("out.old-") for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline, "the old site was never deleted"
        time.sleep(0.05)


def test_build_on_broken_content_exits_1_and_writes_nothing(make_site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", "--root", make_site({"orgs/broken.md": BAD_ORG}), "--out", out, *DAY)
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # a clean exit, not a crash
    assert "Traceback" not in result.output
    assert "orgs/broken.md:6:8: error[bad-phone]" in result.stderr
    assert "site not built (the previous one is unchanged)" in result.stderr
    assert result.stdout == ""
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("out")] == []


def test_build_failure_keeps_the_previous_site(make_site) -> None:
    root = make_site()
    assert run("build", "--root", root, *DAY).exit_code == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    (root / "orgs/broken.md").write_text(BAD_ORG, encoding="utf-8")
    assert run("build", "--root", root, *DAY).exit_code == 1
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before


@pytest.mark.parametrize("kind, folder", [("org", "orgs"), ("provider", "providers")])
def test_new_writes_a_skeleton_that_validates_cleanly(make_site, kind: str, folder: str) -> None:
    root = make_site()
    result = run("new", kind, "Some Name", "--root", root, *DAY)
    assert result.exit_code == 0, result.output
    path = root / folder / "some-name.md"
    text = path.read_text(encoding="utf-8")
    assert 'name: "Some Name"' in text
    assert f"last_verified: \"{TODAY.isoformat()}\"" in text
    check = run("validate", "--root", root, *DAY)
    assert check.stdout == "0 errors, 0 warnings: content passes\n", check.stdout
    assert check.exit_code == 0

    again = run("new", kind, "Some Name", "--root", root, *DAY)
    assert again.exit_code == 1
    assert "already exists; edit it instead" in again.output
    assert path.read_text(encoding="utf-8") == text


def test_new_skeleton_comments_are_valid_when_uncommented(make_site) -> None:
    """Every optional field's example, once uncommented, still validates."""
    root = make_site()
    assert run("new", "org", "Open Door", "--root", root, *DAY).exit_code == 0
    path = root / "orgs/open-door.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    keep = {"charity_number", "company_number", "website", "email", "phone", "address",
            "postcode", "groups", "activities", "languages", "opening_hours",
            "opening_hours_note", "accessibility", "annual_income", "paid_staff", "volunteers",
            "networks", "support_needs", "skills_offered", "skills_wanted", "status",
            "accent_colour"}  # not logo or works_with: the base site has no such file or provider
    out, uncomment = [], False
    for line in lines:
        body = line[2:] if line.startswith("# ") else None
        if body is not None and not body.startswith(" ") and ":" in body:
            uncomment = body.split(":")[0] in keep
        elif body is None or not body.startswith(" "):
            uncomment = False
        out.append(body if uncomment and body is not None else line)
    path.write_text("\n".join(out), encoding="utf-8")
    assert sum(line.startswith(tuple(keep)) for line in out) == len(keep)
    check = run("validate", "--root", root, *DAY)
    assert check.stdout == "0 errors, 0 warnings: content passes\n", check.stdout


def test_new_refuses_a_name_without_letters(make_site) -> None:
    result = run("new", "org", "!!!", "--root", make_site(), *DAY)
    assert result.exit_code == 2
    assert "at least one letter or digit" in result.output


def test_docs_check_passes_on_the_repository() -> None:
    result = run("docs", "--check", "--root", REPO)
    assert result.exit_code == 0, result.output
    assert result.output == ""


def test_docs_check_fails_on_a_modified_copy(tmp_path: Path) -> None:
    for folder in ("docs", "schemas"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    assert run("docs", "--check", "--root", tmp_path).exit_code == 0
    guide = tmp_path / "docs/content-guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\nhand edit\n", encoding="utf-8")
    (tmp_path / "schemas/org.schema.json").unlink()
    result = run("docs", "--check", "--root", tmp_path)
    assert result.exit_code == 1
    assert sorted(result.stderr.splitlines()) == sorted([
        f"{guide} is out of date: run `thin docs`",
        f"{tmp_path / 'schemas/org.schema.json'} is out of date: run `thin docs`"])
    assert guide.read_text(encoding="utf-8").endswith("hand edit\n")  # --check never writes
    regenerate = run("docs", "--root", tmp_path)
    assert regenerate.exit_code == 0
    assert run("docs", "--check", "--root", tmp_path).exit_code == 0


@pytest.fixture
def fake_server(monkeypatch):
    """Stands in for the real server so a regression cannot bind a port or block."""
    calls = []
    monkeypatch.setattr(serve, "serve", lambda root, host, port, echo: calls.append(host))
    return calls


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.org", ""])
def test_serve_refuses_a_public_host(fake_server, host: str) -> None:
    result = run("serve", "--host", host)
    assert result.exit_code == 2
    assert "the preview server only binds to a loopback address" in result.output
    assert fake_server == []


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "::1", "localhost"])
def test_serve_accepts_loopback(fake_server, host: str) -> None:
    result = run("serve", "--host", host)
    assert result.exit_code == 0, result.output
    assert fake_server == [host]
