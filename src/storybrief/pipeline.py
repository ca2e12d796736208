"""The pipeline: read → clean → split → align → select → render, wired over the data model."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .align import align
from .clean import clean, find_date
from .htmltext import extract_html
from .model import Article, Brief, Budget, Story
from .read import articles_from_documents, source_from_url
from .select import Method, select
from .split import split

MAX_ARTICLES = 10_000
_ISO_DAY = re.compile(r"\s*((?:19|20)\d\d-[01]\d-[0-3]\d)(?:$|[T\s])")


def method_problem(name: str) -> str | None:
    """Why ``name`` cannot be used to summarize (unknown, or needs reference summaries), or None."""
    from .select import EVAL_ONLY, METHODS

    if name not in METHODS:
        return f"unknown method {name!r}; choose from {', '.join(sorted(set(METHODS) - EVAL_ONLY))}"
    if name in EVAL_ONLY:
        return f"method {name!r} needs reference summaries: use it with storybrief eval"
    return None


def prepare(article: Article) -> Article:
    """Extract (HTML) or clean (plain text) one article in place; rejects it with a reason when nothing is left.

    An HTML page's body is the text trafilatura extracts, not cleaned again: the line cleaner is made for
    plain-text page dumps, and on extracted text it cut recall (token F1 94.1 -> 90.1, bench/htmltext.py).
    """
    if article.status == "rejected":
        return article
    try:
        if article.html and not article.text:
            extract_html(article)
            if article.status == "rejected":
                return article
            article.body = article.text
        elif not article.text.strip():
            article.reject("empty text")
            return article
        else:
            clean(article)
        article.source = article.source or source_from_url(article.url)
        article.date = iso_date(article.date)
    except Exception as e:  # a failure on one article must not stop the story
        article.reject(f"could not clean: {type(e).__name__}: {e}")
    return article


def iso_date(value: str | None) -> str | None:
    """A date as YYYY-MM-DD (the JSON contract, and what briefs sort by), from ISO or a written date.

    "2018-01-17T10:00:00Z", "January 17, 2018" and "Wed, 17 Jan 2018" all give "2018-01-17"; a value
    with no recognisable day gives None.
    """
    if not value:
        return None
    m = _ISO_DAY.match(value)
    return m.group(1) if m else find_date(value)


def build_story(articles: list[Article], story_id: str = "story", max_articles: int = MAX_ARTICLES) -> Story:
    """Clean, split and align a story's articles.

    Articles past ``max_articles`` are rejected with the reason (memory stays bounded), not dropped.
    """
    story = Story(id=story_id, articles=articles)
    for a in articles[max_articles:]:
        a.reject(f"story has more than {max_articles:,} articles: only the first {max_articles:,} are used")
    for a in articles:
        prepare(a)
        if a.status != "rejected":
            sents = split(a)
            if not sents:
                a.reject("no sentences found")
            story.sentences.extend(sents)
    return align(story)


def brief_of(story: Story, budget: Budget, method: str | Method = "default") -> Brief:
    """The brief of a prepared story."""
    chosen = select(story, budget, method)
    used = [a for a in story.articles if a.status != "rejected"]
    title = next((a.title for a in used if a.title), None)
    dates = sorted(a.date for a in used if a.date)
    name = method if isinstance(method, str) else method.name
    return Brief(
        id=story.id,
        title=title,
        date=dates[0] if dates else None,
        sentences=chosen,
        articles=story.articles,
        method=name,
    )


def summarize_articles(
    articles: list[Article], budget: Budget, method: str | Method = "default", story_id: str = "story"
) -> Brief:
    """Run the whole pipeline on articles already read."""
    return brief_of(build_story(articles, story_id), budget, method)


def summarize_documents(
    documents: Iterable[Any],
    budget: Budget,
    method: str | Method = "default",
    story_id: str = "story",
    *,
    origin: str = "",
) -> Brief:
    """Run the whole pipeline on documents: strings, dicts (``text``/``html``…) or Articles.

    ``origin`` names where the documents came from (``file.jsonl:3``); each article's origin is then
    ``origin[i]``, so an error message can point at it.
    """
    return summarize_articles(articles_from_documents(documents, origin), budget, method, story_id)
