"""From a stream of articles to stories: near-copies first, then buffered event clustering, batch by batch.

Each batch (a few thousand articles, or one ``Store.add`` call) is held in memory and first counted into the
vocabulary, so even the first articles of a stream get a meaningful idf. Near-copies of earlier articles are
found in date order and marked ``duplicate_of``. The batch is then re-clustered as a whole (``batch.groups``:
the result does not depend on the order of its articles), and each group joins the active story from earlier
batches that its centroid is most similar to, or starts one; a copy follows its original. Only the batch
and the active stories are held, so memory stays bounded and the stream is still read once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np

from .dedup import DuplicateFinder, signature
from .features import Features, Vocabulary, idf_table, terms, vector
from .online import THRESHOLD, WINDOW_DAYS, OnlineClusterer, StoryState, day_number

BATCH = 2000
MAX_GROUPED = 4000  # articles re-clustered at once (a bigger batch is grouped in chunks): bounds memory


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
    ) -> None:
        self.online = OnlineClusterer(threshold, window_days, vocab=vocab, id_prefix=id_prefix)
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
        """Assign a batch of articles (with their ``terms`` when already computed); result in batch order.

        Near-copies are found first, in date order. The batch is then grouped (``batch.groups``), and each
        group, oldest first, joins the active story its centroid is most similar to or starts one; a copy
        follows its original.
        """
        feats = feats if feats is not None else [terms(d.text) for d in docs]
        self.touched = {}  # kept for one batch only: a stream must not hold every story it ever saw
        for f in feats:
            self.vocab.observe(f.counts)
        days = [day_number(d.date) for d in docs]
        order = sorted(range(len(docs)), key=lambda i: (days[i] is None, days[i] or 0, i))
        idf = idf_table(self.vocab, {t for f in feats for t in f.counts})
        vecs = [vector(f.counts, f.names, idf) for f in feats]
        sigs = [signature(f.words) if self.dups is not None else None for f in feats]
        copy_of = self._copies(docs, sigs, days, order)
        story: dict[int, str] = {}
        placed: dict[str, str] = {}  # id -> story of the batch's originals placed so far
        for start in range(0, len(order), MAX_GROUPED):  # the dense matrices grow with the square of a chunk
            self._group(order[start : start + MAX_GROUPED], docs, vecs, days, copy_of, story, placed)
        if self.dups is not None:
            for doc_id, sid in placed.items():
                self.dups.move(doc_id, sid)
        return [
            Assignment(d.id, story[i], copy_of[i][0] if i in copy_of else None, _bytes(sigs[i]))
            for i, d in enumerate(docs)
        ]

    def _group(
        self,
        chunk: list[int],
        docs: list[Doc],
        vecs: list[dict[str, float]],
        days: list[int | None],
        copy_of: dict[int, tuple[str, str]],
        story: dict[int, str],
        placed: dict[str, str],
    ) -> None:
        """Group a chunk of the batch (``batch.groups``) and put each group in a story, oldest first; fills
        ``story`` (position -> story) and ``placed`` (id of an original -> story)."""
        from .batch import groups  # scipy: imported here so `storybrief cluster --help` does not load it

        born: set[str] = set()  # the chunk's own groups never merge: the linkage decided
        # copies take part in the grouping (they thicken their event's neighbourhood) but follow their originals
        for group in groups([vecs[i] for i in chunk], [days[i] for i in chunk], self.online.window):
            members = [chunk[j] for j in group]
            copies = [(i, placed.get(copy_of[i][0]) or copy_of[i][1]) for i in members if i in copy_of]
            originals = [i for i in members if i not in copy_of]
            sid = None
            if originals:
                # a group holding a copy of an article placed before joins that article's story (while open)
                kept = next((s for _, s in copies if s), None)
                sid = self._place(originals, vecs, days, born, kept)
                born.add(sid)
                story.update((i, sid) for i in originals)
                placed.update((docs[i].id, sid) for i in originals)
            for i, original_story in copies:
                story[i] = self.online.assign(
                    vecs[i], days[i], story_id=placed.get(copy_of[i][0]) or original_story or sid
                )
                self._touch(story[i])

    def _copies(
        self, docs: list[Doc], sigs: list[np.ndarray | None], days: list[int | None], order: list[int]
    ) -> dict[int, tuple[str, str]]:
        """The batch's near-copies, found oldest first: position -> (id of the original, the original's story,
        "" when the original is in this batch and not placed yet)."""
        out: dict[int, tuple[str, str]] = {}
        if self.dups is None:
            return out
        for i in order:
            copy = self.dups.find(sigs[i])
            if copy is not None:
                out[i] = copy
            else:
                self.dups.add(docs[i].id, sigs[i], days[i], "")
        return out

    def _place(
        self,
        members: list[int],
        vecs: list[dict[str, float]],
        days: list[int | None],
        born: set[str],
        story_id: str | None = None,
    ) -> str:
        """Put a group of the batch's articles in ``story_id`` while it is active, else in a story from an earlier
        batch or a new one (OnlineClusterer.join); returns the story's id."""
        dated = [days[i] for i in members if days[i] is not None]
        first, last = (min(dated), max(dated)) if dated else (None, None)
        for _ in self.online.expire(first):  # retire stories idle for longer than the window
            pass
        total: dict[str, float] = vecs[members[0]]
        if len(members) > 1:
            total = {}
            for i in members:
                for t, w in vecs[i].items():
                    total[t] = total.get(t, 0.0) + w
        sid = self.online.join(total, len(members), first, last, exclude=born, story_id=story_id)
        self._touch(sid)
        return sid

    def _touch(self, story_id: str) -> None:
        self.touched[story_id] = self.online.active[story_id]


def _bytes(sig: np.ndarray | None) -> bytes | None:
    return sig.tobytes() if sig is not None else None


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
