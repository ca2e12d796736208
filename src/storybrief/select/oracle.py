"""Oracle: greedy selection that maximises ROUGE against the reference summaries (eval only).

An estimate of the upper bound for extractive briefs under the budget. Each step adds the sentence with the largest
gain in ROUGE-1 + ROUGE-2 recall (clipped n-gram matches, averaged over references, tokenised as
rouge-score does: lower case, alphanumeric runs, Porter stems of words longer than 3 letters) until the
budget is filled; recall, because the length is fixed by the budget. The gain is divided by the words
the sentence adds (the greedy rule for budgeted coverage, Khuller, Moss & Naor 1999), and a sentence
that would cross the budget counts only with the words that fit. Sentences that add nothing follow
in their own order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from ..model import Budget, Story
from .budget import target_words
from .vectors import candidate_groups, enough

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """nltk's Porter stem, the one rouge-score uses (it differs from Snowball's on a few words)."""
    return _porter().stem(word)


@lru_cache(maxsize=1)
def _porter():
    from nltk.stem.porter import PorterStemmer  # lazy and eval-only: nltk is slow to import

    return PorterStemmer()


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
        texts = [g.representative.text.split() for g in groups]
        grams = [ngrams(rouge_tokens(" ".join(t))) for t in texts]
        have = [(Counter(), Counter()) for _ in targets]
        chosen: list[int] = []
        words = 0
        free = set(range(len(groups)))
        while free and not enough(words, len(chosen), budget):
            left = target_words(budget) - words if budget.sentences is None else None
            gain, k = max((self._gain_per_word(grams, texts, k, left, have, targets), -k) for k in free)
            if gain <= 0:
                break
            k = -k
            free.discard(k)
            chosen.append(k)
            words += len(texts[k])
            for h1, h2 in have:
                h1.update(grams[k][0])
                h2.update(grams[k][1])
        return [groups[k].id for k in chosen] + [groups[k].id for k in sorted(free)]

    def _gain_per_word(self, grams: list, texts: list[list[str]], k: int, left: int | None, have, targets) -> float:
        """Gain of candidate ``k`` per word it adds, counting only the words that fit the budget."""
        if left is None or len(texts[k]) <= left:
            return self._gain(grams[k], have, targets) / max(len(texts[k]), 1)
        return self._gain(ngrams(rouge_tokens(" ".join(texts[k][:left]))), have, targets) / max(left, 1)

    @staticmethod
    def _gain(cand: tuple[Counter, Counter], have: list, targets: list) -> float:
        """Mean over references of the added clipped unigram and bigram recall."""
        total = 0.0
        for (h1, h2), (t1, t2) in zip(have, targets, strict=True):
            for c, h, t in ((cand[0], h1, t1), (cand[1], h2, t2)):
                size = sum(t.values()) or 1
                total += sum(min(h[w] + n, t[w]) - min(h[w], t[w]) for w, n in c.items() if w in t) / size
        return total / len(targets)
