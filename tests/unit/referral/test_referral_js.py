"""The referral page's JavaScript ranks every possible answer exactly as Python does.

For the sample content, every combination of need × stage × beneficiary group (or none)
× ward (or across the borough) × language (or none) — some 270,000 — is ranked by
`Ranker.rank` and by `rank` in templates/static/referral/referral.js, run in one Node process on
the index decoded from the built site's referral-index.json. Both must give the same
providers in the same order with the same reasons.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import REPO, TODAY
from tests.unit.referral.referral_support import RANK_JS, differences, every_query
from thin_build.build import build_site
from thin_build.referral.rank import (
    Query,
    Ranker,
    agreed_agencies,
    eligible_services,
    rank,
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("referral") / "site"
    result = build_site(REPO, out, TODAY)
    return result.catalogue, out


def test_every_combination_in_the_sample_ranks_the_same_in_javascript(built, tmp_path) -> None:
    cat, out = built
    index = json.loads((out / "support" / "referral-index.json").read_text(encoding="utf-8"))
    queries = every_query(cat)
    dimensions = (len(cat.needs), len(cat.stages), len(cat.groups) + 1, len(cat.wards) + 1,
                  len(cat.languages) + 1)
    assert len(queries) == dimensions[0] * dimensions[1] * dimensions[2] * dimensions[3] \
        * dimensions[4] > 100_000
    assert differences(cat, tmp_path, index) == []


RULES = ("agreed agency", "specialist", "local", "free", "language", "name")


def rule_keys(cat, ranker: Ranker, query: Query) -> list[tuple]:
    """Each eligible provider's position under each rule (smaller first), as Ranker sees it."""
    group_agency, need_agency = agreed_agencies(cat, query.need, query.group)
    keys = []
    for provider in cat.providers:
        services = eligible_services(provider, query)
        if services:
            keys.append((0 if provider.slug == group_agency else 1 if provider.slug == need_agency
                         else 2,
                         not (query.group in provider.specialisms
                              or any(query.group in s.groups for s in services)),
                         query.ward not in provider.wards,
                         not any(query.stage in s.free_for for s in services),
                         query.language not in provider.languages,
                         ranker.order[provider.slug]))
    return keys


def test_the_sample_puts_every_pair_of_rules_in_conflict(built) -> None:
    """Guards the exhaustive test: for each rule, some answers in the sample have two
    providers that the rule and the next one would order differently, so swapping any two
    rules in the JavaScript (or in Python) changes some answer and fails the test above."""
    cat, _out = built
    ranker = Ranker(cat)
    missing = set(zip(RULES, RULES[1:]))
    for query in every_query(cat):
        keys = rule_keys(cat, ranker, query)
        for a in keys:
            for b in keys:
                for rule in range(len(RULES) - 1):
                    if a[:rule] == b[:rule] and a[rule] < b[rule] and a[rule + 1] > b[rule + 1]:
                        missing.discard((RULES[rule], RULES[rule + 1]))
        if not missing:
            break
    assert missing == set()


def test_the_sample_exercises_every_rule(built) -> None:
    """Guards the exhaustive test: the sample really has agreed agencies for groups,
    local providers, free services and language matches for the rules to disagree on."""
    cat, _out = built
    ranker = Ranker(cat)
    texts = ranker.texts
    seen = set()
    for query in every_query(cat)[::7]:
        for suggestion in ranker.rank(query):
            for reason in suggestion.reasons:
                kind = ("group-agency" if "for groups working with" in reason else
                        "agency" if "agreed referral agency" in reason else
                        "specialist" if reason in texts.specialist.values() else
                        "local" if reason in texts.local.values() else
                        "free" if reason in texts.free.values() else "language")
                seen.add(kind)
    assert seen == {"group-agency", "agency", "specialist", "local", "free", "language"}


def test_persona_bme_group_in_spitalfields_wanting_bengali(built) -> None:
    cat, _out = built
    first = rank(cat, Query("funding", "stage-1", "bme", "spitalfields-banglatown", "bengali"))[0]
    assert first.provider.slug == "banglatown-bme-development-partnership"
    assert first.reasons == (
        "THIN's agreed referral agency for funding and fundraising for groups working with "
        "BME communities", "specialist in support for BME communities",
        "free for Stage 1 groups", "advice in Bengali")


def test_node_runner_reads_the_built_index(built, tmp_path: Path) -> None:
    """The runner must fail loudly on an index it cannot read, not report no differences."""
    (tmp_path / "answers.json").write_text("[]", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    run = subprocess.run([shutil.which("node") or "node", str(RANK_JS),
                          str(tmp_path / "broken.json"), str(tmp_path / "answers.json")],
                         capture_output=True, text=True, check=False)
    assert run.returncode != 0
