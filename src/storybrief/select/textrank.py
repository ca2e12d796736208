"""TextRank for sentence extraction (Mihalcea & Tarau 2004).

Sentences are nodes; the edge between Si and Sj weighs |{w : w in Si and w in Sj}| / (log|Si| + log|Sj|)
(words: stemmed content words), and the score is weighted PageRank with d = 0.85.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from ..model import Budget, Story
from .vectors import candidates, pagerank, rank_by


@dataclass
class TextRank:
    """Weighted PageRank over word-overlap similarity."""

    damping: float = 0.85
    name: str = "textrank"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids by TextRank score, highest first."""
        cand = candidates(story)
        if not len(cand):
            return []
        present = cand.counts.copy()
        present.data[:] = 1.0
        overlap = (present @ present.T).tocoo()  # symmetric: both directions of each edge
        log_len = np.log(np.maximum(np.asarray(cand.counts.sum(axis=1)).ravel(), 1.0))
        denom = log_len[overlap.row] + log_len[overlap.col]
        keep = (denom > 0) & (overlap.row != overlap.col)  # no self-links; no edge between one-word sentences
        n = len(cand)
        w = sparse.csr_matrix((overlap.data[keep] / denom[keep], (overlap.row[keep], overlap.col[keep])), shape=(n, n))
        return rank_by(pagerank(w, self.damping), cand)
