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
from bisect import bisect_left
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
    totals: tuple[int, ...]  # each field's length summed over the documents
    counted: tuple[Counted, ...]  # what it was made from: each document's, by ref

    @property
    def count(self) -> int:
        return len(self.counted)

    @property
    def averages(self) -> tuple[float, ...]:
        return tuple(total / self.count for total in self.totals)


PATCHED_AT_MOST = 64  # documents changed since the last index; with more, start afresh


def term_index(counted: Sequence[Counted], last: TermIndex | None = None) -> TermIndex:
    """The term index of documents `counted` (each `count_terms` of one document, its
    ref its position). Each field's list is in ref order, as the documents come.

    Given the `last` index, made from as many documents, only the documents whose
    counts are not the very objects it was made from are counted in again (an
    incremental rebuild keeps each unchanged document's counts, `core.memo`): the
    others' postings are shared with it, unchanged."""
    counted = tuple(counted)
    if last is not None and last.count == len(counted):
        changed = [ref for ref, (now, then) in enumerate(zip(counted, last.counted))
                   if now is not then]
        if len(changed) <= PATCHED_AT_MOST:
            return _patched(last, counted, changed)
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
    return TermIndex(postings, tuple(totals), counted)


def _patched(last: TermIndex, counted: tuple[Counted, ...], changed: list[int]) -> TermIndex:
    """`last` with the documents at `changed` refs counted again. A term's lists are
    copied before they change, so `last` (and what was made from it) stays as it was."""
    postings, totals, copied = dict(last.postings), list(last.totals), set()
    for ref in changed:
        pairs = zip(last.counted[ref], counted[ref])
        for field, ((before, was), (now, length)) in enumerate(pairs):
            totals[field] += length - was
            for term in before.keys() | now.keys():
                if term not in copied:
                    lists = postings.get(term)
                    postings[term] = (tuple(list(entry) for entry in lists) if lists
                                      else tuple([] for _ in totals))
                    copied.add(term)
                _place(postings[term][field], ref, now.get(term), length)
    for term in copied:
        if not any(postings[term]):
            del postings[term]
    return TermIndex(postings, tuple(totals), counted)


def _place(entry: list[int], ref: int, tf: int | None, length: int) -> None:
    """Put `ref`'s count and field length into one field's flat list, in ref order, or
    take `ref` out of it when `tf` is None."""
    at = 3 * bisect_left(range(0, len(entry), 3), ref, key=entry.__getitem__)
    present = at < len(entry) and entry[at] == ref
    if tf is None:
        if present:
            del entry[at:at + 3]
    elif present:
        entry[at + 1:at + 3] = (tf, length)
    else:
        entry[at:at] = (ref, tf, length)
