"""From a stream of articles to stories: near-copies first, then online event clustering, batch by batch.

Each batch (a few thousand articles, or one ``Store.add`` call) is first counted into the vocabulary, so
even the first articles of a stream get a meaningful idf; then its articles are taken in date order. A
near-copy of an earlier article joins that article's story and is marked ``duplicate_of``; any other
article joins the most similar active story or starts one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .dedup import DuplicateFinder, signature
from .features import Features, Vocabulary, terms, vector
from .online import MERGE, REHOME, THRESHOLD, WINDOW_DAYS, OnlineClusterer, StoryState, day_number

BATCH = 2000


@dataclass
class Doc:
    """An article as the clusterer sees it: id, text, ISO date (or None)."""

    id: str
    text: str
    date: str | None = None


@dataclass
class Assignment:
    """Where an article went: its story, and the article it nearly copies (if any)."""

    id: str
    story: str
    duplicate_of: str | None = None
    fingerprint: bytes | None = None  # the MinHash values (uint32), for callers that keep them (the store)


class StoryClusterer:
    """Keeps the state of a stream (vocabulary, active stories, recent fingerprints) between batches."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        window_days: int = WINDOW_DAYS,
        dedup: bool = True,
        vocab: Vocabulary | None = None,
        id_prefix: str = "s",
        rehome: float | None = REHOME,
        merge: float | None = MERGE,
    ) -> None:
        self.online = OnlineClusterer(threshold, window_days, vocab=vocab, id_prefix=id_prefix)
        self.rehome = rehome  # None: no second look at articles left alone (see OnlineClusterer.rehome)
        self.merge = merge  # None: no second look at small stories (see OnlineClusterer.merge)
        self.dups = DuplicateFinder(window_days=window_days) if dedup else None
        self.touched: dict[str, StoryState] = {}  # stories that gained articles in the last batch

    @property
    def vocab(self) -> Vocabulary:
        """The vocabulary learned so far."""
        return self.online.vocab

    def load(self, story: StoryState) -> None:
        """Make a stored story active again."""
        self.online.load(story)

    def process(self, docs: list[Doc], feats: list[Features] | None = None) -> list[Assignment]:
        """Assign a batch of articles (with their ``terms`` when already computed); result in batch order."""
        feats = feats if feats is not None else [terms(d.text) for d in docs]
        self.touched = {}  # kept for one batch only: a stream must not hold every story it ever saw
        for f in feats:
            self.vocab.observe(f.counts)
        days = [day_number(d.date) for d in docs]
        order = sorted(range(len(docs)), key=lambda i: (days[i] is None, days[i] or 0, i))
        out: list[Assignment | None] = [None] * len(docs)
        vecs: list[dict[str, float] | None] = [None] * len(docs)
        for i in order:
            out[i], vecs[i] = self._one(docs[i], feats[i], days[i])
        if self.rehome is not None:
            self._rehome(out, vecs, days)  # type: ignore[arg-type]
        if self.merge is not None:
            self._merge(out)  # type: ignore[arg-type]
        return out  # type: ignore[return-value]

    def _rehome(self, out: list[Assignment], vecs: list[dict[str, float]], days: list[int | None]) -> None:
        """Give each article left alone in its story a second look (OnlineClusterer.rehome), in batch order."""
        for a, vec, day in zip(out, vecs, days, strict=True):
            if a.duplicate_of is not None:
                continue
            story = self.online.rehome(a.story, vec, day, self.rehome)
            if story != a.story:
                self.touched.pop(a.story, None)  # that story is gone
                self._touch(story)
                if self.dups is not None:
                    self.dups.move(a.id, story)
                a.story = story

    def _merge(self, out: list[Assignment]) -> None:
        """Give each small story made wholly of this batch's articles a second look (OnlineClusterer.merge).

        Only stories born in this batch may go: earlier batches' assignments are already out (and stored).
        """
        members: dict[str, list[Assignment]] = {}
        for a in out:
            members.setdefault(a.story, []).append(a)
        for sid, arts in list(members.items()):
            story = self.online.active.get(sid)
            if story is None or story.size != len(arts):
                continue
            target = self.online.merge(sid, self.merge)
            if target == sid:
                continue
            self.touched.pop(sid, None)
            self._touch(target)
            for a in arts:
                if self.dups is not None and a.duplicate_of is None:
                    self.dups.move(a.id, target)
                a.story = target
            members.setdefault(target, []).extend(arts)

    def _one(self, doc: Doc, feats: Features, day: int | None) -> tuple[Assignment, dict[str, float]]:
        for _ in self.online.expire(day):
            pass
        sig = signature(feats.words) if self.dups is not None else None
        copy = self.dups.find(sig) if self.dups is not None else None
        vec = vector(feats.counts, feats.names, self.vocab)
        fingerprint = sig.tobytes() if sig is not None else None
        if copy is not None:  # a copy joins its original's story while that story is active
            story = self.online.assign(vec, day, story_id=copy[1])
            self._touch(story)
            return Assignment(doc.id, story, copy[0], fingerprint), vec
        story = self.online.assign(vec, day)
        self._touch(story)
        if self.dups is not None:
            self.dups.add(doc.id, sig, day, story)
        return Assignment(doc.id, story, None, fingerprint), vec

    def _touch(self, story_id: str) -> None:
        self.touched[story_id] = self.online.active[story_id]


def cluster_docs(docs: Iterable[Doc], batch: int = BATCH, **options) -> Iterator[Assignment]:
    """Assign every article of a stream to a story, ``batch`` articles at a time (see StoryClusterer)."""
    clusterer = StoryClusterer(**options)
    buf: list[Doc] = []
    for d in docs:
        buf.append(d)
        if len(buf) >= batch:
            yield from clusterer.process(buf)
            buf = []
    if buf:
        yield from clusterer.process(buf)
