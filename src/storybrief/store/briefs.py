"""Cached briefs: a :class:`Brief` back from the JSON the store keeps (``Brief.to_dict``)."""

from __future__ import annotations

from typing import Any

from ..model import Article, Brief, BriefSentence


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
