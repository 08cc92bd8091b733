"""PDF benchmark: wall seconds and peak memory of the printable directory as it grows.

    .venv/bin/python benchmarks/pdf.py [--orgs 500 1000] [--flyers] [--directory-only]

For each size it makes the synthetic repository of benchmarks/build.py (the sample
content plus N generated organisations) and, with an empty PDF cache, renders through
the real engine (`printing.engine.render_documents`: worker processes across cores):
the full directory alone, then every ward edition together, then both again with the
cache now full (an unchanged rebuild: it must render no PDF), and with `--flyers` every
flyer. Peak memory is the PSS of the whole process tree (this process and its
rendering workers; benchmarks/measure.py), since the workers hold the layouts. Budget (issue 13): the full directory of 1,000 organisations in at most 20 s
on 2 cores, at most 1 GB. Each size is framed by two runs of a fixed yardstick document
(benchmarks/pdf_baseline.py, in a process of its own so this one still pays for
importing WeasyPrint), and each wall time is also given as a multiple of their mean:
the host's speed varies from hour to hour, the multiple much less.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from build import TODAY, make_repo  # noqa: E402
from measure import PeakMemory  # noqa: E402

from thin_build.build import check_site  # noqa: E402
from thin_build.capabilities import PORTAL  # noqa: E402
from thin_build.core.errors import ContentError  # noqa: E402
from thin_build.core.plan import BuildInputs  # noqa: E402
from thin_build.printing import engine  # noqa: E402
from thin_build.printing.directory_pdf import directory_documents  # noqa: E402
from thin_build.printing.editions import edition_documents  # noqa: E402
from thin_build.printing.flyers import flyer_documents  # noqa: E402

BUDGET_SECONDS, BUDGET_MB = 20.0, 1024
# Far above a build's own time limit, so a slow render is measured, not stopped.
LIMITS = engine.Limits(seconds=1800)


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the rendering workers)."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                         resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(inputs: BuildInputs, documents: tuple) -> tuple[float, float, float, int, int]:
    """(wall seconds, CPU seconds, peak MB, PDFs rendered rather than read from cache, pages).

    CPU seconds tell what the work costs when the machine is shared: wall seconds then
    include waiting for a core."""
    with PeakMemory() as memory:
        start, cpu = time.perf_counter(), cpu_seconds()
        pdfs = engine.render_documents(inputs, documents, LIMITS)
        seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    rendered = sum(1 for pdf in pdfs.values() if not pdf.from_cache)
    return (seconds, cpu, memory.peak_pss_kb / 1024, rendered,
            sum(pdf.pages for pdf in pdfs.values()))


def yardstick_seconds() -> float:
    """Wall seconds of the yardstick document, rendered in a fresh process."""
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "pdf_baseline.py")],
                         check=True, capture_output=True, text=True).stdout
    return float(out.split()[-2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[500, 1000])
    parser.add_argument("--flyers", action="store_true", help="also render every flyer")
    parser.add_argument("--directory-only", action="store_true",
                        help="only the full directory (a quick check of the budget)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores. Budget: full directory of 1,000 organisations "
          f"<= {BUDGET_SECONDS:.0f} s, <= {BUDGET_MB} MB; an unchanged rebuild renders 0.")
    print(f"{'orgs':>6} {'what':<28} {'docs':>5} {'pages':>6} {'rendered':>9} "
          f"{'wall s':>8} {'cpu s':>8} {'peak MB':>8} {'x yardstick':>12}")
    for count in args.orgs:
        repo, cache = make_repo(count), Path(tempfile.mkdtemp(prefix="thin-bench-pdf-"))
        os.environ[engine.CACHE_ENV] = str(cache)  # empty: the first renders are cold
        try:
            catalogue, problems = check_site(repo, TODAY)
            assert catalogue is not None, problems[:3]
            inputs = BuildInputs(catalogue, TODAY, PORTAL.contributions(), root=repo,
                                 templates=repo / "templates")
            directory = tuple(directory_documents(inputs))
            wards = tuple(d for d in edition_documents(inputs) if d.kind == "ward")
            runs = [("full directory", directory)]
            if not args.directory_only:
                runs += [("all ward editions", wards),
                         ("unchanged rebuild (both)", directory + wards)]
            if args.flyers:
                runs.append(("all flyers", tuple(flyer_documents(inputs))))
            before, rows = yardstick_seconds(), []
            for what, documents in runs:
                try:
                    rows.append((what, len(documents), *measure(inputs, documents)))
                except ContentError as error:  # over a limit: say which, go on to the next
                    print(f"{count:>6} {what:<28} failed: {error.problems[0].message}")
            after = yardstick_seconds()
            yardstick = (before + after) / 2
            for what, docs, seconds, cpu, peak_mb, rendered, pages in rows:
                print(f"{count:>6} {what:<28} {docs:>5} {pages:>6} {rendered:>9} "
                      f"{seconds:>8.1f} {cpu:>8.1f} {peak_mb:>8.0f} {seconds / yardstick:>12.2f}")
            print(f"{count:>6} yardstick (pdf_baseline.py): {before:.2f} s before, "
                  f"{after:.2f} s after", flush=True)
        finally:
            shutil.rmtree(repo)
            shutil.rmtree(cache)


if __name__ == "__main__":
    main()
