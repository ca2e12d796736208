"""Clean raw article text: drop page furniture, find title, date, dateline and byline.

Works on plain text, one line at a time but never alone: a small learned model (``scorer``) reads each
line's shape (length, sentence punctuation, stop words, capitalised runs, glued icon names, families of
prompts) and its neighbourhood (the scores around it, its place relative to the page's main run of
prose). What it removes is kept in ``Article.removed`` with the family it belongs to (``furniture``);
the headline, date, byline and dateline are taken from the page header (``metadata``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np

from ..model import Article, Removed
from . import furniture as fu
from . import headline
from .comments import comment_threads
from .lines import LINE_FEATURES, family_masks, glued_runs
from .metadata import (
    AUTHOR_LABEL,
    BY_ALONE,
    DATE_LINE,
    ONE_AUTHOR,
    OTHER_BY,
    bare_name,
    byline_name,
    date_from_url,
    dated_name,
    find_date,
    find_dateline,
    is_role,
    labelled_name,
    single_name,
    trailing_byline,
)
from .scorer import score_lines
from .text import numbered_lines, repair
from .weights import WEIGHTS as _TRAINED

__all__ = ["clean", "find_date", "furniture_reason", "keep_mask"]

CAPTION_WORDS = 60  # a longer line with a credit at its end is text that ran into the credit, not a caption
SECTION_LABEL = fu.MENU + " (above the headline)"
# What a byline line can open with: the first letters of the openers byline_name and BY_ALONE read (by, written,
# words, posted, reporting, text, story, article, author, post), both cases, and the long s that matches "s" case-blind.
_BY_FIRST = "aAbBpPrRsStTwWſ"
_READ_TIME = re.compile(r"\d+\s*(?:min(?:ute)?s?)\.?\s+read\b", re.I)
_UPDATED = re.compile(r"\b(?:updated|modified|revised)\b", re.I)
SECTION_WORDS = 12  # a longer kept line above the "headline" is article text: the headline was misplaced
WEIGHTS: dict[str, Any] = _TRAINED  # (the same dict, typed: the benchmarks swap its contents)


def furniture_reason(line: str, glued: int = fu.ICON_SCORE) -> str | None:
    """The furniture family of a line that is furniture whatever surrounds it, else None (``glued``: see
    ``furniture.may_have_icons``; the default always tries the icon names).

    Template holes, glued icon names and photo captions or credits are never article text, however
    much they read like it (a caption is often a whole sentence); nor is a short unpunctuated prompt
    ("Subscribe now", "Advertisement", "Read more", "3 comments") even in the middle of the article.
    """
    s = line.strip()
    if fu.has_template(s):
        return fu.TEMPLATE
    sentence = s.endswith((".", "!", "?", '"', "”"))
    if not sentence and fu.may_have_icons(s, glued) and fu.icon_score(s[:300]) >= fu.ICON_SCORE:
        return fu.ICONS
    words = len(s.split())
    found = fu.families(s, words <= fu.SHORT)
    if "caption" in found and words <= CAPTION_WORDS:
        return fu.CAPTION
    if words <= 8 and not sentence and found & fu.PROMPT_LIKE:
        return fu.family(s, words)
    return None


def keep_mask(
    lines: list[str], icon_words: bool | None = None
) -> tuple[list[bool], list[int], list[float], list[int], list[int]]:
    """Which of the stripped, non-empty lines are article text; each line's word count, score, number of
    lower-Upper-lower runs (see ``furniture.may_have_icons``) and furniture families (``family_masks``).
    ``icon_words``: whether the page holds any of ``furniture.ICON_WORDS`` (None: look)."""
    probs, counts, feats = score_lines(lines)
    glued = glued_runs(feats)
    keep = probs >= WEIGHTS["threshold"]
    if icon_words is None:
        icon_words = fu.has_icon_words("\n".join(lines))
    for i in _maybe_furniture(lines, feats, counts, glued, keep, icon_words):
        keep[i] = not furniture_reason(lines[i], glued[i])
    return keep.tolist(), counts.tolist(), probs.tolist(), glued, family_masks(feats)


_SURE_COLS = [LINE_FEATURES.index(f) for f in ("template", "caption", "prompt", "related", "comments", "footer")]


def _maybe_furniture(
    lines: list[str], feats: np.ndarray, counts: np.ndarray, glued: list[int], among: np.ndarray, icon_words: bool
) -> list[int]:
    """The lines of ``among`` that ``furniture_reason`` may name, found from their features: the same lines it
    names when asked of each, without asking it of lines that cannot be furniture whatever surrounds them
    (``icon_words``: whether the page holds any of ``furniture.ICON_WORDS``)."""
    hint = feats[:, _SURE_COLS].any(axis=1) | (np.asarray(glued) >= 4)
    if icon_words:  # icon words without glued runs (rare): look for them line by line
        hint |= np.fromiter(map(fu.may_have_icons, lines, glued), dtype=bool, count=len(lines))
    # A long line has no wording features; it is a short prompt only when it has at most 8 words.
    long = np.flatnonzero(among & ~hint & (counts > fu.SHORT)).tolist()
    extra = [i for i in long if len(lines[i].split(None, 8)) <= 8]
    return sorted(np.flatnonzero(among & hint).tolist() + extra)


def _take_date_line(article: Article, numbers: list[int], lines: list[str], removed: list[Removed]) -> None:
    """Wire copy may open with a ``date 2018-01-17`` line, sometimes glued to the first text: take it off (in place:
    ``lines`` and their ``numbers``)."""
    for k, s in enumerate(lines[:3]):
        m = DATE_LINE.match(s)
        if m and (m.group(0).lower().startswith(("date", "published", "posted", "updated")) or k == 0):
            article.date = article.date or find_date(m.group(1))
            removed.append(Removed(m.group(0).strip(), fu.DATE, numbers[k]))
            rest = s[m.end() :].strip()
            if rest:
                lines[k] = rest
            else:
                del lines[k], numbers[k]
            return


def _header_metadata(
    article: Article,
    lines: list[str],
    keep: list[bool],
    counts: list[int],
    probs: list[float],
    masks: Sequence[int | None],
) -> dict[int, str]:
    """Set title, date and byline from the lines around the article's start; the indices taken, by reason."""
    start, first_prose = headline.start_and_first_paragraph(keep, counts, lines)
    taken: dict[int, str] = {}
    h = headline.find_headline(lines, keep, counts, probs, article.url, WEIGHTS["headline"], masks)
    if h is not None:
        taken[h] = fu.HEADLINE
        article.title = article.title or headline.tidy_title(lines[h])
        # The article starts at its headline: lines above it are the page's header (section labels, menus).
        taken.update((i, SECTION_LABEL) for i in range(h) if keep[i] and counts[i] <= SECTION_WORDS)
        if h > first_prose:  # the headline sits above the main run of prose, below kept blurbs of the header
            first_prose = headline.paragraph_below(h, keep, counts, lines)
    top = h if h is not None else start
    span = [
        i
        for i in range(max(0, top - 3), min(len(lines), first_prose + 3))
        if i not in taken and (counts[i] <= 14 or _long_byline(lines[i])) and not (i >= first_prose and keep[i])
    ]
    if not article.byline and (found := _header_byline(lines, counts, keep, span, h, first_prose)):
        article.byline, named = found
        taken.update((i, fu.BYLINE) for i in named)
    updated = None  # the date of an "Updated ..." line
    for i in span:
        s = lines[i]
        if counts[i] <= 12 and (d := find_date(s)):
            if _UPDATED.search(s):  # "Updated June 16, 2025": the publication date is another, if the page shows it
                updated = updated or d
            else:
                article.date = article.date or d
            taken.setdefault(i, fu.DATE)
    article.date = article.date or updated
    return taken


def _long_byline(s: str) -> bool:
    """Whether a line of more than 14 words is a byline all the same ("By Jane Doe – Updated ... | Fact-checked by
    ...")."""
    return s[:1] in "bB" and byline_name(s) is not None


def _header_byline(
    lines: list[str], counts: list[int], keep: list[bool], span: list[int], h: int | None, first_prose: int
) -> tuple[str, list[int]] | None:
    """The author the page header names, and the lines naming it. A written byline comes first ("By Jane Doe",
    "By:" or "Article by" with the name below, "Published March 4, 2025 by Jane Doe"); else a bare name below
    the headline with a date within two lines ("Jane Doe / Staff writer / March 4, 2025"): close below the
    headline it is taken, further down only when no author box on the page says "By ..."."""
    bare = None
    for i in span:
        s = lines[i]
        name = byline_name(s) or (trailing_byline(s) if counts[i] <= 12 else None)
        if name and not _listed(lines, counts, i):
            return name, [i]
        if (
            (BY_ALONE.match(s) or AUTHOR_LABEL.match(s))
            and i + 1 < len(lines)
            and (name := labelled_name(lines[i + 1]))
        ):
            return name, [i, i + 1]
        close = h is not None and h < i <= h + 3
        near = close or (h is not None and h < i < first_prose)
        if bare is None and near and not _other_by(lines, i):
            name = _bare_byline(lines, counts, i) or (
                _single_byline(lines, i) if h is not None and i <= h + 2 else None
            )
            bare = None if not name or _plain_words(name, lines) else (name, [i], close)
    # "By Jane Doe" kept as text just below the first paragraph (a standfirst came first). The line stays in the
    # body: annotators differ on it (L3S counts such a line as article text, WCXB does not), so only the name is read.
    for i in range(first_prose, min(len(lines), first_prose + 4)):
        if keep[i] and counts[i] <= 8 and (name := byline_name(lines[i])) and bare_name(name):
            return name, []
    if bare is None:
        return None
    name, named, close = bare
    if not close and (boxed := _page_byline(lines, counts, keep)):
        return boxed, []
    return name, named


def _listed(lines: list[str], counts: list[int], i: int) -> bool:
    """Whether a "By" line stands in a list of them naming others: a menu ("By Industry", "By Role") or other
    stories' bylines (the same byline twice is no list: a page may repeat its header)."""
    near = range(max(0, i - 12), min(len(lines), i + 13))
    name = byline_name(lines[i])
    return any(counts[j] <= 10 and lines[j][:1] in "bB" and byline_name(lines[j]) not in (None, name) for j in near)


def _plain_words(name: str, lines: list[str]) -> bool:
    """Whether every word of a capitalised name also stands in lower case on the page: a label ("Customer
    Engagement", "Smart Home", "Get Started"), not a person's name, whose words the text writes capitalised."""
    text = " ".join(lines)
    return all(f" {w} " in text for w in name.lower().split())


def _other_by(lines: list[str], i: int) -> bool:
    """Whether the line above line i names someone else's part ("Reviewed by", "Photo by")."""
    return i > 0 and bool(OTHER_BY.match(lines[i - 1])) and not BY_ALONE.match(lines[i - 1])


def _bare_byline(lines: list[str], counts: list[int], i: int) -> str | None:
    """The name of line i when it is a bare author line: a name with a date on the line or within two lines, or
    with a job title on the line below."""
    s = lines[i]
    if counts[i] <= 12 and (name := dated_name(s)):
        return name
    if (_dated(lines, i) or (i + 1 < len(lines) and is_role(lines[i + 1]))) and not fu.families(s, True):
        return bare_name(s)
    return None


def _single_byline(lines: list[str], i: int) -> str | None:
    """A one-word name on line i with a date on the line above or below it ("Susan / December 9, 2024")."""
    if (name := single_name(lines[i])) and not fu.families(name, True):
        return name if any(find_date(lines[j]) for j in (i - 1, i + 1) if 0 <= j < len(lines)) else None
    return None


def _dated(lines: list[str], i: int) -> bool:
    """Whether a line within two of line i holds a date ("March 4, 2025") or opens with a reading time ("7 min
    read"), which an author line has next to it."""
    near = (lines[j] for j in range(max(0, i - 2), min(len(lines), i + 3)) if j != i)
    return any(_READ_TIME.match(s) or "date" in fu.families(s, True) for s in near)


def _dateline(kept: list[str], kept_at: list[int], headline_at: int) -> tuple[int, tuple[str, int]] | None:
    """The kept line that opens with the dateline, and the dateline with where the text after it starts. The
    dateline opens the first paragraph, below any standfirst line: one of the first two paragraphs, or of the
    first two below the headline (links kept above the article come first on some pages); it may stand on a
    line of its own just above the paragraph ("LONDON --")."""
    for j in _opening_paragraphs(kept, kept_at, headline_at):
        if j > 0 and (dl := find_dateline(kept[j - 1])) and dl[1] == len(kept[j - 1]):
            return j - 1, dl
        if dl := find_dateline(kept[j]):
            return j, dl
    return None


def _opening_paragraphs(kept: list[str], kept_at: list[int], headline_at: int) -> list[int]:
    """The first two paragraphs (kept lines of eight words or more), then the first two below the headline."""
    first: list[int] = []
    below: list[int] = []
    for j, s in enumerate(kept):  # (only as far as needed: the page's other lines are not looked at)
        if s.count(" ") >= 7:
            if len(first) < 2:
                first.append(j)
            if kept_at[j] > headline_at:
                below.append(j)
                if len(below) == 2:
                    break
    return list(dict.fromkeys(first + below))


def _page_byline(lines: list[str], counts: list[int], keep: list[bool]) -> str | None:
    """A "By Jane Doe" line, or a "Written by" / "Author" label above a name, anywhere on the page outside the
    article text (author boxes)."""
    # Both forms open with one of the openers of ``_BY_FIRST``: only such lines are looked at (picked in C).
    for i in compress(range(len(lines)), map(_BY_FIRST.__contains__, map(itemgetter(0), lines))):
        s = lines[i]
        if (
            counts[i] <= 10
            and not keep[i]
            and (name := byline_name(s))
            and bare_name(name)
            and not _listed(lines, counts, i)
            and not _plain_words(name, lines)
        ):
            return name
        if (BY_ALONE.match(s) or ONE_AUTHOR.match(s)) and i + 1 < len(lines) and (name := bare_name(lines[i + 1])):
            return name
    return None


def _page_date(lines: list[str], counts: list[int], start: int) -> str | None:
    """A date written on a short line of the page, the nearest to where the article starts."""
    return next((d for i in _outward(start, len(lines)) if counts[i] <= 15 and (d := find_date(lines[i]))), None)


def _outward(start: int, n: int) -> Iterator[int]:
    """0..n-1 by distance from ``start``, the line above before the line below at the same distance."""
    if start < n:
        yield start
    for d in range(1, max(start + 1, n - start)):
        if 0 <= start - d < n:
            yield start - d
        if start + d < n:
            yield start + d


def clean(article: Article) -> Article:
    """Clean an article in place: set ``body``, metadata and ``removed``; return it."""
    text = repair(article.text)
    numbers, lines = numbered_lines(text)
    icon_words = fu.has_icon_words(text)  # the page's lines hold none when the page does not
    removed: list[Removed] = []
    _take_date_line(article, numbers, lines, removed)
    article.date = article.date or date_from_url(article.url)  # /2018/01/17/ in a URL is the publication date
    labels = _label_lines(article, lines, icon_words)
    keep, counts, _, _, taken = labels
    kept, kept_at = _sort_lines(numbers, lines, labels, icon_words, removed)
    headline_at = next((i for i, r in taken.items() if r == fu.HEADLINE), -1)
    _cut_dateline(article, kept, kept_at, headline_at, numbers, removed)
    article.body = "\n".join(kept)
    article.removed = article.removed + sorted(removed, key=attrgetter("line"))  # after what reading removed
    article.byline = article.byline or _page_byline(lines, counts, keep)
    article.date = article.date or _page_date(lines, counts, next((i for i, k in enumerate(keep) if k), 0))
    if not article.body.strip():
        article.reject("no article text left after cleaning")
    return article


_Labels = tuple[list[bool], list[int], list[int], Sequence[int | None], dict[int, str]]


def _label_lines(article: Article, lines: list[str], icon_words: bool) -> _Labels:
    """Each line's keep flag, word count, glued-run count and family mask, and the lines taken by reason
    (header metadata, comment threads); sets the header metadata of ``article``."""
    if article.extra.get("from_html"):
        # trafilatura already took the article out of the page and gave its metadata; the line model (made
        # for whole-page dumps) would cut its subheadings and list items, so only sure furniture goes.
        keep = [not furniture_reason(s) for s in lines]
        return keep, [len(s.split()) for s in lines], [fu.ICON_SCORE] * len(lines), [None] * len(lines), {}
    keep, counts, probs, glued, masks = keep_mask(lines, icon_words)
    taken = _header_metadata(article, lines, keep, counts, probs, masks)
    for thread in comment_threads(lines, keep, counts, masks):  # comments are prose: the model keeps them
        taken.update((i, fu.COMMENTS) for i in thread if i not in taken)
    return keep, counts, glued, masks, taken


def _sort_lines(
    numbers: list[int], lines: list[str], labels: _Labels, icon_words: bool, removed: list[Removed]
) -> tuple[list[str], list[int]]:
    """The kept lines and the index of each among the page's lines; the others go to ``removed`` with a reason."""
    keep, counts, glued, masks, taken = labels
    out = np.logical_not(keep)
    out[np.fromiter(taken, dtype=np.int64, count=len(taken))] = True
    kept_at, gone = np.flatnonzero(~out).tolist(), np.flatnonzero(out).tolist()
    pick = [lines.__getitem__, counts.__getitem__, glued.__getitem__, masks.__getitem__]
    texts, *rest = (list(map(f, gone)) for f in pick)
    reasons = fu.reasons(texts, *rest, icon_words)
    for i, reason in taken.items():  # (a few lines a page)
        reasons[bisect_left(gone, i)] = reason
    _comments_below(reasons, gone, kept_at[0] if kept_at else len(lines))
    removed.extend(map(Removed, texts, reasons, map(numbers.__getitem__, gone)))
    return list(map(lines.__getitem__, kept_at)), kept_at


def _comments_below(reasons: list[str], gone: list[int], first_kept: int) -> None:
    """Below a "12 Comments" / "Leave a reply" line that follows article text (a kept line), the removed menu,
    low-score and date lines are comments (``reasons``: of the removed lines ``gone``, renamed in place)."""
    if fu.COMMENTS not in reasons:  # (nearly every page: the scans below in C)
        return
    after = bisect_right(gone, first_kept)
    start = reasons.index(fu.COMMENTS, after) if fu.COMMENTS in reasons[after:] else len(reasons)
    for k in range(start, len(reasons)):
        if reasons[k] in (fu.MENU, fu.LOW_SCORE, fu.DATE):
            reasons[k] = fu.COMMENTS


def _cut_dateline(
    article: Article,
    kept: list[str],
    kept_at: list[int],
    headline_at: int,
    numbers: list[int],
    removed: list[Removed],
) -> None:
    """Take the dateline off the opening paragraph (in place) into ``article.dateline``."""
    if (found := _dateline(kept, kept_at, headline_at)) is None:
        return
    j, (place, end) = found
    article.dateline = article.dateline or place
    kept[j] = kept[j][end:]
    if not kept[j]:  # "LONDON --" on a line of its own: the line goes, and says why
        removed.append(Removed(place, fu.DATELINE, numbers[kept_at[j]]))
        del kept[j]
