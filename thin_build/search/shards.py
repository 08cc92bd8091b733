"""Search: a lunr index built at build time, split so a phone fetches only what it needs.

lunr.js loads a serialised lunr index as it is, and a query only reads the postings of
its own terms and the entries of the documents' field vectors at those terms' `_index`
positions. So the index is cut into shards of whole terms (grouped by term prefix),
each shard carrying exactly the postings of its terms and the vector entries at their
positions. Loading the shards a query's terms live in and merging them gives lunr.js
the same scores, and so the same order, as the whole index (`tests/js/search.mjs`
checks this against lunr.py). Result details come from small document chunks fetched
for the results shown.

Each language has its own index, built by the same step in that language's pass (and
written under its prefix, `/bn/search/`), from that language's catalogue and with that
language's `Analyser`: Bengali words are indexed as `bengali.py` says.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from typing import Iterable

from ..core import urls as core_urls
from ..core.i18n import current_language
from ..core.i18n import gettext as _
from ..core.memo import Kept, PerRecord
from ..core.plan import BuildInputs, PagePlan
from ..core.write import OutputFile
from .bengali import ANALYSERS
from .documents import DOCUMENT_READS, KINDS, FacetCodes, SearchDocument, search_documents
from .lunr_index import ENGLISH, Analyser, Counted, build_serialized_index, count_terms
from .page import search_page

FIELDS = ({"field_name": "name", "boost": 10}, {"field_name": "summary", "boost": 3},
          {"field_name": "tags", "boost": 2}, {"field_name": "body", "boost": 1},
          {"field_name": "facets", "boost": 1})
SHARD_BYTES = 24_000
DOC_CHUNK = 25
SEARCH_DIR = "search"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def build_index(docs: list[SearchDocument], analyser: Analyser = ENGLISH,
                kept: Kept[Counted] | None = None) -> dict:
    """The whole lunr index, serialised; a document's ref is its position in `docs`.

    With `kept`, a document that is the same object as last time keeps its counted terms:
    the weights are the whole index's (BM25 averages over every document), so they are
    worked out again, but the words are not analysed again."""
    records = [{"ref": str(number), "name": d.name, "summary": d.summary, "tags": d.tags,
                "body": d.body, "facets": " ".join(d.facets)} for number, d in enumerate(docs)]
    names = [field["field_name"] for field in FIELDS]
    counted = None if kept is None else [
        kept.get(doc, lambda one=record: count_terms(one, names, analyser))
        for doc, record in zip(docs, records)]
    return build_serialized_index("ref", FIELDS, records, analyser, counted)


@dataclass(frozen=True)
class Shard:
    key: str
    terms: tuple[list, ...]


def shard_vectors(index: dict, shards: list[Shard]) -> list[list[list]]:
    """Each shard's share of the field vectors, `[ref, entries]` sorted by ref, in one
    pass over every vector entry.

    A document's field has an entry at a term's position exactly when the term's
    posting lists that field of that document, so these are the vectors the shard's
    postings refer to, each still sorted by position. Visiting the vectors in ref order
    leaves every share in ref order, so no shard is sorted on its own.
    """
    shard_of = {posting["_index"]: number for number, shard in enumerate(shards)
                for _term, posting in shard.terms}
    shares: list[list[list]] = [[] for _ in shards]
    last_ref: list[str | None] = [None] * len(shards)  # the ref each share ends with
    for field_ref, elements in sorted(index["fieldVectors"], key=itemgetter(0)):
        pairs = iter(elements)
        for position, score in zip(pairs, pairs):
            number = shard_of[position]
            if last_ref[number] == field_ref:
                shares[number][-1][1] += (position, score)
            else:
                last_ref[number] = field_ref
                shares[number].append([field_ref, [position, score]])
    return shares


def shard_document(index: dict, shard: Shard, vectors: list[list]) -> dict:
    """A loadable lunr index holding only `shard`'s terms and their vector entries."""
    return {"version": index["version"], "fields": index["fields"],
            "pipeline": index["pipeline"], "fieldVectors": vectors,
            "invertedIndex": [list(term) for term in shard.terms]}


def split_into_shards(index: dict, max_bytes: int = SHARD_BYTES) -> list[Shard]:
    """Group terms by prefix, lengthening the prefix wherever a group is too big.

    A term shorter than the prefix stays in the shard named by the whole term, so the
    browser finds a term's shard as the longest shard key that starts the term.
    """
    weight = {term[0]: _term_bytes(term) for term in index["invertedIndex"]}

    def size(terms) -> int:
        return sum(weight[term[0]] for term in terms)

    def split(terms: list, length: int) -> list[Shard]:
        groups: dict[str, list] = defaultdict(list)
        for term in terms:
            groups[term[0][:length]].append(term)
        shards = []
        for key in sorted(groups):
            group = groups[key]
            longer = [t for t in group if len(t[0]) > length]
            if size(group) > max_bytes and longer and len(group) > 1:
                exact = [t for t in group if len(t[0]) <= length]
                if exact:
                    shards.append(Shard(key, tuple(exact)))
                shards.extend(split(longer, length + 1))
            else:
                shards.append(Shard(key, tuple(group)))
        return shards

    return split([list(term) for term in index["invertedIndex"]], 2)


def _term_bytes(term: list) -> int:
    """About how many bytes a term adds to its shard: its postings and vector entries."""
    postings = sum(len(refs) for field, refs in term[1].items() if field != "_index")
    return len(term[0]) + 40 + 28 * postings


def shard_file(key: str) -> str:
    """A URL-safe file name for any prefix, Bengali or Latin: its UTF-8 bytes in hex."""
    return f"{SEARCH_DIR}/shards/{key.encode('utf-8').hex()}.json"


def doc_row(doc: SearchDocument) -> list:
    """What a result shows. Its URL stays unprefixed: the page puts its own language's
    root (`data-base`, `/bn/`) before it, as it does for the shards' URLs."""
    row = [doc.kind, doc.name, doc.summary, doc.url, doc.place, [list(h) for h in doc.hours]]
    langs = [doc.name_lang, doc.summary_lang]
    return row + langs if any(langs) else row


def search_outputs(inputs: BuildInputs) -> Iterable[OutputFile | PagePlan]:
    """The search step: index shards, document chunks, a manifest, and the search page."""
    cat, code = inputs.catalogue, current_language().code
    codes = FacetCodes.for_catalogue(cat)
    docs = search_documents(cat, codes, inputs.today,
                            inputs.kept(PerRecord(f"search documents {code}", DOCUMENT_READS)))
    index = build_index(docs, ANALYSERS.get(code, ENGLISH),
                        inputs.kept(PerRecord(f"search terms {code}", frozenset())))
    shards = split_into_shards(index)
    for shard, vectors in zip(shards, shard_vectors(index, shards)):
        yield OutputFile(shard_file(shard.key), _compact(shard_document(index, shard, vectors)))
    for start in range(0, len(docs), DOC_CHUNK):
        rows = [doc_row(doc) for doc in docs[start:start + DOC_CHUNK]]
        yield OutputFile(f"{SEARCH_DIR}/docs/{start // DOC_CHUNK}.json", _compact(rows))
    manifest = {"version": index["version"], "fields": index["fields"],
                "pipeline": index["pipeline"], "shards": [s.key for s in shards],
                "docChunk": DOC_CHUNK, "count": len(docs),
                "kinds": {kind: _(label) for kind, label in KINDS.items()},
                "base": core_urls.home()}
    yield OutputFile(f"{SEARCH_DIR}/manifest.json", _compact(manifest))
    yield search_page(cat, codes)

