"""Search: a lunr index built at build time, split so a phone fetches only what it needs.

A lunr query only reads the postings of its own terms and the documents' weights at
those terms. So the index is cut into shards of whole terms (grouped by term prefix),
each carrying its terms' postings: for every document and field holding the term, the
term's count there and the field's length. The browser merges the shards a query's
terms live in and weighs them as lunr's builder would (BM25, from the manifest's
document count and average field lengths), then loads them into lunr.js, which gives
the same scores, and so the same order, as the whole index built by lunr.py
(`tests/unit/search/test_search.py`). Because no weight is written, one listing's edit
changes only the shards of its own terms (and the manifest), not every shard. Result
details come from small document chunks fetched for the results shown.

Each language has its own index, built by the same step in that language's pass (and
written under its prefix, `/bn/search/`), from that language's catalogue and with that
language's `Analyser`: Bengali words are indexed as `bengali.py` says.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable

from lunr import __TARGET_JS_VERSION__

from ..core import urls as core_urls
from ..core.i18n import current_language
from ..core.i18n import gettext as _
from ..core.memo import Kept, PerRecord
from ..core.plan import BuildInputs, PagePlan
from ..core.write import OutputFile
from .bengali import ANALYSERS
from .documents import DOCUMENT_READS, KINDS, FacetCodes, SearchDocument, search_documents
from .lunr_index import ENGLISH, Analyser, Counted, TermIndex, count_terms, term_index
from .page import search_page

FIELDS = ({"field_name": "name", "boost": 10}, {"field_name": "summary", "boost": 3},
          {"field_name": "tags", "boost": 2}, {"field_name": "body", "boost": 1},
          {"field_name": "facets", "boost": 1})
SHARD_BYTES = 24_000
DOC_CHUNK = 25
SEARCH_DIR = "search"


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def index_fields(doc: SearchDocument) -> dict[str, str]:
    """A document's text in each of the index's `FIELDS`."""
    return {"name": doc.name, "summary": doc.summary, "tags": doc.tags, "body": doc.body,
            "facets": " ".join(doc.facets)}


def build_index(docs: list[SearchDocument], analyser: Analyser = ENGLISH,
                kept: Kept[Counted] | None = None) -> TermIndex:
    """The term index of `docs`; a document's ref is its position in `docs`.

    With `kept`, a document that is the same object as last time keeps its counted
    terms (its words are not analysed again), and the last build's index is patched
    for the documents that changed rather than made afresh."""
    names = [field["field_name"] for field in FIELDS]

    def counted(doc: SearchDocument) -> Counted:
        return count_terms(index_fields(doc), names, analyser)

    if kept is None:
        return term_index([counted(doc) for doc in docs])
    index = term_index([kept.get(doc, lambda doc=doc: counted(doc)) for doc in docs],
                       kept.handed_on())
    kept.hand_on(index)
    return index


def term_entries(index: TermIndex, kept: Kept[str] | None = None) -> dict[str, str]:
    """Each term's entry in its shard as JSON text, `[term, [[ref, count, length, …], …]]`
    (a list per field), in term order.

    With `kept`, an entry whose postings equal the last build's is not encoded again:
    after one listing's edit, only its own terms' entries are."""
    def entry(term: str) -> str:
        return _compact([term, index.postings[term]])

    return {term: entry(term) if kept is None
            else kept.same(term, index.postings[term], lambda term=term: entry(term))
            for term in sorted(index.postings)}


@dataclass(frozen=True)
class Shard:
    key: str
    terms: tuple[str, ...]


def split_into_shards(entries: dict[str, str], max_bytes: int = SHARD_BYTES) -> list[Shard]:
    """Group terms by prefix, lengthening the prefix wherever a group is too big.

    A term shorter than the prefix stays in the shard named by the whole term, so the
    browser finds a term's shard as the longest shard key that starts the term.
    """
    def size(terms) -> int:
        return sum(len(entries[term]) for term in terms)

    def split(terms: list[str], length: int) -> list[Shard]:
        groups: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            groups[term[:length]].append(term)
        shards = []
        for key in sorted(groups):
            group = groups[key]
            longer = [t for t in group if len(t) > length]
            if size(group) > max_bytes and longer and len(group) > 1:
                exact = [t for t in group if len(t) <= length]
                if exact:
                    shards.append(Shard(key, tuple(exact)))
                shards.extend(split(longer, length + 1))
            else:
                shards.append(Shard(key, tuple(group)))
        return shards

    return split(list(entries), 2)


def shard_text(shard: Shard, entries: dict[str, str]) -> str:
    """A shard's file: its terms' entries, in term order (the whole is valid JSON)."""
    return '{"terms":[' + ",".join(entries[term] for term in shard.terms) + "]}"


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
    codes, analyser = FacetCodes.for_catalogue(cat), ANALYSERS.get(code, ENGLISH)
    docs = search_documents(cat, codes, inputs.today,
                            inputs.kept(PerRecord(f"search documents {code}", DOCUMENT_READS)))
    index = build_index(docs, analyser, inputs.kept(PerRecord(f"search terms {code}", frozenset())))
    entries = term_entries(index, inputs.kept(PerRecord(f"search entries {code}", frozenset())))
    shards = split_into_shards(entries)
    for shard in shards:
        yield OutputFile(shard_file(shard.key), shard_text(shard, entries))
    for start in range(0, len(docs), DOC_CHUNK):
        rows = [doc_row(doc) for doc in docs[start:start + DOC_CHUNK]]
        yield OutputFile(f"{SEARCH_DIR}/docs/{start // DOC_CHUNK}.json", _compact(rows))
    manifest = {"version": __TARGET_JS_VERSION__, "fields": [f["field_name"] for f in FIELDS],
                "boosts": [f["boost"] for f in FIELDS], "averages": index.averages,
                "pipeline": analyser.pipeline, "shards": [s.key for s in shards],
                "docChunk": DOC_CHUNK, "count": index.count,
                "kinds": {kind: _(label) for kind, label in KINDS.items()},
                "base": core_urls.home()}
    yield OutputFile(f"{SEARCH_DIR}/manifest.json", _compact(manifest))
    yield search_page(cat, codes)

