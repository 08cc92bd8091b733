"""Search benchmark: index size, bytes fetched per query and query time at scale.

    .venv/bin/python benchmarks/search.py [--orgs 1000 20000]

For each size it builds the search step alone over synthetic organisations and prints:
index build seconds (and the same catalogue's validation time, the baseline measured
in the same run), total bytes of all search files raw and gzipped, the gzipped bytes a
browser fetches before showing the first 20 results of a one-word and a two-word query
(manifest + index shards + document chunks; the scripts are listed once, separately),
and query time in Node with lunr.js (load + merge shards + search), median and p95 over
100 queries. Pagefind, for comparison, fetches about 250–360 KB for a one-word query at
20,000 pages.
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build import TODAY, make_repo  # noqa: E402
from generate import THEMES  # noqa: E402

from thin_build.build import check_site  # noqa: E402
from thin_build.capabilities import PORTAL  # noqa: E402
from thin_build.core.plan import BuildInputs  # noqa: E402
from thin_build.core.write import OutputFile  # noqa: E402
from thin_build.search.shards import DOC_CHUNK, search_outputs  # noqa: E402

NODE = ROOT / "tests" / "js" / "search-node.js"
SCRIPTS = ("search/vendor/lunr-2.3.9.min.js", "search/search-tokens.js", "search/search-core.js",
           "core/fetch-json.js", "search/search.js")
ONE_WORD, TWO_WORDS = "garden", "youth advice"
WORDS = [english.lower() for english, _ in THEMES if "'" not in english]  # in generated names


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def write_search_files(repo: Path, out: Path) -> float:
    catalogue, problems = check_site(repo, TODAY)
    assert catalogue is not None, problems[:5]
    inputs = BuildInputs(catalogue, TODAY, PORTAL.contributions())
    start = time.perf_counter()
    files = [item for item in search_outputs(inputs) if isinstance(item, OutputFile)]
    seconds = time.perf_counter() - start
    for item in files:
        path = out / item.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(item.data.encode() if isinstance(item.data, str) else item.data)
    return seconds


def node(out: Path, queries: list[str]) -> dict:
    done = subprocess.run(["node", str(NODE), str(out), json.dumps(queries)], check=True,
                          capture_output=True, text=True)
    return json.loads(done.stdout)


def fetched_bytes(out: Path, result: dict) -> int:
    """Manifest + shards + the document chunks of the first 20 results, gzipped."""
    chunks = {int(ref) // DOC_CHUNK for ref in result["refs"][:20]}
    docs = sum(gz((out / "search" / "docs" / f"{c}.json").read_bytes()) for c in chunks)
    return gz((out / "search" / "manifest.json").read_bytes()) + result["gzipped"] + docs


def measure(count: int) -> dict:
    repo = make_repo(count)
    out = Path(tempfile.mkdtemp(prefix="thin-search-"))
    try:
        start = time.perf_counter()
        check_site(repo, TODAY)
        validate_s = time.perf_counter() - start
        build_s = write_search_files(repo, out)
        files = [p for p in (out / "search").rglob("*.json")]
        results = node(out, [ONE_WORD, TWO_WORDS])
        queries = [f"{a} {b}" if i % 2 else a for i, (a, b) in
                   enumerate(zip(WORDS * 7, reversed(WORDS * 7)))][:100]
        timings = sorted(r["ms"] for r in node(out, queries).values())
        return {"orgs": count, "validate_s": validate_s, "build_s": build_s,
                "files": len(files), "raw": sum(p.stat().st_size for p in files),
                "gz": sum(gz(p.read_bytes()) for p in files),
                "one": fetched_bytes(out, results[ONE_WORD]),
                "two": fetched_bytes(out, results[TWO_WORDS]),
                "median_ms": statistics.median(timings),
                "p95_ms": timings[int(len(timings) * 0.95) - 1]}
    finally:
        shutil.rmtree(repo)
        shutil.rmtree(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[1000, 20000])
    args = parser.parse_args()
    scripts = sum(gz((ROOT / "templates" / "static" / s).read_bytes()) for s in SCRIPTS)
    print(f"scripts (fetched once, cached): {scripts / 1024:.1f} KB gzipped")
    print(f"{'orgs':>6} {'validate s':>10} {'index s':>8} {'index/validate':>14} {'files':>6} "
          f"{'raw MB':>7} {'gz MB':>6} {'1-word KB':>9} {'2-word KB':>9} {'median ms':>9} {'p95 ms':>7}")
    for count in args.orgs:
        m = measure(count)
        print(f"{m['orgs']:>6} {m['validate_s']:>10.2f} {m['build_s']:>8.2f} "
              f"{m['build_s'] / m['validate_s']:>14.2f} {m['files']:>6} {m['raw'] / 1e6:>7.1f} "
              f"{m['gz'] / 1e6:>6.2f} {m['one'] / 1024:>9.1f} {m['two'] / 1024:>9.1f} "
              f"{m['median_ms']:>9.1f} {m['p95_ms']:>7.1f}")


if __name__ == "__main__":
    main()
