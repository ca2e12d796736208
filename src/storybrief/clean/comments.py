"""Reader-comment threads below the article, found as a block.

Comments are prose, so the line model keeps them when no "12 Comments" line stands above them. What gives a
thread away is its recurring header: each comment opens (or closes) with a short line of its own, such as a
name that "says:" or "writes:", a date with a time of day ("December 19, 2025, 3:46 pm", "@10:14PM",
"3 hours ago"), or an action ("Reply", "Report", "(Score:2)", "12 points"). A thread is three or more such
headers in a chain, each a few lines from the last, below the bulk of the article's prose. Dates with a time
of day alone are also the shape of a live blog, so a chain of them counts only right below a comments
heading ("59 Comments on ...", "Leave a Reply", "Responses").

Some threads head each comment with a bare name ("Doug", "Jack M.", "Frank @ Toronto") and nothing else. A short
line above prose is also the shape of a listicle's subheadings or a transcript's speakers, so such a chain counts
only right below a comments heading ("Comments are now closed for this story"; the first name within two lines
of it): three or more names in a row, each above its comment's text, which holds a line of prose, and some of
that prose kept by the model (a list of links under "Post a comment" has the same shape, and is gone already).
The thread ends at the first short line with a furniture word ("Nov 17, 2024", "Reply") or one above no prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import furniture as fu
from .metadata import MONTH_ABBR

HEADER_WORDS = 12  # a comment header is a short line
MIN_HEADERS = 3  # headers (groups of header lines) in a chain before it is a thread
CHAIN_GAP = 25  # lines: a comment's text between two headers, at most
GROUP_GAP = 1  # lines: header lines next to each other are one comment's header ("Jane", "March 3, 2025, 9:46 pm")
HEADING_ABOVE = 4  # lines: how far above the first header a comments heading may stand
MIN_PROSE_BEFORE = 80  # words of kept prose the article must have above a thread
PROSE_LINE = 8  # words: a kept line this long is prose
NAME_WORDS = 5  # a bare commenter name is a short line ("Justin - BOYCOTT ONTARIO CARS")
NAME_CHARS = 40
NAME_BELOW = 2  # lines: how far below a comments heading the first bare name may stand
NAME_GAP = 12  # lines: a comment's text between two bare names, at most
MIN_PROSE_KEPT = 20  # words of kept prose (a comment's) a thread of bare names must hold: else the model removed it

_SAYS = re.compile(r"^(?:by\s+)?\S.{0,80}?\s(?:says|writes|wrote|commented|replied)\s*:$", re.I)
_ACTION = re.compile(
    r"^(?:reply|reply to this(?: share)?|log ?in to reply|report(?: abuse| comment)?|flag(?: as inappropriate)?"
    r"|permalink|\(score:\s*-?\d[^)]*\)|\d+\s+(?:points?|likes?|upvotes?|votes?))\W*$",
    re.I,
)
_TIME = re.compile(r"(?:\b|@)\d{1,2}:\d\d(?::\d\d)?\s*(?:[ap]\.?m\b|(?=\W|$))", re.I)
_MON = "(?:" + MONTH_ABBR + ")"
_DATE_WORD = re.compile(
    r"\b" + _MON + r"[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+" + _MON + r"|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b", re.I
)
_AGO = re.compile(r"\b(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", re.I)
_HEADING = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|replies|thoughts|reactions?)\b"
    r"|\b(?:comments?|responses?|thoughts) (?:on|to)\b|^(?:leave|post|add|write) a (?:reply|comment)"
    r"|^join the (?:conversation|discussion)|^discussion\b|\bcomments?\W*$",
    re.I,
)
_POSTED_BY = re.compile(r"^(?:comment )?posted by\b", re.I)
# A header holds a date or a comments word (family bits), ends with ":" or ")", opens with a digit, or is one of these.
_CUE_BITS = fu.BITS["date"] | fu.BITS["comments"]
_BARE_ACTIONS = frozenset(("Report", "Flag", "Permalink", "report", "flag", "permalink"))
_COMMENTS_BIT = fu.BITS["comments"]
_NAME = re.compile(r"\w[^:]*(?:[\w)]|\s[A-Z]\.)$")  # "Doug", "Frank @ Toronto", "J-F (Ottawa)", "Jack M."
_LIST_NUMBER = re.compile(r"\d+[.)]\s")
_CLOSING_QUOTES = "\"'\u201d\u2019)"


def header_kind(s: str) -> int:
    """2 for a header only comments have ("Jane says:", "Reply", "(Score:2)"), 1 for a date with a time of day
    or "3 hours ago" on a line of its own (live blogs have those too), 0 for any other line. "Posted by" a name
    with a date and a time counts as a comment's header: an article has one such line, not a chain."""
    colon = ":" in s  # (plain tests first spare most lines the regular expressions)
    if (colon and s[-1] == ":" and _SAYS.match(s)) or _ACTION.match(s):
        return 2
    if colon and _TIME.search(s) and ("@" in s or _DATE_WORD.search(s)):
        return 2 if _POSTED_BY.match(s) else 1  # "Posted by: Jane | Jan 10, 2008 4:49 PM"
    return 1 if ("ago" in s or "Ago" in s or "AGO" in s) and _AGO.search(s) else 0


def comment_threads(lines: list[str], keep: list[bool], counts: list[int], masks: Sequence[int | None]) -> list[range]:
    """The spans of ``lines`` that are reader-comment threads below the article (empty on nearly every page)."""
    candidates = _candidates(lines, counts, masks)
    kinds = {i: k for i in candidates if (k := header_kind(lines[i]))}
    # (a comments heading holds a comments word: the heading test runs on a few lines a page)
    headings = [i for i in candidates if (m := masks[i]) is not None and m & _COMMENTS_BIT and _is_heading(lines[i])]
    if len(kinds) < MIN_HEADERS and not headings:
        return []
    prose = [counts[i] if keep[i] and counts[i] >= PROSE_LINE else 0 for i in range(len(lines))]
    threads: list[range] = []
    for chain in _chains(sorted(kinds)):
        # The chain may open with the article's own dated byline: it starts at the first header that passes.
        found = (_thread(chain[k:], lines, keep, counts, kinds, prose) for k in range(len(chain) - MIN_HEADERS + 1))
        if thread := next((t for t in found if t is not None), None):
            threads.append(thread)
    for h in headings:
        if not any(h in t for t in threads) and (thread := _name_thread(h, lines, counts, masks, prose)):
            threads.append(thread)
    return threads


def _thread(
    chain: list[list[int]],
    lines: list[str],
    keep: list[bool],
    counts: list[int],
    kinds: dict[int, int],
    prose: list[int],
) -> range | None:
    """The span of a chain of comment headers when it is a thread below the article's prose, else None."""
    first, last = chain[0][0], chain[-1][-1]
    above = range(first - 1, max(-1, first - 1 - HEADING_ABOVE), -1)
    heading = next((j for j in above if _is_heading(lines[j])), None)
    if heading is None and sum(any(kinds[i] == 2 for i in group) for group in chain) < MIN_HEADERS:
        return None  # dates with times alone: a live blog unless a comments heading opens them
    start = heading if heading is not None else _name_above(first, lines, counts, prose)
    end = _text_below(last, keep, len(lines))
    before, after = sum(prose[:start]), sum(prose[end:])
    return range(start, end) if before >= MIN_PROSE_BEFORE and after <= before else None


def _name_thread(
    heading: int, lines: list[str], counts: list[int], masks: Sequence[int | None], prose: list[int]
) -> range | None:
    """The span of a thread of comments headed by bare names below the comments heading at ``heading``, when
    three or more such comments follow it, the model kept their prose and it stands below the article's prose,
    else None."""
    below = range(heading + 1, min(len(lines), heading + 1 + NAME_BELOW))
    first = next((j for j in below if _is_name(j, lines, counts, masks)), None)
    if first is None or any(counts[j] > NAME_WORDS for j in range(heading + 1, first)):
        return None
    names, end = _bare_names(first, lines, counts, masks)
    if names < MIN_HEADERS or sum(prose[first:end]) < MIN_PROSE_KEPT:
        return None  # (a list of links below "Post a comment" has that shape too: the model removed it already)
    before, after = sum(prose[:heading]), sum(prose[end:])
    return range(heading, end) if before >= MIN_PROSE_BEFORE and after <= before else None


def _bare_names(first: int, lines: list[str], counts: list[int], masks: Sequence[int | None]) -> tuple[int, int]:
    """How many comments headed by a bare name follow one another from ``first``, and where the last one's text
    ends: at the first line that is neither a comment's text nor the next name (a short line with a furniture
    word, or one that heads no comment). A name may take a second short line (a place, or a one-line comment
    without a stop); a comment's text holds a line of prose."""
    n, names, i = len(lines), 0, first
    while i < n and _is_name(i, lines, counts, masks):
        j = i + 2 if i + 1 < n and _is_name(i + 1, lines, counts, masks) else i + 1
        longest = 0
        while j < n and j - i <= NAME_GAP and not _is_name(j, lines, counts, masks) and not _is_cue(j, counts, masks):
            longest, j = max(longest, counts[j]), j + 1
        if longest < PROSE_LINE:
            break  # no prose below the name: a list of links or a sidebar, or the page's footer
        names, i = names + 1, j
    return names, i


def _is_cue(i: int, counts: list[int], masks: Sequence[int | None]) -> bool:
    """A short line with a furniture word ("Nov 17, 2024", "Search for:", "Reply"): no comment's text."""
    return bool(masks[i]) and counts[i] <= NAME_WORDS


def _is_name(i: int, lines: list[str], counts: list[int], masks: Sequence[int | None]) -> bool:
    """The shape of a commenter's bare name: a short line from a letter or digit to a letter, digit or ")" (no
    sentence's end, but "Jack M." ends in an initial), no colon ("Your Name: *"), no furniture word ("Show more
    comments") and no list number ("6. Virtual reality")."""
    s = lines[i]
    if counts[i] > NAME_WORDS or len(s) > NAME_CHARS or masks[i] or _LIST_NUMBER.match(s):
        return False
    return bool(_NAME.match(s))


def _candidates(lines: list[str], counts: list[int], masks: Sequence[int | None]) -> list[int]:
    """The short lines that may be comment headers: a date or a comments word among their families, a last ":" or
    ")" ("Jane says:", "(Score:2)"), a first digit ("12 points"), or a bare "Report". (One comprehension, the
    cheapest test first: the regular expressions then run on about one line in ten.)"""
    return [
        i
        for i, (s, n, m) in enumerate(zip(lines, counts, masks, strict=True))
        if n <= HEADER_WORDS and (m is None or m & _CUE_BITS or s[-1] in ":)" or s[0].isdigit() or s in _BARE_ACTIONS)
    ]


def _is_heading(s: str) -> bool:
    """A comments heading: short, no sentence ("... did not respond to a request for comment." is none)."""
    sentence = s.rstrip(_CLOSING_QUOTES).endswith((".", "!", "?"))  # ('Avoiding reading comments."')
    return not sentence and len(s.split()) <= HEADER_WORDS and bool(_HEADING.search(s))


def _chains(headers: list[int]) -> list[list[list[int]]]:
    """Header lines grouped (a comment's header lines), groups chained while each is near the last."""
    chains: list[list[list[int]]] = []
    for i in headers:
        if chains and i - chains[-1][-1][-1] <= GROUP_GAP:
            chains[-1][-1].append(i)
        elif chains and i - chains[-1][-1][-1] <= CHAIN_GAP:
            chains[-1].append([i])
        else:
            chains.append([[i]])
    return chains


def _name_above(first: int, lines: list[str], counts: list[int], prose: list[int]) -> int:
    """The first header's line, or the commenter's name just above it (a short line that is no prose)."""
    above = first - 1
    if above >= 0 and counts[above] <= 5 and not prose[above] and not lines[above].endswith((".", "!", "?")):
        return above
    return first


def _text_below(last: int, keep: list[bool], n: int) -> int:
    """Where the last comment's text ends: at the first two lines in a row the model did not keep (the page's
    footer furniture), past the last header."""
    j = last + 1
    while j < n and (keep[j] or (j + 1 < n and keep[j + 1])):
        j += 1
    return j
