"""Families of page furniture, each recognised by its shape or its wording.

A family names *why* a line is furniture (for ``storybrief clean --explain``) and is one of the
features the line model weighs; only the unambiguous families (template holes, glued icon names)
remove a line on their own. The patterns are kinds of furniture every news site has, not strings of
any one site.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

TEMPLATE = "template placeholder {{...}}"
ICONS = "icon names"
CAPTION = "caption or photo credit"
PROMPT = "prompt (subscribe, share, sign in, cookies, ads)"
RELATED = "related stories or read more"
COMMENTS = "comments"
FOOTER = "footer or legal"
LINKS = "list of links"
MENU = "menu, navigation or label"
DATE = "date line"
BYLINE = "byline"
HEADLINE = "headline"
LOW_SCORE = "outside the article's run of prose"

# A lower-upper-lower run ("IconFacebook") counts 1, an icon word counts 2.
_ICONISH = re.compile(r"[a-z][A-Z][a-z]|\b(?:Icon|Chevron|Artboard|Sketch|Glyph|Caret)")
_TEMPLATE = re.compile(r"\{\{[^}]*\}\}|\{%[^%]*%\}|\$\{[a-zA-Z_][\w.]*\}")

# Families are told by their words (a set lookup, much faster than one big regular expression).
_WORDS = {
    "icons": "icon icons chevron artboard glyph hamburger caret svg",
    "prompt": "subscribe subscription subscriptions subscriber subscribers subscribed login logout register "
    "newsletter newsletters paywall premium cookie cookies consent advertisement advertising advertisements "
    "sponsored donate javascript whatsapp facebook twitter linkedin pinterest reddit telegram instagram "
    "youtube tiktok share shares preferences unsubscribe",
    "comments": "comment comments reply replies commenting",
    "footer": "copyright careers accessibility sitemap",
    "date": "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december ago published updated posted modified",
}
_PHRASES = {
    "prompt": "sign in|sign up|signed in|log in|log out|free article|free articles|unlimited access|follow us|"
    "click here|tap here|free trial|all offers|print this|email this|e mail|skip to|your browser|accept all|"
    "already a|an account|your account|join now|support us|support our|this article",
    "comments": "leave a|report abuse|posted by|the conversation|the discussion",
    "footer": "rights reserved|terms of|terms and|privacy policy|privacy notice|contact us|about us|site map|"
    "not sell|advertise with",
}
_RELATED_START = frozenset(
    "related|recommended|popular|trending|latest|more from|more on|more stories|more news|more in|read more|"
    "read next|read also|also read|also see|see also|most read|most popular|most viewed|most shared|top stories|"
    "you may|you might|further reading|editors picks|editor s|what to".split("|")
)
WORD_FAMILY = {w: f for f, words in _WORDS.items() for w in words.split()}
PHRASE_FAMILY = {p: f for f, phrases in _PHRASES.items() for p in phrases.split("|")}
_WORD_KEYS = frozenset(WORD_FAMILY)
_PHRASE_FIRST = frozenset(p.split()[0] for p in PHRASE_FAMILY)
_TOKEN = re.compile(r"[a-z0-9]+")
_CREDIT_TAIL = re.compile(
    r"\((?:[^()|]*\|[^()]*|(?:file|photo|image|ap|afp|reuters|getty|epa|bloomberg|xinhua)\b[^()]*)\)$"
    r"|\bphotos? ?(?:credit|courtesy|by)\b|\bimage (?:credit|courtesy|source)|getty images|\bap photo"
    r"|shutterstock|\bistock|/afp\b|/reuters\b"
)
_CAPTION_START = ("from left", "from right", "left to right", "pictured", "file photo", "photo:", "image:")
_DATE_NUMBERS = re.compile(r"\b(?:(?:19|20)\d\d-\d\d-\d\d|\d{1,2}:\d\d)\b")
_BULLETS = frozenset("•·|»›▸►▶◦‣∙*+")
_BYLINE_START = frozenset(("by", "written", "words", "author", "reporting"))
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|reporting by)\s+[A-Z]", re.I)

SHORT = 25  # words: furniture wording is looked for in lines up to this long
PROMPT_LIKE = frozenset(("prompt", "related", "comments", "footer"))
FAMILY_FEATURES = ["icons", "caption", "prompt", "related", "comments", "footer", "date", "byline", "bullet"]
_LONG_TAIL = 120  # characters at the end of a long line where a photo credit may sit


def is_caption(low: str) -> bool:
    """A lower-cased line that opens like a photo caption or holds a photo credit ("(File | AP)", "© Reuters")."""
    tail = low[-_LONG_TAIL:]
    if "©" in tail or low.startswith(_CAPTION_START):
        return True
    # The regular expression is slow on long lines; most lines hold none of the marks it needs (a chain of
    # ``in`` tests: several times faster than ``any`` over a generator).
    has_mark = (
        ")" in tail
        or "/" in tail
        or "photo" in tail
        or "image" in tail
        or "getty" in tail
        or "shutterstock" in tail
        or "istock" in tail
    )
    return has_mark and bool(_CREDIT_TAIL.search(tail))


@lru_cache(maxsize=1 << 16)  # menus and footers repeat across a site's pages and within a page
def families(s: str, short: bool = True) -> frozenset[str]:
    """The furniture families whose wording a line holds; for long lines only a photo credit at the end."""
    return frozenset(_families(s, short))


def _families(s: str, short: bool) -> set[str]:
    low = s.lower()
    found = {"caption"} if is_caption(low) else set()
    if not short:
        return found
    toks = _TOKEN.findall(low)
    # Set operations in C first: most lines hold no family word, and no word that opens a family phrase.
    if not _WORD_KEYS.isdisjoint(toks):
        found.update(WORD_FAMILY[t] for t in toks if t in WORD_FAMILY)
    if not _PHRASE_FIRST.isdisjoint(toks):
        found.update(PHRASE_FAMILY[p] for p in map(" ".join, pairwise(toks)) if p in PHRASE_FAMILY)
    if "date" in found and not any(t.isdigit() for t in toks):
        found.discard("date")  # a month name alone ("May") is not a date
    if (":" in low or "-" in low) and _DATE_NUMBERS.search(low):
        found.add("date")
    if toks:
        if toks[0] in _BYLINE_START and len(toks) <= 12 and _BYLINE.match(s):
            found.add("byline")
        if toks[0] in _RELATED_START or " ".join(toks[:2]) in _RELATED_START:
            found.add("related")
    if s[0] in _BULLETS or s.startswith(("- ", "> ")):
        found.add("bullet")
    return found


def has_template(s: str) -> bool:
    """A template hole such as ``{{numberArticlesLeft}}`` left unfilled by the page."""
    return "{" in s and bool(_TEMPLATE.search(s))


_NO_FLAGS = (0.0,) * len(FAMILY_FEATURES)


def family_flags(s: str, short: bool) -> tuple[float, ...]:
    """``families`` as 0/1 features in the order of ``FAMILY_FEATURES``."""
    found = families(s, short)
    return tuple(1.0 if f in found else 0.0 for f in FAMILY_FEATURES) if found else _NO_FLAGS


def icon_score(s: str) -> int:
    """How many glued icon names a line holds ("ArrowArtboardCreated with Sketch.Title Chevron" scores high)."""
    return sum(2 if m[0].isupper() else 1 for m in _ICONISH.findall(s))


_REASONS = [
    ("caption", CAPTION),
    ("related", RELATED),
    ("prompt", PROMPT),
    ("footer", FOOTER),
    ("comments", COMMENTS),
    ("bullet", LINKS),
    ("date", DATE),
    ("byline", BYLINE),
]


@lru_cache(maxsize=1 << 16)
def family(s: str, words: int) -> str:
    """The furniture family a removed line most likely belongs to, for the explanation."""
    if has_template(s):
        return TEMPLATE
    found = families(s, words <= SHORT)
    if "icons" in found or (words <= 40 and icon_score(s[:200]) >= 4):
        return ICONS
    for key, reason in _REASONS:
        if key in found and (key != "date" or words <= 12):
            return reason
    if s.count("|") + s.count("•") + s.count("·") >= 2:
        return LINKS
    if words <= 8:
        return MENU
    return LOW_SCORE
