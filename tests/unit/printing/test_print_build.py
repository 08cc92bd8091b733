"""The printing step in a whole build: PDFs and /print/ written, none rendered on a rebuild,
none made with `pdf=False`, and a failed PDF leaving the previous site/ as it was."""
from __future__ import annotations

import re
import shutil

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site
from thin_build.core.errors import ContentError
from thin_build.printing import engine


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A copy of the base site with a cache of its own, and a count of documents rendered."""
    root = tmp_path / "repo"
    shutil.copytree(BASE_SITE, root)
    monkeypatch.setenv(engine.CACHE_ENV, str(tmp_path / "cache"))
    rendered: list[int] = []
    run = engine._run

    def counting(jobs, folders, limits):
        rendered.append(len(jobs))
        return run(jobs, folders, limits)

    monkeypatch.setattr(engine, "_run", counting)
    return root, rendered


def test_a_build_writes_every_pdf_and_lists_them_on_the_print_page(site):
    root, rendered = site
    out = build_site(root, today=TODAY, pdf=True).out
    pdfs = sorted(p.relative_to(out).as_posix() for p in (out / "print").rglob("*.pdf"))
    assert "print/directory.pdf" in pdfs and rendered == [len(pdfs)]
    page = (out / "print" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="/(print/[^"]+\.pdf)" download="[^"]+">[^<]*\((PDF, [^)]*)\)',
                       page)
    assert sorted(path for path, _ in links) == pdfs
    for path, summary in links:
        size = (out / path).stat().st_size
        kb = f"{round(size / 1024)} KB" if size >= 1024 else f"{size} bytes"
        assert summary.startswith(f"PDF, {kb}, ") and summary.endswith(("1 page", "pages"))


def test_an_unchanged_rebuild_renders_no_pdf_and_writes_the_same_bytes(site, tmp_path):
    root, rendered = site
    first = build_site(root, tmp_path / "one", today=TODAY, pdf=True).out
    second = build_site(root, tmp_path / "two", today=TODAY, pdf=True).out
    assert rendered[0] > 0 and rendered[1:] == [0]
    for pdf in (first / "print").rglob("*.pdf"):
        assert (second / pdf.relative_to(first)).read_bytes() == pdf.read_bytes()


def test_no_pdfs_without_the_pdf_step(site):
    root, rendered = site
    out = build_site(root, today=TODAY, pdf=False).out
    assert rendered == [] and not list((out / "print").rglob("*.pdf"))
    page = (out / "print" / "index.html").read_text(encoding="utf-8")
    assert "The PDFs were not made in this preview." in page


def test_a_pdf_that_fails_leaves_the_previous_site(site, monkeypatch):
    root, _rendered = site
    out = build_site(root, today=TODAY, pdf=False).out
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    monkeypatch.setattr(engine, "LIMITS", engine.Limits(pdf_bytes=100))
    with pytest.raises(ContentError) as excinfo:
        build_site(root, today=TODAY, pdf=True)
    assert excinfo.value.problems[0].code == "pdf-failed"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


def test_the_command_leaves_pdfs_out_when_asked(site, tmp_path):
    from click.testing import CliRunner

    from thin_build.cli import main
    root, rendered = site
    out = tmp_path / "quick"
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--out", str(out),
                                       "--today", TODAY.isoformat(), "--no-pdf"])
    assert result.exit_code == 0, result.output
    assert rendered == [] and not (out / "print" / "directory.pdf").exists()
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert "--pdf" in result.output and "Make the printable PDFs too" in result.output


def test_thin_cache_0_keeps_no_pdfs_between_builds(site, monkeypatch):
    """`THIN_CACHE=0` turns every cache off: no `0/pdf` folder, every PDF made afresh."""
    root, rendered = site
    monkeypatch.setenv(engine.CACHE_ENV, "0")
    monkeypatch.chdir(root)
    build_site(root, today=TODAY, pdf=True)
    build_site(root, today=TODAY, pdf=True)
    assert len(rendered) == 2 and rendered[0] == rendered[1] > 0
    assert not (root / "0").exists() and not (root / ".thin-cache" / "pdf").exists()
