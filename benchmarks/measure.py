"""How the benchmarks measure a process: wall and CPU seconds, peak memory of its tree.

Memory is sampled every 50 ms (less often when a sample is slow) over the process and all its descendants (found by
walking the parent ids in /proc/*/stat, so workers forked by workers count too). The
figure that matters is PSS from /proc/<pid>/smaps_rollup: forked workers share most of
their pages with their parent, and PSS charges each shared page once across the tree,
where summed RSS would count it once per process. Summed RSS is kept as the upper bound.
"""
from __future__ import annotations

import datetime as dt
import os
import platform
import re
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

INTERVAL = 0.05


def descendants(root: int) -> list[int]:
    """`root` and every process below it (a process that ends meanwhile is skipped)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            after_name = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(after_name[1]), []).append(int(stat.parent.name))
    found, pending = [], [root]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, ()))
    return found


def tree_memory_kb(root: int) -> tuple[int, int]:
    """(PSS, RSS) in KB summed over `root`'s process tree."""
    pss = rss = 0
    for pid in descendants(root):
        try:
            text = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        pss += int(re.search(r"^Pss:\s+(\d+)", text, re.M).group(1))
        rss += int(re.search(r"^Rss:\s+(\d+)", text, re.M).group(1))
    return pss, rss


class PeakMemory:
    """Samples a process tree's memory in a thread while the `with` block runs."""

    def __init__(self, pid: int | None = None) -> None:
        self.pid = pid or os.getpid()
        self.peak_pss_kb = self.peak_rss_kb = 0

    def __enter__(self) -> "PeakMemory":
        self._stop = threading.Event()
        self._sample_once()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample_once(self) -> None:
        pss, rss = tree_memory_kb(self.pid)
        self.peak_pss_kb, self.peak_rss_kb = max(self.peak_pss_kb, pss), max(self.peak_rss_kb, rss)

    def _sample(self) -> None:
        """Every INTERVAL, or less often when reading smaps_rollup is slow (it walks the
        page tables: about 40 ms per GB), so sampling takes at most a fifth of a core."""
        wait = INTERVAL
        while not self._stop.wait(wait):
            start = time.perf_counter()
            self._sample_once()
            wait = max(INTERVAL, 4 * (time.perf_counter() - start))

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def children_cpu() -> float:
    """User + system seconds of every finished (waited-for) descendant so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Measured:
    wall: float
    cpu: float
    peak_pss_mb: float
    peak_rss_mb: float
    output: str


def run_measured(command: list[str], cwd: Path | None = None) -> Measured:
    """Run `command` to the end, measured; a failure stops the benchmark with its output."""
    cpu = children_cpu()
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    with PeakMemory(process.pid) as memory:
        output, _ = process.communicate()
    wall = time.perf_counter() - start
    if process.returncode:
        raise SystemExit(f"{' '.join(map(str, command))} failed ({process.returncode}):\n"
                         f"{output[-3000:]}")
    return Measured(wall, children_cpu() - cpu, memory.peak_pss_kb / 1024,
                    memory.peak_rss_kb / 1024, output)


def machine() -> dict[str, str]:
    """What the figures were measured on, for the table's caption."""
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    memory = re.search(r"^MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text(), re.M)
    debian = Path("/etc/debian_version")
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()
    return {"cpu": model.group(1).strip() if model else platform.processor(),
            "cores": str(os.cpu_count()),
            "ram": f"{int(memory.group(1)) / 1024 ** 2:.1f} GB" if memory else "?",
            "debian": debian.read_text().strip() if debian.exists() else platform.platform(),
            "python": platform.python_version(),
            "hugo": hugo[1] if len(hugo) > 1 else "?",
            "load": f"{os.getloadavg()[1]:.1f}",  # 5-minute load average: was the machine shared?
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
