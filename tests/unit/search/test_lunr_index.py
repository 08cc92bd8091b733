"""The fast index builder writes byte for byte what lunr.py's own builder writes."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from lunr import lunr

from tests.helpers import REPO, TODAY
from thin_build.build import check_site
from thin_build.search.documents import FacetCodes, search_documents
from thin_build.search.lunr_index import build_serialized_index
from thin_build.search.shards import FIELDS


def _records(docs) -> list[dict]:
    return [{"ref": str(n), "name": d.name, "summary": d.summary, "tags": d.tags,
             "body": d.body, "facets": " ".join(d.facets)} for n, d in enumerate(docs)]


def _lunr_py(records) -> str:
    return json.dumps(lunr(ref="ref", fields=FIELDS, documents=records).serialize(), sort_keys=True)


def test_sample_index_is_identical_to_lunr_py() -> None:
    cat, problems = check_site(REPO, TODAY)
    assert cat is not None, problems
    records = _records(search_documents(cat, FacetCodes.for_catalogue(cat), TODAY))
    assert json.dumps(build_serialized_index("ref", FIELDS, records), sort_keys=True) == _lunr_py(records)


words = st.text(st.sampled_from("abcdeéiou-' (),.\t্বাংলা0123"), max_size=12)
texts = st.lists(words, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({f["field_name"]: texts for f in FIELDS}), min_size=1, max_size=6))
def test_any_documents_index_identically(documents) -> None:
    records = [{"ref": str(n), **doc} for n, doc in enumerate(documents)]
    assert json.dumps(build_serialized_index("ref", FIELDS, records), sort_keys=True) == _lunr_py(records)
