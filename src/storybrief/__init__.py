"""storybrief: a short, faithful brief of a news story, each sentence crediting its sources.

>>> import storybrief
>>> brief = storybrief.summarize(["First article text ...", "Second article text ..."], words=100)
>>> print(brief.summary)

Heavy modules (the pipeline, trafilatura, scipy) are imported on the first call, not on ``import storybrief``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from .model import Article, Brief, BriefSentence, Budget, Sentence, Story

__all__ = ["Article", "Brief", "BriefSentence", "Budget", "Sentence", "Story", "summarize", "summarize_paths"]
__version__ = "0.1.0"


def _budget(words: int | None, sentences: int | None, max_bytes: int | None = None) -> Budget:
    """The budget for ``words`` / ``sentences`` / ``max_bytes``; ValueError when none is a positive number."""
    for name, value in (("words", words), ("sentences", sentences), ("bytes", max_bytes)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            raise ValueError(f"{name} must be a positive whole number, not {value!r}")
    if words is None and sentences is None and max_bytes is None:
        raise ValueError("give words, sentences or bytes")
    return Budget.of(words, sentences, max_bytes)


def _method(method: str) -> str:
    from .pipeline import method_problem

    problem = method_problem(method)
    if problem:
        raise ValueError(problem)
    return method


def summarize(
    documents: Iterable[Any] | str | dict | Article,
    words: int | None = 100,
    sentences: int | None = None,
    method: str = "default",
    bytes: int | None = None,
    story_id: str = "story",
) -> Brief:
    """Summarize one story; returns a :class:`Brief` (``.summary``, ``.sentences``, ``.to_dict()``).

    ``documents`` are strings (raw text, page text or an HTML page), dicts with ``text``/``page_text``/
    ``html`` and optional ``title``, ``date``, ``url``, ``source``, or :class:`Article` objects; a single
    one is taken as a story of one article. ``words`` cuts the brief at that many words; ``sentences``
    (when given) picks that many whole sentences instead, and ``bytes`` cuts it at that many UTF-8 bytes
    (after a whole word). A document that cannot be used does not
    raise: it is listed in ``brief.articles`` with status ``rejected`` and the reason.

    Raises ValueError for an empty list of documents, an unknown method or a budget that is not a
    positive number.
    """
    from .pipeline import summarize_documents

    if isinstance(documents, str | dict | Article):
        documents = [documents]
    documents = list(documents)
    if not documents:
        raise ValueError("no documents to summarize")
    return summarize_documents(documents, _budget(words, sentences, bytes), _method(method), story_id)


def summarize_paths(
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    words: int | None = 100,
    sentences: int | None = None,
    method: str = "default",
    bytes: int | None = None,
    story_id: str | None = None,
) -> Brief:
    """Summarize the story in files or a folder, as ``storybrief summarize PATH...`` does.

    Files that cannot be read (empty, binary, too large, malformed JSON) are listed in
    ``brief.articles`` as rejected with the reason, never raised.
    """
    from pathlib import Path

    from .pipeline import summarize_articles
    from .read import env_max_bytes, read_paths

    paths = [str(paths)] if isinstance(paths, str | os.PathLike) else [str(p) for p in paths]
    if not paths:
        raise ValueError("no paths to summarize")
    budget, name = _budget(words, sentences, bytes), _method(method)
    ident = story_id or (Path(paths[0]).name if len(paths) == 1 else "story")
    return summarize_articles(read_paths(paths, env_max_bytes()), budget, name, ident)
