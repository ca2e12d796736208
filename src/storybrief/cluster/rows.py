"""Article rows (``{"id", "text" | "page_text" | "html", "date"?, "url"?, "title"?}``) as articles to cluster.

Rows with ``page_text`` or ``html`` go through the pipeline's cleaning, so menus and paywall prompts do
not decide which story a page joins; ``text`` rows are taken as they are (an undated one takes the date
its text opens with or its URL holds). A row that cannot be used is rejected with a one-line reason.
"""

from __future__ import annotations

import hashlib
from typing import Any

from ..model import Article
from ..read import article_from_value
from .online import day_number


def content_key(row: dict[str, Any]) -> str:
    """A stable id for a row without one: a hash of its text (so the same article gets the same id)."""
    text = row.get("text") or row.get("page_text") or row.get("html") or ""
    digest = hashlib.sha1(str(text).encode("utf-8", "replace")).hexdigest()[:16]
    return f"h{digest}"


def article_from_row(row: Any, origin: str) -> Article:
    """The article of a row; rejected (with the reason) when the row cannot be used."""
    if isinstance(row, Article):
        return row
    if not isinstance(row, dict):
        a = Article(id=origin, origin=origin)
        a.reject(f"expected a JSON object, got {type(row).__name__}")
        return a
    ident = row.get("id")
    if ident is not None and not isinstance(ident, str | int):
        a = Article(id=origin, origin=origin)
        a.reject(f'"id" must be a string or a number, not {type(ident).__name__}')
        return a
    article = article_from_value(row, str(ident) if ident is not None else content_key(row), origin)
    for key in ("text", "page_text", "html", "title", "url", "date"):
        if row.get(key) is not None and not isinstance(row[key], str):
            article.reject(f'"{key}" must be a string, not {type(row[key]).__name__}')
    if article.date is not None and isinstance(article.date, str) and day_number(article.date) is None:
        article.reject(f'"date" {article.date!r} is not an ISO date (YYYY-MM-DD)')
    if "page_text" in row and not row.get("text"):
        article.extra["page_text"] = True  # cleaned before clustering
    return article


def cluster_text(article: Article) -> str:
    """The text that decides an article's story: the cleaned body for pages, else the text as given."""
    if article.status == "rejected":
        return ""
    if (article.html and not article.text) or article.extra.get("page_text"):
        from ..pipeline import prepare  # lazy: cleaning pulls in trafilatura

        prepare(article)
        if article.status == "rejected":
            return ""
        text = article.body or ""
    else:
        text = article.text
        article.date = article.date or stated_date(text, article.url)
    if not text.strip():
        article.reject("no article text")
    return text


def stated_date(text: str, url: str | None) -> str | None:
    """The date a row without one states: a wire ``date 2018-01-17`` opening its text, or ``/2018/01/17/``
    in its URL (pages get theirs from cleaning)."""
    from ..clean.metadata import DATE_LINE, date_from_url

    m = DATE_LINE.match(text)
    if m and day_number(m.group(1)) is not None:
        return m.group(1)
    return date_from_url(url)
