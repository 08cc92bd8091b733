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
