"""The story store's SQLite file: connection settings and schema.

WAL mode lets readers go on while one process writes; the busy timeout makes a second writer wait for the
first instead of failing; writers take the lock up front (``BEGIN IMMEDIATE``) so two ingests never
interleave their reads and writes of the clustering state.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

BUSY_TIMEOUT_MS = 60_000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    title TEXT,
    first_date TEXT,
    last_date TEXT,
    day INTEGER,                 -- day number of the latest dated article, for the clustering window
    size INTEGER NOT NULL,       -- articles, near-copies included
    updated TEXT NOT NULL,       -- UTC time the story last gained an article
    seq INTEGER NOT NULL,        -- store-wide counter at that time: most recently updated first
    centroid TEXT NOT NULL,      -- JSON {term: weight}
    brief TEXT,                  -- JSON of the cached brief, NULL until built
    brief_size INTEGER           -- size of the story when the cached brief was built
);
CREATE INDEX IF NOT EXISTS stories_seq ON stories (seq);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    story TEXT NOT NULL,
    duplicate_of TEXT,
    title TEXT, date TEXT, url TEXT, source TEXT, origin TEXT,
    text TEXT, html TEXT, extra TEXT,
    minhash BLOB,                -- fingerprint for near-copies, NULL for very short texts
    day INTEGER,
    seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_story ON articles (story);
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);
CREATE TABLE IF NOT EXISTS terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store at ``path``, with its schema."""
    # the service calls one connection from worker threads, one call at a time
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return conn


def get_meta(conn: sqlite3.Connection, key: str, default: int = 0) -> int:
    """An integer kept in the meta table."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return int(row[0]) if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: int) -> None:
    """Keep an integer in the meta table."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
