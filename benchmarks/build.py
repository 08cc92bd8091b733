"""A generated repository for the single-capability benchmarks (search, export, PDF).

`make_repo(count)` is benchmarks/generate.py's repository in a new temporary folder; the
whole-build benchmark, with Hugo beside it, is `./run bench` (benchmarks/run.py).
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import TODAY, generate  # noqa: E402, F401  (TODAY: for callers)


def make_repo(count: int, seed: int = 15) -> Path:
    """A new temporary repository with `count` organisations (the caller removes it)."""
    repo = Path(tempfile.mkdtemp(prefix=f"thin-bench-{count}-"))
    generate(repo, count, seed)
    return repo


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result
