"""Oracle: greedy selection that maximises ROUGE against the reference summaries (eval only).

The upper bound for extractive briefs under the budget. Each step adds the sentence with the largest
gain in ROUGE-1 + ROUGE-2 recall (clipped n-gram matches, averaged over references, tokenised as
rouge-score does: lower case, alphanumeric runs, Porter stems of words longer than 3 letters) until the
budget is filled; recall, because the length is fixed by the budget. Sentences that add nothing follow
in their own order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ..model import Budget, Story
from .vectors import candidate_groups, enough, stem

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def rouge_tokens(text: str) -> list[str]:
    """Tokens as rouge-score makes them with its Porter stemmer."""
    return [stem(w) if len(w) > 3 else w for w in _NON_ALNUM.sub(" ", text.lower()).split()]


def ngrams(toks: list[str]) -> tuple[Counter, Counter]:
    """Unigram and bigram counts."""
    return Counter(toks), Counter(pairwise(toks))


@dataclass
class Oracle:
    """Greedy ROUGE-1 + ROUGE-2 recall maximisation against ``references``."""

    references: list[str] = field(default_factory=list)
    name: str = "oracle"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids in the greedy oracle's order."""
        refs = self.references or story.extra.get("references") or []
        if not refs:
            raise ValueError("the oracle needs reference summaries (eval only)")
        targets = [ngrams(rouge_tokens(r)) for r in refs]
        groups = candidate_groups(story)
        grams = [ngrams(rouge_tokens(g.representative.text)) for g in groups]
        have = [(Counter(), Counter()) for _ in targets]
        chosen: list[int] = []
        words = 0
        free = set(range(len(groups)))
        while free and not enough(words, len(chosen), budget):
            gain, k = max((self._gain(grams[k], have, targets), -k) for k in free)
            if gain <= 0:
                break
            k = -k
            free.discard(k)
            chosen.append(k)
            words += len(groups[k].representative.text.split())
            for (h1, h2), _ in zip(have, targets, strict=True):
                h1.update(grams[k][0])
                h2.update(grams[k][1])
        return [groups[k].id for k in chosen] + [groups[k].id for k in sorted(free)]

    @staticmethod
    def _gain(cand: tuple[Counter, Counter], have: list, targets: list) -> float:
        """Mean over references of the added clipped unigram and bigram recall."""
        total = 0.0
        for (h1, h2), (t1, t2) in zip(have, targets, strict=True):
            for c, h, t in ((cand[0], h1, t1), (cand[1], h2, t2)):
                size = sum(t.values()) or 1
                total += sum(min(h[w] + n, t[w]) - min(h[w], t[w]) for w, n in c.items() if w in t) / size
        return total / len(targets)
