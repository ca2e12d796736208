"""The default method: salience from what the sources agree on, with position and redundancy.

Each group is scored by the weight of its content words in the whole story (words many articles use
weigh more), times a bonus for the number of articles that carry it, times a prior for sentences near
the top of their article. Groups are then taken greedily, skipping any that repeat a chosen one.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from ..align import content_tokens
from ..model import Budget, Story


@dataclass
class Default:
    """Support-and-position weighted salience with greedy redundancy removal."""

    support_weight: float = 0.5
    position_decay: float = 0.15
    redundancy: float = 0.5
    min_words: int = 6
    name: str = "default"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids by score, with near-repeats of better groups left out."""
        used = {a.id for a in story.used}
        df: Counter[str] = Counter()
        for a in story.used:
            df.update({t for s in story.sentences if s.article_id == a.id for t in content_tokens(s.text)})
        n_art = max(len(used), 1)
        scored = []
        toks = {}
        for g in story.groups:
            rep = g.representative
            if rep.article_id not in used and not any(s.article_id in used for s in g.sentences):
                continue
            words = rep.text.split()
            if len(words) < self.min_words:
                continue
            t = set(content_tokens(rep.text))
            toks[g.id] = t
            if not t:
                continue
            sal = sum(df[w] / n_art for w in t) / math.sqrt(len(t))
            support = len([a for a in g.support if a in used])
            pos = min(s.index for s in g.sentences)
            score = sal * (1 + self.support_weight * (support - 1)) / (1 + self.position_decay * pos)
            scored.append((score, g.id))
        scored.sort(reverse=True)
        chosen: list[int] = []
        for _, gid in scored:
            t = toks[gid]
            if any(len(t & toks[c]) / max(1, min(len(t), len(toks[c]))) > self.redundancy for c in chosen):
                continue
            chosen.append(gid)
        return chosen
