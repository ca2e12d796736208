"""Split a body into sentences with character spans.

A rule-based splitter tuned for news: a sentence ends at ``.``, ``!`` or ``?`` (with any closing
quotes or brackets) followed by space and a capital, digit or opening quote, unless the word before the
full stop is a known abbreviation (``U.S.``, ``Gov.``, ``Feb.``), an initial (``J.``) or a number part.
Paragraph breaks always end a sentence. See ``bench/split.py`` for the comparison with other splitters.
"""

from __future__ import annotations

import re

from .model import Article, Sentence

# Abbreviations after which a full stop rarely ends a sentence in news copy. Lower-cased, without the dot.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft sen rep gov lt col gen maj capt cmdr adm sgt cpl pvt rev hon pres
    supt insp det atty gens sens reps govs messrs mmes msgr fr
    jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc bros dept univ assn assoc est approx etc vs v al
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nebr
    nev okla ore pa penn tenn tex va vt wash wis wyo
    """.split()
)
# Abbreviations that stand before a number ("No. 3", "p. 12"): not a boundary only when a digit follows.
NUMBER_ABBREVIATIONS = frozenset("no nos vol vols fig figs pp p pg ch sec art".split())
# Abbreviations that commonly do end a sentence when a capital follows ("... in the U.S. The ...")
# are handled by requiring that the next word is not a typical sentence starter after them.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S., U.N., a.m.
_BOUNDARY = re.compile(r"""[.!?]+['"’”)\]]*(?=\s+['"‘“(\[]?[A-Z0-9])""")
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i this that these those but and in on at for his her their its "
    "there when while after before as if mr mrs ms dr".split()
)


def _ends_sentence(text: str, pos: int, end: int) -> bool:
    """Whether the punctuation run text[pos:end] closes a sentence."""
    if text[pos] in "!?":
        return True
    m = re.search(r"(\S+)$", text[:pos])
    if not m:
        return True
    word = m.group(1).lstrip("\"'(“‘[")
    if _DOTTED.search(word + "."):
        # "U.S." ends a sentence only when a typical sentence opener follows.
        nxt = re.match(r"\s+['\"‘“]?(\w+)", text[end:])
        return bool(nxt and nxt.group(1).lower() in _SENTENCE_STARTERS)
    low = word.lower()
    if low in ABBREVIATIONS:
        return False
    if low in NUMBER_ABBREVIATIONS and re.match(r"\s+\d", text[end:]):
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "John F. Kennedy"
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text``; whitespace between them is not covered."""
    spans: list[tuple[int, int]] = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        chunk = para.group(0)
        for m in _BOUNDARY.finditer(chunk):
            if _ends_sentence(chunk, m.start(), m.end()):
                spans.append((start, para.start() + m.end()))
                start = para.start() + m.end()
        spans.append((start, para.end()))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[s:e] for s, e in sentence_spans(text)]


def split(article: Article) -> list[Sentence]:
    """The sentences of an article's cleaned body."""
    body = article.body if article.body is not None else article.text
    return [
        Sentence(article_id=article.id, index=i, start=s, end=e, text=body[s:e])
        for i, (s, e) in enumerate(sentence_spans(body))
    ]
