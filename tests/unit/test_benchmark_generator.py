"""The benchmark's generated repository and its Hugo twin (benchmarks/generate.py, hugo_site.py).

The figures in docs/performance.md are only comparable run to run if the generator
writes the same bytes for the same seed, the site it makes is valid (a build that
stops at validation measures nothing), its proportions are the ones the docs state,
and the Hugo site holds the same organisations in both languages.
"""
from __future__ import annotations

import hashlib
import math
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import TODAY, generate  # noqa: E402
from hugo_site import write_hugo_site  # noqa: E402
from measure import descendants, tree_memory_kb  # noqa: E402

from thin_build.build import check_site  # noqa: E402
from thin_build.core.errors import Severity  # noqa: E402

ORGS = 120
SAMPLE_ORGS = len(list((ROOT / "orgs").glob("*.md"))) + len(list((ROOT / "orgs").glob("*/index.md")))


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def new_files(repo: Path, folder: str) -> list[Path]:
    return sorted(p for p in (repo / folder).glob("*.md") if not (ROOT / folder / p.name).exists())


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("generated")
    generate(path, ORGS)
    return path


def test_same_seed_writes_the_same_bytes_and_another_seed_does_not(repo, tmp_path):
    generate(tmp_path / "again", ORGS)
    generate(tmp_path / "other", ORGS, seed=16)
    assert tree_hash(tmp_path / "again") == tree_hash(repo)
    assert tree_hash(tmp_path / "other") != tree_hash(repo)


def test_generated_repository_validates_without_errors_or_duplicate_warnings(repo):
    catalogue, problems = check_site(repo, TODAY)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert catalogue is not None
    codes = Counter(p.code for p in problems)
    assert codes["possible-duplicate"] == codes["duplicate-org"] == 0
    assert codes["stage-income"] == 0


def test_proportions_are_the_documented_ones(repo):
    orgs, providers = new_files(repo, "orgs"), new_files(repo, "providers")
    events, notices = new_files(repo, "events"), new_files(repo, "content/notices")
    assert (len(orgs), len(providers), len(events), len(notices)) == (ORGS, ORGS // 25,
                                                                     ORGS // 5, ORGS // 50)
    texts = [p.read_text("utf-8") for p in orgs]
    assert sum("\ntranslations:\n  bn:\n" in t for t in texts) == ORGS // 10
    assert sum("\nrecurrence:\n" in p.read_text("utf-8") for p in events) == math.ceil(ORGS / 5 / 5)
    phones = [re.search(r"^phone: (.+)$", t, re.M) for t in texts]
    assert sum(p is not None for p in phones) == len(range(7, ORGS, 25))  # one in 25
    needs = {line.split()[-1] for line in (ROOT / "content/taxonomies/needs.yaml")
             .read_text("utf-8").splitlines() if line.startswith("- slug:")}
    services = re.findall(r"^  - need: (\S+)$", "".join(p.read_text("utf-8") for p in providers),
                          re.M)
    assert services and set(services) <= needs


def test_hugo_site_has_a_page_per_org_per_language_and_the_term_pages(repo, tmp_path):
    assert write_hugo_site(repo, tmp_path / "hugo") == ORGS + SAMPLE_ORGS
    for language in ("en", "bn"):
        content = tmp_path / "hugo" / "content" / language
        pages = [p for p in (content / "orgs").glob("*.md") if p.name != "_index.md"]
        assert len(pages) == ORGS + SAMPLE_ORGS
        for plural in ("wards", "groups", "activities"):
            slugs = re.findall(r"^- slug: (\S+)$", (repo / "content/taxonomies" / f"{plural}.yaml")
                               .read_text("utf-8"), re.M)
            assert sorted(p.name for p in (content / plural).iterdir()) == sorted(slugs)
    translated = next(p for p in new_files(repo, "orgs") if "\n  bn:\n" in p.read_text("utf-8"))
    name = re.search(r"^    name: (.+)$", translated.read_text("utf-8"), re.M).group(1)
    bengali = (tmp_path / "hugo/content/bn/orgs" / translated.name).read_text("utf-8")
    assert f'"title": {name},' in bengali


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is installed by ./run test")
def test_hugo_builds_every_org_page_in_both_languages(repo, tmp_path):
    count = write_hugo_site(repo, tmp_path / "hugo")
    subprocess.run(["hugo", "--quiet", "--source", str(tmp_path / "hugo"),
                    "--destination", str(tmp_path / "public")], check=True, timeout=120)
    for prefix in ("", "bn/"):
        orgs = tmp_path / "public" / prefix / "orgs"
        pages = [p for p in orgs.glob("*/index.html") if p.parent.name != "page"]
        assert len(pages) == count
        assert sorted(int(p.name) for p in (orgs / "page").iterdir()) == list(
            range(1, math.ceil(count / 30) + 1))
        assert (tmp_path / "public" / prefix / "wards" / "poplar" / "index.html").exists()


def test_memory_is_summed_over_the_process_tree():
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(5)"])
    try:
        assert child.pid in descendants(__import__("os").getpid())
        pss, rss = tree_memory_kb(child.pid)
        assert 0 < pss <= rss
    finally:
        child.kill()
        child.wait()
