"""Families of page furniture, each recognised by its shape or its wording.

A family names *why* a line is furniture (for ``storybrief clean --explain``) and is one of the
features the line model weighs; only the unambiguous families (template holes, glued icon names)
remove a line on their own. The patterns are kinds of furniture every news site has, not strings of
any one site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat

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
DATELINE = "dateline"
LOW_SCORE = "outside the article's run of prose"

# A lower-upper-lower run ("IconFacebook") counts 1, an icon word counts 2.
ICON_WORDS = ("Icon", "Chevron", "Artboard", "Sketch", "Glyph", "Caret")
_ICONISH = re.compile(r"[a-z][A-Z][a-z]|\b(?:" + "|".join(ICON_WORDS) + ")")
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
_PHRASE_FIRST = frozenset(p.split()[0] for p in PHRASE_FAMILY)
_CREDIT_TAIL = re.compile(
    r"\((?:[^()|]*\|[^()]*|(?:file|photo|image|ap|afp|reuters|getty|epa|bloomberg|xinhua)\b[^()]*)\)$"
    r"|\bphotos? ?(?:credit|courtesy|by)\b|\bimage (?:credit|courtesy|source)|getty images|\bap photo"
    r"|shutterstock|\bistock|/afp\b|/reuters\b"
)
_CAPTION_START = ("from left", "from right", "left to right", "pictured", "file photo", "photo:", "image:")
_DATE_NUMBERS = re.compile(r"\b(?:(?:19|20)\d\d-\d\d-\d\d|\d{1,2}:\d\d)\b")
_COLON_DIGITS = re.compile(r":\d\d")  # what the time branch of _DATE_NUMBERS needs: a fast literal search
_BULLETS = frozenset("•·|»›▸►▶◦‣∙*+")
_BYLINE_START = frozenset(("by", "written", "words", "author", "reporting"))
_BYLINE = re.compile(r"^(?:by|written by|words by|author:?|reporting by)\s+[A-Z]", re.I)

ICON_SCORE = 4  # icon_score from which a line is glued icon names
SHORT = 25  # words: furniture wording is looked for in lines up to this long
PROMPT_LIKE = frozenset(("prompt", "related", "comments", "footer"))
FAMILY_FEATURES: list[str] = ["icons", "caption", "prompt", "related", "comments", "footer", "date", "byline", "bullet"]
_LONG_TAIL = 120  # characters at the end of a long line where a photo credit may sit


def is_caption(low: str) -> bool:
    """A lower-cased line that opens like a photo caption or holds a photo credit ("(File | AP)", "© Reuters")."""
    tail = low[-_LONG_TAIL:]
    if "©" in tail or low.startswith(_CAPTION_START):
        return True
    # The regular expression is slow on long lines; most lines hold none of the words each of its branches needs
    # (a chain of tests: several times faster than ``any`` over a generator). Its "(...)" branch must end the
    # line (``$``: also before a final newline).
    has_mark = (
        tail.endswith((")", ")\n"))
        or "photo" in tail
        or "image" in tail
        or "getty" in tail
        or "stock" in tail
        or "/afp" in tail
        or "/reuters" in tail
    )
    return has_mark and bool(_CREDIT_TAIL.search(tail))


# Families are bits of an int inside (cheaper to build, cache and turn into features than sets).
BITS: dict[str, int] = {f: 1 << i for i, f in enumerate(FAMILY_FEATURES)}
# A line's words are split as bytes: letters and digits kept, all else (and any non-ASCII byte) a space. The
# same words as ``[a-z0-9]+`` over the lower-cased line, several times faster than the regular expression.
_ALNUM = bytes(c if chr(c).isascii() and chr(c).isalnum() and not chr(c).isupper() else 32 for c in range(256))
_WORD_BITS = {w.encode(): BITS[f] for w, f in WORD_FAMILY.items()}
_PHRASE_BITS = {p.encode(): BITS[f] for p, f in PHRASE_FAMILY.items()}
_B_WORDS, _B_PHRASE_FIRST = frozenset(_WORD_BITS), frozenset(w.encode() for w in _PHRASE_FIRST)
_B_BYLINE_START, _B_RELATED_START = (frozenset(w.encode() for w in ws) for ws in (_BYLINE_START, _RELATED_START))
_B_RELATED_FIRST = frozenset(p.split()[0] for p in _B_RELATED_START if b" " in p)  # two-word openers' first words
_B_CUES = _B_WORDS | _B_PHRASE_FIRST | _B_BYLINE_START | {p.split()[0] for p in _B_RELATED_START}
_PHRASES_FROM: dict[bytes, list[tuple[bytes, int]]] = {}  # a phrase's first word -> (" phrase ", its bit)
for _p, _bit in _PHRASE_BITS.items():
    _PHRASES_FROM.setdefault(_p.split()[0], []).append((b" " + _p + b" ", _bit))
_SETS = [frozenset(f for f in FAMILY_FEATURES if m & BITS[f]) for m in range(1 << len(FAMILY_FEATURES))]
_CAPTION, _DATE, _BYLINE_BIT, _RELATED, _BULLET = (BITS[f] for f in ("caption", "date", "byline", "related", "bullet"))


def families(s: str, short: bool = True) -> frozenset[str]:
    """The furniture families whose wording a line holds; for long lines only a photo credit at the end."""
    return _SETS[family_mask(s, short)]


@lru_cache(maxsize=1 << 16)  # menus and footers repeat across a site's pages and within a page
def family_mask(s: str, short: bool = True) -> int:
    """``families`` as bits: bit i is ``FAMILY_FEATURES[i]``."""
    low = s.lower()
    mask = _CAPTION if is_caption(low) else 0
    if not short:
        return mask
    toks = low.encode("utf-8", "surrogatepass").translate(_ALNUM).split()
    # Set operations in C: most lines hold no family word, no word that opens a family phrase, and open no byline or
    # related-stories line; for those, only the date numbers and the bullet are left to look for.
    if not _B_CUES.isdisjoint(toks):
        for t in _B_WORDS.intersection(toks):
            mask |= _WORD_BITS[t]
        if firsts := _B_PHRASE_FIRST.intersection(toks):
            joined = b" " + b" ".join(toks) + b" "
            for t in firsts:
                for needle, bit in _PHRASES_FROM[t]:
                    if needle in joined:
                        mask |= bit
        if mask & _DATE and not any(map(bytes.isdigit, toks)):
            mask &= ~_DATE  # a month name alone ("May") is not a date
        first = toks[0]
        if first in _B_BYLINE_START and len(toks) <= 12 and _BYLINE.match(s):
            mask |= _BYLINE_BIT
        if first in _B_RELATED_START or (first in _B_RELATED_FIRST and b" ".join(toks[:2]) in _B_RELATED_START):
            mask |= _RELATED
    # The regular expression opens with \b and so is tried at every position: each of its branches needs marks that
    # plain tests find faster (a date: "-" and its century; a time: ":" and two digits), and most lines have none.
    dated = "-" in low and ("19" in low or "20" in low)
    if (dated or (":" in low and _COLON_DIGITS.search(low))) and _DATE_NUMBERS.search(low):
        mask |= _DATE
    if s[0] in _BULLETS or s.startswith(("- ", "> ")):
        mask |= _BULLET
    return mask


def full_mask(s: str, words: int, mask: int | None) -> int:
    """``family_mask(s, True)`` from a line's mask for ``words <= SHORT`` (``None``: not known)."""
    return mask if mask is not None and words <= SHORT else family_mask(s, True)


def has_template(s: str) -> bool:
    """A template hole such as ``{{numberArticlesLeft}}`` left unfilled by the page."""
    return "{" in s and bool(_TEMPLATE.search(s))


def has_icon_words(text: str) -> bool:
    """Whether a text (a page, or a line) holds any of ``ICON_WORDS``."""
    return any(w in text for w in ICON_WORDS)


def may_have_icons(s: str, glued: int) -> bool:
    """False when ``icon_score`` of the line cannot reach 4: it has fewer than 4 lower-Upper-lower runs
    (``glued``, counted for the whole line at once with numpy) and no icon word. Saves the regular
    expression on nearly every line."""
    return (  # ``has_icon_words`` spelt out: a chain of ``in`` tests is several times faster on every line
        glued >= 4 or "Icon" in s or "Chevron" in s or "Artboard" in s or "Sketch" in s or "Glyph" in s or "Caret" in s
    )


def icon_score(s: str) -> int:
    """How many glued icon names a line holds ("ArrowArtboardCreated with Sketch.Title Chevron" scores high)."""
    return sum(2 if m[0].isupper() else 1 for m in _ICONISH.findall(s))


_REASONS = [
    (BITS[key], reason)
    for key, reason in (
        ("caption", CAPTION),
        ("related", RELATED),
        ("prompt", PROMPT),
        ("footer", FOOTER),
        ("comments", COMMENTS),
        ("bullet", LINKS),
        ("date", DATE),
        ("byline", BYLINE),
    )
]


def _first_reason(mask: int) -> str | None:
    return next((reason for bit, reason in _REASONS if mask & bit), None)


# The first of _REASONS a line's family bits name, for every value of the bits; a date counts only on a line of
# at most 12 words, hence the second table (one lookup instead of a loop over the reasons).
_REASON = [_first_reason(m) for m in range(1 << len(FAMILY_FEATURES))]
_REASON_LONG = [_first_reason(m & ~BITS["date"]) for m in range(1 << len(FAMILY_FEATURES))]
_ICONS = BITS["icons"]


@lru_cache(maxsize=1 << 16)  # menus and footers repeat across a site's pages and within a page
def family(s: str, words: int, glued: int = ICON_SCORE, mask: int | None = None, icon_words: bool = True) -> str:
    """The furniture family a removed line most likely belongs to, for the explanation (``glued``: see
    ``may_have_icons``; the default always tries ``icon_score``; ``mask``: the line's ``family_mask`` for
    ``words <= SHORT`` when known; ``icon_words``: False when the page holds none of ``ICON_WORDS``)."""
    if has_template(s):
        return TEMPLATE
    found = family_mask(s, words <= SHORT) if mask is None else mask
    maybe_icons = may_have_icons(s, glued) if icon_words else glued >= 4  # (as may_have_icons: saves its searches)
    if found & _ICONS or (words <= 40 and maybe_icons and icon_score(s[:200]) >= ICON_SCORE):
        return ICONS
    return (_REASON if words <= 12 else _REASON_LONG)[found] or _unnamed(s, words)


# The reason of a removed line whose family bits name none, by 2 for a list of links (two separators or more),
# else 1 for a menu item (eight words or fewer), else 0: outside the prose.
_UNNAMED = (LOW_SCORE, MENU, LINKS)


def _unnamed(s: str, words: int) -> str:
    return _UNNAMED[2 if s.count("|") + s.count("•") + s.count("·") >= 2 else words <= 8]


def reasons(
    lines: Sequence[str], words: Sequence[int], glued: Sequence[int], masks: Sequence[int | None], icon_words: bool
) -> list[str]:
    """``family`` of each line, the same reasons (``masks``: each line's ``family_mask`` for ``words <= SHORT``,
    None when not known). Unless the page may hold template holes or icon words, a line without icon bits or
    glued runs takes its reason from the table of its family bits, without a call of ``family``; separators are
    counted only on pages that hold them."""
    joined = "".join(lines)
    if None in masks or icon_words or "{" in joined:
        return list(map(family, lines, words, glued, masks, repeat(icon_words)))
    seps = "|" in joined or "•" in joined or "·" in joined
    return [
        family(s, w, g, m, icon_words)
        if m & _ICONS or g >= 4
        else (_REASON if w <= 12 else _REASON_LONG)[m] or (_unnamed(s, w) if seps else _UNNAMED[w <= 8])
        for s, w, g, m in zip(lines, words, glued, masks, strict=True)
    ]
