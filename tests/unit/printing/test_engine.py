"""The engine: same bytes twice, the cache (hits, misses, corruption), limits, failures."""
from __future__ import annotations

import shutil

import pytest

from tests.helpers import BASE_SITE
from tests.unit.printing.support import inputs_of, page_count
from thin_build.build import DEFAULT_TEMPLATES
from thin_build.core.errors import ContentError
from thin_build.printing import engine
from thin_build.printing.documents import PrintDocument
from thin_build.printing.engine import Limits, render_documents

NOTE = """{% extends "printing/_document.html" %}
{% block body %}<h1>{{ heading }}</h1>{% for n in range(repeat) %}<p>Line {{ n }}</p>{% endfor %}
{% if image %}<img src="{{ image }}" alt="The group's logo">{% endif %}{% endblock %}
"""


@pytest.fixture
def setup(tmp_path, monkeypatch):
    """The base site with its own templates (the portal's plus a test note) and cache."""
    root = tmp_path / "repo"
    shutil.copytree(BASE_SITE, root)
    templates = tmp_path / "templates"
    shutil.copytree(DEFAULT_TEMPLATES, templates)
    (templates / "printing" / "note.html").write_text(NOTE, encoding="utf-8")
    monkeypatch.setenv(engine.CACHE_ENV, str(tmp_path / "cache"))
    return inputs_of(root, templates=templates), tmp_path / "cache" / "pdf"


def note(heading="A note", repeat=3, image="", path="print/note.pdf") -> PrintDocument:
    return PrintDocument(path, "printing/note.html", "A note", "note",
                         {"heading": heading, "repeat": repeat, "image": image})


def test_two_renders_give_identical_bytes(setup, tmp_path, monkeypatch):
    inputs, _cache = setup
    first = render_documents(inputs, [note()])["print/note.pdf"]
    monkeypatch.setenv(engine.CACHE_ENV, str(tmp_path / "other-cache"))
    second = render_documents(inputs, [note()])["print/note.pdf"]
    assert not first.from_cache and not second.from_cache
    assert first.data == second.data and first.data.startswith(b"%PDF-")
    assert page_count(first.data) == first.pages == 1 and first.size == len(first.data)


def test_an_unchanged_document_is_not_rendered_again(setup):
    inputs, cache = setup
    documents = [note(), note("Another", path="print/other.pdf")]
    first = render_documents(inputs, documents)
    again = render_documents(inputs, documents)
    assert [p.from_cache for p in first.values()] == [False, False]
    assert [p.from_cache for p in again.values()] == [True, True]
    assert {p.data for p in first.values()} == {p.data for p in again.values()}
    changed = render_documents(inputs, [note("Changed"), documents[1]])
    assert [changed[p].from_cache for p in sorted(changed)] == [False, True]
    assert len(list(cache.glob("*.pdf"))) == 3


def test_a_corrupted_cache_entry_is_ignored_and_rendered_again(setup):
    inputs, cache = setup
    good = render_documents(inputs, [note()])["print/note.pdf"]
    (entry,) = cache.glob("*.pdf")
    entry.write_bytes(good.data[:100])
    again = render_documents(inputs, [note()])["print/note.pdf"]
    assert not again.from_cache and again.data == good.data
    (meta,) = cache.glob("*.json")
    meta.write_text("{not json", encoding="utf-8")
    assert not render_documents(inputs, [note()])["print/note.pdf"].from_cache
    assert render_documents(inputs, [note()])["print/note.pdf"].from_cache


def test_changing_an_asset_the_pdf_used_renders_it_again(setup):
    inputs, _cache = setup
    logo = inputs.root / "content" / "media" / "logos" / "bow-youth.png"
    document = note(image="/media/logos/bow-youth.png")
    assert not render_documents(inputs, [document])["print/note.pdf"].from_cache
    assert render_documents(inputs, [document])["print/note.pdf"].from_cache
    logo.write_bytes(logo.read_bytes() + b"\0")
    assert not render_documents(inputs, [document])["print/note.pdf"].from_cache
    css = inputs.templates / "printing" / "styles" / "print.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { color: #000 }\n", encoding="utf-8")
    assert not render_documents(inputs, [document])["print/note.pdf"].from_cache


def _failure(excinfo) -> str:
    (problem,) = excinfo.value.problems
    assert problem.code == "pdf-failed"
    assert str(problem.location) == "templates/printing/note.html:1:1"
    return problem.message


def test_a_document_over_its_time_limit_fails_the_build_naming_it(setup):
    inputs, _cache = setup
    with pytest.raises(ContentError) as excinfo:
        render_documents(inputs, [note(repeat=30000)], Limits(seconds=1))
    assert _failure(excinfo) == "print/note.pdf could not be made: rendering took longer than 1 s"


def test_a_pdf_over_its_size_limit_fails_the_build_naming_it(setup):
    inputs, _cache = setup
    with pytest.raises(ContentError) as excinfo:
        render_documents(inputs, [note()], Limits(pdf_bytes=1000))
    assert _failure(excinfo).startswith("print/note.pdf could not be made: the PDF is ")
    assert _failure(excinfo).endswith(", over the limit of 1000 bytes")


def test_html_over_its_limit_is_refused_before_rendering(setup):
    inputs, _cache = setup
    with pytest.raises(ContentError) as excinfo:
        render_documents(inputs, [note(repeat=100)], Limits(html_chars=1000))
    assert "over the limit of 1,000; split it into smaller editions" in _failure(excinfo)


def test_an_image_outside_the_project_fails_the_build_naming_the_document(setup):
    inputs, _cache = setup
    with pytest.raises(ContentError) as excinfo:
        render_documents(inputs, [note(image="file:///etc/passwd")])
    assert _failure(excinfo) == ("print/note.pdf could not be made: Refused: file:///etc/passwd: "
                                 "not a file in templates/static or content/media")


def test_no_pdfs_when_the_build_asks_for_none(setup):
    inputs, _cache = setup
    from dataclasses import replace
    assert engine.rendered_pdfs(replace(inputs, pdf=False)) == {}
