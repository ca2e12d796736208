"""Score each line of a page: the probability that it belongs to the article.

Two logistic regressions, trained by ``bench/train_clean.py`` and shipped as numbers in
``weights.py``: the first reads a line alone; the second reads the line again together with the first
pass's scores of its neighbourhood.
"""

from __future__ import annotations

import numpy as np

from .lines import context_features, line_features
from .weights import WEIGHTS


def logistic(model: dict, x: np.ndarray) -> np.ndarray:
    """The probabilities of a logistic regression ``{"coef", "intercept"}`` for the rows of ``x``."""
    if not len(x):
        return np.zeros(0)
    z = x @ np.asarray(model["coef"]) + model["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def score_lines(lines: list[str], weights: dict | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For stripped, non-empty lines: each line's probability of being article text, its word count and its
    features (``LINE_FEATURES``)."""
    w: dict = weights or WEIGHTS
    feats, counts = line_features(lines)
    p1 = logistic(w["stage1"], feats)
    both = np.hstack([feats, context_features(p1, counts, feats)])
    return logistic(w["stage2"], both), counts, feats
