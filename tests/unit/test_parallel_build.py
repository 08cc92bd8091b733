"""Pages rendered by worker processes: the same bytes as a serial build, and failures
that name the page, leaving the previous site exactly as it was."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.helpers import BASE_SITE, REPO, TODAY
from thin_build.build import DEFAULT_TEMPLATES, build_site
from thin_build.capabilities import PORTAL
from thin_build.cli import main
from thin_build.core import render as render_module
from thin_build.core.errors import BuildError
from thin_build.core.parallel import resolve_jobs

BROKEN_LINE = 4  # the line of templates/toolkits/links.html the broken site's error is on
UNDEFINED = ("UndefinedError: 'thin_build.core.plan.PagePlan object' has no attribute "
             "'no_such_field'")


def _tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def _leftovers(out: Path) -> list[str]:
    """Temporary trees a build left beside its output."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f"{out.name}."))


@pytest.mark.parametrize("source", [BASE_SITE, REPO], ids=["base", "sample-two-languages"])
def test_parallel_and_serial_builds_write_the_same_bytes(tmp_path: Path, source: Path) -> None:
    serial = build_site(source, tmp_path / "serial", TODAY, pdf=False, jobs=1)
    parallel = build_site(source, tmp_path / "parallel", TODAY, pdf=False, jobs=2)
    one, two = _tree(serial.out), _tree(parallel.out)
    assert sorted(two) == sorted(one)
    assert [name for name in one if one[name] != two[name]] == []
    assert (parallel.pages, parallel.files, parallel.jobs) == (serial.pages, serial.files, 2)
    assert [step.files for step in parallel.steps] == [step.files for step in serial.steps]


@pytest.fixture
def broken_site(make_site, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """A site built once, then given templates whose links page (one page: /links/)
    fails on line BROKEN_LINE: (repository, output, the first build's files)."""
    root = make_site()
    out = tmp_path / "site"
    build_site(root, out, TODAY, pdf=False, jobs=1)
    shutil.copytree(DEFAULT_TEMPLATES, root / "templates")
    template = root / "templates/toolkits/links.html"
    lines = template.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(BROKEN_LINE - 1, "{{ page.no_such_field }}\n")
    template.write_text("".join(lines), encoding="utf-8")
    return root, out, _tree(out)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_fails_to_render_names_its_url_and_template_line(broken_site,
                                                                     jobs: int) -> None:
    root, out, before = broken_site
    with pytest.raises(BuildError) as failure:
        build_site(root, out, TODAY, pdf=False, jobs=jobs)
    assert str(failure.value) == (f"templates/toolkits/links.html:{BROKEN_LINE}: page /links/ "
                                  f"could not be rendered: {UNDEFINED}")
    assert _tree(out) == before
    assert _leftovers(out) == []


def _dies_on_links_page(monkeypatch, how) -> None:
    """Rendering /links/ ends the process it runs in (only ever a worker's here)."""
    real = render_module.render_page

    def render(env, layout, plan):
        if plan.url == "/links/":
            how()
        return real(env, layout, plan)

    monkeypatch.setattr(render_module, "render_page", render)


@pytest.mark.parametrize("how, reason", [
    (lambda: os._exit(7), "exit code 7"),
    (lambda: os.kill(os.getpid(), signal.SIGKILL), "killed by signal 9"),
], ids=["exit", "sigkill"])
def test_a_worker_that_dies_fails_the_build_naming_its_page(make_site, tmp_path: Path,
                                                            monkeypatch, how, reason) -> None:
    root, out = make_site(), tmp_path / "site"
    build_site(root, out, TODAY, pdf=False, jobs=1)
    before = _tree(out)
    _dies_on_links_page(monkeypatch, how)
    with pytest.raises(BuildError) as failure:
        build_site(root, out, TODAY, pdf=False, jobs=2)
    assert str(failure.value) == (f"page /links/ (template toolkits/links.html): the worker "
                                  f"process rendering it stopped ({reason})")
    assert _tree(out) == before
    assert _leftovers(out) == []


def test_timings_name_every_stage_and_step(tmp_path: Path) -> None:
    result = build_site(BASE_SITE, tmp_path / "site", TODAY, pdf=False, jobs=2)
    stages = dict(result.timings)
    steps = [f"step:{step.name}" for capability in PORTAL.capabilities
             for step in capability.steps]
    assert list(stages) == ["load", "validate", "translations", "templates", "localise",
                            *steps, "render", "files", "commit", "total"]
    assert all(seconds >= 0 for seconds in stages.values())
    # The stages are parts of the build, one after another: together no more than the total.
    assert sum(stages.values()) - stages["total"] <= stages["total"]


def test_jobs_come_from_the_argument_then_thin_jobs_then_the_cores(monkeypatch) -> None:
    monkeypatch.setenv("THIN_JOBS", "3")
    assert (resolve_jobs(None), resolve_jobs(1)) == (3, 1)
    monkeypatch.delenv("THIN_JOBS")
    assert resolve_jobs(None) == (os.cpu_count() or 1)
    monkeypatch.setenv("THIN_JOBS", "many")
    with pytest.raises(BuildError, match="THIN_JOBS='many': give a whole number"):
        resolve_jobs(None)


def _thin(*args: object):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_cli_builds_with_jobs_and_writes_the_timings(make_site, tmp_path: Path) -> None:
    out, report = tmp_path / "out", tmp_path / "t.json"
    result = _thin("build", "--root", make_site(), "--out", out, "--today", TODAY.isoformat(),
                   "--no-pdf", "--jobs", 2, "--timings", report)
    assert result.exit_code == 0, result.output
    written = json.loads(report.read_text(encoding="utf-8"))
    files = sum(1 for path in out.rglob("*") if path.is_file())
    pages = sum(1 for _ in out.rglob("*.html"))
    assert result.stdout == f"Built {written['pages']} pages ({files} files) into {out}\n"
    assert (written["files"], written["jobs"]) == (files, 2)
    assert written["pages"] <= pages  # some .html files are not pages (embed fragments)
    assert {"load", "validate", "render", "files", "commit", "total"} <= set(written["stages"])
    assert "step:thin_build.directory.pages.org_pages" in written["stages"]


def test_cli_render_failure_is_one_located_line(broken_site) -> None:
    root, out, before = broken_site
    result = _thin("build", "--root", root, "--out", out, "--today", TODAY.isoformat(),
                   "--no-pdf", "--jobs", 2)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    assert result.stderr == (f"templates/toolkits/links.html:{BROKEN_LINE}: page /links/ could "
                             f"not be rendered: {UNDEFINED}; site not built (the previous one "
                             "is unchanged)\n")
    assert _tree(out) == before


def test_builds_without_pdfs_never_import_weasyprint(tmp_path: Path) -> None:
    """WeasyPrint takes half a second to import: only a build that makes PDFs loads it."""
    script = ("import sys, datetime\n"
              "from thin_build.build import build_site, check_site\n"
              "import thin_build.cli, thin_build.serve\n"
              f"check_site({str(BASE_SITE)!r})\n"
              f"build_site({str(BASE_SITE)!r}, {str(tmp_path / 'site')!r}, "
              f"datetime.date.fromisoformat({TODAY.isoformat()!r}), pdf=False)\n"
              "print(sorted(name for name in sys.modules if name.startswith('weasyprint')))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=REPO, check=True)
    assert done.stdout == "[]\n"
