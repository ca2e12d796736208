"""storybrief: a short, faithful brief of a news story, each sentence crediting its sources.

>>> import storybrief
>>> brief = storybrief.summarize(["First article text ...", "Second article text ..."], words=100)
>>> print(brief.summary)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .model import Article, Brief, BriefSentence, Budget, Sentence, Story

__all__ = ["Article", "Brief", "BriefSentence", "Budget", "Sentence", "Story", "summarize"]
__version__ = "0.1.0"


def summarize(
    documents: Iterable[Any],
    words: int | None = 100,
    sentences: int | None = None,
    method: str = "default",
    story_id: str = "story",
) -> Brief:
    """Summarize one story.

    ``documents`` are strings (raw text or page text), dicts with ``text``/``html`` and optional
    ``title``, ``date``, ``url``, ``source``, or :class:`Article` objects. ``words`` cuts the brief at
    that many words; ``sentences`` (when given) picks that many sentences instead.
    """
    from .pipeline import summarize_documents

    budget = Budget(words=None if sentences else words, sentences=sentences)
    return summarize_documents(documents, budget, method, story_id)
