"""Wall seconds by build stage, so a slow build says where its time went.

`thin build --timings FILE` writes them and the benchmark reads them. A stage run
more than once (a step, in every language's pass) adds up under one name.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from time import perf_counter
from typing import Iterator


class Timings:
    """Stages in the order they first ran, with their summed seconds."""

    def __init__(self) -> None:
        self._seconds: dict[str, float] = {}
        self.started = perf_counter()

    def elapsed(self) -> float:
        """Seconds since these timings began: a build's `total`."""
        return perf_counter() - self.started

    def add(self, name: str, seconds: float) -> None:
        self._seconds[name] = self._seconds.get(name, 0.0) + seconds

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = perf_counter()
        try:
            yield
        finally:
            self.add(name, perf_counter() - start)

    def merge(self, other: "Timings") -> None:
        for name, seconds in other.items():
            self.add(name, seconds)

    def total(self) -> float:
        return sum(self._seconds.values())

    def items(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._seconds.items())


def timings_json(timings: tuple[tuple[str, float], ...], pages: int, files: int,
                 jobs: int) -> str:
    """`thin build --timings FILE`: the stages' seconds and what the build made."""
    return json.dumps({"stages": {name: round(seconds, 6) for name, seconds in timings},
                       "pages": pages, "files": files, "jobs": jobs}, indent=2) + "\n"
