"""Online event clustering: each article, or each group of a batch's articles, in date order, joins the most
similar active story or starts one.

A story is a centroid (the sum of its articles' unit vectors, cut to its strongest terms) with the date it
was last updated. Candidate stories come from an inverted index over each centroid's top terms, so an
article or group is compared with a handful of stories, not all of them. Stories idle for longer than the window
(in days; or, for undated streams, the oldest beyond ``max_active``) are retired: memory stays bounded.
"""

from __future__ import annotations

import heapq
import math
from collections import OrderedDict
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import islice, repeat
from operator import mul

from .features import Vocabulary

THRESHOLD = 0.25  # cosine between an article (or a batch's group of articles) and a story's centroid to join it
WINDOW_DAYS = 10  # a story idle for longer is retired: a later article starts a new story
MAX_ACTIVE = 50_000  # at most this many stories kept in memory (for undated streams)
CENTROID_TERMS = 300  # terms kept in a centroid
INDEX_TERMS = 25  # a story is indexed under its strongest terms
QUERY_TERMS = 25  # an article looks up stories by its strongest terms
MAX_CANDIDATES = 10  # stories scored exactly per article


@dataclass
class StoryState:
    """What the clusterer keeps of an active story."""

    id: str
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    size: int = 0
    last: int | None = None  # day number (proleptic ordinal) of its latest article, None when undated
    indexed: tuple[str, ...] = ()  # the terms it is filed under in the inverted index
    norm2: float = -1.0  # squared length of the centroid, kept up to date as articles join (-1: unknown)

    def norm(self) -> float:
        """Length of the centroid."""
        if self.norm2 < 0:
            self.norm2 = sum(w * w for w in self.centroid.values())
        return math.sqrt(self.norm2) or 1.0

    def top_terms(self, n: int) -> list[str]:
        """The ``n`` strongest terms of the centroid."""
        return heapq.nlargest(n, self.centroid, key=self.centroid.__getitem__)


def day_number(date: str | None) -> int | None:
    """The day of an ISO date (``YYYY-MM-DD...``) as an integer, None when missing or malformed."""
    if not date or len(date) < 10:
        return None
    try:
        return Date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _unit_sorted(vec: dict[str, float]) -> dict[str, float]:
    """``vec`` scaled to unit length, strongest terms first (as article vectors are)."""
    norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
    return {t: w / norm for t, w in sorted(vec.items(), key=lambda kv: -kv[1])}


class OnlineClusterer:
    """Assigns articles to stories one at a time; see the module docstring."""

    def __init__(
        self,
        threshold: float = THRESHOLD,
        window_days: int = WINDOW_DAYS,
        max_active: int = MAX_ACTIVE,
        vocab: Vocabulary | None = None,
        id_prefix: str = "s",
    ) -> None:
        self.threshold = threshold
        self.window = window_days
        self.max_active = max_active
        self.vocab = vocab or Vocabulary()
        self.id_prefix = id_prefix
        self.active: OrderedDict[str, StoryState] = OrderedDict()  # least recently updated first
        self.index: dict[str, set[str]] = {}
        self.clock: int | None = None  # latest day seen
        self.next_id = 1

    # -- state -------------------------------------------------------------------------------------
    def load(self, story: StoryState) -> None:
        """Make a story (e.g. read back from a store) active."""
        self.active[story.id] = story
        self.active.move_to_end(story.id)
        self._reindex(story)
        if story.last is not None and (self.clock is None or story.last > self.clock):
            self.clock = story.last

    def _reindex(self, story: StoryState) -> None:
        new = tuple(story.top_terms(INDEX_TERMS))
        if new == story.indexed:
            return
        for t in set(story.indexed) - set(new):
            posting = self.index.get(t)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.index[t]
        for t in set(new) - set(story.indexed):
            self.index.setdefault(t, set()).add(story.id)
        story.indexed = new

    def _drop(self, story: StoryState) -> None:
        for t in story.indexed:
            posting = self.index.get(t)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self.index[t]
        del self.active[story.id]

    def expire(self, day: int | None) -> Iterator[StoryState]:
        """Retire stories idle for longer than the window before ``day`` (and beyond ``max_active``)."""
        if day is not None and (self.clock is None or day > self.clock):
            self.clock = day
        while self.active:
            oldest = next(iter(self.active.values()))
            too_many = len(self.active) > self.max_active
            too_old = self.clock is not None and oldest.last is not None and self.clock - oldest.last > self.window
            if not (too_many or too_old):
                break
            self._drop(oldest)
            yield oldest

    # -- assignment --------------------------------------------------------------------------------
    def candidates(self, vec: dict[str, float], day: int | None, exclude: Container[str] = ()) -> list[StoryState]:
        """Active stories filed under the article's strongest terms, the most weight shared first."""
        hits: dict[str, float] = {}
        for t, w in islice(vec.items(), QUERY_TERMS):  # vectors list their strongest terms first
            for sid in self.index.get(t, ()):
                hits[sid] = hits.get(sid, 0.0) + w
        out = [self.active[s] for s in hits if s not in exclude]
        if day is not None:  # an article never joins a story idle for longer than the window
            out = [s for s in out if s.last is None or abs(day - s.last) <= self.window]
        return sorted(out, key=lambda s: hits[s.id], reverse=True)[:MAX_CANDIDATES]

    def scored(
        self, vec: dict[str, float], day: int | None, exclude: Container[str] = ()
    ) -> Iterator[tuple[float, StoryState]]:
        """(cosine with the article, story) for each candidate story not in ``exclude``."""
        terms, weights, zeros = list(vec), list(vec.values()), repeat(0.0)
        for s in self.candidates(vec, day, exclude):
            yield sum(map(mul, weights, map(s.centroid.get, terms, zeros))) / s.norm(), s

    def best(
        self, vec: dict[str, float], day: int | None, exclude: Container[str] = ()
    ) -> tuple[StoryState | None, float]:
        """The most similar candidate story (not in ``exclude``) and its cosine with the article."""
        top, top_sim = None, 0.0
        for sim, s in self.scored(vec, day, exclude):
            if sim > top_sim:
                top, top_sim = s, sim
        return top, top_sim

    def open_story(self, story_id: str | None, day: int | None) -> StoryState | None:
        """The active story ``story_id`` when an article dated ``day`` may still join it (within the window)."""
        story = self.active.get(story_id) if story_id is not None else None
        if story is None or day is None or story.last is None or abs(day - story.last) <= self.window:
            return story
        return None

    def assign(self, vec: dict[str, float], day: int | None, story_id: str | None = None) -> str:
        """Put an article in a story and return its id: ``story_id`` while open, else the best or a new one."""
        story = self.open_story(story_id, day)
        if story is None:
            story, sim = self.best(vec, day)
            if story is None or sim < self.threshold:
                story = self.new_story()
        self.add_to(story, vec, day)
        return story.id

    def join(
        self,
        total: dict[str, float],
        count: int,
        first: int | None,
        last: int | None,
        exclude: Container[str] = (),
        story_id: str | None = None,
    ) -> str:
        """Put a group of ``count`` articles (``total``: the sum of their vectors, dated ``first`` to ``last``)
        in ``story_id`` while it is open, else in the active story most similar to the group's centroid (cosine
        at least the threshold; stories in ``exclude`` left out) or in a new one; returns the story's id."""
        story = self.open_story(story_id, first)
        if story is None:
            vec = total if count == 1 else _unit_sorted(total)  # one article's vector is already both
            story, sim = self.best(vec, first, exclude)
            if story is None or sim < self.threshold:
                story = self.new_story()
        self.add_to(story, total, last, count=count)
        return story.id

    def new_story(self) -> StoryState:
        """A new, empty active story."""
        sid = f"{self.id_prefix}{self.next_id}"
        while sid in self.active:
            self.next_id += 1
            sid = f"{self.id_prefix}{self.next_id}"
        self.next_id += 1
        story = StoryState(sid)
        self.active[sid] = story
        return story

    def add_to(self, story: StoryState, vec: dict[str, float], day: int | None, count: int = 1) -> None:
        """Add an article's vector (or, with ``count``, the summed vectors of that many articles) to a story."""
        c = story.centroid
        story.norm()  # makes sure norm2 is known
        norm2 = story.norm2
        for t, w in vec.items():
            old = c.get(t, 0.0)
            c[t] = old + w
            norm2 += w * (2 * old + w)
        story.norm2 = norm2
        if len(c) > CENTROID_TERMS * 2:  # prune lazily: sorting on every article would cost too much
            story.centroid = dict(sorted(c.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
            story.norm2 = -1.0
        story.size += count
        if day is not None:
            story.last = day if story.last is None else max(story.last, day)
        self.active.move_to_end(story.id)
        if count > 1 or story.size & (story.size - 1) == 0 or story.size % 8 == 0:  # top terms settle as a story grows
            self._reindex(story)
