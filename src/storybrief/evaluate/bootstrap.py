"""Bootstrap over clusters: confidence intervals of a mean, and paired differences between methods.

Clusters are resampled with replacement (percentile intervals, a fixed seed so reports repeat).
The paired test resamples the per-cluster differences of two methods on the same clusters; its
two-sided p-value is the share of resampled mean differences at least as far from the observed mean
as the observed mean is from zero (the bootstrap distribution shifted to the null of no difference).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RESAMPLES = 1000


def _resampled_means(values: np.ndarray, resamples: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(values), size=(resamples, len(values)))
    return values[idx].mean(axis=1)


def bootstrap_ci(
    values: list[float] | np.ndarray, level: float = 0.95, resamples: int = RESAMPLES, seed: int = 0
) -> tuple[float, float]:
    """The percentile bootstrap interval of the mean of ``values`` at ``level`` (e.g. 0.95)."""
    v = np.asarray(values, dtype=float)
    if len(v) == 0:
        return (float("nan"), float("nan"))
    means = _resampled_means(v, resamples, seed)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail])
    return float(lo), float(hi)


@dataclass
class PairedResult:
    """Mean of ``a - b`` over paired clusters, its bootstrap interval and two-sided p-value."""

    diff: float
    low: float
    high: float
    p: float


def paired_bootstrap(
    a: list[float] | np.ndarray,
    b: list[float] | np.ndarray,
    level: float = 0.95,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> PairedResult:
    """Paired bootstrap of the difference between two methods' per-cluster scores (same clusters, same order)."""
    d = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    if len(d) == 0:
        return PairedResult(float("nan"), float("nan"), float("nan"), float("nan"))
    means = _resampled_means(d, resamples, seed)
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(means, [tail, 100 - tail])
    observed = d.mean()
    # +1 in both counts: a p-value from resampling is never exactly 0.
    extreme = np.count_nonzero(np.abs(means - observed) >= abs(observed) - 1e-12)
    return PairedResult(float(observed), float(lo), float(hi), float((extreme + 1) / (resamples + 1)))
