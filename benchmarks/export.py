"""Export benchmark: what the open data rooms add to a full build, measured honestly.

    .venv/bin/python benchmarks/export.py [--orgs 1000 20000]

For each size it builds the same synthetic repository (benchmarks/build.py makes it)
with every capability and with the build steps of the two export
rooms taken out (`opendata`: /data/ CSV, JSON and JSON Lines; `openreferral`: the /openreferral/
feed), alternately, `--repeat` times each, keeping each one's fastest run, after one
untimed build that fills the content cache; PDFs are left out (`pdf=False`). The
difference is the whole cost of exporting, writing included, and is printed with the
bytes each room writes. Budget: the export adds at most 10 % to a full build.
"""
from __future__ import annotations

import argparse
import shutil
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build import TODAY, make_repo, timed  # noqa: E402

from thin_build.build import build_site  # noqa: E402
from thin_build.capabilities import PORTAL  # noqa: E402
from thin_build.core.registry import Registry  # noqa: E402

BUDGET = 0.10
EXPORT_ROOMS = {"opendata": ("data",), "openreferral": ("openreferral",)}
# The export rooms stay registered (other rooms depend on their kinds and extension
# points, evidence's data tables for one) with their build steps taken out, so the
# difference is exactly what their steps cost.
WITHOUT_EXPORT = Registry(tuple(replace(cap, steps=()) if cap.name in EXPORT_ROOMS else cap
                                for cap in PORTAL.capabilities))


def written_bytes(site: Path) -> Counter:
    """Bytes under each export room's folders of the built site."""
    sizes: Counter = Counter()
    for room, folders in EXPORT_ROOMS.items():
        for folder in folders:
            sizes[room] += sum(p.stat().st_size for p in (site / folder).rglob("*")
                               if p.is_file())
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    print(f"{'orgs':>6} {'without s':>10} {'full s':>7} {'adds':>6} {'data MB':>8} "
          f"{'oruk MB':>8} {'budget':>7}")
    for count in args.orgs:
        repo = make_repo(count)
        try:
            def build(registry: Registry) -> float:
                return timed(lambda: build_site(repo, repo / "site", TODAY, pdf=False,
                                                registry=registry))[0]

            build(PORTAL)  # untimed: fills the content cache, so both sides start warm
            runs: tuple[list[float], list[float]] = ([], [])
            for _ in range(args.repeat):
                for registry, times in zip((WITHOUT_EXPORT, PORTAL), runs):
                    times.append(build(registry))
            without_s, full_s = min(runs[0]), min(runs[1])
            adds = full_s / without_s - 1
            mb = {room: size / 1e6 for room, size in written_bytes(repo / "site").items()}
            print(f"{count:>6} {without_s:>10.2f} {full_s:>7.2f} {adds:>6.1%} "
                  f"{mb['opendata']:>8.1f} {mb['openreferral']:>8.1f} "
                  f"{'ok' if adds <= BUDGET else 'OVER':>7}")
        finally:
            shutil.rmtree(repo)


if __name__ == "__main__":
    main()
