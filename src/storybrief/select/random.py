"""Random: the candidate sentences in a seeded random order (the same story always gets the same brief)."""

from __future__ import annotations

import random as _random
from dataclasses import dataclass

from ..model import Budget, Story
from .vectors import candidate_groups


@dataclass
class Random:
    """A seeded shuffle; the seed is combined with the story id so stories differ but runs repeat."""

    seed: int = 0
    name: str = "random"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids in a random order fixed by ``seed`` and the story id."""
        gids = [g.id for g in candidate_groups(story)]
        _random.Random(f"{self.seed}:{story.id}").shuffle(gids)
        return gids
