"""The story store: articles grouped into stories in one SQLite file, each story's brief kept up to date.

``add`` runs as one transaction: it reads the clustering state (active stories, document frequencies,
recent fingerprints) under the write lock, assigns the new articles, and writes everything back, so a crash
loses nothing committed and leaves no half state, and two processes adding at once are serialised.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..cluster.features import Vocabulary, terms
from ..cluster.online import CENTROID_TERMS, StoryState, day_number
from ..cluster.rows import article_from_row, cluster_text
from ..cluster.stream import Doc, StoryClusterer
from ..model import DUPLICATE, USED, Article, Brief, Budget
from .briefs import brief_from_dict, cached_article_fields, public_brief
from .db import connect, get_meta, set_meta

DEFAULT_PATH = "storybrief.sqlite"
LOAD_STORIES = 20_000  # most recently updated stories read back per add, at most
LOAD_FINGERPRINTS = 50_000  # most recent fingerprints read back per add, at most
_CHUNK = 500  # SQLite host parameters per IN (...) query


@dataclass
class AddResult:
    """What ``Store.add`` did: ids added, near-copies added, rows refused (id, reason), stories changed."""

    added: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # already in the store: nothing changed


def default_path() -> str:
    """The store's path: ``$STORYBRIEF_DB``, else ``./storybrief.sqlite``."""
    return os.environ.get("STORYBRIEF_DB") or DEFAULT_PATH


class Store:
    """A story store in one SQLite file; see the module docstring. Usable as a context manager."""

    def __init__(self, path: str | Path | None = None, budget: Budget | None = None, **cluster_options: Any) -> None:
        self.path = str(path or default_path())
        self.budget = budget or Budget(whole=True)
        self.cluster_options = cluster_options
        self.conn = connect(self.path)

    def close(self) -> None:
        """Close the database connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- adding ------------------------------------------------------------------------------------
    def add(self, rows: Iterable[dict[str, Any] | Article], origin: str = "") -> AddResult:
        """Add articles (rows or Article objects); each joins a story or starts one. Idempotent by id."""
        result = AddResult()
        fresh: dict[str, tuple[Article, str]] = {}
        for n, row in enumerate(rows, 1):
            article = article_from_row(row, f"{origin}:{n}" if origin else f"row {n}")
            text = cluster_text(article)  # cleaning is slow: do it before taking the write lock
            if article.status == "rejected":
                result.rejected.append((article.origin or article.id, article.reason or "rejected"))
            elif article.id in fresh:
                result.existing.append(article.id)
            else:
                fresh[article.id] = (article, text)
        if not fresh:
            return result
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            self._add_locked(fresh, result)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        return result

    def _add_locked(self, fresh: dict[str, tuple[Article, str]], result: AddResult) -> None:
        known = self._existing_ids(list(fresh))
        result.existing.extend(i for i in fresh if i in known)
        todo = [(a, t) for i, (a, t) in fresh.items() if i not in known]
        if not todo:
            return
        docs = [Doc(a.id, t, a.date) for a, t in todo]
        feats = [terms(d.text) for d in docs]
        clusterer = self._clusterer(docs, feats)
        assignments = clusterer.process(docs, feats)
        seq = get_meta(self.conn, "seq") + 1
        for (article, _), asg in zip(todo, assignments, strict=True):
            self._insert_article(article, asg, seq)
            (result.duplicates if asg.duplicate_of else result.added).append(article.id)
        result.stories = self._save_stories(clusterer, seq)
        self._save_terms(feats)
        set_meta(self.conn, "seq", seq)
        set_meta(self.conn, "n_docs", clusterer.vocab.n_docs)
        set_meta(self.conn, "next_story", clusterer.online.next_id)

    def _existing_ids(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), _CHUNK):
            part = ids[i : i + _CHUNK]
            q = f"SELECT id FROM articles WHERE id IN ({','.join('?' * len(part))})"
            found.update(r[0] for r in self.conn.execute(q, part))
        return found

    def _clusterer(self, docs: list[Doc], feats: list) -> StoryClusterer:
        """A clusterer holding the stored state that matters for this batch."""
        vocab = Vocabulary(self._df({t for f in feats for t in f.counts}), get_meta(self.conn, "n_docs"))
        clusterer = StoryClusterer(vocab=vocab, **self.cluster_options)
        clusterer.online.next_id = get_meta(self.conn, "next_story", 1)
        days = [d for d in (day_number(doc.date) for doc in docs) if d is not None]
        since = min(days) - clusterer.online.window if days else None
        for row in self._recent("stories", since, LOAD_STORIES, "id, centroid, size, day"):
            clusterer.load(StoryState(row["id"], json.loads(row["centroid"]), row["size"], row["day"]))
        if clusterer.dups is not None:
            for row in self._recent("articles", since, LOAD_FINGERPRINTS, "id, story, minhash, day", dups=True):
                sig = _minhash(row["minhash"])
                clusterer.dups.add(row["id"], sig, row["day"], row["story"])
        return clusterer

    def _recent(self, table: str, since: int | None, limit: int, cols: str, dups: bool = False) -> list[sqlite3.Row]:
        """Rows of ``table`` updated within the window (or undated), oldest first, at most ``limit``."""
        where = "(day IS NULL OR day >= ?)" if since is not None else "1"
        if dups:
            where += " AND minhash IS NOT NULL AND duplicate_of IS NULL"
        params = (since, limit) if since is not None else (limit,)
        q = f"SELECT {cols} FROM (SELECT {cols}, seq FROM {table} WHERE {where} ORDER BY seq DESC LIMIT ?) ORDER BY seq"
        return self.conn.execute(q, params).fetchall()

    def _df(self, vocabulary: set[str]) -> dict[str, int]:
        words = list(vocabulary)
        df: dict[str, int] = {}
        for i in range(0, len(words), _CHUNK):
            part = words[i : i + _CHUNK]
            q = f"SELECT term, df FROM terms WHERE term IN ({','.join('?' * len(part))})"
            df.update(self.conn.execute(q, part).fetchall())
        return df

    def _insert_article(self, a: Article, asg, seq: int) -> None:
        self.conn.execute(
            "INSERT INTO articles (id, story, duplicate_of, title, date, url, source, origin, text, html, extra,"
            " minhash, day, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id,
                asg.story,
                asg.duplicate_of,
                a.title,
                a.date,
                a.url,
                a.source,
                a.origin,
                a.text,
                a.html,
                json.dumps(a.extra) if a.extra else None,
                asg.fingerprint,
                day_number(a.date),
                seq,
            ),
        )

    def _save_stories(self, clusterer: StoryClusterer, seq: int) -> list[str]:
        now = datetime.now(UTC).isoformat(timespec="seconds")
        changed = sorted(clusterer.touched)
        for sid in changed:
            state = clusterer.touched[sid]
            top = dict(sorted(state.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
            dates = self.conn.execute(
                "SELECT min(date), max(date), (SELECT title FROM articles WHERE story = ?1 AND title IS NOT NULL"
                " ORDER BY date, seq LIMIT 1) FROM articles WHERE story = ?1",
                (sid,),
            ).fetchone()
            self.conn.execute(
                "INSERT INTO stories (id, title, first_date, last_date, day, size, updated, seq, centroid)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                " first_date = excluded.first_date, last_date = excluded.last_date, day = excluded.day,"
                " size = excluded.size, updated = excluded.updated, seq = excluded.seq, centroid = excluded.centroid",
                (sid, dates[2], dates[0], dates[1], state.last, state.size, now, seq, json.dumps(top)),
            )
        return changed

    def _save_terms(self, feats: list) -> None:
        delta: dict[str, int] = {}
        for f in feats:
            for t in f.counts:
                delta[t] = delta.get(t, 0) + 1
        self.conn.executemany(
            "INSERT INTO terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df",
            delta.items(),
        )

    # -- reading -----------------------------------------------------------------------------------
    def stories(
        self,
        since: str | None = None,
        limit: int | None = None,
        progress: Callable[[list[sqlite3.Row]], Iterable[sqlite3.Row]] | None = None,
    ) -> list[dict[str, Any]]:
        """Stories whose latest article is dated ``since`` or later (all when None), newest first, at most ``limit``.

        A story's brief is built here when it is missing or stale (about 15 ms a story); ``progress`` wraps the
        stories' rows as they are read (a progress bar, say).
        """
        q = "SELECT * FROM stories"
        params: tuple = ()
        if since:
            q += " WHERE last_date >= ? OR (last_date IS NULL AND updated >= ?)"
            params = (since, since)
        q += " ORDER BY last_date IS NULL, last_date DESC, seq DESC"
        if limit is not None:
            q += f" LIMIT {int(limit)}"
        rows = self.conn.execute(q, params).fetchall()
        return [self._story_dict(row) for row in (progress(rows) if progress else rows)]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story with its brief and its articles, or None when there is no such story."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        out = self._story_dict(row)
        out["article_list"] = [
            {k: r[k] for k in r.keys() if r[k] is not None}  # noqa: SIM118 (Row iterates values)
            for r in self.conn.execute(
                "SELECT id, title, date, url, source, origin, duplicate_of FROM articles WHERE story = ?"
                " ORDER BY date IS NULL, date, seq, id",
                (story_id,),
            )
        ]
        return out

    def brief(self, story_id: str) -> Brief:
        """The story's brief: rebuilt when the story gained articles since it was built, else the cached one."""
        row = self.conn.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise KeyError(story_id)
        return brief_from_dict(self._brief_dict(row))

    def _story_dict(self, row: sqlite3.Row) -> dict[str, Any]:
        brief = self._brief_dict(row)
        return {
            "id": row["id"],
            "title": brief.get("title") or row["title"] or _headline(brief.get("summary", "")),
            "date": row["first_date"],
            "last_date": row["last_date"],
            "articles": row["size"],
            "updated": row["updated"],
            "brief": public_brief(brief),
        }

    def _brief_dict(self, row: sqlite3.Row) -> dict[str, Any]:
        if row["brief"] is not None and row["brief_size"] == row["size"]:
            return json.loads(row["brief"])
        from ..pipeline import summarize_articles  # lazy: the pipeline is only needed to (re)build

        articles = [
            _article(r)
            for r in self.conn.execute(
                "SELECT * FROM articles WHERE story = ? ORDER BY date IS NULL, date, seq, id", (row["id"],)
            )
        ]
        brief = summarize_articles(articles, self.budget, story_id=row["id"])
        data = brief.to_dict()
        for entry, article in zip(data["articles"], brief.articles, strict=True):
            entry.update(cached_article_fields(article))
        # a concurrent add may have grown the story meanwhile: then keep it stale so it is rebuilt again
        self.conn.execute(
            "UPDATE stories SET brief = ?, brief_size = ? WHERE id = ? AND size = ?",
            (json.dumps(data, ensure_ascii=False), len(articles), row["id"], len(articles)),
        )
        return data


def _headline(summary: str, words: int = 12) -> str | None:
    """A stand-in title for a story none of whose articles has one: the brief's first words."""
    first = summary.split("\n", 1)[0].split()
    if not first:
        return None
    return " ".join(first[:words]) + (" …" if len(first) > words else "")


def _article(r: sqlite3.Row) -> Article:
    """An article as stored, ready for the pipeline."""
    extra = json.loads(r["extra"]) if r["extra"] else {}
    return Article(
        id=r["id"],
        text=r["text"] or "",
        html=r["html"],
        title=r["title"],
        date=r["date"],
        url=r["url"],
        source=r["source"],
        origin=r["origin"] or "",
        extra=extra,
        # a near-copy found at ingest stays one in the brief (the pipeline only looks within the story)
        status=DUPLICATE if r["duplicate_of"] else USED,
        duplicate_of=r["duplicate_of"],
    )


def _minhash(blob: bytes) -> np.ndarray:
    """A stored fingerprint as the array the duplicate finder compares."""
    return np.frombuffer(blob, dtype=np.uint32)
