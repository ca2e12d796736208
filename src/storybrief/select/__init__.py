"""Select the sentences of a brief: one method object per algorithm, one budget rule for all.

A method has explicit parameters (set in its constructor) and one call,
``method.rank(story, budget) -> list[int]``: ids of ``story.groups`` in the order it wants them.
:func:`select` then takes groups in that order until the budget is met (see :mod:`.budget`).
Methods are looked up by name in :data:`METHODS`, imported only when asked for, so that the
command line starts fast.
"""

from __future__ import annotations

import importlib
from typing import Protocol

from ..model import BriefSentence, Budget, Story
from .budget import fit_budget

# name -> "module:Class" under storybrief.select
METHODS: dict[str, str] = {
    "default": "default:Default",
    "lead": "lead:Lead",
    "prefix": "prefix:Prefix",
    "random": "random:Random",
    "lexrank": "lexrank:LexRank",
    "textrank": "textrank:TextRank",
    "centroid": "centroid:Centroid",
    "mmr": "mmr:MMR",
    "oracle": "oracle:Oracle",
}
EVAL_ONLY = {"oracle"}  # methods that need reference summaries


class Method(Protocol):
    """What every selection method provides."""

    name: str

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids of the story in the order the method would put them in a brief."""
        ...


def get_method(name: str, **params: object) -> Method:
    """An instance of the method called ``name``; ValueError names the choices when unknown."""
    if name not in METHODS:
        raise ValueError(f"unknown method {name!r}; choose from {', '.join(sorted(METHODS))}")
    module, cls = METHODS[name].split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(**params)


def select(story: Story, budget: Budget, method: str | Method = "default") -> list[BriefSentence]:
    """The brief's sentences for a story, chosen by ``method`` and cut to ``budget``."""
    m = get_method(method) if isinstance(method, str) else method
    return fit_budget(story, m.rank(story, budget), budget)
