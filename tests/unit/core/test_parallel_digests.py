"""The plan digests a full build records for incremental rebuilds (`build_prepared`'s
`digests`): the same whether workers render or the build process does, one per page;
and a plan that cannot go to a worker fails the build naming its page."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BASE_SITE, TODAY
from thin_build.build import build_prepared, prepare_build
from thin_build.core.errors import BuildError
from thin_build.core.parallel import PagePool
from thin_build.core.plan import PagePlan
from thin_build.core.write import OutputTree


def test_workers_and_the_build_process_record_the_same_digests(tmp_path: Path) -> None:
    found = {}
    for jobs in (1, 2):
        prep = prepare_build(BASE_SITE, tmp_path / f"site-{jobs}", TODAY, pdf=False)
        found[jobs] = {}
        result = build_prepared(prep, jobs=jobs, digests=found[jobs])
    assert len(found[2]) == result.pages > 0
    assert found[1] == found[2]
    assert len(set(found[2].values())) > result.pages // 2  # digests of the plans, not one


def test_a_plan_that_cannot_be_sent_to_a_worker_names_its_page(tmp_path: Path) -> None:
    with OutputTree(tmp_path / "site") as tree:
        pool = PagePool(tree, lambda url, plan: "", 2)
        try:
            with pytest.raises(BuildError, match=r"^page /odd/ \(template odd.html\): its "
                               r"plan cannot be sent to a worker process \("):
                pool.page("/odd/", "odd/index.html",
                          PagePlan("/odd/", "odd.html", "Odd", "", {"f": lambda: 1}))
        finally:
            pool.stop(now=True)
