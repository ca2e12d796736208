"""Near-duplicate articles (syndicated copies with another headline or boilerplate) by MinHash and LSH.

An article's fingerprint is the MinHash of its word 5-shingles (datasketch). LSH finds earlier articles whose
estimated Jaccard similarity may pass the threshold; each candidate is then checked on the signatures, so a
pair is called a duplicate only when its estimated similarity really passes. Articles older than the window
are forgotten, so memory stays bounded like the clusterer's.
"""

from __future__ import annotations

import re
from collections import deque

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 5  # words per shingle
THRESHOLD = 0.6  # estimated Jaccard similarity of shingle sets that makes a near-copy
SCHEME = "affine32"  # datasketch hashing scheme (uint32 values); stored fingerprints need the same one
MIN_SHINGLES = 8  # shorter texts are never called duplicates: too little evidence
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash | None:
    """The MinHash of a text's word shingles, None when the text is too short to judge."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}
    if len(shingles) < MIN_SHINGLES:
        return None
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    m.update_batch(list(shingles))
    return m


class DuplicateFinder:
    """Remembers recent articles' signatures and tells whether a new article is a near-copy of one."""

    def __init__(self, threshold: float = THRESHOLD, window_days: int = 10, max_kept: int = 200_000) -> None:
        self.threshold = threshold
        self.window = window_days
        self.max_kept = max_kept
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.kept: dict[str, tuple[MinHash, str]] = {}  # id -> (signature, story id)
        self.order: deque[tuple[int | None, str]] = deque()  # (day, id), oldest first

    def find(self, sig: MinHash | None) -> tuple[str, str] | None:
        """(id, story id) of the kept article the signature most nearly copies, else None."""
        if sig is None:
            return None
        best, best_sim = None, self.threshold
        for key in self.lsh.query(sig):
            sim = float(np.mean(sig.hashvalues == self.kept[key][0].hashvalues))
            if sim >= best_sim:
                best, best_sim = key, sim
        return (best, self.kept[best][1]) if best is not None else None

    def add(self, article_id: str, sig: MinHash | None, day: int | None, story: str) -> None:
        """Remember an article (an original, not a copy) so later copies can be found."""
        if sig is None or article_id in self.kept:
            return
        self.lsh.insert(article_id, sig)
        self.kept[article_id] = (sig, story)
        self.order.append((day, article_id))
        self._forget(day)

    def _forget(self, day: int | None) -> None:
        while self.order:
            old_day, key = self.order[0]
            stale = day is not None and old_day is not None and day - old_day > self.window
            if not (stale or len(self.order) > self.max_kept):
                break
            self.order.popleft()
            self.lsh.remove(key)
            del self.kept[key]
