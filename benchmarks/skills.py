"""Skills matching benchmark: the work done for 1,000, 5,000 and 20,000 organisations.

    .venv/bin/python benchmarks/skills.py [--sizes 1000 5000 20000]

Builds catalogues in memory with the sample's skills, wards and stages and SIZE
synthetic organisations (one to three offers and one to three wants each, one or two
wards), then runs the build's own matching (`skills/matching.py`). Prints, per size,
the offers and wants, the candidates the matcher read, the pairs a comparison of every
pair would read, and the time. The candidates read must grow with the offers and
wants (about the same per organisation at every size), not with the square of the
organisations, which a comparison of every pair would.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thin_build.build import check_site  # noqa: E402
from thin_build.core.catalogue import Catalogue  # noqa: E402
from thin_build.directory.model import Organisation, SkillEntry  # noqa: E402
from thin_build.skills.matching import MATCH_CAP, build_skill_index  # noqa: E402

TODAY = dt.date(2026, 11, 24)


def synthetic(sample: Catalogue, size: int) -> Catalogue:
    rng = random.Random(size)
    skills = [t.slug for t in sample.skills]
    wards = [w.slug for w in sample.wards]
    stages = [s.slug for s in sample.stages]

    def entries() -> tuple[SkillEntry, ...]:
        return tuple(SkillEntry(skill=s) for s in sorted(rng.sample(skills, rng.randint(1, 3))))

    orgs = tuple(Organisation(
        slug=f"org-{i:05d}", path=f"orgs/org-{i:05d}.md", name=f"Group {rng.randint(1, 9999)}",
        summary="A group.", stage=rng.choice(stages),
        wards=tuple(sorted(rng.sample(wards, rng.randint(1, 2)))),
        skills_offered=entries(), skills_wanted=entries()) for i in range(size))
    return Catalogue(site=sample.site, collections={
        "orgs": orgs, "skills": sample.skills, "wards": sample.wards, "stages": sample.stages})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 20000])
    args = parser.parse_args()
    sample, problems = check_site(ROOT, TODAY)
    if sample is None:
        sys.exit("the sample site does not validate: " + str(problems[0]))
    print(f"{'orgs':>7} {'offers+wants':>13} {'read':>9} {'read/org':>9} "
          f"{'every pair':>13} {'seconds':>8}")
    for size in args.sizes:
        cat = synthetic(sample, size)
        entries = sum(len(o.skills_offered) + len(o.skills_wanted) for o in cat.orgs)
        start = time.perf_counter()
        index = build_skill_index(cat)
        took = time.perf_counter() - start
        shown = sum(len(m) for m in index.matches.values())
        assert shown <= size * MATCH_CAP
        print(f"{size:>7} {entries:>13} {index.examined:>9} {index.examined / size:>9.1f} "
              f"{size * (size - 1):>13} {took:>8.2f}")


if __name__ == "__main__":
    main()
