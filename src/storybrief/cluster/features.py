"""Article features for event clustering: weighted terms with an idf learned from the stream itself.

A term is a lower-cased word (stop words dropped, a light plural/suffix fold) or a number. Words written
with a capital letter inside a sentence are likely names (people, places, organisations): they tell two
events of the same kind apart (two earthquakes, two rehab stays), so they weigh more. Weights are
``(1 + log tf) * idf * boost``, L2-normalised, cut to the strongest terms so every vector stays small.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ._stopwords import STOPWORDS

# A word is a run of letters (with inner apostrophes) or a number. A name is a capitalised word that follows
# a space preceded by neither sentence punctuation nor a line break, i.e. one that does not start a sentence.
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=[^\s.!?:\"“])[ \t]+([A-Z][^\W\d_]*(?:['’][^\W\d_]+)*)")
NAME_BOOST = 2.0  # weight of a capitalised word inside a sentence relative to a common word
MAX_TERMS = 80  # terms kept per article vector


def fold(word: str) -> str:
    """A cheap stem: fold plural and possessive endings so 'quakes' meets 'quake'."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


_TERM: dict[str, str] = {}  # lower-cased word -> its term ("" for words left out): words repeat a lot
CACHE_LIMIT = 500_000  # words remembered; a stream of junk tokens must not grow the cache forever


def cached(cache: dict, words: list[str], compute) -> list:
    """``compute(w)`` for every word, through ``cache`` (lookups in C; only new words call ``compute``)."""
    try:
        return list(map(cache.__getitem__, words))  # the usual case once a stream is under way
    except KeyError:
        pass
    new = set(words).difference(cache)
    if new:
        if len(cache) + len(new) > CACHE_LIMIT:
            cache.clear()
        cache.update((w, compute(w)) for w in new)
    return list(map(cache.__getitem__, words))


def _term(low: str) -> str:
    return "" if low in STOPWORDS or (len(low) < 2 and not low.isdigit()) else fold(low)


@dataclass(slots=True)
class Features:
    """What clustering reads of an article: term counts, likely names, and its lower-cased words."""

    counts: Counter
    names: set[str]
    words: list[str]  # every word in order, for near-copy fingerprints


def terms(text: str) -> Features:
    """The term counts of a text, the terms seen capitalised inside a sentence (likely names), and its words."""
    words = _WORDS.findall(text.lower())
    counts = Counter(filter(None, cached(_TERM, words, _term)))
    names = set(filter(None, cached(_TERM, [w.lower() for w in _NAME.findall(text)], _term)))
    return Features(counts, names, words)


MAX_VOCABULARY = 1_000_000  # a stream's vocabulary keeps growing (names, typos): beyond this the rarest go


class Vocabulary:
    """Document frequencies counted over the stream; idf of a term from what was seen so far.

    Memory stays bounded over an endless feed: when more than ``max_size`` terms are counted, the rarest
    are forgotten (those seen in one document first, then two, ...) until three quarters are left. A
    forgotten term counts as unseen, which raises its idf from ``log((1 + n) / 2)`` to ``log(1 + n)``: a
    term that rare scores as a rare term either way.
    """

    def __init__(self, df: dict[str, int] | None = None, n_docs: int = 0, max_size: int = MAX_VOCABULARY) -> None:
        self.df: dict[str, int] = df if df is not None else {}
        self.n_docs = n_docs
        self.max_size = max_size

    def observe(self, counts: Counter) -> None:
        """Count one document's terms."""
        self.n_docs += 1
        df = self.df
        for t in counts:
            df[t] = df.get(t, 0) + 1
        if len(df) > self.max_size:
            self._forget_rarest()

    def _forget_rarest(self) -> None:
        keep = self.max_size * 3 // 4
        floor = 1
        while len(self.df) > keep:
            self.df = {t: c for t, c in self.df.items() if c > floor}
            floor += 1

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency (as scikit-learn's ``smooth_idf``)."""
        return math.log((1 + self.n_docs) / (1 + self.df.get(term, 0))) + 1.0


_SUBLINEAR = [0.0] + [1.0 + math.log(tf) for tf in range(1, 64)]  # 1 + log tf for the usual counts


def idf_table(vocab: Vocabulary, vocabulary: Iterable[str]) -> dict[str, float]:
    """``vocab.idf`` of each term, computed once for a whole batch (most terms recur across its articles)."""
    return {t: vocab.idf(t) for t in vocabulary}


def vector(counts: Counter, names: set[str], idf: dict[str, float]) -> dict[str, float]:
    """The unit-length weighted term vector of an article: its MAX_TERMS strongest terms, first; ``idf``: its
    terms' idf (``idf_table``)."""
    weights = {t: (_SUBLINEAR[tf] if tf < 64 else 1.0 + math.log(tf)) * idf[t] for t, tf in counts.items()}
    for t in names.intersection(weights):
        weights[t] *= NAME_BOOST
    top = sorted(weights, key=weights.__getitem__, reverse=True)[:MAX_TERMS]
    norm = math.sqrt(sum(weights[t] ** 2 for t in top)) or 1.0
    return {t: weights[t] / norm for t in top}
