"""HTML pages to article text and metadata, through trafilatura.

trafilatura runs with its defaults (tables kept, comments dropped). ``bench/htmltext.py`` measured the
settings on the 39 L3S-GN1 pages that carry HTML (token F1 against the human-marked article text):
defaults 94.1, without tables 92.4, ``favor_recall`` 93.9, ``favor_precision`` 93.2, and the first
setting, ``favor_precision`` without tables, 71.7 (it cut whole paragraphs of article text). The first
line is dropped when it repeats the page title (trafilatura keeps the <h1>; the brief shows the title).
"""

from __future__ import annotations

from typing import Any

from .model import Article, Removed

OPTIONS: dict[str, Any] = {"include_comments": False}


def extract_html(article: Article, **options: Any) -> Article:
    """Fill ``text``, ``title``, ``date``, ``source``, ``byline`` and ``url`` of an article read as HTML.

    trafilatura finds the main text and the metadata; ``options`` override :data:`OPTIONS`. A page with
    no main text rejects the article with the reason.
    """
    import trafilatura  # lazy: heavy import, only needed for HTML

    doc = trafilatura.bare_extraction(article.html or "", url=article.url, with_metadata=True, **(OPTIONS | options))
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        article.reject("HTML page has no article body")
        return article
    article.title = article.title or getattr(doc, "title", None)
    article.text = _without_headline(text, article)
    article.date = article.date or getattr(doc, "date", None)
    article.source = article.source or getattr(doc, "sitename", None)
    article.byline = article.byline or getattr(doc, "author", None)
    article.url = article.url or getattr(doc, "url", None)
    article.extra["from_html"] = True
    return article


def _without_headline(text: str, article: Article) -> str:
    """The text without its first line when that line is the page's title (trafilatura keeps the <h1>)."""
    first, _, rest = text.partition("\n")
    if article.title and rest.strip() and first.strip().casefold() == article.title.strip().casefold():
        article.removed.append(Removed(first.strip(), "headline", 1))
        return rest.lstrip("\n")
    return text
