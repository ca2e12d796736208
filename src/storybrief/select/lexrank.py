"""LexRank (Erkan & Radev 2004): sentence centrality in a graph of idf-modified cosine similarity.

As in the paper's thresholded LexRank: sentences are tf x idf vectors; two sentences are linked when
their cosine exceeds the threshold (0.1); each node's links are normalised by its degree and the
stationary distribution is found by power iteration with a jump probability of 0.15 (the paper's
d = 0.15, so edges are followed with probability 0.85).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Budget, Story
from .vectors import candidates, pagerank, rank_by, tfidf


@dataclass
class LexRank:
    """Thresholded LexRank over the story's candidate sentences."""

    threshold: float = 0.1
    damping: float = 0.85
    name: str = "lexrank"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids by LexRank score, highest first."""
        cand = candidates(story)
        if not len(cand):
            return []
        x = tfidf(cand.counts)
        sim = (x @ x.T).tocsr()
        sim.data = (sim.data > self.threshold).astype(float)  # unweighted links, self-links included
        sim.eliminate_zeros()
        return rank_by(pagerank(sim, self.damping), cand)
