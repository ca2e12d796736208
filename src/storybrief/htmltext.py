"""HTML pages to article text and metadata, through trafilatura."""

from __future__ import annotations

from .model import Article


def extract_html(article: Article) -> Article:
    """Fill ``text``, ``title``, ``date`` and ``source`` of an article read as HTML.

    trafilatura finds the main text, title, date and site name; an empty result rejects the article.
    """
    import trafilatura  # lazy: heavy import, only needed for HTML

    html = article.html or ""
    doc = trafilatura.bare_extraction(
        html,
        url=article.url,
        include_comments=False,
        include_tables=False,
        with_metadata=True,
        favor_precision=True,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        article.reject("HTML page has no article body")
        return article
    article.text = text
    article.title = article.title or getattr(doc, "title", None)
    article.date = article.date or getattr(doc, "date", None)
    article.source = article.source or getattr(doc, "sitename", None)
    article.byline = article.byline or getattr(doc, "author", None)
    article.url = article.url or getattr(doc, "url", None)
    article.extra["from_html"] = True
    return article
