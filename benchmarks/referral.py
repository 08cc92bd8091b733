"""Referral index benchmark: size and build time for many providers and needs.

    .venv/bin/python benchmarks/referral.py [--providers 100] [--needs 20] [--services 5]

Writes a scratch repository with the sample's taxonomies, NEEDS support needs and
PROVIDERS synthetic providers (each with SERVICES services of realistic length, some
local, some for one beneficiary group, some free), agrees an agency for most needs,
validates it with the real code and builds the client index exactly as the site does.
Prints the index's raw and gzipped bytes against the budget (50 KB gzipped for 100
providers and 20 needs), the per-need details files, and the time taken. The index must
grow with providers × services, not with the number of possible answers, so the figures
for twice the providers are printed too.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thin_build.build import check_site  # noqa: E402
from thin_build.referral.index import compact_json, need_details, referral_index  # noqa: E402
from thin_build.referral.rank import Query, Ranker  # noqa: E402

TODAY = dt.date(2026, 11, 24)
BUDGET_GZIPPED = 50 * 1024
WORDS = ("community development funding bids trustees governance volunteers training "
         "premises payroll advice support groups local borough charity safeguarding "
         "policy evidence impact digital finance accounts workshop mentoring clinic").split()


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def provider_file(index: int, rng: random.Random, count: int, needs, stages, groups, wards,
                  languages) -> str:
    local = rng.random() < 0.3
    ward_list = ", ".join(rng.sample(wards, 4)) if local else "borough-wide"
    services = []
    for need in rng.sample(needs, min(count, len(needs))):
        offered = sorted(rng.sample(stages, rng.randint(1, len(stages))))
        service = (f"  - need: {need}\n    title: \"{sentence(rng, 5)[:-1]}\"\n"
                   f"    description: \"{sentence(rng, 30)}\"\n"
                   f"    stages: [{', '.join(offered)}]\n"
                   f"    access: \"{sentence(rng, 12)}\"\n    when: \"{sentence(rng, 6)}\"\n"
                   f"    cost: \"{sentence(rng, 9)}\"\n")
        if rng.random() < 0.2:
            service += f"    groups: [{rng.choice(groups)}]\n"
        if rng.random() < 0.5:
            service += f"    free_for: [{offered[0]}]\n"
        services.append(service)
    return (f"---\nname: Synthetic Support Provider {index:03d}\ntype: general-primary\n"
            f"summary: \"{sentence(rng, 25)}\"\nemail: info{index}@bench.example.org\n"
            f"phone: 020 7946 {index % 1000:04d}\nwards: [{ward_list}]\n"
            f"languages: [{', '.join(rng.sample(languages, 3))}]\n"
            f"specialisms: [{rng.choice(groups)}]\n"
            f"referral_contact:\n  role: Referrals coordinator\n"
            f"  email: referrals{index}@bench.example.org\n  phone: 020 7946 {index % 1000:04d}\n"
            f"last_verified: 2026-06-01\nservices:\n{''.join(services)}---\n"
            f"{sentence(rng, 40)}\n")


def make_repo(providers: int, needs: int, services: int, seed: int) -> Path:
    repo = Path(tempfile.mkdtemp(prefix=f"thin-referral-{providers}-"))
    # Only what providers refer to: other content (notices, events) names sample listings.
    shutil.copytree(ROOT / "content" / "taxonomies", repo / "content" / "taxonomies")
    shutil.copy(ROOT / "content" / "site.yaml", repo / "content" / "site.yaml")
    networks = repo / "content" / "taxonomies" / "networks.yaml"
    networks.write_text("".join(line for line in networks.read_text(encoding="utf-8")
                                .splitlines(keepends=True)
                                if not line.lstrip().startswith("convenor:")), encoding="utf-8")
    (repo / "orgs").mkdir()
    (repo / "providers").mkdir()
    need_slugs = [f"need-{n:02d}" for n in range(needs)]
    (repo / "content" / "taxonomies" / "needs.yaml").write_text("".join(
        f"- slug: {slug}\n  name: Synthetic need {n}\n" for n, slug in enumerate(need_slugs)),
        encoding="utf-8")
    catalogue, problems = check_site(ROOT, TODAY)
    assert catalogue is not None, problems
    slugs = lambda items: [item.slug for item in items]  # noqa: E731
    rng = random.Random(seed)
    offers: dict[str, list[str]] = {need: [] for need in need_slugs}
    for index in range(providers):
        text = provider_file(index, rng, services, need_slugs, slugs(catalogue.stages),
                             slugs(catalogue.groups), slugs(catalogue.wards),
                             slugs(catalogue.languages))
        (repo / "providers" / f"provider-{index:03d}.md").write_text(text, encoding="utf-8")
    written, problems = check_site(repo, TODAY)
    assert written is not None, [str(p) for p in problems if p.is_error][:5]
    for provider in written.providers:
        for service in provider.services:
            if not service.groups:
                offers[service.need].append(provider.slug)
    lines = ["agreed_by: THIN", "agreements:"]
    for need, offered in offers.items():
        if offered and rng.random() < 0.9:
            lines += [f"  - need: {need}", f"    agency: {sorted(offered)[0]}",
                      f"    explanation: \"{sentence(rng, 20)}\""]
    (repo / "content" / "referrals.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return repo


def measure(providers: int, needs: int, services: int) -> dict:
    repo = make_repo(providers, needs, services, seed=providers * 1000 + needs)
    try:
        started = time.perf_counter()
        catalogue, problems = check_site(repo, TODAY)
        validated = time.perf_counter()
        assert catalogue is not None, [str(p) for p in problems if p.is_error][:5]
        index = compact_json(referral_index(catalogue)).encode("utf-8")
        built = time.perf_counter()
        details = [compact_json(need_details(catalogue, need)).encode("utf-8")
                   for need in catalogue.needs]
        ranker = Ranker(catalogue)
        queries = [Query(n.slug, s.slug, None, None, None)
                   for n in catalogue.needs for s in catalogue.stages]
        ranking = time.perf_counter()
        for query in queries:
            ranker.rank(query)
        ranked = time.perf_counter()
        return {"providers": len(catalogue.providers), "needs": len(catalogue.needs),
                "services": sum(len(p.services) for p in catalogue.providers),
                "raw": len(index), "gzipped": len(gzip.compress(index, 9)),
                "details_raw": sum(map(len, details)),
                "details_gzipped_max": max(len(gzip.compress(d, 9)) for d in details),
                "validate_s": validated - started, "index_s": built - validated,
                "rank_ms": (ranked - ranking) * 1000 / len(queries)}
    finally:
        shutil.rmtree(repo)


def report(figures: dict) -> None:
    print(f"{figures['providers']} providers, {figures['needs']} needs, "
          f"{figures['services']} services")
    print(f"  referral-index.json: {figures['raw']:,} bytes raw, {figures['gzipped']:,} bytes "
          f"gzipped (budget {BUDGET_GZIPPED:,} gzipped)")
    print(f"  per-need services.json: {figures['details_raw']:,} bytes raw in all, largest "
          f"{figures['details_gzipped_max']:,} bytes gzipped")
    print(f"  validate {figures['validate_s']:.2f} s, "
          f"build index {figures['index_s'] * 1000:.1f} ms, "
          f"Python ranking {figures['rank_ms']:.2f} ms a query")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--providers", type=int, default=100)
    parser.add_argument("--needs", type=int, default=20)
    parser.add_argument("--services", type=int, default=5, help="services per provider")
    args = parser.parse_args()
    main = measure(args.providers, args.needs, args.services)
    report(main)
    double = measure(args.providers * 2, args.needs, args.services)
    report(double)
    print(f"twice the providers: {double['gzipped'] / main['gzipped']:.2f} times the gzipped size")
    within = main["gzipped"] <= BUDGET_GZIPPED
    print("within budget" if within else "OVER BUDGET")
    sys.exit(0 if within else 1)
