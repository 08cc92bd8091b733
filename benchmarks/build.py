"""Build benchmark: how load, validate and a full build scale with the number of orgs.

    .venv/bin/python benchmarks/build.py [--orgs 1000 5000]

Prints seconds per stage and, as the baseline measured in the same run, the time
PyYAML's pure-Python `safe_load` takes to parse the same files, so figures compare
across machines as ratios. Budgets live here, never in timed unit tests.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thin_build.build import build_site, check_site  # noqa: E402
from thin_build.capabilities import PORTAL  # noqa: E402
from thin_build.core.load import load_repository  # noqa: E402

TODAY = dt.date(2026, 11, 24)
WORDS = ("community youth women elders garden kitchen arts sport advice learning "
         "bridge river market green harbour lantern orchard").split()


def synthetic_org(index: int, rng: random.Random, wards, groups, activities, languages) -> str:
    name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} Group {index}"
    return (f"---\nname: {name}\nsummary: A synthetic organisation for benchmarking, number {index}.\n"
            f"email: org{index}@bench.example.org\nphone: 020 7946 {index % 1000:04d}\n"
            f"wards: [{', '.join(rng.sample(wards, 2))}]\n"
            f"groups: [{', '.join(rng.sample(groups, 2))}]\n"
            f"activities: [{', '.join(rng.sample(activities, 2))}]\n"
            f"languages: [{', '.join(rng.sample(languages, 2))}]\n"
            "opening_hours:\n  - days: [mon, tue, wed]\n    opens: \"09:00\"\n    closes: \"17:00\"\n"
            f"stage: stage-1\nannual_income: {rng.randint(0, 10000)}\nlast_verified: 2026-06-01\n"
            f"---\nWe are group {index}. We run activities for local people.\n\n"
            "## What we do\n\nSessions every week, run by volunteers.\n")


def make_repo(count: int) -> Path:
    repo = Path(tempfile.mkdtemp(prefix=f"thin-bench-{count}-"))
    for folder in ("content", "orgs", "providers", "events", "toolkits", "templates",
                   "translations"):
        shutil.copytree(ROOT / folder, repo / folder)
    catalogue, _ = check_site(ROOT, TODAY)
    slugs = lambda items: [item.slug for item in items]  # noqa: E731
    rng = random.Random(count)
    for index in range(count):
        (repo / "orgs" / f"org-{index:05d}.md").write_text(synthetic_org(
            index, rng, slugs(catalogue.wards), slugs(catalogue.groups),
            slugs(catalogue.activities), slugs(catalogue.languages)), encoding="utf-8")
    return repo


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def safe_load_baseline(repo: Path) -> float:
    """Pure-Python PyYAML over the same front matter: the loader we did not choose."""
    start = time.perf_counter()
    for path in sorted((repo / "orgs").glob("*.md")):
        front = path.read_text(encoding="utf-8").split("---\n")[1]
        yaml.load(front, Loader=yaml.SafeLoader)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[1000, 5000])
    args = parser.parse_args()
    print(f"{'orgs':>6} {'load s':>8} {'validate s':>11} {'build s':>8} {'pages':>6} "
          f"{'safe_load s':>12} {'load/safe_load':>15}")
    for count in args.orgs:
        repo = make_repo(count)
        try:
            load_s, _ = timed(lambda: load_repository(repo, PORTAL.sources()))
            check_s, _ = timed(lambda: check_site(repo, TODAY))
            build_s, result = timed(lambda: build_site(repo, repo / "site", TODAY))
            baseline = safe_load_baseline(repo)
            print(f"{count:>6} {load_s:>8.2f} {check_s:>11.2f} {build_s:>8.2f} "
                  f"{result.pages:>6} {baseline:>12.2f} {load_s / baseline:>15.2f}")
        finally:
            shutil.rmtree(repo)


if __name__ == "__main__":
    main()
