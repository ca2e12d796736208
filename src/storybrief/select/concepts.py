"""Concepts of sentences: stemmed word bigrams, weighted by how many outlets carry them.

A concept is a pair of adjacent stemmed words that are not both stop words ("north korea", "talk
vancouver", "on nuclear" is dropped only when both words are stop words, as in Gillick & Favre 2009).
Words are lower-cased and Porter-stemmed, as the ROUGE scorer does, so that "talks" and "talk" meet.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from operator import methodcaller

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
# Number words read as digits, for telling which numbers two sentences share. News style writes numbers from 10 up in
# digits except at the start of a sentence ("Thirty residents were rescued"), so only a first word is read.
_NUMBER_VALUE = {w: str(v) for v, w in enumerate(_UNITS.split()) if v >= 10}
_NUMBER_VALUE |= {"seventeen": "17", "eighteen": "18", "nineteen": "19"}
_NUMBER_VALUE |= {w: str(20 + 10 * k) for k, w in enumerate(_TENS.split())}
_DIGITS = re.compile(r"\d[\d.,]*")
_STRIP = methodcaller("rstrip", ".,")
_YEAR = re.compile(r"(?:19|20)\d\d")


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


def numbers(text: str) -> frozenset[str]:
    """The numbers of two digits or more a text states ("2,000" as "2000", a first "Thirty" as "30"), not years.

    Two reports of one fact keep its figures however they reword it ("declined a draw offer on move 61",
    "turned down a draw on move 61"); years, and single digits, are shared by unrelated sentences of a story.
    """
    found = {m.replace(",", "") for m in map(_STRIP, _DIGITS.findall(text)) if not _YEAR.fullmatch(m)}
    first = text.split(None, 1)[0].lower() if text.strip() else ""
    if first in _NUMBER_VALUE:
        found.add(_NUMBER_VALUE[first])
    return frozenset(n for n in found if len(n) > 1)


def content_stems(text: str) -> set[str]:
    """Stems of the non-stop, non-number words of a text (for redundancy checks)."""
    return analyse(text)[1]
