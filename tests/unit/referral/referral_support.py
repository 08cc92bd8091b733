"""Scratch providers and agreements for the referral tests, and the Node runner."""
from __future__ import annotations

import itertools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO
from thin_build.core.catalogue import Catalogue
from thin_build.core.load import slugify
from thin_build.referral.index import compact_json, referral_index
from thin_build.referral.rank import Query, Ranker

RANK_JS = REPO / "tests" / "js" / "referral-rank.js"


def service(need: str = "funding", stages: str = "[stage-1, stage-2]", groups: str = "",
            free: str = "", title: str = "Advice") -> str:
    lines = [f"  - need: {need}", f"    title: {title}", "    description: What it is.",
             f"    stages: {stages}", "    access: Email us.", "    cost: Ask us."]
    lines += [f"    groups: {groups}"] if groups else []
    lines += [f"    free_for: {free}"] if free else []
    return "\n".join(lines) + "\n"


def provider(name: str, *services: str, wards: str = "[borough-wide]",
             languages: str = "[english]", specialisms: str = "[]") -> str:
    slug = slugify(name)
    return (f"---\nname: {name}\ntype: general-primary\nsummary: Support.\nwards: {wards}\n"
            f"languages: {languages}\nspecialisms: {specialisms}\n"
            f"referral_contact:\n  email: {slug}@example.org\nlast_verified: 2026-10-01\n"
            f"services:\n{''.join(services or (service(),))}---\n")


def referrals(*agreements: str, agreed_by: str = "THIN") -> str:
    return f"agreed_by: {agreed_by}\nagreements:\n" + "".join(agreements)


def agreement(need: str, agency: str | None = None, **by_group: str) -> str:
    lines = [f"  - need: {need}", f"    explanation: Agreed for {need}."]
    lines += [f"    agency: {agency}"] if agency else []
    if by_group:
        lines.append("    by_group:")
        for group, slug in by_group.items():
            lines += [f"      - group: {group.replace('_', '-')}", f"        agency: {slug}"]
    return "\n".join(lines) + "\n"


def every_query(cat: Catalogue) -> list[Query]:
    """Every combination of answers: need × stage × group or none × ward or none × language
    or none."""
    slugs = lambda items: [item.slug for item in items]  # noqa: E731
    return [Query(*combo) for combo in itertools.product(
        slugs(cat.needs), slugs(cat.stages), [None, *slugs(cat.groups)],
        [None, *slugs(cat.wards)], [None, *slugs(cat.languages)])]


def python_answers(cat: Catalogue, queries: list[Query]) -> list[str]:
    ranker = Ranker(cat)
    return [compact_json([[s.provider.slug, list(s.reasons)] for s in ranker.rank(query)])
            for query in queries]


def node_answers(index: dict, queries: list[Query], tmp_path: Path) -> list[str]:
    """The page's own `rank` (templates/static/referral/referral.js) over the decoded index, in one
    Node process for every query; one compact JSON line per query."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js (`node`) is needed to run the page's JavaScript; run ./run test",
                    pytrace=False)
    index_file, answers_file = tmp_path / "referral-index.json", tmp_path / "answers.json"
    index_file.write_text(compact_json(index), encoding="utf-8")
    answers_file.write_text(json.dumps([q.__dict__ for q in queries]), encoding="utf-8")
    run = subprocess.run([node, str(RANK_JS), str(index_file), str(answers_file)],
                         capture_output=True, text=True, check=False, timeout=600)
    assert run.returncode == 0, run.stderr
    return [compact_json(json.loads(line)) for line in run.stdout.splitlines()]


def differences(cat: Catalogue, tmp_path: Path, index: dict | None = None) -> list[str]:
    """Queries where the JavaScript and Python rankings differ, described (first ten)."""
    queries = every_query(cat)
    expected = python_answers(cat, queries)
    actual = node_answers(index if index is not None else referral_index(cat), queries, tmp_path)
    assert len(actual) == len(queries)
    return [f"{q}: Python {e} JavaScript {a}"
            for q, e, a in zip(queries, expected, actual) if e != a][:10]
