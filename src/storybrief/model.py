"""The shared data model: what flows between the pipeline's stages.

This module imports nothing of the stages. Every stage takes and returns these objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

USED = "used"
DUPLICATE = "duplicate"
REJECTED = "rejected"


@dataclass
class Removed:
    """A piece of the raw text that the clean stage took out, and why."""

    text: str
    reason: str
    line: int = 0  # 1-based line number in the raw text; 0 when unknown


@dataclass
class Article:
    """One news article, from raw input to cleaned body.

    ``text`` is the raw text as read (for HTML: the text trafilatura extracted);
    ``body`` is what the clean stage kept. ``status`` ends as ``used``,
    ``duplicate`` (of ``duplicate_of``) or ``rejected`` (with ``reason``).
    """

    id: str
    text: str = ""
    html: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 date, YYYY-MM-DD
    url: str | None = None
    source: str | None = None  # outlet or site name
    byline: str | None = None
    dateline: str | None = None
    body: str | None = None
    removed: list[Removed] = field(default_factory=list)
    origin: str = ""  # where it came from: a path, "path:line", "<stdin>"
    status: str = USED
    duplicate_of: str | None = None
    reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def reject(self, reason: str) -> None:
        """Mark the article rejected, keeping the first reason given."""
        if self.status != REJECTED:
            self.status = REJECTED
            self.reason = reason

    @property
    def label(self) -> str:
        """A readable name for the article as a source.

        Its outlet (``source``: given, or the site name of an HTML page), else its URL's host, else the
        name of the file it was read from (``extra["file"]``), else its id.
        """
        if self.source:
            return self.source
        if self.url:
            from urllib.parse import urlsplit

            host = urlsplit(self.url).netloc.lower().removeprefix("www.")
            if host:
                return host
        return str(self.extra.get("file") or self.id)


@dataclass
class Sentence:
    """A sentence of an article's body, with its character span in ``Article.body``."""

    article_id: str
    index: int  # position of the sentence in its article, from 0
    start: int
    end: int
    text: str
    group: int = -1  # index of its Group in Story.groups, set by align


@dataclass
class Group:
    """Sentences of different articles that state the same fact."""

    id: int
    sentences: list[Sentence]

    @property
    def support(self) -> list[str]:
        """The ids of the articles that carry this fact, in first-seen order."""
        return list(dict.fromkeys(s.article_id for s in self.sentences))

    @cached_property  # asked for many times by the methods; a group's sentences are fixed once aligned
    def representative(self) -> Sentence:
        """The sentence shown for the group: the earliest in its article, then the longest."""
        return min(self.sentences, key=lambda s: (s.index, -len(s.text)))


@dataclass
class Story:
    """The articles of one story and what the stages found in them."""

    id: str
    articles: list[Article]
    sentences: list[Sentence] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def used(self) -> list[Article]:
        """Articles that take part in the brief."""
        return [a for a in self.articles if a.status == "used"]

    def article(self, article_id: str) -> Article:
        """The article with this id (a dict lookup: stages call this once per sentence pair)."""
        index = self.__dict__.get("_by_id")
        found = index.get(article_id) if index is not None else None
        if found is None or found.id != article_id or len(index) != len(self.articles):
            # (re)build when first used or when articles or their ids changed since
            index = self.__dict__["_by_id"] = {a.id: a for a in self.articles}
            found = index.get(article_id)
        if found is None:
            raise KeyError(article_id)
        return found


@dataclass
class Budget:
    """How long a brief may be: ``words`` (cut at N words), ``sentences`` (N sentences) or ``bytes``.

    ``bytes`` counts the UTF-8 bytes of the brief's sentences joined by line breaks (DUC 2004 and
    other benchmarks give 665 bytes); it takes precedence over ``words``, and the sentence that crosses
    it is cut after its last whole word that fits. With ``whole`` the word (or byte) budget is a ceiling
    of whole sentences: a sentence that would cross it is skipped rather than cut, so a person reads no
    broken sentence (the default of ``summarize`` when no ``--words`` is given); without it the brief
    is cut at exactly ``words`` words, as evaluation expects.
    """

    words: int | None = 100
    sentences: int | None = None
    whole: bool = False
    bytes: int | None = None

    @classmethod
    def of(
        cls,
        words: int | None = None,
        sentences: int | None = None,
        bytes: int | None = None,
        default_words: int = 100,
        whole: bool = False,
    ) -> Budget:
        """The budget that ``sentences``, else ``bytes``, else ``words`` asks for; with none of them,
        ``default_words`` (a ceiling of whole sentences when ``whole``). One rule for the CLI, API and service."""
        if sentences:
            return cls(words=None, sentences=sentences)
        if bytes:
            return cls(words=None, bytes=bytes)
        if words is None:
            return cls(words=default_words, whole=whole)
        return cls(words=words)


@dataclass
class BriefSentence:
    """A sentence of the brief with the ids of every article that carries it."""

    text: str
    sources: list[str]
    article_id: str
    index: int  # its position in ``article_id``
    start: int = 0
    end: int = 0
    group: int = -1
    truncated: bool = False  # the budget cut this sentence short


@dataclass
class Brief:
    """The summary of a story: title, date, sentences with sources, and every article's fate."""

    id: str
    title: str | None
    date: str | None
    sentences: list[BriefSentence]
    articles: list[Article]
    method: str = "default"

    @property
    def summary(self) -> str:
        """The brief's sentences joined by newlines."""
        return "\n".join(s.text for s in self.sentences)

    @property
    def sources(self) -> list[Article]:
        """Articles that back at least one sentence, in input order."""
        cited = {src for s in self.sentences for src in s.sources}
        return [a for a in self.articles if a.id in cited]

    def to_dict(self) -> dict[str, Any]:
        """The brief as the JSON contract of DESIGN.md describes it."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date,
            "method": self.method,
            "summary": self.summary,
            "sentences": [
                {
                    "text": s.text,
                    "sources": list(s.sources),
                    "article": s.article_id,
                    "position": s.index,
                    "start": s.start,
                    "end": s.end,
                    **({"truncated": True} if s.truncated else {}),
                }
                for s in self.sentences
            ],
            "articles": [article_status(a) for a in self.articles],
        }


def article_status(a: Article) -> dict[str, Any]:
    """An article's entry in a brief's ``articles`` list."""
    row: dict[str, Any] = {
        "id": a.id,
        "name": a.label,
        "status": a.status,
        "title": a.title,
        "date": a.date,
        "source": a.source,
        "url": a.url,
        "origin": a.origin,
    }
    if a.status == DUPLICATE:
        row["duplicate_of"] = a.duplicate_of
    if a.status == REJECTED:
        row["reason"] = a.reason
    return {k: v for k, v in row.items() if v is not None}
