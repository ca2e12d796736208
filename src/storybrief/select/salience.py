"""How much each concept of a story matters: the facts a brief should carry.

A concept (a stemmed word bigram, :mod:`.concepts`) matters more the more outlets carry it and the
earlier they do. :func:`concept_stats` counts, for each concept, what the weighting needs: how many
articles carry it, how early (a position credit ``1 / (1 + decay * i)`` summed over articles, ``i``
the first sentence of the article that holds it), and whether it joins a content word with a function
word. :func:`support_weights` turns these counts into the default's weights.

Weights learned from data were measured too (commit 9d0d631: a logistic regression over these counts,
trained on Multi-News clusters outside the dev files, predicting which bigrams a person's summary
holds); they scored 0.6-2.1 ROUGE points below these hand-set ones on both dev files (docs/method.md).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..model import Sentence, Story
from .concepts import stop_stems

Concept = tuple[str, str]
Analysis = tuple[set[Concept], set[str]]  # a sentence's concepts and content-word stems


@dataclass
class ConceptStats:
    """Per-concept counts over a story's used articles, as parallel arrays."""

    concepts: list[Concept]
    credit: np.ndarray  # summed position credit over the articles that carry the concept
    outlets: np.ndarray  # articles that carry it
    function_pair: np.ndarray  # 1 when one of its words is a stop word
    articles: int  # used articles in the story


def concept_stats(story: Story, of: dict[int, Analysis], decay: float) -> ConceptStats:
    """Counts of every concept in the analysed sentences (``of``: id(sentence) -> analysis)."""
    by_article: dict[str, list[Sentence]] = {}
    for s in story.sentences:
        if id(s) in of:
            by_article.setdefault(s.article_id, []).append(s)
    credit: dict[Concept, float] = {}
    outlets: dict[Concept, int] = {}
    for sents in by_article.values():
        seen: set[Concept] = set()
        for s in sorted(sents, key=lambda s: s.index):
            new = of[id(s)][0] - seen  # an article counts a concept once, at its earliest sentence
            seen |= new
            gain = 1.0 / (1.0 + decay * s.index)
            for c in new:
                credit[c] = credit.get(c, 0.0) + gain
                outlets[c] = outlets.get(c, 0) + 1
    keys = list(credit)  # outlets' keys were added in the same order
    stop = stop_stems()
    return ConceptStats(
        concepts=keys,
        credit=np.array(list(credit.values()), dtype=float),
        outlets=np.array(list(outlets.values()), dtype=float),
        function_pair=np.array([a in stop or b in stop for a, b in keys], dtype=float),
        articles=len(by_article),
    )


def support_weights(
    stats: ConceptStats, support_power: float, single_weight: float, function_pair_weight: float
) -> np.ndarray:
    """Hand-set weights: credit**power, less for single-outlet concepts, more for function-word pairs."""
    single = np.where((stats.outlets == 1) & (stats.articles > 1), single_weight, 1.0)
    pair = np.where(stats.function_pair > 0, function_pair_weight, 1.0)
    return stats.credit**support_power * single * pair
