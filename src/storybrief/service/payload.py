"""A brief as the API returns it: the CLI's JSON, plus each article's cleaned body and removed furniture.

The page shows a brief sentence inside its source article (``start``/``end`` index ``body``) with the
furniture the clean stage removed faded in place: ``removed[].at`` is the body offset it stood before.
"""

from __future__ import annotations

from typing import Any

from ..model import REJECTED, Article, Brief


def brief_payload(brief: Brief) -> dict[str, Any]:
    """``Brief.to_dict()`` with ``body`` and ``removed`` added to every article that was cleaned."""
    data = brief.to_dict()
    by_id = {a.id: a for a in brief.articles}
    for row in data["articles"]:
        article = by_id.get(row["id"])
        if article is not None and article.status != REJECTED and article.body is not None:
            row["body"] = article.body
            row["removed"] = removed_in_place(article)
    return data


def removed_in_place(article: Article) -> list[dict[str, Any]]:
    """The article's removed pieces, each with ``at``: the body offset of the first kept line at or after it.

    ``at`` is None when the raw text is not at hand (a stored story's cached brief keeps only the body),
    as no true place can be given then.
    """
    starts = _body_line_starts(article.text, article.body or "") if article.text else None
    end = len(article.body or "")
    out = []
    for r in article.removed:
        at = None if starts is None else next((offset for offset, line in starts if line >= r.line), end)
        out.append({"text": r.text, "reason": r.reason, "line": r.line, "at": at})
    return out


def _body_line_starts(raw: str, body: str) -> list[tuple[int, int]]:
    """(body offset, raw line number) of each body line, in order.

    Body lines are raw lines stripped (the first may have lost its dateline), so each is looked up by
    its text among the raw lines after the previous match: linear in the article's length.
    """
    raw_lines = raw.splitlines()
    where: dict[str, list[int]] = {}
    for n, line in enumerate(raw_lines, 1):
        where.setdefault(line.strip(), []).append(n)
    out: list[tuple[int, int]] = []
    offset, last = 0, 0
    for line in body.split("\n"):
        found = next((n for n in where.get(line.strip(), ()) if n > last), None)
        if found is None:
            found = _containing_line(raw_lines, line, last)
        last = found if found is not None else last + 1
        out.append((offset, last))
        offset += len(line) + 1
    return out


def _containing_line(raw_lines: list[str], text: str, after: int, window: int = 50) -> int | None:
    """The number of the first raw line after line ``after`` that contains ``text`` (a trimmed body line).

    Only ``window`` lines are searched so that text the clean stage rewrote cannot make this quadratic.
    """
    if not text.strip():
        return None
    for n, line in enumerate(raw_lines[after : after + window], after + 1):
        if text.strip() in line:
            return n
    return None
