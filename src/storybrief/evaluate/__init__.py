"""Evaluation: ROUGE against human references, bootstrap confidence intervals, and the eval runner.

Used by ``storybrief eval`` and the benchmarks under ``bench/``; nothing in the pipeline imports it.
"""

from .bootstrap import PairedResult, bootstrap_ci, paired_bootstrap
from .rouge import METRICS, RougeScorer, cut_to_words
from .runner import ClusterResult, evaluate_row, run_eval

__all__ = [
    "METRICS",
    "ClusterResult",
    "PairedResult",
    "RougeScorer",
    "bootstrap_ci",
    "cut_to_words",
    "evaluate_row",
    "paired_bootstrap",
    "run_eval",
]
