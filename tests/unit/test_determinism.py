"""Property: the same content builds byte-identical output, whatever order files appear in."""
from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_site
from thin_build.core.errors import ContentError

WARDS = ["bow-east", "spitalfields-banglatown", "weavers"]
names = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp", "Cf")),
                min_size=1, max_size=40).filter(lambda s: s.strip() and s == s.strip())


def _org(name: str, ward: str, number: int) -> str:
    return (f"---\nname: {json.dumps(name)}\nsummary: {json.dumps(name + ' summary')}\n"
            f"wards: [{ward}]\nstage: stage-1\nlast_verified: 2026-10-0{number % 9 + 1}\n"
            f"---\nAbout {json.dumps(name)}.\n")


def _digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(orgs=st.lists(st.tuples(names, st.sampled_from(WARDS)), min_size=1, max_size=6,
                     unique_by=lambda pair: pair[0].casefold()),
       order=st.randoms(use_true_random=False))
def test_file_order_never_changes_the_output(tmp_path_factory, orgs, order) -> None:
    files = {f"orgs/generated-{i}.md": _org(name, ward, i) for i, (name, ward) in enumerate(orgs)}
    digests = []
    for attempt in range(2):
        root = tmp_path_factory.mktemp("repo")
        shutil.copytree(BASE_SITE, root, dirs_exist_ok=True)
        items = list(files.items())
        if attempt:
            order.shuffle(items)
        for rel, text in items:
            (root / rel).write_text(text, encoding="utf-8")
        try:
            build_site(root, root / "site", TODAY)
        except ContentError as exc:  # invalid content must fail both builds alike
            digests.append([str(p) for p in exc.problems])
            continue
        digests.append(_digest(root / "site"))
    assert digests[0] == digests[1]
