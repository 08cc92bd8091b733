"""`./run bench`: THIN against Hugo on the same generated organisations, at each size.

    ./run bench [--orgs 1000 5000 20000] [--seed 15] [--no-pdf] [--rebuilds-up-to N]
                [--markdown docs/performance.md]

For each size: generate the repository (benchmarks/generate.py) and the same
organisations as a Hugo site (benchmarks/hugo_site.py); time `thin build` as a whole
process twice (cold, then with its content cache warm) and `hugo --quiet` once, each
with CPU seconds and the process tree's peak memory (benchmarks/measure.py); read the
build's stage and step times (`thin build --timings`); weigh the search and referral
indexes; then time five incremental rebuilds (benchmarks/rebuilds.py). Sizes and Hugo
run in the one command so the ratios stay comparable on a shared machine.
`--markdown` writes the tables into that file between the bench markers.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate import TODAY, generate  # noqa: E402
from hugo_site import write_hugo_site  # noqa: E402
from measure import Measured, machine, run_measured  # noqa: E402
from rebuilds import EDITS, time_rebuilds  # noqa: E402
from search import ONE_WORD, fetched_bytes, node  # noqa: E402

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
THIN = [sys.executable, "-m", "thin_build"]
TOP_STEPS = 8


def html_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def total_bytes(*paths: Path) -> int:
    """Bytes of these files, and of every file under these folders (a missing one is 0)."""
    files = [p for path in paths for p in ([path] if path.is_file() else path.rglob("*"))]
    return sum(p.stat().st_size for p in files if p.is_file())


def read_timings(path: Path) -> dict:
    """The build's `--timings` JSON, its shape checked before any figure is read."""
    data = json.loads(path.read_text("utf-8"))
    if not (isinstance(data, dict) and isinstance(data.get("pages"), int)
            and isinstance(data.get("stages"), dict)
            and all(isinstance(s, (int, float)) for s in data["stages"].values())):
        raise SystemExit(f"{path}: expected {{\"stages\": {{name: seconds}}, \"pages\": n}}")
    return data


def say(orgs: int, what: str) -> None:
    """Progress on stderr: a 20,000 run takes many minutes."""
    print(f"[{orgs:,}] {what}", file=sys.stderr, flush=True)


def measure_size(work: Path, orgs: int, seed: int, pdf: bool, rebuilds: bool) -> dict:
    repo, site, hugo = work / "repo", work / "site", work / "hugo"
    say(orgs, "generating the repository and the Hugo site")
    generate(repo, orgs, seed)
    write_hugo_site(repo, hugo)
    timings = work / "timings.json"
    command = THIN + ["build", "--root", str(repo), "--out", str(site), "--today",
                      TODAY.isoformat(), "--timings", str(timings)] + ([] if pdf else ["--no-pdf"])
    say(orgs, "thin build (cold, then warm)")
    cold = run_measured(command)
    profile = read_timings(timings)
    warm = run_measured(command)
    say(orgs, "hugo")
    hugo_run = run_measured(["hugo", "--quiet", "--source", str(hugo),
                             "--destination", str(work / "public")])
    one_query = node(site, [ONE_WORD])[ONE_WORD]
    if rebuilds:
        say(orgs, "incremental rebuilds")
    stages = profile["stages"]
    return {
        "orgs": orgs, "pages": profile["pages"], "cold": cold, "warm": warm,
        "hugo": hugo_run, "hugo_pages": html_pages(work / "public"), "stages": stages,
        "search_bytes": total_bytes(site / "search", site / "bn" / "search"),
        "query_bytes": fetched_bytes(site, one_query),
        "referral_bytes": total_bytes(site / "support" / "referral-index.json",
                                       site / "bn" / "support" / "referral-index.json"),
        "pdf_seconds": sum(s for name, s in stages.items() if ".printing." in name)
        if pdf else None,
        "rebuilds": time_rebuilds(repo, work / "incremental-site", pdf) if rebuilds else []}


def full_build_line(name: str, run: Measured, pages: int) -> str:
    return (f"  {name:<5} wall {run.wall:7.2f} s  cpu {run.cpu:7.2f} s  "
            f"{pages / run.wall:7.0f} pages/s  {run.wall / pages * 1000:6.2f} ms/page "
            f"({run.cpu / pages * 1000:.2f} CPU)  "
            f"peak PSS {run.peak_pss_mb:6.0f} MB (RSS {run.peak_rss_mb:.0f} MB)")


def print_size(result: dict) -> None:
    print(f"\n== {result['orgs']:,} organisations: {result['pages']:,} pages "
          f"(Hugo: {result['hugo_pages']:,})")
    print(full_build_line("THIN", result["cold"], result["pages"]))
    print(full_build_line("warm", result["warm"], result["pages"]))
    print(full_build_line("Hugo", result["hugo"], result["hugo_pages"]))
    print(f"  THIN/Hugo wall: {result['cold'].wall / result['hugo'].wall:.2f}× "
          f"(warm {result['warm'].wall / result['hugo'].wall:.2f}×)")
    stages = result["stages"]
    if stages:
        print("  stages: " + ", ".join(f"{n} {s:.2f}" for n, s in stages.items()
                                       if not n.startswith("step:")))
        for name, seconds in top_steps(stages):
            print(f"    {seconds:7.2f} s  {name}")
    pdf = result["pdf_seconds"]
    print(f"  search index {result['search_bytes'] / 1e6:.1f} MB; one-word query fetches "
          f"{result['query_bytes'] / 1024:.0f} KB gzipped; referral index "
          f"{result['referral_bytes'] / 1024:.0f} KB; PDF {'skipped' if pdf is None else f'{pdf:.1f} s'}")
    for rebuild in result["rebuilds"]:
        print(f"  incremental {rebuild.what:<14} {rebuild.seconds:6.2f} s  "
              f"{rebuild.files_written:5} files written"
              f"{'  FULL BUILD: ' + rebuild.reason if rebuild.full else ''}")


def top_steps(stages: dict) -> list[tuple[str, float]]:
    steps = [(name.removeprefix("step:"), s) for name, s in stages.items() if name.startswith("step:")]
    return sorted(steps, key=lambda item: -item[1])[:TOP_STEPS]


def markdown(results: list[dict], pdf: bool) -> str:
    m = machine()
    sizes = [r["orgs"] for r in results]
    head = lambda first: (f"| {first} | " + " | ".join(f"{n:,}" for n in sizes) + " |\n"  # noqa: E731
                          + "|---" * (len(sizes) + 1) + "|\n")
    lines = [f"Measured {m['date']} on {m['cpu']}, {m['cores']} cores, {m['ram']} RAM; "
             f"Debian {m['debian']}, Python {m['python']}, Hugo {m['hugo']}; "
             f"load average {m['load']} when written. "
             f"PDFs {'included' if pdf else 'left out (`--no-pdf`)'}.\n",
             "| orgs | pages | THIN wall s | CPU s | pages/s | ms/page | CPU ms/page | peak PSS MB "
             "| peak RSS MB | warm wall s | Hugo pages | Hugo wall s | Hugo CPU s | Hugo PSS MB "
             "| THIN/Hugo | warm/Hugo |",
             "|---" * 16 + "|"]
    for r in results:
        c, w, h = r["cold"], r["warm"], r["hugo"]
        lines.append(f"| {r['orgs']:,} | {r['pages']:,} | {c.wall:.1f} | {c.cpu:.1f} | "
                     f"{r['pages'] / c.wall:.0f} | {c.wall / r['pages'] * 1000:.2f} | "
                     f"{c.cpu / r['pages'] * 1000:.2f} | "
                     f"{c.peak_pss_mb:.0f} | {c.peak_rss_mb:.0f} | {w.wall:.1f} | "
                     f"{r['hugo_pages']:,} | {h.wall:.1f} | {h.cpu:.1f} | {h.peak_pss_mb:.0f} | "
                     f"{c.wall / h.wall:.2f}× | {w.wall / h.wall:.2f}× |")
    lines += ["", "Indexes and PDFs:", "", head("").rstrip("\n")]
    rows = (("search index (all files, both languages) MB", lambda r: f"{r['search_bytes'] / 1e6:.1f}"),
            (f"one-word query (`{ONE_WORD}`) fetch KB, gzipped", lambda r: f"{r['query_bytes'] / 1024:.0f}"),
            ("referral index (both languages) KB", lambda r: f"{r['referral_bytes'] / 1024:.0f}"),
            ("PDF s (printing steps)", lambda r: "–" if r["pdf_seconds"] is None else f"{r['pdf_seconds']:.1f}"))
    lines += [f"| {label} | " + " | ".join(cell(r) for r in results) + " |" for label, cell in rows]
    lines += ["", "Incremental rebuild, seconds from the save to the last file written "
              "(files written; *full* = fell back to a full build):", "", head("edit").rstrip("\n")]
    for index, what in enumerate(EDITS):
        cells = [f"{r['rebuilds'][index].seconds:.2f} ({r['rebuilds'][index].files_written}"
                 f"{', *full*' if r['rebuilds'][index].full else ''})" if r["rebuilds"] else "–"
                 for r in results]
        lines.append(f"| {what} | " + " | ".join(cells) + " |")
    stage_names = [n for n in results[-1]["stages"] if not n.startswith("step:")]
    if stage_names:
        lines += ["", "Cold build, seconds per stage and the slowest steps (`--timings`):", "",
                  head("stage").rstrip("\n")]
        names = stage_names + [f"step:{n}" for n, _ in top_steps(results[-1]["stages"])]
        lines += [f"| {n} | " + " | ".join(f"{r['stages'].get(n, 0):.2f}" for r in results) + " |"
                  for n in names]
    return "\n".join(lines) + "\n"


def write_markdown(path: Path, table: str) -> None:
    text = path.read_text("utf-8") if path.exists() else f"{START}\n{END}\n"
    if START not in text or END not in text:
        raise SystemExit(f"{path}: add the lines {START} and {END} where the table goes")
    before, rest = text.split(START, 1)
    path.write_text(f"{before}{START}\n{table}{END}{rest.split(END, 1)[1]}", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--no-pdf", action="store_true", help="leave the printable PDFs out")
    parser.add_argument("--markdown", type=Path, help="write the tables into this file")
    parser.add_argument("--rebuilds-up-to", type=int, default=None, metavar="ORGS",
                        help="time the incremental rebuilds only up to this size (each "
                             "rebuild loads and validates every file: minutes at 20,000)")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each size's figures as soon as measured
    results = []
    for orgs in args.orgs:
        work = Path(tempfile.mkdtemp(prefix=f"thin-bench-{orgs}-"))
        try:
            rebuilds = args.rebuilds_up_to is None or orgs <= args.rebuilds_up_to
            results.append(measure_size(work, orgs, args.seed, not args.no_pdf, rebuilds))
            print_size(results[-1])
            if args.markdown:  # after every size: a long run that fails keeps what it measured
                write_markdown(args.markdown, markdown(results, not args.no_pdf))
                print(f"wrote the tables into {args.markdown}")
        finally:
            say(orgs, "removing the temporary files")
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
