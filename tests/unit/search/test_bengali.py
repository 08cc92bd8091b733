"""Bengali index terms: hand-worked cases, lunr.js giving the same terms, lunr.py the same index.

The words are written with escapes where the way they are typed is the point of the case
(decomposed vowel signs, joiners, the old khanda ta), so what is tested is plain to see.
"""
from __future__ import annotations

import json
import subprocess
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunr.builder import Builder
from lunr.pipeline import Pipeline

from tests.helpers import REPO
from tests.unit.search.lunr_py import NAMES, lunr_py_numbers, our_numbers
from thin_build.search.bengali import BENGALI, bengali_terms, normalise, skeleton, trim
from thin_build.search.lunr_index import count_terms, term_index
from thin_build.search.shards import FIELDS

NODE_RUNNER = REPO / "tests" / "js" / "bengali-tokens.js"
ZWNJ, ZWJ, HASANTA, NUKTA = "\u200c", "\u200d", "\u09cd", "\u09bc"

# (word as typed, the terms it indexes as / a query for it looks up), worked by hand.
CASES = [
    ("নারী", ("নারী", "নর")),
    ("(নারী", ("নারী", "নর")),                      # bracket trimmed, vowel signs kept
    ("সংঘ)", ("সংঘ", "সঙঘ")),                       # anusvara kept; ঙ in the skeleton
    ("বাংলা", ("বাংলা", "বঙল")),
    ("বাঙলা", ("বাঙলা", "বঙল")),                    # the other spelling, the same skeleton
    ("ব\u09c7\u09be", ("\u09ac\u09cb", "ব")),         # ে + া typed apart is ো (NFC)
    ("\u09ac\u09cb", ("\u09ac\u09cb", "ব")),
    ("সম\u09df", ("সময" + NUKTA, "সময")),             # precomposed য় is য + nukta in NFC
    ("সময" + NUKTA, ("সময" + NUKTA, "সময")),
    ("ক" + HASANTA + ZWNJ + "ষ", ("ক" + HASANTA + "ষ", "কষ")),   # visible hasanta: joiner dropped
    ("ক" + HASANTA + ZWJ + "ষ", ("ক" + HASANTA + "ষ", "কষ")),
    ("ক" + HASANTA + "ষ", ("ক" + HASANTA + "ষ", "কষ")),          # the conjunct ক্ষ
    ("কষ", ("কষ",)),                                 # typed without hasanta: finds ক্ষ's skeleton
    ("ভবিষ্যত" + HASANTA + ZWJ, ("ভবিষ্যৎ", "ভবষযত")),  # old khanda ta encoding
    ("ভবিষ্যৎ", ("ভবিষ্যৎ", "ভবষযত")),
    ("কেন্দ্র।", ("কেন্দ্র", "কনদর")),                   # the danda trimmed
    ("ঈদ", ("ঈদ", "ইদ")),
    ("চাঁদ", ("চাঁদ", "চদ")),                           # candrabindu left out of the skeleton
    ("দুঃখ", ("দুঃখ", "দখ")),
    ("২০২৬", ("২০২৬", "2026")),
    ("৳", ()),                                         # a sign alone is not a word
    ("নর", ("নর",)),
]
LATIN = ["youth", "housing", "training", "bengali", "somali", "café"]


@pytest.mark.parametrize("word, terms", CASES)
def test_bengali_terms_by_hand(word: str, terms: tuple[str, ...]) -> None:
    assert bengali_terms(word) == terms


def test_every_case_is_nfc_and_free_of_joiners() -> None:
    for _word, terms in CASES:
        for term in terms:
            assert unicodedata.is_normalized("NFC", term) and ZWJ not in term and ZWNJ not in term


def test_english_words_keep_lunrs_english_terms() -> None:
    assert [bengali_terms(w) for w in ["housing", "the", "youth,", "trainings"]] == [
        ("hous",), (), ("youth",), ("train",)]


def test_the_pieces() -> None:
    assert normalise("ব\u09c7\u09be" + ZWNJ) == "\u09ac\u09cb"
    assert trim("«নারী»,") == "নারী" and trim("—") == ""
    assert skeleton("সঙ্ঘ") == skeleton("সংঘ") == "সঙঘ"


def run_node(words: list[str]) -> dict[str, list[str]]:
    done = subprocess.run(["node", str(NODE_RUNNER), json.dumps(words)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_lunr_js_pipeline_gives_the_python_terms() -> None:
    words = [word for word, _ in CASES] + LATIN
    js = run_node(words)
    for word in words:
        assert tuple(js[word]) == bengali_terms(word.lower()), ascii(word)


bengali_text = st.text(st.sampled_from(
    "কখগঘঙচছজঝঞটঠডঢণতথদধনপফবভমযরলশষসহড়ঢ়য়ৎংঃঁ"
    "অআইঈউঊএঐওঔ" "ািীুূৃেৈোৌ্ৗ়" "\u200c\u200d০১২৯।,()-' abAZé"), max_size=10)


@settings(max_examples=40, deadline=None)
@given(st.lists(bengali_text, min_size=1, max_size=30))
def test_lunr_js_agrees_on_any_bengali_words(words: list[str]) -> None:
    """Words as lunr's tokenizer cuts them; the English ones are lunr's own business."""
    parts = [part for word in words for part in word.lower().replace("-", " ").split()
             if any("\u0980" <= c <= "\u09ff" for c in normalise(part))]
    js = run_node(parts)
    for part in parts:
        assert tuple(js[part]) == bengali_terms(part), ascii(part)


def _lunr_py_bengali(token, i, tokens):
    return [token.clone(lambda s, m, term=term: term) for term in bengali_terms(str(token))]


Pipeline.register_function(_lunr_py_bengali, "thin-bengali")


def _bengali_builder() -> Builder:
    builder = Builder()
    builder.pipeline.add(_lunr_py_bengali)
    builder.search_pipeline.add(_lunr_py_bengali)
    return builder


words = st.text(st.sampled_from("নারীসংঘবাংলাক্ষ\u200cযুব abc-(),।"), max_size=12)
texts = st.lists(words, max_size=12).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.fixed_dictionaries({f["field_name"]: texts for f in FIELDS}),
                min_size=1, max_size=6))
def test_a_bengali_index_counts_as_lunr_py_with_the_same_pipeline(documents) -> None:
    documents = [{"ref": str(n), **doc} for n, doc in enumerate(documents)]
    ours = term_index([count_terms(doc, NAMES, BENGALI) for doc in documents])
    assert BENGALI.pipeline == ("thin-bengali",)
    assert our_numbers(ours) == lunr_py_numbers(documents, _bengali_builder())
