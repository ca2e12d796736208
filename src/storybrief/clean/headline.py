"""Find the headline among the lines above the article's first paragraph.

Candidates are the lines of the page header (from a little above the first article line down to the
first paragraph), that paragraph itself when short and ending in "?", ")" or "!" (a long headline reads as
prose) with the lines below it down to the next paragraph, and the short lines one or two above a byline or a
date (menus or kept blurbs may stand between the headline and the article's first paragraph). Each is
described by a few features (length, distance to the paragraph, words shared with the opening paragraph and with the
URL's slug, whether it holds more of the slug than the other candidates or is the first to hold half of it,
what follows it within four lines: a byline or a date, its punctuation, its line score) and ranked by a
logistic regression trained by ``bench/train_clean.py`` on pages whose title is known. The best candidate
wins when its score is not too low, so that a site name or a section label is not taken for want of anything
better.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cached_property
from itertools import compress
from operator import mul
from urllib.parse import urlparse

import numpy as np

from . import furniture as fu
from .lines import STOPWORDS, WORD, main_run

ABOVE = 30  # lines above the first article line that may hold the headline
FAR_ABOVE = 80  # lines above the first article line that may hold a headline over its byline or date
MIN_SCORE = 0.1
MAX_CANDIDATES = 40
HEADLINE_FEATURES = [
    "words",
    "headline_length",
    "shared_with_opening",
    "shared_with_slug",
    "distance",
    "ends_period",
    "ends_question",
    "capitalised_ratio",
    "byline_or_date_below",
    "line_score",
    "furniture",
    "has_date",
    "repeated",
    "site_separator",
    "kept",
    "first_kept",
    "first_candidate_after_furniture",
    "elsewhere_on_page",
    "slug_covered",
    "most_of_slug",
    "first_half_of_slug",
    "byline_or_date_further_below",
]
_SENTENCE_ENDS = (".", "!", "?", '"', "”", "’", ")", ":")
_BYLINE_OR_DATE = fu.BITS["byline"] | fu.BITS["date"]
_SITE_SEPARATOR = re.compile(r"\s[|–—-]\s|::")


def _content_words(s: str) -> set[str]:
    low = s.lower()
    if len(low) != len(s):  # a capital that lower-cases to two characters ("İ"): word by word, as ``_content``
        return _content(WORD.findall(s))
    # The text lower-cased at once and its words as a set first: the same words, far fewer Python steps.
    return {w for w in set(WORD.findall(low)) if len(w) > 2} - STOPWORDS


def _content(words: list[str]) -> set[str]:
    return {low for w in words if len(w) > 2 and (low := w.lower()) not in STOPWORDS}


def _slug_hits(lines: list[str], slug: set[str]) -> list[int]:
    """For each line, how many of the slug's words it holds. The headline is the line that repeats most of the
    slug, or the first that repeats half of it (lower in the header, subheadings echo a word or two of it). Its
    text is searched, not its words split ("art" counts in "start"), to be cheap: every candidate is read, not
    only those ranked high."""
    if not slug:
        return [0] * len(lines)
    return [sum(map(low.__contains__, slug)) for low in map(str.lower, lines)]  # (map: no generator step a word)


def slug_words(url: str | None) -> set[str]:
    """The words of a URL's path ("/2018/01/japan-warns-on-north-korea" -> japan, warns, north, korea)."""
    path = urlparse(url or "").path.lower()
    return {w for w in re.split(r"[^a-z]+", path) if len(w) > 2 and w not in STOPWORDS}


def ends_sentence(line: str) -> bool:
    """Whether a line ends like a sentence (or is too long to be anything but prose)."""
    return line.endswith(_SENTENCE_ENDS) or line.count(" ") >= 30


def start_and_first_paragraph(keep: list[bool], counts: list[int], lines: list[str]) -> tuple[int, int]:
    """The index of the first article line, and of the first paragraph: a kept line of 12 words or more that
    reads as prose (it ends a sentence), so that a long headline is not taken for it."""
    start = next((i for i, k in enumerate(keep) if k), len(keep))
    return start, _paragraph_from(start, keep, counts, lines, start)


def paragraph_below(i: int, keep: list[bool], counts: list[int], lines: list[str]) -> int:
    """The first paragraph below line i (as ``start_and_first_paragraph`` reads one), or i when there is none."""
    return _paragraph_from(i + 1, keep, counts, lines, i)


def _paragraph_from(i: int, keep: list[bool], counts: list[int], lines: list[str], none: int) -> int:
    """The first paragraph from line i down, or ``none``."""
    # Only the lines down to the first paragraph are looked at, from the first kept one (found in C: a headline
    # far above the article, over its byline, has a long run of menu lines below it); the cheap tests first.
    try:
        i = keep.index(True, i)
    except ValueError:
        return none
    prose = (j for j in range(i, len(keep)) if keep[j] and counts[j] >= 12 and ends_sentence(lines[j]))
    return next(prose, none)


def candidates(
    lines: list[str], keep: list[bool], counts: list[int], masks: Sequence[int] | None = None
) -> tuple[list[int], list[int]]:
    """Indices of the header lines that may be the headline, and for each the paragraph below it: the header
    of the first paragraph, and (when kept blurbs of a menu or a promotion come first) that of the first
    paragraph of the page's main run of prose; each of those paragraphs when short and ending in "?", ")" or
    "!", and the lines down to the next paragraph; the short lines one or two above a byline or a date, from
    ``FAR_ABOVE`` lines above the first article line down to the main run. ``masks``: every line's family bits
    (``lines.family_masks``) when known."""
    start, first_prose = start_and_first_paragraph(keep, counts, lines)
    out = {i: first_prose for i in _header(start, first_prose, counts)}
    lo = main_run(keep, counts)[0]
    paragraphs = [first_prose]
    if lo > first_prose:
        para = paragraph_below(lo - 1, keep, counts, lines)
        out.update((i, para) for i in _header(lo, para, counts) if i not in out)
        paragraphs.append(para)
    if start > 0:  # plain article text (wire copy) opens with its first line: no header, no headline in its prose
        for p in paragraphs:
            _add_below(p, lines, keep, counts, out)
    _add_above_bylines(range(max(0, start - FAR_ABOVE), max(lo, start)), lines, keep, counts, masks, out)
    idx = sorted(out)
    return idx, [out[i] for i in idx]


def _header(start: int, paragraph: int, counts: list[int]) -> list[int]:
    near = [i for i in range(max(0, start - ABOVE), paragraph) if 2 <= counts[i] <= 30]
    return near[-MAX_CANDIDATES:]  # the headline sits near the first paragraph


def _add_below(p: int, lines: list[str], keep: list[bool], counts: list[int], out: dict[int, int]) -> None:
    """Add to ``out`` paragraph p when short and ending in "?", ")" or "!", and the lines below it down to the
    next paragraph: a headline of twelve words or more that ends so reads as a paragraph, and a notice, a
    breadcrumb trail or a long "Posted on ... by ..." line may stand above the headline."""
    if p >= len(lines) or (below := paragraph_below(p, keep, counts, lines)) == p:
        return
    # The paragraph itself only when it ends as a headline may and a lead sentence seldom does: a short first
    # paragraph ending in "." is the article's lead (plain news text has no headline line).
    own = counts[p] <= 30 and lines[p].endswith(("?", ")", "!"))
    for i in range(p if own else p + 1, below):
        # (A line the next one goes on from, in lower case, is hard-wrapped prose: no headline.)
        if 2 <= counts[i] <= 30 and i not in out and not lines[i + 1][:1].islower():
            out[i] = below


def _add_above_bylines(
    span: range,
    lines: list[str],
    keep: list[bool],
    counts: list[int],
    masks: Sequence[int] | None,
    out: dict[int, int],
) -> None:
    """Add to ``out`` the lines of ``span`` one or two above a byline or a date (themselves neither): far above
    the article's first line (menus between) or far below the first paragraph (kept blurbs between), the
    headline still stands over its byline. ``masks``: every line's family bits (``lines.family_masks``)."""
    a, b = span.start + 1, min(span.stop + 2, len(lines))
    # The bylines and dates first: short lines of that family (their family bits, picked in C, rule out nearly
    # every line at once), then the lines above them.
    fams = masks[a:b] if masks is not None else [fu.family_mask(s, True) for s in lines[a:b]]
    anchors = [j for j in compress(range(a, b), map(_BYLINE_OR_DATE.__and__, fams)) if counts[j] <= 12]
    for i in sorted({j - d for j in anchors for d in (1, 2)}):
        mine = i in span and i not in out and 2 <= counts[i] <= 30
        if mine and not fu.full_mask(lines[i], counts[i], masks[i] if masks else None) & _BYLINE_OR_DATE:
            out[i] = paragraph_below(i, keep, counts, lines)


# Features read from the candidate's words, then from the page (the costly part); each lies in [0, 1].
_FROM_WORDS = ("shared_with_opening", "shared_with_slug", "capitalised_ratio", "slug_covered")
_FROM_PAGE = ("site_separator", "elsewhere_on_page")
_WORDY = _FROM_WORDS + _FROM_PAGE
_CHEAP_AT = [j for j, f in enumerate(HEADLINE_FEATURES) if f not in _WORDY]
_WORDY_AT = [HEADLINE_FEATURES.index(f) for f in _WORDY]
_WORDS_AT, _PAGE_AT = _WORDY_AT[: len(_FROM_WORDS)], _WORDY_AT[len(_FROM_WORDS) :]
_SLUG_AT = {HEADLINE_FEATURES.index(f) for f in ("shared_with_slug", "slug_covered")}


class _Header:
    """A page's headline candidates and what their features are read from (the costly parts when first asked)."""

    def __init__(
        self,
        lines: list[str],
        keep: list[bool],
        counts: list[int],
        probs: list[float],
        url: str | None,
        masks: Sequence[int | None] | None,
    ) -> None:
        self.lines, self.keep, self.counts, self.probs = lines, keep, counts, probs
        self.idx, self.paragraphs = candidates(lines, keep, counts, masks)
        self.start = next((i for i, k in enumerate(keep) if k), len(keep))
        self.slug = slug_words(url)
        self.seen = Counter(lines[i] for i in self.idx)
        masks = masks or [None] * len(lines)
        # Each candidate reads its own families and those of the four lines below it: each line's looked up once.
        ends = len(lines)
        near = {j for i in self.idx for j in range(i, min(i + 5, ends))}  # (candidates a line apart share four)
        self.fams = {j: fu.full_mask(lines[j], counts[j], masks[j]) for j in near}
        self.slug_hits = hits = _slug_hits([lines[i] for i in self.idx], self.slug)
        self.most_hits = max(hits, default=0) or -1  # (no candidate holds a slug word: none is "most of it")
        self.first_half = next((k for k, n in enumerate(hits) if n and 2 * n >= len(self.slug)), -1)

    @cached_property
    def opening(self) -> set[str]:
        """The content words of the three lines from each candidate's paragraph down."""
        lines, n = self.lines, len(self.lines)
        # Each line once: a paragraph is often one of the three lines below another (the same words, less text).
        near = sorted({p for a in set(self.paragraphs) for p in range(a, min(a + 3, n))})
        return _content_words(" ".join(map(lines.__getitem__, near)))

    @cached_property
    def page(self) -> str:
        return "\n".join(self.lines)

    def cheap(self, k: int) -> list[float]:
        """The features of candidate k that need neither its words nor the page (``_CHEAP_AT``)."""
        i, lines, counts, keep = self.idx[k], self.lines, self.counts, self.keep
        s, fam = lines[i], self.fams[i]
        below = self.fams.get(i + 1, 0) | self.fams.get(i + 2, 0)  # the families of the two lines below, as bits
        further = self.fams.get(i + 3, 0) | self.fams.get(i + 4, 0)  # (past share buttons, a lone "by")
        return [
            min(counts[i], 30) / 10.0,
            1.0 if 4 <= counts[i] <= 20 else 0.0,
            min(self.paragraphs[k] - i, 20) / 10.0,
            1.0 if s.endswith(".") else 0.0,
            1.0 if s.endswith(("?", "!")) else 0.0,
            1.0 if below & _BYLINE_OR_DATE else 0.0,
            self.probs[i],
            1.0 if fam & ~_BYLINE_OR_DATE else 0.0,
            1.0 if fam & fu.BITS["date"] else 0.0,
            1.0 if self.seen[s] > 1 else 0.0,
            1.0 if keep[i] else 0.0,
            1.0 if i == self.start else 0.0,
            1.0 if i == self.idx[0] or (i > 0 and not keep[i - 1] and counts[i - 1] <= 3) else 0.0,
            1.0 if self.slug_hits[k] == self.most_hits else 0.0,
            1.0 if k == self.first_half else 0.0,
            1.0 if further & _BYLINE_OR_DATE else 0.0,
        ]

    def from_words(self, k: int) -> list[float]:
        """The features of candidate k read from its words (``_FROM_WORDS``, in that order)."""
        s, slug = self.lines[self.idx[k]], self.slug
        words = WORD.findall(s)
        own = _content(words) or {""}
        return [
            len(own & self.opening) / len(own),
            len(own & slug) / len(own),
            sum(w[0].isupper() for w in words) / max(len(words), 1),
            len(own & slug) / len(slug) if slug else 0.0,
        ]

    def from_page(self, k: int) -> list[float]:
        """The features of candidate k read from the page (``_FROM_PAGE``, in that order)."""
        s = self.lines[self.idx[k]]
        return [1.0 if _SITE_SEPARATOR.search(s) else 0.0, 1.0 if self.page.count(s, 0) >= 2 else 0.0]

    def row(self, k: int, cheap: list[float] | None = None, words: list[float] | None = None) -> list[float]:
        """All features of candidate k (``HEADLINE_FEATURES``); ``cheap``, ``words``: its ``cheap(k)`` and
        ``from_words(k)`` when known."""
        row = [0.0] * len(HEADLINE_FEATURES)
        for j, v in zip(_CHEAP_AT, cheap or self.cheap(k), strict=True):
            row[j] = v
        for j, v in zip(_WORDY_AT, (words or self.from_words(k)) + self.from_page(k), strict=True):
            row[j] = v
        return row


def features(
    lines: list[str],
    keep: list[bool],
    counts: list[int],
    probs: list[float],
    url: str | None,
    masks: Sequence[int | None] | None = None,
) -> tuple[list[int], np.ndarray]:
    """The candidate indices and their features (``HEADLINE_FEATURES``); ``masks``: the lines' families from
    ``lines.family_masks`` when known."""
    h = _Header(lines, keep, counts, probs, url, masks)
    rows = [h.row(k) for k in range(len(h.idx))]
    return h.idx, np.array(rows, dtype=float).reshape(len(h.idx), len(HEADLINE_FEATURES))


def find_headline(
    lines: list[str],
    keep: list[bool],
    counts: list[int],
    probs: list[float],
    url: str | None,
    model: dict,
    masks: Sequence[int | None] | None = None,
) -> int | None:
    """The index of the headline line, or None when no header line looks like one.

    The same line the ranker picks over all candidates' ``features``, with fewer of them read in full: the
    features read from a candidate's words each lie in [0, 1], so its cheap features bound its score from
    above; candidates are read in full best bound first, until no bound left can reach the best score. The
    features read from the page (a search of it) are read only when those from the candidate's words leave it a
    chance."""
    h = _Header(lines, keep, counts, probs, url, masks)
    if not h.idx:
        return None
    coef, intercept = model["coef"], model["intercept"]
    room = sum(max(coef[j], 0.0) for j in _WORDY_AT if h.slug or j not in _SLUG_AT)  # (no slug: those are 0)
    page_room, words_coef = sum(max(coef[j], 0.0) for j in _PAGE_AT), [coef[j] for j in _WORDS_AT]
    cheap = [h.cheap(k) for k in range(len(h.idx))]
    bound = (np.array(cheap) @ np.asarray(coef)[_CHEAP_AT] + (intercept + room)).tolist()
    rows: dict[int, list[float]] = {}
    best = -np.inf
    for k in sorted(range(len(h.idx)), key=bound.__getitem__, reverse=True):
        if bound[k] < best - 1e-9:  # (the margin covers rounding: the scores below are numpy's)
            break
        words = h.from_words(k)
        if bound[k] - room + sum(map(mul, words_coef, words)) + page_room < best - 1e-9:
            continue
        rows[k] = h.row(k, cheap[k], words)
        best = max(best, intercept + sum(map(mul, coef, rows[k])))
    read = sorted(rows)
    z = np.array([rows[k] for k in read], dtype=float) @ np.asarray(coef) + intercept
    top = int(np.argmax(z))
    return h.idx[read[top]] if 1.0 / (1.0 + np.exp(-z[top])) >= MIN_SCORE else None


# A breadcrumb separator: ">", "»", "›" (spaced or not: "Home>Blog>Headline") or a spaced "/" (unspaced, it
# is part of headlines: "9/10", "and/or").
_CRUMB = re.compile(r"\s*(?:>|»|›)\s*|\s+/\s+")
_TAIL = re.compile(r"\s+(?:\||–|—|-|::)\s+")
_CRUMB_WORDS = 3  # a crumb is a short label ("Home", "Blog", "Health & Fitness")


def tidy_title(line: str) -> str:
    """The headline without breadcrumbs before it ("Home > Blog > Headline", "Home » Headline") or a short
    site or section name after it ("Headline | Site", "Headline – Top 19 Companies")."""
    *crumbs, last = _CRUMB.split(line)
    # Two crumbs or more are a trail; one needs a separator prose never uses ("Why A > B" is a headline), a
    # short label before it and a headline after it ("Home » Ten tips for ...").
    one = len(crumbs) == 1 and ("»" in line or "›" in line)
    one = one and 0 < len(crumbs[0].split()) <= _CRUMB_WORDS and len(last.split()) >= 3
    title = last if len(crumbs) >= 2 or one else line
    for _ in range(2):  # "Headline | Section | Site"
        head, *rest = _TAIL.split(title)
        if not (rest and len(rest[-1].split()) <= 4 and len(head.split()) >= 3):
            break
        title = title[: title.rfind(rest[-1])].rstrip(" |–—-:")
    return title.strip()
