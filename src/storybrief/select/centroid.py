"""Centroid-based summarization (Radev, Jing, Styś & Tam 2004; the MEAD system).

The centroid is the cluster's top words by tf x idf, tf being the word's count per document. A sentence
scores  C + P + F:  C, the sum of the centroid values of its words; P = (n - i + 1) / n x C_max, for the
i-th (from 1) of n sentences of its document; F, its word overlap (inner product of term counts) with the
first sentence of its document. MEAD's reranker then skips a sentence too similar (cosine > 0.7) to
one already chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Budget, Story
from .vectors import Candidates, candidates, idf, rank_by, skip_redundant


@dataclass
class Centroid:
    """MEAD's centroid, position and first-sentence features with cosine redundancy removal."""

    centroid_words: int = 100
    position_weight: float = 1.0
    first_weight: float = 1.0
    redundancy: float = 0.7
    name: str = "centroid"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids by centroid score, near-repeats of higher-scored groups moved to the end."""
        cand = candidates(story)
        if not len(cand):
            return []
        counts = cand.counts
        centroid = np.asarray(counts.sum(axis=0)).ravel() / max(len(story.used), 1) * idf(counts)
        if len(centroid) > self.centroid_words:
            centroid[centroid < np.sort(centroid)[-self.centroid_words]] = 0.0
        c = counts @ centroid
        score = c + self.position_weight * position_score(story, cand) * c.max()
        score += self.first_weight * first_overlap(story, cand)
        return skip_redundant(rank_by(score, cand), cand, budget, self.redundancy)


def position_score(story: Story, cand: Candidates) -> np.ndarray:
    """(n - i + 1) / n for each candidate's representative, the i-th (from 1) of n sentences of its article."""
    n: dict[str, int] = {}
    for s in story.sentences:
        n[s.article_id] = max(n.get(s.article_id, 0), s.index + 1)
    reps = [story.groups[g].representative for g in cand.gids]
    return np.array([(n[r.article_id] - r.index) / n[r.article_id] for r in reps])


def first_overlap(story: Story, cand: Candidates) -> np.ndarray:
    """Inner product of each candidate's term counts with those of its article's first sentence."""
    row = {g: k for k, g in enumerate(cand.gids)}
    first = {s.article_id: s.group for s in sorted(story.sentences, key=lambda s: -s.index)}
    arts = [story.groups[g].representative.article_id for g in cand.gids]
    heads = [row.get(first[a], -1) for a in arts]
    overlap = np.asarray(cand.counts.multiply(cand.counts[[max(h, 0) for h in heads]]).sum(axis=1)).ravel()
    return np.where(np.array(heads) >= 0, overlap, 0.0)
