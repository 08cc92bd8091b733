"""The term index counts exactly what lunr.py's own builder counts before weighing."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.lunr import get_default_builder

from tests.helpers import REPO, TODAY
from tests.unit.search.lunr_py import NAMES, lunr_py_numbers, our_numbers, records
from thin_build.build import check_site
from thin_build.search.documents import FacetCodes, search_documents
from thin_build.search.lunr_index import count_terms, term_index
from thin_build.search.shards import FIELDS


def _ours(documents: list[dict]) -> tuple:
    return our_numbers(term_index([count_terms(doc, NAMES) for doc in documents]))


def test_sample_index_counts_as_lunr_py() -> None:
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, problems
    documents = records(search_documents(cat, FacetCodes.for_catalogue(cat), TODAY))
    assert _ours(documents) == lunr_py_numbers(documents, get_default_builder())


def test_each_fields_list_is_in_ref_order() -> None:
    documents = [{"ref": str(n), **{name: "youth club" for name in NAMES}} for n in range(30)]
    for lists in term_index([count_terms(doc, NAMES) for doc in documents]).postings.values():
        for entry in lists:
            assert entry[::3] == list(range(30))


words = st.text(st.sampled_from("abcdeéiou-' (),.\t্বাংলা0123"), max_size=12)
texts = st.lists(words, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({f["field_name"]: texts for f in FIELDS}), min_size=1, max_size=6))
def test_any_documents_count_as_lunr_py(documents) -> None:
    documents = [{"ref": str(n), **doc} for n, doc in enumerate(documents)]
    assert _ours(documents) == lunr_py_numbers(documents, get_default_builder())


@settings(max_examples=80, deadline=None)
@given(st.lists(st.fixed_dictionaries({f["field_name"]: texts for f in FIELDS}), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 7), st.fixed_dictionaries({f["field_name"]: texts for f in FIELDS})),
                max_size=4))
def test_an_index_patched_for_changed_documents_equals_one_made_afresh(documents, edits) -> None:
    before = [count_terms(doc, NAMES) for doc in documents]
    last = term_index(before)
    shown = our_numbers(last)
    after = list(before)
    for ref, doc in edits:
        after[ref % len(after)] = count_terms(doc, NAMES)
    patched = term_index(after, last)
    assert our_numbers(patched) == our_numbers(term_index(after))
    assert {term: lists for term, lists in patched.postings.items()} == term_index(after).postings
    assert our_numbers(last) == shown, "the last index is left as it was"


def test_an_index_is_patched_only_for_the_documents_that_changed() -> None:
    documents = [count_terms({name: f"word{n} common" for name in NAMES}, NAMES) for n in range(200)]
    last = term_index(documents)
    edited = list(documents)
    edited[7] = count_terms({name: "word7 common extra" for name in NAMES}, NAMES)
    patched = term_index(edited, last)
    assert patched.postings["word8"] is last.postings["word8"], "an untouched term is shared"
    assert patched.postings["common"] is not last.postings["common"]
    assert patched.postings == term_index(edited).postings
