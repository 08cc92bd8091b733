"""A lunr 2.3.9 index builder that writes exactly what lunr.py writes, several times faster.

lunr.py builds a Token object per word and runs each through a generic pipeline; at
20,000 organisations that made the index the slowest step of the build. This builder
does the same arithmetic on plain strings: the same tokenizer, trimmer, stop words and
Porter stemmer (remembered per word), the same term numbering, BM25 weights and
rounding. `tests/unit/search/test_lunr_index.py` checks the output is identical to lunr.py's.

How words become terms is an `Analyser`: English is lunr's own pipeline; a language
whose script lunr's pipeline mangles (Bengali, `bengali.py`) brings its own, with the
name of the lunr.js function that treats query words the same way.
"""
from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from lunr import __TARGET_JS_VERSION__
from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.trimmer import full_re as TRIM_RE

_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")
K1, B = 1.2, 0.75


@functools.lru_cache(maxsize=None)
def index_term(word: str) -> str | None:
    """lunr's index pipeline for one word: trimmer, stop-word filter, stemmer."""
    match = TRIM_RE.match(word)
    trimmed = match.group(1) if match else word
    if trimmed in STOP_WORDS:
        return None
    return porter_stemmer.stem(trimmed)


@functools.lru_cache(maxsize=None)
def english_terms(word: str) -> tuple[str, ...]:
    term = index_term(word)
    return () if term is None else (term,)


@dataclass(frozen=True)
class Analyser:
    """How one language's words become index terms.

    `terms` maps one lowercased word (as lunr's tokenizer cuts it) to its index terms;
    `pipeline` names the lunr.js functions, registered in the page's scripts, that turn
    a query word into the same terms (`Index.load` looks them up by these names).
    """

    pipeline: tuple[str, ...]
    terms: Callable[[str], tuple[str, ...]]


ENGLISH = Analyser(("stemmer",), english_terms)


def terms_of(text: str, analyser: Analyser = ENGLISH) -> list[str]:
    words = (w for w in _SEPARATORS.split(str(text).lower()) if w)
    return [term for word in words for term in analyser.terms(word)]


# A document's fields as the index sees them: each field's term counts, in the order
# the terms first appear, and its length in terms.
Counted = tuple[tuple[dict[str, int], int], ...]


def count_terms(doc: Mapping, names: Sequence[str], analyser: Analyser = ENGLISH) -> Counted:
    """Each field's terms counted: all the index needs of one document, so a document
    that did not change need not be analysed again (`search.shards.build_index`)."""
    found = []
    for name in names:
        terms = terms_of(doc[name], analyser) if doc[name] is not None else []
        counts: dict[str, int] = {}
        for term in terms:
            counts[term] = counts.get(term, 0) + 1
        found.append((counts, len(terms)))
    return tuple(found)


def build_serialized_index(ref_field: str, fields: Sequence[Mapping],
                           documents: Sequence[Mapping],
                           analyser: Analyser = ENGLISH,
                           counted: Sequence[Counted] | None = None) -> dict:
    """The serialised lunr index of `documents`, as lunr.py's `Index.serialize()` gives it
    (with `analyser`'s functions as the builder's pipeline and search pipeline);
    `counted`, when given, is `count_terms` of each document, in the same order."""
    names = [field["field_name"] for field in fields]
    boosts = {field["field_name"]: field.get("boost", 1) for field in fields}
    inverted: dict[str, dict] = {}
    position: dict[str, int] = {}  # a term's `_index`: the order it was first seen in
    frequencies: list[tuple[str, str, dict[str, int], int]] = []
    if counted is None:
        counted = [count_terms(doc, names, analyser) for doc in documents]
    for doc, fields_counted in zip(documents, counted):
        ref = str(doc[ref_field])
        for name, (counts, length) in zip(names, fields_counted):
            for term in counts:  # in the order first seen, so numbered as lunr.py does
                posting = inverted.get(term)
                if posting is None:
                    posting = inverted[term] = {field: {} for field in names}
                    posting["_index"] = position[term] = len(position)
                posting[name][ref] = {}
            frequencies.append((ref, name, counts, length))
    lengths: dict[str, float] = defaultdict(float)
    for _ref, name, _counts, length in frequencies:
        lengths[name] += length
    average = {name: lengths[name] / len(documents) for name in names} if documents else {}
    count = len(documents)
    idf = {term: _idf(posting, names, count) for term, posting in inverted.items()}
    vectors = []
    for ref, name, counts, length in frequencies:
        elements: list = []
        if counts:  # the same arithmetic, in the same order, as lunr.py's: identical floats
            norm, boost = K1 * (1 - B + B * (length / average[name])), boosts[name]
            for term in sorted(counts, key=position.__getitem__):
                tf = counts[term]
                score = idf[term] * ((K1 + 1) * tf) / (norm + tf)
                elements += (position[term], round(round(score * boost, 3), 3))
        vectors.append([f"{name}/{ref}", elements])
    return {"version": __TARGET_JS_VERSION__, "fields": names, "fieldVectors": vectors,
            "invertedIndex": [[term, inverted[term]] for term in sorted(inverted)],
            "pipeline": list(analyser.pipeline)}


def _idf(posting: dict, names: list[str], count: int) -> float:
    with_term = sum(len(posting[name]) for name in names)
    x = (count - with_term + 0.5) / (with_term + 0.5)
    return math.log(1 + abs(x))
