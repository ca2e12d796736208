"""Render a brief as text, Markdown, JSON or a standalone HTML page.

Every format shows each sentence with the sources that carry it, then the list of sources (named by
:attr:`Article.label`: outlet, URL host or file name), then any article that was not used (duplicate
or rejected) and why. Article text is untrusted: HTML escapes all of it and links only http(s) URLs;
Markdown escapes what would turn text into markup (``<``, ``[``, ``]``, backslash).
"""

from __future__ import annotations

import html
import json
import re
import textwrap

from .model import Article, Brief, BriefSentence

FORMATS = ("text", "markdown", "json", "html")
_NO_SENTENCES = "(no sentences: no article had usable text)"


_MD_SPECIAL = re.compile(r"([\\<>\[\]])")


def markdown_literal(text: str) -> str:
    """Text made literal in Markdown: no raw HTML, no links or footnotes made of article text."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def _safe_url(url: str | None) -> str | None:
    """The URL when it is http(s); other schemes (``javascript:``, ``data:``) are not linked."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _numbers(brief: Brief) -> dict[str, int]:
    """Source ids numbered 1.. in input order, over the articles the brief cites."""
    return {a.id: k for k, a in enumerate(brief.sources, 1)}


def _source_name(a: Article) -> str:
    parts = [a.label]
    if a.title and a.title != a.label:
        parts.append(f"“{a.title}”")
    if a.date:
        parts.append(a.date)
    return ", ".join(parts)


def _not_used(brief: Brief) -> list[str]:
    out = []
    for a in brief.articles:
        if a.status == "duplicate":
            out.append(f"{a.id}: duplicate of {a.duplicate_of}")
        elif a.status == "rejected":
            out.append(f"{a.id} ({a.origin}): rejected: {a.reason}" if a.origin else f"{a.id}: rejected: {a.reason}")
    return out


def _shown(text: str, truncated: bool) -> str:
    return text + " …" if truncated else text


def _heading(brief: Brief) -> tuple[str, str]:
    n = len(brief.sources)
    meta = " · ".join(x for x in (brief.date, f"{n} source{'s' * (n != 1)}") if x)
    return brief.title or "Brief", meta


def to_text(brief: Brief, width: int = 88) -> str:
    """A plain-text brief for the terminal."""
    num = _numbers(brief)
    title, meta = _heading(brief)
    lines = [title, meta, ""]
    for s in brief.sentences:
        marks = "".join(f"[{num[x]}]" for x in s.sources if x in num)
        lines.append(
            textwrap.fill(f"{_shown(s.text, s.truncated)} {marks}", width, initial_indent="• ", subsequent_indent="  ")
        )
    if not brief.sentences:
        lines.append(_NO_SENTENCES)
    lines += ["", "Sources"] + [f"[{num[a.id]}] {_source_name(a)}" for a in brief.sources]
    if not brief.sources:
        lines.append("(none)")
    skipped = _not_used(brief)
    if skipped:
        lines += ["", "Not used"] + [f"- {x}" for x in skipped]
    return "\n".join(lines) + "\n"


def to_markdown(brief: Brief) -> str:
    """A Markdown brief with numbered source references."""
    num = _numbers(brief)
    title, meta = _heading(brief)
    lines = [f"# {markdown_literal(title)}", "", f"*{meta}*", ""]
    for s in brief.sentences:
        marks = "".join(f"[^{num[x]}]" for x in s.sources if x in num)
        lines.append(f"- {markdown_literal(_shown(s.text, s.truncated))} {marks}")
    if not brief.sentences:
        lines.append(f"*{_NO_SENTENCES}*")
    lines.append("")
    for a in brief.sources:
        url = _safe_url(a.url)
        ref = f"[{markdown_literal(a.label)}](<{url.replace('>', '%3E')}>)" if url else markdown_literal(a.label)
        extra = ", ".join(x for x in (f"“{markdown_literal(a.title)}”" if a.title else "", a.date or "") if x)
        lines.append(f"[^{num[a.id]}]: {ref}" + (f", {extra}" if extra else ""))
    skipped = _not_used(brief)
    if skipped:
        lines += ["", "**Not used**", ""] + [f"- {markdown_literal(x)}" for x in skipped]
    return "\n".join(lines) + "\n"


def to_json(brief: Brief, indent: int | None = 2) -> str:
    """The brief as JSON (schema in the README)."""
    return json.dumps(brief.to_dict(), ensure_ascii=False, indent=indent)


def _html_sentence(s: BriefSentence, num: dict[str, int]) -> str:
    """One brief sentence as a list item, with a link to each of its sources."""
    marks = "".join(f'<a href="#src{num[x]}">[{num[x]}]</a>' for x in s.sources if x in num)
    return f"<li>{html.escape(_shown(s.text, s.truncated))} {marks}</li>"


def _html_source(a: Article, k: int) -> str:
    """One source as a list item, linked when its URL is a web address."""
    name = html.escape(_source_name(a))
    url = _safe_url(a.url)
    return f'<li id="src{k}">' + (f'<a href="{html.escape(url)}">{name}</a>' if url else name) + "</li>"


def to_html(brief: Brief) -> str:
    """A standalone HTML page: the brief, its sources and what was not used. All text is escaped."""
    e = html.escape
    num = _numbers(brief)
    title, meta = _heading(brief)
    items = "\n".join(_html_sentence(s, num) for s in brief.sentences) or f"<li>{_NO_SENTENCES}</li>"
    sources = "\n".join(_html_source(a, num[a.id]) for a in brief.sources)
    skipped = "".join(f"<li>{e(x)}</li>" for x in _not_used(brief))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}}
.meta{{color:#666}} li{{margin:.4rem 0}} a{{color:#0b5cad;text-decoration:none}} .skipped{{color:#888}}</style>
</head><body>
<h1>{e(title)}</h1><p class="meta">{e(meta)}</p>
<ul class="brief">
{items}
</ul>
<h2>Sources</h2><ol class="sources">
{sources}
</ol>
{f'<h2>Not used</h2><ul class="skipped">{skipped}</ul>' if skipped else ""}
</body></html>
"""


def render(brief: Brief, fmt: str = "text") -> str:
    """The brief in one of :data:`FORMATS`."""
    if fmt == "text":
        return to_text(brief)
    if fmt in ("markdown", "md"):
        return to_markdown(brief)
    if fmt == "json":
        return to_json(brief)
    if fmt == "html":
        return to_html(brief)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
