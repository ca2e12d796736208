"""Features of a page's lines: what a line looks like alone, and what surrounds it.

The article is a long run of sentence-like lines; furniture comes in blocks of short, unpunctuated
lines of known kinds. ``line_features`` describes each line alone; ``context_features`` adds its
neighbourhood (the first-pass scores of the lines around it, where it sits relative to the mass of
prose on the page).

Speed matters (hundreds of pages a second on one core), so the character-level features of all lines
are counted at once with numpy over the page's code points, and the wording of furniture families is
looked for with one regular expression, only in short lines (where furniture lives) and in the tail of
long ones (where photo credits sit).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from itertools import compress
from operator import not_

import numpy as np

from . import furniture as fu

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been being has have had it its this that these "
    "those with as by from he she they we i you his her their our who which what when where not will would "
    "said says can could should may might than then there also after before about into over more most some "
    "such no if so do does did just all one two new up out".split()
)
SHORT = fu.SHORT

LINE_FEATURES = [
    "log_words",
    "long",
    "short",
    "ends_sentence",
    "inner_sentences",
    "lowercase_word_ratio",
    "capitalised_ratio",
    "nonletter_ratio",
    "digit_ratio",
    "commas_per_word",
    "mean_word_len",
    "all_caps",
    "ends_colon",
    "starts_lower",
    "repeated",
    "template",
    "glued_words",
    "separators",
    *fu.FAMILY_FEATURES,
]
CONTEXT_FEATURES = [
    "p",
    "p_prev",
    "p_next",
    "p_window3",
    "p_window8",
    "mass_before",
    "mass_after",
    "mass_inside",
    "in_main_run",
    "dist_main_run",
    "rel_position",
    "sandwiched",
    "after_comments_header",
    "date_density",
    "short_density",
    "log_words_prev",
    "log_words_next",
]
# Character classes as bits of a lookup table over code points (beyond the table: a letter of some script).
UPPER, LOWER, DIGIT, SPACE, END, QUOTE, SEP, COMMA = (1 << i for i in range(8))
_TABLE_SIZE = 0x3000
_COL = {name: i for i, name in enumerate(LINE_FEATURES)}


def _class_table() -> np.ndarray:
    table = np.zeros(_TABLE_SIZE + 1, dtype=np.uint8)
    for cp in range(_TABLE_SIZE):
        ch = chr(cp)
        if ch.isupper() and cp < 128:
            table[cp] |= UPPER
        elif ch.isalpha():
            table[cp] |= LOWER  # non-ASCII capitals count as lower case: rare in furniture, cheap to ignore
        elif ch.isdigit():
            table[cp] |= DIGIT
        elif ch.isspace():
            table[cp] |= SPACE
    for chars, bit in ((".!?", END), ("\"'’”)]", QUOTE), ("|•·»›/", SEP), (",", COMMA)):
        for ch in chars:
            table[ord(ch)] |= bit
    table[_TABLE_SIZE] = LOWER
    return table


_CLASSES = _class_table()


# The classes counted per line, as rows of one array (a letter or a word start is the sum of two of them).
_ROWS = ("cap", "low", "upper", "lower", "digit", "comma", "sep", "inner", "glued")


def _char_classes(c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The class bits of each code point, and a row of booleans for each class of ``_ROWS``."""
    bits = np.take(_CLASSES, c, mode="clip")  # beyond the table: its last entry (a letter)
    rows = np.zeros((len(_ROWS), len(c)), dtype=bool)
    cap, low, upper, lower, digit, comma, sep, inner, glued = rows  # views: written in place
    np.not_equal(bits & UPPER, 0, out=upper)
    np.not_equal(bits & LOWER, 0, out=lower)
    np.not_equal(bits & DIGIT, 0, out=digit)
    np.not_equal(bits & COMMA, 0, out=comma)
    np.not_equal(bits & SEP, 0, out=sep)
    starts_word = np.ones_like(upper)  # the character before is no letter
    np.logical_not(upper[:-1] | lower[:-1], out=starts_word[1:])
    np.logical_and(upper, starts_word, out=cap)
    np.logical_and(lower, starts_word, out=low)
    inner[:-2] = ((bits[:-2] & END) != 0) & ((bits[1:-1] & SPACE) != 0) & upper[2:]
    glued[:-2] = lower[:-2] & upper[1:-1] & lower[2:]
    return bits, rows


def _ends_sentence(bits: np.ndarray, ends: np.ndarray) -> np.ndarray:
    last = bits[ends - 1]
    before = bits[np.maximum(ends - 2, 0)]
    return ((last & END) != 0) | (((last & QUOTE) != 0) & ((before & END) != 0))


# Character arrays are built for this many characters at a time, so a 20 MB page needs ~400 MB, not 3 GB.
# (At a chunk's last line the look-ahead for "inner sentence" stops at the chunk: one line in 500,000 chars.)
CHUNK_CHARS = 1 << 19


def line_features(lines: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Per-line features (``LINE_FEATURES``) of stripped, non-empty lines, and each line's word count."""
    if not lines:
        return np.zeros((0, len(LINE_FEATURES))), np.zeros(0, dtype=int)
    seen = Counter(lines)
    parts, start, size = [], 0, 0
    for i, line in enumerate(lines):
        size += len(line) + 1
        if size >= CHUNK_CHARS:
            parts.append(_chunk_features(lines[start : i + 1], seen))
            start, size = i + 1, 0
    if start < len(lines):
        parts.append(_chunk_features(lines[start:] if start else lines, seen))
    if len(parts) == 1:  # nearly every page: no copy
        return parts[0]
    return np.vstack([x for x, _ in parts]), np.concatenate([n for _, n in parts])


def _chunk_features(lines: list[str], seen: Counter) -> tuple[np.ndarray, np.ndarray]:
    """``line_features`` of consecutive lines; ``seen`` counts every line of the page."""
    text = "\n".join(lines)
    c = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    lengths = np.fromiter(map(len, lines), dtype=np.int64, count=len(lines))
    starts = np.concatenate(([0], np.cumsum(lengths + 1)[:-1]))
    ends = starts + lengths
    bits, rows = _char_classes(c)
    # One reduceat over all classes at once: per-line sums of each class (classes as rows, so that each
    # sum runs over contiguous memory: twice as fast as classes as columns).
    sums = dict(zip(_ROWS, np.add.reduceat(rows, starts, axis=1, dtype=np.int32), strict=True))
    n = sums["cap"] + sums["low"]  # words: letters after a non-letter
    letters = sums["upper"] + sums["lower"]
    inv = 1.0 / np.maximum(n, 1)
    masks = np.fromiter(map(fu.family_mask, lines, (n <= SHORT).tolist()), dtype=np.int64, count=len(lines))
    families = (masks[:, None] >> np.arange(len(fu.FAMILY_FEATURES))) & 1
    cols = [
        np.log1p(n),
        n >= 20,
        n <= 4,
        _ends_sentence(bits, ends),
        np.minimum(sums["inner"], 5) / 5.0,
        sums["low"] * inv,
        sums["cap"] * inv,
        1.0 - (letters + n) / np.maximum(lengths, 1),
        sums["digit"] / np.maximum(lengths, 1),
        sums["comma"] * inv,
        letters * inv / 10.0,
        (sums["lower"] == 0) & (sums["upper"] >= 2),
        c[ends - 1] == 58,
        rows[_ROWS.index("lower"), starts],
        np.fromiter(map(seen.__getitem__, lines), dtype=np.int64, count=len(lines)) > 1,
        _templates(lines) if "{" in text else np.zeros(len(lines), dtype=bool),
        np.minimum(sums["glued"], 6) / 6.0,
        np.minimum(sums["sep"], 4) / 4.0,
    ]
    x = np.empty((len(lines), len(LINE_FEATURES)))  # filled in place: cheaper than stacking 27 columns
    for j, col in enumerate(cols):
        x[:, j] = col
    x[:, len(cols) :] = families
    return x, n


def _templates(lines: list[str]) -> np.ndarray:
    return np.fromiter(("{" in s and fu.has_template(s) for s in lines), dtype=bool, count=len(lines))


def glued_runs(feats: np.ndarray) -> list[int]:
    """Each line's number of lower-Upper-lower runs ("IconFacebook"), up to 6, from its ``LINE_FEATURES``."""
    return np.rint(feats[:, _COL["glued_words"]] * 6).astype(int).tolist()


_FAMILY_BITS = 1 << np.arange(len(fu.FAMILY_FEATURES))
_FIRST_FAMILY = len(LINE_FEATURES) - len(fu.FAMILY_FEATURES)


def family_masks(feats: np.ndarray) -> list[int]:
    """Each line's ``furniture.family_mask`` (for ``words <= SHORT``) again, from its ``LINE_FEATURES``."""
    return (feats[:, _FIRST_FAMILY:] @ _FAMILY_BITS).astype(np.int64).tolist()


def _window_means(x: np.ndarray, ks: tuple[int, ...]) -> list[np.ndarray]:
    """For each k of ``ks``: the mean of ``x`` (a column each, or one array) over ``[i-k, i+k]`` for each i,
    clipped at the ends."""
    n = len(x)
    pre = np.concatenate((np.zeros((1, *x.shape[1:])), np.cumsum(x, axis=0)))
    idx = np.arange(n)
    out = []
    for k in ks:
        hi, lo = np.minimum(n, idx + k + 1), np.maximum(0, idx - k)
        width = hi - lo if x.ndim == 1 else (hi - lo)[:, None]
        out.append((pre[hi] - pre[lo]) / width)
    return out


def main_run(p: Sequence[float], counts: Sequence[int]) -> tuple[int, int]:
    """The span of lines holding the most prose words (``p[i] >= 0.5``), allowing gaps of up to three non-prose
    lines; (0, -1) when no line is prose."""
    # A run goes on while the prose lines are at most 4 apart; the best run ends at the first line where its
    # running mass of words is the largest on the page. (A loop over the prose lines: a few hundred at most,
    # faster than numpy's dozen calls.)
    best, lo, hi = -1, 0, -1
    run_lo, run_mass, prev = 0, 0, -10
    for i in compress(range(len(p)), map(not_, map((0.5).__gt__, p))):  # the prose lines (not q < 0.5), picked in C
        if i - prev > 4:
            run_lo, run_mass = i, 0
        run_mass += counts[i]
        if run_mass > best:
            best, lo, hi = run_mass, run_lo, i
        prev = i
    return lo, hi


def _max_before_after(p: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """For each i: the max of ``p`` over the k lines before i, and over the k lines after i (0 beyond the page)."""
    n = len(p)
    pad = np.concatenate((np.zeros(k), p, np.zeros(k)))
    before, after = pad[:n].copy(), pad[k + 1 : k + 1 + n].copy()
    for j in range(1, k):  # k shifted maxima: cheaper than a sliding window view on pages of a few hundred lines
        np.maximum(before, pad[j : j + n], out=before)
        np.maximum(after, pad[k + 1 + j : k + 1 + j + n], out=after)
    return before, after


def _after_comments_header(feats: np.ndarray, p: np.ndarray) -> np.ndarray:
    """1 for lines below a short "N Comments" / "Leave a reply" line that itself comes after the prose began."""
    started = np.maximum.accumulate(p >= 0.5)
    header = (feats[:, _COL["comments"]] > 0) & (feats[:, _COL["log_words"]] <= np.log1p(8)) & started
    return np.concatenate(([0.0], np.maximum.accumulate(header[:-1].astype(float))))


def context_features(p: np.ndarray, counts: np.ndarray, feats: np.ndarray) -> np.ndarray:
    """Per-line neighbourhood features (``CONTEXT_FEATURES``) from first-pass scores ``p``, word counts and
    the line features ``feats``."""
    n = len(p)
    if not n:
        return np.zeros((0, len(CONTEXT_FEATURES)))
    mass = p * counts
    total = mass.sum() or 1.0
    before = (np.cumsum(mass) - mass) / total
    after = 1.0 - before - mass / total
    lo, hi = main_run(p.tolist(), counts.tolist())
    idx = np.arange(n)
    dist = np.where(idx < lo, lo - idx, np.where(idx > hi, idx - hi, 0))
    near = _window_means(p, (3, 8))
    dates_short = _window_means(feats[:, [_COL["date"], _COL["short"]]], (4,))[0]
    words = feats[:, _COL["log_words"]]
    # Filled column by column: cheaper than stacking 17 arrays (numpy's per-call cost dominates on short pages).
    out = np.empty((n, len(CONTEXT_FEATURES)))
    out[:, 0] = p
    out[0, 1], out[1:, 1] = 0.0, p[:-1]
    out[-1, 2], out[:-1, 2] = 0.0, p[1:]
    out[:, 3], out[:, 4] = near
    out[:, 5], out[:, 6] = before, after
    out[:, 7] = 4.0 * before * after
    out[:, 8] = (idx >= lo) & (idx <= hi)
    out[:, 9] = np.minimum(dist, 20) / 20.0
    out[:, 10] = idx / n
    out[:, 11] = np.minimum(*_max_before_after(p, 6))
    out[:, 12] = _after_comments_header(feats, p)
    out[:, 13:15] = dates_short
    out[0, 15], out[1:, 15] = 0.0, words[:-1]
    out[-1, 16], out[:-1, 16] = 0.0, words[1:]
    return out
