"""Joining parts rendered apart (`printing.join`) and cutting a directory into parts
(`printing.parts`), on small documents: pages, links across parts, one outline, one
structure tree, footers stamped per page, and the refusals."""
from __future__ import annotations

import pikepdf
import pytest

from tests.unit.printing.structure import destinations, links, outline_pages
from tests.unit.printing.support import opened, page_texts
from thin_build.build import DEFAULT_TEMPLATES
from thin_build.printing import parts
from thin_build.printing.engine import Limits
from thin_build.printing.fetcher import site_folders
from thin_build.printing.join import JoinError, join
from thin_build.printing.worker import render_one

STYLE = """<style>@page { size: A5; margin: 20mm; @bottom-center { content: none } }
h2 { bookmark-level: 1 } h3 { bookmark-level: 2 } .next { break-before: page }</style>"""
FIRST = f"""<html lang="en"><head><title>Joined</title>{STYLE}</head><body>
<h2 id="alpha">Alpha</h2><p>See <a href="thin-anchor:beta">Beta</a>.</p>
<h3 class="next" id="alpha-more">Alpha more</h3><p>Second page.</p></body></html>"""
SECOND = f"""<html lang="en"><head><title>Joined</title>{STYLE}</head><body>
<h3 id="beta">Beta</h3><p>Back to <a href="thin-anchor:alpha">Alpha</a>.</p></body></html>"""
FOOTERS = """<html><head><style>@page { size: A5; margin: 20mm;
  @bottom-center { content: "Foot " counter(page) } } div { break-before: page }</style>
</head><body><div></div><div></div><div></div></body></html>"""


def render(html: str, tagged: bool = True):
    options = {"pdf_tags": tagged, "pdf_identifier": b"test-identifier"}
    result = render_one((html, options, site_folders(DEFAULT_TEMPLATES, None), Limits()))
    assert not isinstance(result, str), result
    return result


@pytest.fixture(scope="module")
def joined():
    first, second, footers = render(FIRST), render(SECOND), render(FOOTERS, tagged=False)
    assert (first.pages, second.pages, footers.pages) == (2, 1, 3)
    assert first.anchors == {"alpha": 0, "alpha-more": 1} and second.anchors == {"beta": 0}
    return join([first, second], [footers], b"test-identifier"), (first, second, footers)


def test_pages_in_order_with_each_footer_on_its_page(joined):
    data, _parts = joined
    texts = page_texts(data)
    assert len(texts) == 3
    for number, text in enumerate(texts, 1):
        assert f"Foot {number}" in text and f"Foot {number + 1}" not in text
    assert "Alpha" in texts[0] and "Second page." in texts[1] and "Back to" in texts[2]


def test_links_across_parts_become_named_destinations(joined):
    data, _parts = joined
    with opened(data) as pdf:
        named = destinations(pdf)
        found = [(page, str(annotation.Dest), "/A" in annotation)
                 for page, annotation in links(pdf)]
    assert named == {"alpha": 0, "alpha-more": 1, "beta": 2}
    assert found == [(0, "beta", False), (2, "alpha", False)]


def test_one_outline_nests_a_later_part_under_an_earlier_heading(joined):
    data, _parts = joined
    with opened(data) as pdf:
        assert outline_pages(pdf) == [("Alpha", 0), ("Alpha more", 1), ("Beta", 2)]
        with pdf.open_outline() as outline:
            (alpha,) = outline.root
            assert [item.title for item in alpha.children] == ["Alpha more", "Beta"]


def test_one_structure_tree_with_the_parent_tree_renumbered(joined):
    data, (first, _second, _footers) = joined
    with opened(data) as pdf, opened(first.data) as alone:
        root = pdf.Root.StructTreeRoot
        (document,) = list(root.K)
        roles = [str(kid.S) for kid in document.K]
        assert roles == ["/H2", "/P", "/H3", "/P", "/H3", "/P"]
        assert all(kid.P.objgen == document.objgen for kid in document.K)
        keys = [key for key, _value in pikepdf.NumberTree(root.ParentTree).items()]
        first_keys = len(list(pikepdf.NumberTree(alone.Root.StructTreeRoot.ParentTree).items()))
        assert keys == list(range(len(keys))) and int(root.ParentTreeNextKey) == len(keys)
        pages = [int(page.obj.StructParents) for page in pdf.pages]
        assert pages[:2] == [int(p.obj.StructParents) for p in alone.pages]
        assert pages[2] >= first_keys  # the second part's keys follow the first's
        assert str(pdf.Root.Lang) == "en" and bool(pdf.Root.MarkInfo.Marked)
        assert str(pdf.docinfo.Title) == "Joined"
        assert bytes(pdf.trailer.ID[0]) == b"test-identifier"


def test_the_same_parts_join_to_the_same_bytes(joined):
    data, (first, second, footers) = joined
    assert join([first, second], [footers], b"test-identifier") == data


def test_a_link_to_an_anchor_no_part_has_is_refused():
    lonely = render(SECOND.replace("thin-anchor:alpha", "thin-anchor:nowhere"))
    with pytest.raises(JoinError, match="a link to #nowhere, which no part"):
        join([lonely], [], b"x")


def test_footers_must_match_the_pages():
    with pytest.raises(JoinError, match="3 footers for 1 pages"):
        join([render(SECOND.replace("thin-anchor:alpha", "#beta"))],
             [render(FOOTERS, tagged=False)], b"x")


def test_runs_cut_at_group_boundaries_nearest_each_share():
    groups = [{"entries": [0] * n} for n in (5, 1, 1, 5, 2, 6)]
    # 20 entries in two: the cut after 12 is nearer 10 than the one after 7.
    assert [[len(g["entries"]) for g in run] for run in parts.runs(groups, 10)] == [
        [5, 1, 1, 5], [2, 6]]
    assert [[len(g["entries"]) for g in run] for run in parts.runs(groups, 7)] == [
        [5, 1, 1], [5, 2], [6]]
    assert parts.runs(groups, 100) == [groups] and parts.runs([], 10) == []


def test_footers_are_cut_into_runs_that_number_every_page_once():
    assert parts.footer_parts(319) == [
        {"kind": "footer", "start": 1, "pages": 159, "total": 319},
        {"kind": "footer", "start": 160, "pages": 160, "total": 319}]
    assert parts.footer_parts(8) == [{"kind": "footer", "start": 1, "pages": 8, "total": 8}]
