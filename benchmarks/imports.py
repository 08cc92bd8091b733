"""Import benchmark: time to import a spreadsheet of many organisations.

    .venv/bin/python benchmarks/imports.py [--rows 20000] [--rows 50000]

Writes a CSV of ROWS synthetic organisations (distinct names, emails and incomes, each
with wards, a stage and a list column, some with opening hours and a Markdown body) and
imports it with the real code (`thin_build.opendata.import_csv`) into a scratch copy of
the test base site: read, converted row by row, checked for duplicates against the file
and the repository, and written atomically. Prints rows, bytes and seconds against the
budget (20,000 rows in 30 s), and checks that every file was written. Measured on
the shared two-core development machine: 20,000 rows in 9 to 11 s, 50,000 in 23 s.
"""
from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thin_build.capabilities import PORTAL  # noqa: E402
from thin_build.opendata.import_csv import import_csv  # noqa: E402

BUDGET_SECONDS = 30.0
BUDGET_ROWS = 20_000
SYLLABLES = ("ba ko ri tan mel sor vi dun pe lax quo zim har ne gul fen ost wyn").split()
WARDS = ("bow-east", "spitalfields-banglatown", "weavers")


def spreadsheet(rows: int) -> str:
    rng = random.Random(12)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "summary", "email", "wards", "stage", "annual_income",
                     "skills_wanted", "opening_hours_days", "opening_hours_opens",
                     "opening_hours_closes", "last_verified", "body"])
    for index in range(rows):
        words = ["".join(rng.choice(SYLLABLES) for _ in range(3)).title() for _ in range(2)]
        hours = rng.random() < 0.4
        writer.writerow([
            f"{' '.join(words)} {index:05d} Group", "A fictional group for the benchmark.",
            f"group{index}@bench.example.org", "; ".join(rng.sample(WARDS, 2)), "stage-1",
            str(1000 + index), "Bookkeeping; Website design",
            "mon, tue; sat" if hours else "", "10:00; 09:00" if hours else "",
            "16:00; 12:00" if hours else "", "2026-10-01",
            "We meet **every week**.\n\nAll welcome." if rng.random() < 0.5 else ""])
    return out.getvalue()


def run(rows: int) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch) / "repo"
        shutil.copytree(ROOT / "tests" / "sites" / "base", root)
        source = Path(scratch) / "orgs.csv"
        source.write_text(spreadsheet(rows), encoding="utf-8")
        started = time.perf_counter()
        result = import_csv(source, "org", root, PORTAL)
        seconds = time.perf_counter() - started
        errors = [str(p) for p in result.problems if p.is_error]
        if errors or len(result.written) != rows:
            sys.exit(f"the import failed: {len(result.written)} written; {errors[:3]}")
        written = sum(1 for _ in (root / "orgs").glob("*.md")) - 2  # the base site has two
        budget = BUDGET_SECONDS * rows / BUDGET_ROWS
        print(f"{rows:>7,} rows  {source.stat().st_size / 2**20:6.1f} MiB  {seconds:6.1f} s  "
              f"({written:,} files written; budget {budget:.0f} s: "
              f"{'ok' if seconds <= budget else 'OVER'})")
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append",
                        help="rows to import (repeatable; default 20000 and 50000)")
    for rows in parser.parse_args().rows or [20_000, 50_000]:
        run(rows)


if __name__ == "__main__":
    main()
