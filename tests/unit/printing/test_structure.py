"""The joined directory PDF read with pikepdf: one structure tree reaching every marked
content once, links that resolve onto their targets' pages, an outline on the headings'
pages, the footer an artifact, and the same bytes whatever the number of workers."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.helpers import BASE_SITE, REPO
from tests.unit.printing.structure import (
    content_mcids,
    destinations,
    headings,
    links,
    outline_pages,
    page_index,
    parent_tree,
    tree_contents,
)
from tests.unit.printing.support import BENGALI_ORG, inputs_of, language_pass, opened, page_texts
from thin_build.printing import engine, parts, urls
from thin_build.printing.directory_pdf import directory_documents
from thin_build.printing.engine import render_documents


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The base site plus a Bengali listing, cut into more parts than its size would be,
    so every kind of part boundary (needs, letters, wards) is in it; rendered without a
    cache, with two workers and with one."""
    root = tmp_path_factory.mktemp("site") / "repo"
    shutil.copytree(BASE_SITE, root)
    (root / "orgs" / "riverside-circle.md").write_text(BENGALI_ORG, encoding="utf-8")
    inputs = inputs_of(root)
    documents = tuple(directory_documents(inputs))
    patch = pytest.MonkeyPatch()
    patch.setenv(engine.CACHE_ENV, "0")
    patch.setattr(parts, "RUN_ENTRIES", 2)
    patch.setattr(parts, "INDEX_LINES", 3)
    patch.setattr(parts, "FOOTER_PAGES", 4)
    try:
        data = documents[0].data
        kinds = [part["kind"] for part in parts.body_parts(data) + parts.back_parts(data)]
        two = render_documents(inputs, documents)[urls.full_directory()]
        patch.setattr(os, "cpu_count", lambda: 1)
        one = render_documents(inputs, documents)[urls.full_directory()]
    finally:
        patch.undo()
    return inputs.catalogue, two, one, kinds


def test_the_document_was_made_of_several_parts_of_each_kind(site):
    _cat, _pdf, _one, kinds = site
    assert kinds.count("needs") > 1 and kinds.count("letters") > 1 and kinds.count("back") > 1


def test_one_worker_or_two_give_the_same_bytes(site):
    _cat, two, one, _kinds = site
    assert one.data == two.data


def test_one_structure_tree_reaches_every_marked_content_once(site):
    _cat, pdf, _one, _kinds = site
    with opened(pdf.data) as document:
        root = document.Root.StructTreeRoot
        (top,) = [kid for kid in root.K] if hasattr(root.K, "__iter__") else [root.K]
        assert str(top.S) == "/Document"
        tree, objects, problems = tree_contents(document)
        assert problems == []
        drawn = content_mcids(document)
        assert set(drawn.values()) == {1} and set(tree.values()) == {1}
        assert set(tree) <= set(drawn)
        # WeasyPrint tags the running header (a margin box) as a Span it leaves out of
        # the tree, one a page but the cover's, as it does in a document laid out whole.
        header = sorted(set(drawn) - set(tree))
        assert [page for page, _mcid in header] == list(range(1, len(document.pages)))
        # The ParentTree takes each page's marked content and each link back to its element.
        parent = parent_tree(document)
        assert int(root.ParentTreeNextKey) == max(parent) + 1
        for number, page in enumerate(document.pages):
            elements = parent[int(page.obj.StructParents)]
            for mcid, element in enumerate(elements):
                if element is not None:
                    assert mcid in [k for k in element.K if isinstance(k, int)], (number, mcid)
        for _page, annotation in links(document):
            element = parent[int(annotation.StructParent)]
            assert str(element.S) == "/Link"
            assert annotation.objgen in [kid.Obj.objgen for kid in element.K
                                         if not isinstance(kid, int) and "/Obj" in kid]
        assert sorted(objects) == sorted(a.objgen for _p, a in links(document))


def test_headings_in_the_tree_are_in_page_order_and_the_outline_points_at_them(site):
    _cat, pdf, _one, _kinds = site
    with opened(pdf.data) as document:
        found = headings(document)
        outline = outline_pages(document)
    pages = [page for _role, page in found]
    assert pages == sorted(pages) and len(found) == len(outline) > 20
    assert [page for _title, page in outline] == pages
    texts = page_texts(pdf.data)
    for title, page in outline:
        assert title in " ".join(texts[page].split()), (title, page)


def test_every_link_resolves_onto_its_target_s_page(site):
    cat, pdf, _one, _kinds = site
    with opened(pdf.data) as document:
        named = destinations(document)
        found = links(document)
        uris = [str(a.A.get("/URI", "")) for _p, a in found if "/A" in a]
        targets = [str(a.Dest) for _p, a in found if "/Dest" in a]
    assert not [uri for uri in uris if uri.startswith("thin-anchor:")]
    assert len(targets) == len(found) > 20 and set(targets) <= set(named)
    texts = [" ".join(text.split()) for text in page_texts(pdf.data)]
    for org in cat.orgs:
        assert org.name in texts[named[f"o-{org.slug}"]]
    for need in cat.needs:
        if f"need-{need.slug}" in named:
            assert need.name in texts[named[f"need-{need.slug}"]]


def test_the_footer_is_an_artifact_stamped_on_every_page(site):
    _cat, pdf, _one, _kinds = site
    with opened(pdf.data) as document:
        for page in document.pages:
            last = page.obj.Contents[-1].read_bytes()
            assert last == b"Q\n/Artifact BMC\nq /ThinFooter Do Q\nEMC\n"
            assert page.obj.Contents[0].read_bytes() == b"q\n"
            form = page.obj.Resources.XObject.ThinFooter
            assert b"BDC" not in form.read_bytes()  # no tagged content inside the stamp
        assert len(page_index(document)) == pdf.pages


def test_the_bengali_edition_s_footer_is_drawn_in_a_bengali_font():
    with language_pass(REPO, "bn") as inputs:
        pdf = render_documents(inputs, tuple(directory_documents(inputs)))[
            urls.provider_directory()]
    with opened(pdf.data) as document:
        form = document.pages[1].obj.Resources.XObject.ThinFooter
        fonts = [str(font.BaseFont) for font in form.Resources.Font.values()]
    assert any("Bengali" in name for name in fonts), fonts
    assert "পৃষ্ঠা 2" in page_texts(pdf.data)[1].replace("\u09be", "া")


def test_the_joined_document_claims_pdf_ua_1_as_weasyprint_writes_it(site):
    _cat, pdf, _one, _kinds = site
    with opened(pdf.data) as document:
        xmp = document.Root.Metadata.read_bytes()
        assert document.pdf_version == "1.7"
        assert bool(document.Root.ViewerPreferences.DisplayDocTitle)
    assert b'pdfuaid:part="1"' in xmp and b"<xmp:CreateDate>2026-11-24</xmp:CreateDate>" in xmp
