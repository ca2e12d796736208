"""Cached briefs: the JSON the store keeps (``Brief.to_dict`` plus each article's cleaned body) and back.

The body and what cleaning removed are kept so a cached brief shows the same as a fresh one; listings
leave them out (:func:`public_brief`) to stay small.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Brief, BriefSentence, Removed

CACHED_ONLY = ("body", "removed")


def brief_from_dict(data: dict[str, Any]) -> Brief:
    """The brief a ``Brief.to_dict()`` dictionary describes."""
    sentences = [
        BriefSentence(
            text=s["text"],
            sources=list(s.get("sources", [])),
            article_id=s.get("article", ""),
            index=s.get("position", 0),
            start=s.get("start", 0),
            end=s.get("end", 0),
            truncated=bool(s.get("truncated", False)),
        )
        for s in data.get("sentences", [])
    ]
    articles = [
        Article(
            id=a["id"],
            title=a.get("title"),
            date=a.get("date"),
            source=a.get("source"),
            url=a.get("url"),
            origin=a.get("origin", ""),
            status=a.get("status", "used"),
            duplicate_of=a.get("duplicate_of"),
            reason=a.get("reason"),
            body=a.get("body"),
            removed=[Removed(**r) for r in a.get("removed", [])],
        )
        for a in data.get("articles", [])
    ]
    return Brief(
        id=data["id"],
        title=data.get("title"),
        date=data.get("date"),
        sentences=sentences,
        articles=articles,
        method=data.get("method", "default"),
    )


def cached_article_fields(article: Article) -> dict[str, Any]:
    """What the cache keeps of an article beyond its entry in ``Brief.to_dict``."""
    return {"body": article.body, "removed": [vars(r) for r in article.removed]}


def public_brief(data: dict[str, Any]) -> dict[str, Any]:
    """The cached brief without the cache-only article fields."""
    articles = [{k: v for k, v in a.items() if k not in CACHED_ONLY} for a in data.get("articles", [])]
    return {**data, "articles": articles}
