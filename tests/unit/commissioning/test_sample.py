"""The bundled guidance and opportunities: complete, fictional, and open for a while."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.commissioning.pages import open_and_closed


@pytest.fixture(scope="module")
def sample():
    catalogue, problems = check_site(REPO, TODAY)
    assert catalogue is not None, "\n".join(map(str, problems))
    return catalogue


def test_four_guides_in_order(sample) -> None:
    assert [g.slug for g in sorted(sample.guidance, key=lambda g: g.position)] == [
        "what-is-commissioning", "tendering-under-the-procurement-act", "full-cost-recovery",
        "consortia-and-joint-bids"]


@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 12, 1), dt.date(2026, 12, 17)])
def test_one_opportunity_is_closed_and_the_others_open(sample, today) -> None:
    """The same at the tests' date and for a preview built a few weeks later."""
    still_open, closed = open_and_closed(sample, today)
    assert [o.slug for o in closed] == ["winter-activity-small-grants"]
    assert len(still_open) == 4
    assert sum(o.welcomes_joint_bids for o in still_open) >= 1


def test_opportunities_are_fictional(sample) -> None:
    for item in sample.opportunities:
        assert item.funder.endswith("(fictional)"), item.path
        assert re.fullmatch(r"https://[a-z0-9.-]+\.example\.org/.*", item.link), item.path
        if item.lead is not None:
            assert item.lead.email.endswith(".example.org"), item.path


def test_guides_link_only_to_pages_that_exist(sample) -> None:
    """Toolkits by address: each linked one has its file in toolkits/."""
    for guide in sample.guidance:
        for slug in re.findall(r"\]\(/toolkits/([a-z0-9-]+)/\)", guide.body):
            assert (REPO / "toolkits" / f"{slug}.md").is_file(), (guide.path, slug)
        for need in re.findall(r"\]\(/support/([a-z0-9-]+)/\)", guide.body):
            assert need in {n.slug for n in sample.needs}, (guide.path, need)
