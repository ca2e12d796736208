"""Lead: the opening sentences of the articles, taken in turn (first of each, then second...)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Budget, Story


@dataclass
class Lead:
    """Round-robin over articles by position; ``per_article=None`` puts no cap on any one article.

    With ``first_only=True`` it is the classic single-document lead: the first article's opening.
    """

    first_only: bool = False
    name: str = "lead"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Groups by their sentence's position, earliest first; articles in input order break ties."""
        used = [a.id for a in story.used]
        if self.first_only:
            used = used[:1]
        rank = {aid: k for k, aid in enumerate(used)}
        sents = [s for s in story.sentences if s.article_id in rank]
        sents.sort(key=lambda s: (s.index, rank[s.article_id]))
        return list(dict.fromkeys(s.group for s in sents))
