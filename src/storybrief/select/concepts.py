"""Concepts of sentences: stemmed word bigrams, weighted by how many outlets carry them.

A concept is a pair of adjacent stemmed words that are not both stop words ("north korea", "talk
vancouver", "on nuclear" is dropped only when both words are stop words, as in Gillick & Favre 2009).
Words are lower-cased and Porter-stemmed, as the ROUGE scorer does, so that "talks" and "talk" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from .stopwords import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1)
def _stemmer():
    # PyStemmer's C Porter stemmer: ~1 microsecond a word, where nltk's pure-Python one takes ~50.
    import Stemmer

    return Stemmer.Stemmer("porter")


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The shared English stop words, plus reporting verbs that carry no news."""
    return frozenset(ENGLISH_STOP_WORDS | {"said", "says", "say", "told", "according", "mr", "ms", "mrs"})


@lru_cache(maxsize=1)
def stop_stems() -> frozenset[str]:
    """The stems of the stop words, to tell which concepts hold one."""
    return frozenset(stems(sorted(stop_words())))


_MAX_WORDS = 500_000  # beyond this the per-word cache stops growing (memory stays bounded in a long-running service)


def stems(tokens: list[str]) -> list[str]:
    """Porter stems of lower-cased words (words of three letters or fewer are kept, like rouge-score)."""
    return [w if len(w) <= 3 else st for w, st in zip(tokens, _stemmer().stemWords(tokens), strict=True)]


def words(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens of a text."""
    return _TOKEN.findall(text.lower())


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
# Numbers, in digits or in words, are left out of a sentence's content words: "30 people" and "thirty
# residents" must not differ by their number, and counting numbers in (as digits, "thirty" read as "30")
# scored 0.1 ROUGE lower on Multi-News dev: shared years and counts made unrelated sentences look alike.
NUMBER_WORDS = frozenset((_UNITS + " seventeen eighteen nineteen " + _TENS).split())


_WORD_INFO: dict[str, tuple[str, bool, bool]] = {}  # word -> (stem, stop word?, content word?): news vocabulary repeats


def _word_info(tokens: list[str]) -> list[tuple[str, bool, bool]]:
    """Each token's stem, whether it is a stop word and whether it is a content word (each word worked out once)."""
    info = _WORD_INFO
    new = [w for w in dict.fromkeys(tokens) if w not in info]
    if new:
        stop = stop_words()
        found = {}
        for w, st in zip(new, stems(new), strict=True):
            sw = w in stop
            found[w] = (st, sw, not (sw or w.isdigit() or w in NUMBER_WORDS))
        if len(info) < _MAX_WORDS:
            info.update(found)
        return [info.get(w) or found[w] for w in tokens]
    return [info[w] for w in tokens]


def analyse(text: str) -> tuple[set[tuple[str, str]], set[str]]:
    """The bigram concepts of a text, and the stems of its content words (non-stop, not numbers)."""
    info = _word_info(words(text))
    bigrams = {(a[0], b[0]) for a, b in pairwise(info) if not (a[1] and b[1])}  # not two stop words
    content = {i[0] for i in info if i[2]}
    return bigrams, content


def content_stems(text: str) -> set[str]:
    """Stems of the non-stop, non-number words of a text (for redundancy checks)."""
    return analyse(text)[1]
