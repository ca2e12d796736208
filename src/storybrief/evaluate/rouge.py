"""ROUGE as the benchmark data's README defines it: rouge-score with Porter stemming, F1 and recall of
ROUGE-1, ROUGE-2 and ROUGE-Lsum (one sentence a line), the summary cut to the word budget, the mean over
a cluster's references.
"""

from __future__ import annotations

from functools import lru_cache

from ..select.budget import cut_bytes
from ..split import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
# Figure names, in table order: F1 first (the figure decisions use), then recall.
METRICS = tuple(f"{t}_{k}" for k in ("f", "r") for t in ROUGE_TYPES)


def cut_to_words(text: str, n: int | None) -> str:
    """The first ``n`` whitespace-separated words of ``text``, keeping its line breaks (None: all)."""
    if n is None:
        return text
    lines, left = [], n
    for line in text.splitlines():
        words = line.split()
        if left <= 0:
            break
        if words:
            lines.append(" ".join(words[:left]))
            left -= len(words[:left])
    return "\n".join(lines)


def as_lines(text: str) -> str:
    """A text with one sentence a line, as ROUGE-Lsum wants; existing line breaks are kept."""
    return "\n".join(s for line in text.splitlines() for s in split_sentences(line))


@lru_cache(maxsize=1)
def _scorer():
    from rouge_score import rouge_scorer  # lazy: it pulls in nltk and absl

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


class RougeScorer:
    """Scores summaries against references; references are split into sentence lines once."""

    def __init__(self, references: list[str]) -> None:
        if not references:
            raise ValueError("no reference summaries")
        self.references = [as_lines(r) for r in references]

    def score(self, summary: str, words: int | None = None, max_bytes: int | None = None) -> dict[str, float]:
        """Each figure of :data:`METRICS` for ``summary`` (cut to ``max_bytes``, else to ``words``), averaged
        over the references."""
        summary = cut_bytes(summary, max_bytes) if max_bytes is not None else cut_to_words(summary, words)
        totals = dict.fromkeys(METRICS, 0.0)
        for ref in self.references:
            scores = _scorer().score(ref, summary)
            for t in ROUGE_TYPES:
                totals[f"{t}_f"] += scores[t].fmeasure
                totals[f"{t}_r"] += scores[t].recall
        return {k: v / len(self.references) for k, v in totals.items()}
