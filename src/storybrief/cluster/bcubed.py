"""BCubed precision, recall and F1 of a clustering against gold labels (Bagga and Baldwin, 1998)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def bcubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """(precision, recall, F1) averaged over items; ``predicted[i]`` and ``gold[i]`` label item ``i``."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted labels for {len(gold)} gold labels")
    if len(gold) == 0:
        return 0.0, 0.0, 0.0
    both = Counter(zip(predicted, gold, strict=True))
    pred_size, gold_size = Counter(predicted), Counter(gold)
    # every item of a (predicted, gold) cell has the same per-item scores, so sum cell by cell
    p = sum(n * n / pred_size[c] for (c, _), n in both.items()) / len(gold)
    r = sum(n * n / gold_size[g] for (_, g), n in both.items()) / len(gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
