"""Bengali words as index terms: found as typed, with or without vowel signs and conjuncts.

lunr's English pipeline mangles Bengali (docs/search.md says exactly how): its Python
trimmer cuts vowel signs off some words and leaves punctuation on others, and nothing
normalises the several ways one word can be typed. So a Bengali index runs every word
through `bengali_terms` instead, and the page runs query words through the same steps
in `templates/static/search/search-tokens.js`, registered with lunr.js as
`thin-bengali` (`tests/js/bengali-tokens.js` checks the two agree):

1. NFC, so a vowel sign typed in two parts (ে + া) is the one sign ো; the old
   spelling of khanda ta (ত + hasanta + ZWJ) becomes ৎ; ZWJ and ZWNJ are dropped.
2. Trim what is not a letter, mark or digit from both ends (brackets, commas, the
   danda ।), with Unicode's categories, so vowel signs and hasanta stay.
3. The word itself is a term, and so is its skeleton (`skeleton`) when that differs.

A word with no Bengali letter in it (an English name in a Bengali page) gets lunr's
English treatment, so English words are found on the Bengali pages as on the English.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from .lunr_index import Analyser, english_terms

BENGALI_LETTER = re.compile("[\u0980-\u09ff]")
JOINERS = str.maketrans("", "", "\u200c\u200d")
OLD_KHANDA_TA = "\u09a4\u09cd\u200d"  # ত্‍: ta, hasanta, ZWJ; written ৎ since Unicode 4.1
# The skeleton leaves out what people type differently or not at all: dependent vowel
# signs, hasanta (so a conjunct matches its letters typed apart), candrabindu, visarga
# and nukta; it writes long ঈ ঊ as short ই উ, ং as ঙ, ৎ as ত and Bengali digits as 0-9.
SKELETON_DROPPED = "\u0981\u0983\u09bc\u09be\u09bf\u09c0\u09c1\u09c2\u09c3\u09c4" \
    "\u09c7\u09c8\u09cb\u09cc\u09cd\u09d7\u09e2\u09e3"
SKELETON = str.maketrans({**dict.fromkeys(SKELETON_DROPPED),
                          "ঈ": "ই", "ঊ": "উ", "ং": "ঙ", "ৎ": "ত",
                          **{chr(0x09E6 + d): str(d) for d in range(10)}})


def normalise(word: str) -> str:
    """One spelling for what is one word on screen: NFC, ৎ, and no joiners."""
    return unicodedata.normalize("NFC", word).replace(OLD_KHANDA_TA, "ৎ").translate(JOINERS)


def _kept(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN"


def trim(word: str) -> str:
    """The word without what surrounds it: anything but letters, marks and digits."""
    start, end = 0, len(word)
    while start < end and not _kept(word[start]):
        start += 1
    while end > start and not _kept(word[end - 1]):
        end -= 1
    return word[start:end]


def skeleton(word: str) -> str:
    """The word's consonants and independent vowels: `বাংলা` → `বঙল`, as `বাঙলা` is."""
    return word.translate(SKELETON)


@functools.lru_cache(maxsize=None)
def bengali_terms(word: str) -> tuple[str, ...]:
    """The index terms of one lowercased word in a Bengali index."""
    text = normalise(word)
    if not BENGALI_LETTER.search(text):
        return english_terms(text)
    text = trim(text)
    if not text:
        return ()
    bare = skeleton(text)
    return (text, bare) if bare and bare != text else (text,)


BENGALI = Analyser(("thin-bengali",), bengali_terms)
# Each language's analyser by its code; a language not listed is analysed as English.
ANALYSERS = {"bn": BENGALI}
