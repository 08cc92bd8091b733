"""`thin report links`: every external address in the content, at its file, line and column."""
from __future__ import annotations

import csv
import io

from click.testing import CliRunner

from thin_build.capabilities import PORTAL
from thin_build.cli import main
from thin_build.core.errors import Location
from thin_build.core.load import load_repository
from thin_build.review.links import FoundLink, find_links, links_report, urls_in
from thin_build.review.tables import render

RIVER_ARTS = """\
---
name: River Arts Collective
summary: Painting classes, see https://river-arts.example.org/classes.
wards: [weavers]
stage: stage-1
website: "https://River-Arts.example.org/"
last_verified: 2026-10-01
---
We paint by the river.

Read [our story](https://river-arts.example.org/story "Our story") and
<https://river-arts.example.org/autolink>, or see [the map][map].

[map]: https://maps.example.org/river?x=1&y=2
Email <mailto:hello@river-arts.example.org> or call tel:02079460000.
Again: https://river-arts.example.org/story, the same page.
"""

# Columns counted by hand: "summary: Painting classes, see " is 31 characters, so the
# address starts at 32; the quoted website at 11 (after `website: "`); "Read [our story](" is
# 17, so 18; the autolink after "<" at 2; the reference definition after "[map]: " at 8.
ROWS = [
    ("https://River-Arts.example.org/", "orgs/river-arts.md:6:11", "website"),
    ("https://bow-youth.example.org/", "orgs/bow-youth.md:5:10", "website"),
    ("https://fund.example.org/youth-grants", "content/opportunities/youth-grants.md:9:7", "link"),
    ("https://funding-network.example.org/", "content/links.yaml:9:10", "links[1].url"),
    ("https://hub.example.org/", "providers/hub.md:5:10", "website"),
    ("https://hub.example.org/mentors", "content/notices/volunteers-wanted.md:7:7", "link"),
    ("https://maps.example.org/river?x=1&y=2", "orgs/river-arts.md:14:8", "body"),
    ("https://premises-line.example.org/", "content/links.yaml:4:10", "links[0].url"),
    ("https://resources.example.org/payroll-checklist", "toolkits/payroll-checklist.md:11:7", "link"),
    ("https://river-arts.example.org/autolink", "orgs/river-arts.md:12:2", "body"),
    ("https://river-arts.example.org/classes", "orgs/river-arts.md:3:32", "summary"),
    ("https://river-arts.example.org/story", "orgs/river-arts.md:11:18", "body"),
    ("https://river-arts.example.org/story", "orgs/river-arts.md:16:8", "body"),
    ("https://tenders.example.org/community-meals", "content/opportunities/food-contract.md:8:7", "link"),
]


def found(root):
    return find_links(load_repository(root, PORTAL.sources()).records, root)


def test_every_address_is_found_where_it_is_written(make_site) -> None:
    root = make_site({"orgs/river-arts.md": RIVER_ARTS})
    assert [(link.url, str(link.location), link.field) for link in found(root)] == ROWS


def test_text_markdown_and_csv_give_the_same_rows(make_site) -> None:
    report = links_report(found(make_site({"orgs/river-arts.md": RIVER_ARTS})))
    text = render(report, "text").splitlines()
    assert text[:4] == ["External links (14)", "Every web address in the content, for someone "
                        "to open and check it still goes to the right place.", "",
                        "  address                                          where"
                        "                                       field"]
    assert text[4] == ("  https://River-Arts.example.org/                  "
                       "orgs/river-arts.md:6:11                     website")
    assert len(text) == 4 + len(ROWS)
    markdown = render(report, "markdown")
    assert "| address | where | field |\n|---|---|---|\n" in markdown
    assert ("| <https://maps.example.org/river?x=1&y=2> | orgs/river-arts.md:14:8 | body |"
            in markdown)
    rows = list(csv.reader(io.StringIO(render(report, "csv").removeprefix("\ufeff"),
                                       newline="")))
    assert rows == [["address", "where", "field"]] + [list(row) for row in ROWS]


def test_an_address_cannot_break_out_of_its_markdown_link() -> None:
    """A `|` or `>` in an address would end the cell or the link: they are percent-encoded."""
    report = links_report([FoundLink("https://a.example.org/x|y>z w`", Location("f.md", 2, 3),
                                     "body")])
    assert "| <https://a.example.org/x%7Cy%3Ez%20w%60> | f.md:2:3 | body |" \
        in render(report, "markdown")
    assert urls_in("https://a.example.org/x|y>z") == ["https://a.example.org/x"]


def test_sentence_punctuation_and_markdown_are_not_part_of_an_address() -> None:
    assert urls_in("See https://a.example.org/x. Or (https://b.example.org/y), "
                   "**https://c.example.org/z**; `https://d.example.org`!") == [
        "https://a.example.org/x", "https://b.example.org/y", "https://c.example.org/z",
        "https://d.example.org"]
    assert urls_in("HTTPS://E.example.org/ and ftp://f.example.org and mailto:x@example.org") \
        == ["HTTPS://E.example.org/"]
    assert urls_in("Type https:// then the address, or https://. or http:///x") == []


def test_the_site_settings_are_not_content_links(make_site) -> None:
    assert not [link for link in found(make_site()) if link.location.path == "content/site.yaml"]


def test_content_that_does_not_validate_still_has_its_links_listed(make_site) -> None:
    root = make_site({"orgs/river-arts.md": RIVER_ARTS.replace("stage: stage-1", "stage: nine"),
                      "orgs/broken.yaml": "name: [unclosed\n"})
    result = CliRunner().invoke(main, ["report", "links", "--root", str(root)])
    assert result.exit_code == 0
    assert "https://river-arts.example.org/classes           orgs/river-arts.md:3:32" \
        in result.stdout
    assert result.stderr == ("1 problem reading the content; files that could not be read "
                             "are left out (run `thin validate`)\n")


def test_no_links_says_so(tmp_path) -> None:
    report = links_report([])
    assert render(report, "text").endswith("\n\nNo external links found.\n")
    assert render(report, "csv") == "\ufeffaddress,where,field\r\n"
