"""The evidence page, its summary and CSVs, built from the fixed catalogue.

Charts are read as XML and compared with the table beside them; CSVs are read back
with the csv module; small cells are looked for in every file the step writes.
"""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from tests.helpers import REPO, TODAY
from thin_build.core.contributions import Contributions
from thin_build.core.plan import BuildInputs, PagePlan
from thin_build.core.render import make_environment, make_layout, render_page
from thin_build.core.write import OutputFile
from thin_build.directory.listing_pages import Section
from thin_build.evidence.charts import bar_chart
from thin_build.evidence.collect import collect
from thin_build.evidence.pages import CSV_EXTRA, EVIDENCE_PAGE, evidence_outputs

from .catalogue import catalogue

SVG = "{http://www.w3.org/2000/svg}"
NONE = Contributions({})


@pytest.fixture(scope="module")
def built():
    cat = catalogue()  # alone: other rooms' contributions would read their own collections
    items = list(evidence_outputs(BuildInputs(cat, TODAY, NONE)))
    files = {i.path: i.data for i in items if isinstance(i, OutputFile)}
    env = make_environment(REPO / "templates")
    layout = make_layout(cat, NONE, "test")
    pages = {i.url: render_page(env, layout, i) for i in items if isinstance(i, PagePlan)}
    return cat, files, pages


class Tables(HTMLParser):
    """Each table's rows as text, keyed by the id of the section around it."""

    def __init__(self):
        super().__init__()
        self.tables, self.section, self.row, self.cell = {}, None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
        elif tag == "tr":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.tables.setdefault(self.section, []).append(self.row)
            self.row = None


def charts(html: str) -> dict[str, ET.Element]:
    found = {}
    for text in re.findall(r"<svg .*?</svg>", html, re.S):
        svg = ET.fromstring(text)
        found[svg.get("id")] = svg
    return found


def test_every_table_is_a_csv_that_reads_back(built) -> None:
    cat, files, _pages = built
    for table in collect(cat, TODAY).tables:
        text = files[f"evidence/{table.slug}.csv"]
        assert text.startswith("\ufeff") and "\r\n" in text
        rows = list(csv.reader(io.StringIO(text[1:], newline="")))
        assert rows[0] == [*table.header, *CSV_EXTRA]
        assert [row[:len(table.header)] for row in rows[1:]] == [
            [cell.csv for cell in row] for row in table.rows]
        for row in rows[1:]:
            coverage, _notes, source = row[len(table.header):]
            assert coverage == table.coverage
            assert source == ("Test Portal (https://portal.example.org/), from the "
                              "organisation and provider listings as they stood on 24 "
                              "November 2026.")


def test_no_hidden_income_can_be_read_from_any_evidence_file(built) -> None:
    """Hidden: micro (a 9,999 and d 2,000: total 11,999, median 6,000), medium (total
    350,000, median 175,000), large and stage 3 (i 1,000,000), and stage 1 by the
    complementary rule (total 21,999, median 9,999)."""
    _cat, files, pages = built
    everything = re.sub(r"<[^>]*>", " ", "\n".join([*files.values(), *pages.values()]))
    numbers = {int(n.replace(",", "")) for n in re.findall(r"[0-9][0-9,]*[0-9]|[0-9]", everything)}
    assert {9999, 2000, 11999, 6000, 350000, 175000, 1000000, 21999} & numbers == set()
    assert {159999, 50000, 499999, 1521998, 75000} <= numbers  # what is shown is there
    assert '"Micro (under £10,000)",fewer than 3,fewer than 3,fewer than 3,fewer than 3,' in (
        files["evidence/income-bands.csv"])


def test_each_chart_has_title_desc_and_matches_its_table(built) -> None:
    _cat, _files, pages = built
    html = pages["/evidence/"]
    tables = Tables()
    tables.feed(html)
    found = charts(html)
    assert set(found) == {"chart-stages", "chart-income-bands", "chart-wards", "chart-groups",
                          "chart-activities", "chart-languages", "chart-networks"}
    for chart_id, svg in found.items():
        slug = chart_id.removeprefix("chart-")
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
        assert svg.find(f"{SVG}title").get("id") == f"{chart_id}-title"
        assert svg.find(f"{SVG}desc").text.startswith("Bar chart of ")
        words = [t.text for t in svg.iter(f"{SVG}text")]
        labels, values = words[::2], [v.split(" ")[0] if v != "fewer than 3" else v
                                      for v in words[1::2]]
        body = tables.tables[slug][1:]  # the header row first
        if slug in ("stages", "income-bands"):
            body = body[:-1]  # the total row is not drawn
        assert labels == [row[0] for row in body]
        assert values == [row[1] for row in body]


def test_a_suppressed_bar_is_not_drawn() -> None:
    svg = ET.fromstring(bar_chart("c", "T", "D", [("Big", 10), ("Small", None), ("None", 0)]))
    assert len(svg.findall(f"{SVG}g")) == 3
    assert [len(g.findall(f"{SVG}rect")) for g in svg.findall(f"{SVG}g")] == [1, 0, 0]
    assert [t.text for t in svg.iter(f"{SVG}text")] == [
        "Big", "10", "Small", "fewer than 3", "None", "0"]


def test_chart_text_is_escaped() -> None:
    svg = bar_chart("c", "<script>", "a & b", [("<img src=x>", 3)], "£")
    assert "<script>" not in svg and "<img" not in svg
    tree = ET.fromstring(svg)
    assert tree.find(f"{SVG}title").text == "<script>"
    assert [t.text for t in tree.iter(f"{SVG}text")] == ["<img src=x>", "£3"]


def test_page_says_why_there_is_no_trend_and_lists_the_summary(built) -> None:
    _cat, _files, pages = built
    assert "No content folder was given, so there is no history to read." in pages["/evidence/"]
    summary = pages["/evidence/summary/"]
    assert "/static/evidence/evidence.css" in summary
    assert "<svg" not in summary
    for heading in ("Organisations and income by stage of development",
                    "Organisations and income by income band",
                    "Paid staff, volunteers and volunteer hours"):
        assert heading in summary


def test_other_rooms_add_sections_after_the_evidence_in_order() -> None:
    def first(_inputs):
        yield Section("first-part", "First part", "evidence/_table.html", {})

    def second(_inputs):
        yield Section("second-part", None, "evidence/_table.html", {})

    cat = catalogue()
    points = Contributions({EVIDENCE_PAGE: (first, second)})
    env = make_environment(REPO / "templates")
    plan = next(i for i in evidence_outputs(BuildInputs(cat, TODAY, points))
                if isinstance(i, PagePlan) and i.url == "/evidence/")
    assert [s.anchor for s in plan.data["sections"]] == ["first-part", "second-part"]
    html = render_page(env, make_layout(cat, NONE, "test"), plan)
    menu = html[html.index('aria-label="On this page"'):html.index("</nav>", html.index(
        'aria-label="On this page"'))]
    assert menu.index('href="#freshness"') < menu.index('href="#first-part"') < menu.index(
        'href="#method"')
    assert "second-part" not in menu  # no label: not in the menu
