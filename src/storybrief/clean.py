"""Clean raw article text: drop page furniture, find title, date, dateline and byline.

Works line by line on plain text, looking at each line in its neighbourhood: the article is a run of
sentence-like lines; furniture (menus, icon names, captions, prompts, paywalls) is short, unpunctuated
or of a known family. Everything removed is kept in ``Article.removed`` with its reason.
"""

from __future__ import annotations

import re
from datetime import date as _date

from .model import Article, Removed

_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b")
_MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1
    )
}
_TEXT_DATE = re.compile(
    r"\b(" + "|".join(_MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+(\d{1,2}),?\s+((?:19|20)\d\d)\b"
    r"|\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+((?:19|20)\d\d)\b",
    re.I,
)
_DATE_LINE = re.compile(r"^\s*(?:date|published|posted|updated)?\s*:?\s*((?:19|20)\d\d-\d\d-\d\d)\b\s*", re.I)
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Za-z.'-]+\s?){1,4}(?:,\s*(?:[A-Z][A-Za-z.'-]+\s?){1,3})?"
    r"(?:\s*\((?:AP|Reuters|AFP|UPI|Xinhua|CNN|Bloomberg|dpa)\))?)\s*(?:--|—|–|:)\s+"
)
_BYLINE = re.compile(r"^\s*(?:By|BY)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})(?:\s*(?:,|and|\|).*)?$")
_CREDIT = re.compile(
    r"(\((?:[^()]*\|[^()]*|(?:File|Photo|AP|Reuters|AFP|Getty)[^()]*)\)\s*$|©\s*\S.*$|"
    r"\b(?:Photo|Image|Picture)s?\s*(?:credit)?\s*:\s*.*$|\b(?:Getty Images|AP Photo|Reuters/)[^.]*$)"
)
_CAPTION_START = re.compile(r"^(?:From (?:left|right)|Left to right|Pictured|Above|Top|FILE)\b[,:]?", re.I)
_TEMPLATE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}")
_GLUED_ICON = re.compile(r"[a-z][A-Z][a-z]+[A-Z]|(?:Icon|Chevron|Arrow|Artboard|Sketch)\b")
_PROMPT = re.compile(
    r"\b(subscri(?:be|ption)|sign (?:in|up)|log ?in|newsletter|free articles?|unlimited access|"
    r"cookies?|advertisement|sponsored|share (?:this|on)|follow us|read more|related (?:stories|articles)|"
    r"all rights reserved|terms of (?:use|service)|privacy policy|click here|trial period|see all offers|"
    r"print this|email this|comments?\b|download (?:our|the) app)",
    re.I,
)
_SENTENCE_END = re.compile(r"""[.!?]['"’”)]*\s*$""")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been has have had it its this that "
    "with as by from he she they we i you his her their our who which not will would said says".split()
)


def _is_prose(line: str) -> bool:
    """A line that reads like article prose: long enough, punctuated, with function words."""
    words = _WORD.findall(line)
    if len(words) < 6:
        return False
    stop = sum(w.lower() in STOPWORDS for w in words) / len(words)
    return stop >= 0.15 and (bool(_SENTENCE_END.search(line)) or len(words) >= 25)


def furniture_reason(line: str) -> str | None:
    """Why a line, on its own, is page furniture; None when it may be article text."""
    s = line.strip()
    if _TEMPLATE.search(s):
        return "template placeholder"
    words = _WORD.findall(s)
    if len(_GLUED_ICON.findall(s)) >= 2 and not _SENTENCE_END.search(s):
        return "icon names"
    if _CAPTION_START.match(s) or (_CREDIT.search(s) and len(words) < 60):
        return "photo caption or credit"
    if _PROMPT.search(s) and (len(words) < 25 or not _is_prose(s)):
        return "prompt (subscribe, share, sign in, ads)"
    if s.startswith(("•", "·", "|", "»", "›")) or re.match(r"^[-*]\s", s):
        return "list of links"
    if not _is_prose(s):
        return "not a sentence (menu, label or heading)"
    return None


def find_date(text: str) -> str | None:
    """The first plausible publication date in the text, as ISO (YYYY-MM-DD)."""
    m = _ISO_DATE.search(text)
    if m:
        try:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    m = _TEXT_DATE.search(text)
    if m:
        if m[1]:
            month, day, year = m[1].lower(), int(m[2]), int(m[3])
        else:
            day, month, year = int(m[4]), m[5].lower(), int(m[6])
        num = next((v for k, v in _MONTHS.items() if k.startswith(month[:3])), None)
        try:
            return _date(year, num or 0, day).isoformat()
        except ValueError:
            return None
    return None


def _looks_title(line: str) -> bool:
    words = _WORD.findall(line)
    return (
        3 <= len(words) <= 25
        and not _SENTENCE_END.search(line.strip())
        and furniture_reason(line) in (None, "not a sentence (menu, label or heading)")
    )


def clean(article: Article) -> Article:
    """Clean an article in place: set ``body``, metadata and ``removed``; return it."""
    lines = article.text.splitlines()
    kept: list[str] = []
    removed: list[Removed] = []
    title_candidate: str | None = None
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if not s:
            continue
        m = _DATE_LINE.match(s)
        if m and n <= 3:
            article.date = article.date or find_date(m.group(1))
            removed.append(Removed(m.group(0), "date line", n))
            s = s[m.end() :].strip()
            if not s:
                continue
        reason = furniture_reason(s)
        if reason is None:
            kept.append(s)
            continue
        if not kept and title_candidate is None and _looks_title(s):
            title_candidate = s
            removed.append(Removed(s, "headline", n))
            continue
        if reason == "photo caption or credit" and not kept and _is_prose(_CREDIT.sub("", s)):
            removed.append(Removed(s, reason, n))
            continue
        removed.append(Removed(s, reason, n))
    if kept:
        m = _DATELINE.match(kept[0])
        if m and len(m.group(1)) < 50:
            article.dateline = article.dateline or m.group(1).strip()
            kept[0] = kept[0][m.end() :]
    article.title = article.title or title_candidate
    article.body = "\n".join(kept)
    article.removed = removed
    if not article.date:
        article.date = find_date("\n".join(lines[:15]))
    if not article.body.strip():
        article.reject("no article text left after cleaning")
    return article
