"""The built pages: status in words on every list, filter pages, monitoring pages,
strategy and theme pages, and each project on its partners' directory pages."""
from __future__ import annotations

import html as html_module
import re

import pytest

from tests.helpers import REPO, TODAY
from thin_build.build import build_site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("projects-pages") / "site"
    build_site(REPO, out, TODAY, pdf=False)  # PDFs are not this room's
    return out


def main(site, path: str) -> str:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    text = html[html.index("<main"):html.index("</main>")]
    return re.sub(r"\s+", " ", html_module.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_the_list_gives_each_status_in_words(site) -> None:
    text = main(site, "projects")
    assert text.count(" Green ") == 3 and text.count(" Amber ") == 2
    assert " Red the laptop loan scheme milestone was missed (due on 31 July 2026) " in text
    html = (site / "projects" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="rag rag-red"') == 1
    assert 'href="/static/projects/projects.css"' in html


def test_filter_pages_by_need_theme_and_partner(site) -> None:
    assert "Young leaders programme" in main(site, "projects/need/governance")
    assert "Trading for good" not in main(site, "projects/need/governance")
    theme = main(site, "projects/theme/children-young-and-older-people")
    assert "Young leaders programme" in theme and "Elders' lunch network" in theme
    partner = main(site, "projects/partner/orgs/isle-commons-community-centre")
    assert "Volunteer pathways partnership" in partner and "Shared premises register" in partner
    html = (site / "projects/theme/premises/index.html").read_text(encoding="utf-8")
    assert '<a href="/projects/theme/premises/" aria-current="page">Premises</a>' in html
    assert 'href="/support/premises/"' not in html  # only need pages point to support


def test_a_need_page_points_to_the_support_for_that_need(site) -> None:
    html = (site / "projects/need/finance/index.html").read_text(encoding="utf-8")
    assert ('<a href="/support/finance/">Find support with finance and community '
            'accountancy for your group</a>') in html
    assert (site / "support/finance/index.html").is_file()


def test_a_monitoring_page(site) -> None:
    html = (site / "projects/young-leaders/index.html").read_text(encoding="utf-8")
    assert '<progress value="90" max="200" aria-labelledby="outcome-1">' in html
    text = main(site, "projects/young-leaders")
    assert "90 of 200 young people (45 % of the target); 123 expected by now" in text
    assert "£44,000 (£43,113 expected by now, pro rata)" in text
    assert "Residential weekend : At risk" in text
    timeline = text[text.index(" Milestones "):]
    assert timeline.index("31 October 2025") < timeline.index("30 April 2027")  # by date
    updates = main(site, "projects/volunteer-pathways")
    assert updates.index("12 October 2026") < updates.index("10 July 2026")  # newest first
    assert "<strong>18 volunteers</strong>" in (
        site / "projects/volunteer-pathways/index.html").read_text(encoding="utf-8")


def test_strategy_and_theme_pages(site) -> None:
    text = main(site, "strategies/volunteer-support")
    assert "Lead agency Volunteering Hub East" in text
    assert "Green every milestone is on time" in text
    assert "Volunteer pathways partnership" in text  # the project under it
    assert "Volunteer recruitment" in text  # its document, a toolkit
    theme = main(site, "strategies/theme/volunteer-support")
    assert "Volunteering Hub East : offers support with volunteer management" in theme
    bme = main(site, "strategies/theme/bme-vco-development")
    assert "Banglatown BME Development Partnership : specialises in" in bme
    index = main(site, "strategies")
    assert index.count(" Lead agency") == 0 and index.count("Led by") == 7


def test_projects_and_strategies_on_listing_pages(site) -> None:
    org = main(site, "orgs/isle-commons-community-centre")
    assert "Joint projects" in org and "Volunteer pathways partnership" in org
    assert "General community development strategy" in org
    provider = main(site, "providers/volunteering-hub-east")
    assert "Volunteer pathways partnership (lead partner)" in provider
    assert "Volunteer support strategy (lead agency)" in provider


def test_home_page_links_both_rooms(site) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="/projects/"' in html and 'href="/strategies/"' in html
