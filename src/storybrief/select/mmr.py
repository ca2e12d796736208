"""Maximal Marginal Relevance (Carbonell & Goldstein 1998) for a generic brief.

With no user query, the query is the story itself (the sum of its sentences' tf-idf vectors). Each step
takes the sentence maximising  λ·Sim1(s, query) − (1 − λ)·max Sim2(s, chosen), cosine for both, λ = 0.7,
until the budget is filled; the rest follow by relevance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Budget, Story
from .vectors import candidates, enough, rank_by, tfidf


@dataclass
class MMR:
    """Greedy relevance minus redundancy."""

    lambda_: float = 0.7
    name: str = "mmr"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids in MMR order for the budget, then the others by relevance."""
        cand = candidates(story)
        if not len(cand):
            return []
        x = tfidf(cand.counts)
        query = np.asarray(x.sum(axis=0)).ravel()
        relevance = x @ (query / max(np.linalg.norm(query), 1e-12))
        closest = np.zeros(len(cand))
        free = np.ones(len(cand), dtype=bool)
        chosen: list[int] = []
        words = 0.0
        while free.any() and not enough(words, len(chosen), budget):
            mmr = np.where(free, self.lambda_ * relevance - (1 - self.lambda_) * closest, -np.inf)
            k = int(np.argmax(mmr))
            chosen.append(k)
            free[k] = False
            words += cand.words[k]
            closest = np.maximum(closest, (x @ x[k].T).toarray().ravel())
        taken = [cand.gids[k] for k in chosen]
        done = set(taken)
        return taken + [g for g in rank_by(relevance, cand) if g not in done]
