"""Align sentences across articles: the same fact, copied or lightly reworded, becomes one group.

Sentences are compared as sets of content-word stems (binary TF vectors, cosine via one sparse matrix
product, so a 3,000-sentence story stays well under a second). Two sentences of *different* articles
whose cosine reaches ``threshold`` join the same group (union-find). An article most of whose sentences
are grouped with one earlier article is a near-duplicate of it (a syndicated copy). First, a leading
dateline or newswire markup is trimmed out of each sentence's span (see :func:`trim`).
"""

from __future__ import annotations

import re

from .model import DUPLICATE, Group, Sentence, Story

_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the of to in on at for and or but is are was were be been being has have had it its this that "
    "with as by from he she they we i you his her their our who which not will would said says say also "
    "than then there these those into about after before over more most other some such only any".split()
)


# What a sentence may open or end with that is not news: a dateline ("BEIJING (AP) _", "SAN FRANCISCO,
# Calif. (Reuters) -", "LONDON --", "Seoul (CNN)", "NEW DELHI, December 1 (Xinhua)--") or newswire
# markup ("&QL;", "&UR; &LR;").
_CAPS_PLACE = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?"
_ANY_PLACE = r"[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = rf"(?:,\s*{_MONTH}\s+\d{{1,2}})"  # "WASHINGTON, January 15 (Xinhua) --": the wire's date after the place
_AGENCY = r"\((?:AP|Reuters|AFP|UPI|CNN|Xinhua|Bloomberg|dpa|NYT|Itar-Tass|Kyodo|CNSNews|TheWrap)\)"
_SEP = r"(?:\s*(?:--|—|–)\s*|\s+[-_:]\s+)"
_LEAD = re.compile(
    rf"^(?:&[A-Za-z]+;\s*)+"
    rf"|^{_CAPS_PLACE}{_DAY}?(?:\s*{_AGENCY})?{_SEP}(?:&[A-Za-z]+;\s*)*"
    rf"|^{_ANY_PLACE}{_DAY}?\s*{_AGENCY}(?:{_SEP}|\s+)"
)
_TAIL = re.compile(r"(?:\s*&[A-Za-z]+;)+\s*$")


def trim(sentence: Sentence) -> None:
    """Take a leading dateline or markup and trailing markup out of a sentence's span (text and offsets).

    The sentence stays the exact text of its (narrower) span of the article, so the trim is traceable
    and reversible; a sentence that would be left empty is kept whole.
    """
    head = _LEAD.match(sentence.text)
    tail = _TAIL.search(sentence.text)
    lo = head.end() if head else 0
    hi = tail.start() if tail else len(sentence.text)
    if (lo > 0 or hi < len(sentence.text)) and lo < hi:
        sentence.start, sentence.end = sentence.start + lo, sentence.start + hi
        sentence.text = sentence.text[lo:hi]


def content_tokens(text: str) -> list[str]:
    """Lower-cased content words of a text, crudely stemmed (plural and -ed/-ing endings dropped)."""
    out = []
    for w in _TOKEN.findall(text.lower()):
        t = _TERMS.get(w)
        if t is None:
            t = _term(w)
            if len(_TERMS) < _MAX_TERMS:
                _TERMS[w] = t
        if t:
            out.append(t)
    return out


_TERMS: dict[str, str] = {}  # a word's term ("" for a stop word), kept across stories: news vocabulary repeats
_MAX_TERMS = 500_000  # beyond this the cache stops growing (memory stays bounded on a long-running service)


def _term(w: str) -> str:
    """The crude stem of one lower-cased word, or "" when it is a stop word or a single character."""
    if w in _STOP or len(w) < 2:
        return ""
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def similar_pairs(sentences: list[Sentence], threshold: float, block: int = 2000) -> list[tuple[int, int, float]]:
    """Pairs (i, j, cosine) of sentences of different articles with cosine >= threshold, i < j."""
    if len(sentences) < 2:
        return []
    import numpy as np
    from scipy import sparse

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, s in enumerate(sentences):
        for t in set(content_tokens(s.text)):
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sentences), max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(m.sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    m = (sparse.diags(1.0 / norms) @ m).tocsr()
    mt = m.T.tocsc()
    art = [s.article_id for s in sentences]
    out = []
    # Row blocks bound the memory of the similarity matrix on very large stories.
    for lo in range(0, len(sentences), block):
        sim = sparse.triu(m[lo : lo + block] @ mt, k=1 + lo).tocoo()
        keep = sim.data >= threshold
        rows, cols, vals = sim.row[keep] + lo, sim.col[keep], sim.data[keep]
        out += [(int(i), int(j), float(v)) for i, j, v in zip(rows, cols, vals, strict=True) if art[i] != art[j]]
    return out


def align(story: Story, threshold: float = 0.6, duplicate_share: float = 0.8) -> Story:
    """Group the story's sentences and mark near-duplicate articles; return the story."""
    sents = story.sentences
    for s in sents:
        trim(s)
    uf = _UnionFind(len(sents))
    pairs = similar_pairs(sents, threshold)
    for i, j, _ in pairs:
        uf.union(i, j)
    _mark_duplicates(story, pairs, duplicate_share)
    members: dict[int, list[Sentence]] = {}
    for i, s in enumerate(sents):
        members.setdefault(uf.find(i), []).append(s)
    story.groups = []
    for gid, root in enumerate(sorted(members)):
        group = Group(id=gid, sentences=members[root])
        for s in group.sentences:
            s.group = gid
        story.groups.append(group)
    return story


def _mark_duplicates(story: Story, pairs: list[tuple[int, int, float]], share: float) -> None:
    """Mark an article a duplicate of an earlier one when ``share`` of its sentences match it closely."""
    sents = story.sentences
    order = {a.id: k for k, a in enumerate(story.articles)}
    counts: dict[str, int] = {}
    for s in sents:
        counts[s.article_id] = counts.get(s.article_id, 0) + 1
    matched: dict[tuple[str, str], set[int]] = {}
    for i, j, v in pairs:
        if v < 0.9:
            continue
        a, b = sents[i].article_id, sents[j].article_id
        later, earlier, idx = (a, b, i) if order[a] > order[b] else (b, a, j)
        matched.setdefault((later, earlier), set()).add(idx)
    for (later, earlier), idx in sorted(matched.items(), key=lambda kv: order[kv[0][0]]):
        art = story.article(later)
        if art.status != "used" or story.article(earlier).status != "used":
            continue
        if counts.get(later, 0) >= 2 and len(idx) >= share * counts[later]:
            art.status = DUPLICATE
            art.duplicate_of = earlier
