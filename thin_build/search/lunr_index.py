"""What lunr 2.3.9's builder counts, counted as lunr.py counts it, several times faster.

lunr.py builds a Token object per word and runs each through a generic pipeline; at
20,000 organisations that made the index the slowest step of the build. This does the
same on plain strings: the same tokenizer, trimmer, stop words and Porter stemmer
(remembered per word), giving the same terms, counts and field lengths
(`tests/unit/search/test_lunr_index.py` checks them against lunr.py's builder). The
BM25 weights are worked out from them in the browser (`TermIndex`).

How words become terms is an `Analyser`: English is lunr's own pipeline; a language
whose script lunr's pipeline mangles (Bengali, `bengali.py`) brings its own, with the
name of the lunr.js function that treats query words the same way.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from lunr.stemmer import porter_stemmer
from lunr.stop_word_filter import WORDS as STOP_WORDS
from lunr.trimmer import full_re as TRIM_RE

_SEPARATORS = re.compile("[ \t\n\r\f\v\xa0-]+")


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


@dataclass(frozen=True)
class TermIndex:
    """What lunr's builder knows before it weighs anything: each term's documents per
    field with the term's count there and the field's length, each field's average
    length, and how many documents there are.

    The weights (BM25) are left to the browser (`search-core.js`, `mergeShards`), which
    works them out exactly as lunr's builder does from these numbers. A weight depends
    on every document (the average length, the number of documents with the term), so
    an index of weights changes everywhere when one summary changes; these numbers
    change only in the postings of that document's own terms.
    """

    # term -> one flat list per field, in field order: ref, count, field length, ...
    postings: dict[str, tuple[list[int], ...]]
    averages: tuple[float, ...]
    count: int


def term_index(counted: Sequence[Counted]) -> TermIndex:
    """The term index of documents `counted` (each `count_terms` of one document, its
    ref its position). Each field's list is in ref order, as the documents come."""
    width = len(counted[0]) if counted else 0
    postings: dict[str, tuple[list[int], ...]] = {}
    totals = [0] * width
    for ref, fields_counted in enumerate(counted):
        for field, (counts, length) in enumerate(fields_counted):
            totals[field] += length
            for term, tf in counts.items():
                lists = postings.get(term)
                if lists is None:
                    lists = postings[term] = tuple([] for _ in range(width))
                lists[field].extend((ref, tf, length))
    count = len(counted)
    return TermIndex(postings, tuple(total / count for total in totals) if count else (), count)
