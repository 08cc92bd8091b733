"""What lunr.py's own builder counts, and the same read from our `TermIndex`, to compare.

A term's postings as a set of (field, ref, count, field length), the average length of
each field and the number of documents: everything lunr's builder weighs (BM25) to make
its index, which the browser weighs from our shards the same way.
"""
from __future__ import annotations

from lunr import lunr
from lunr.builder import Builder

from thin_build.search.lunr_index import TermIndex
from thin_build.search.shards import FIELDS, index_fields

NAMES = [field["field_name"] for field in FIELDS]


def records(docs) -> list[dict]:
    """The documents as lunr.py is given them: the index's fields and the ref we give."""
    return [{"ref": str(n), **index_fields(doc)} for n, doc in enumerate(docs)]


def lunr_py_numbers(documents: list[dict], builder: Builder) -> tuple:
    """lunr.py's counts for `documents` (each with a string `ref`), from `builder`."""
    lunr(ref="ref", fields=FIELDS, documents=documents, builder=builder)
    postings: dict[str, set] = {}
    for key, frequencies in builder.field_term_frequencies.items():
        field, ref = key.split("/", 1)
        for term, count in frequencies.items():
            postings.setdefault(term, set()).add((field, int(ref), count, builder.field_lengths[key]))
    return postings, tuple(builder.average_field_length[name] for name in NAMES), builder.document_count


def our_numbers(index: TermIndex) -> tuple:
    postings = {term: {(NAMES[field], *entry[i:i + 3]) for field, entry in enumerate(lists)
                       for i in range(0, len(entry), 3)}
                for term, lists in index.postings.items()}
    return postings, index.averages, index.count
