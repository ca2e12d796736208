"""``storybrief ingest``: add articles to the story store; each joins a story or starts one."""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .common import add_progress_arg, error, progress
from .stories import add_db_arg

HELP = """\
Add articles to the story store (an SQLite file: --db, else $STORYBRIEF_DB, else ./storybrief.sqlite).
PATHs are JSONL files of article rows ({"id", "text" | "page_text" | "html", "date"?, "url"?, "title"?}),
article files (.txt, .html) or folders of them. Each article joins the story it reports or starts one;
stories' briefs are rebuilt when they gain articles. Adding an article again changes nothing (its key is
its id; for files, their name and a hash of their content). Rows that cannot be used are reported as
FILE:LINE: reason and the rest goes on; the exit status is then 1."""

CHUNK = 1000  # rows per transaction: a crash loses at most the chunk being written


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    p = sub.add_parser(
        "ingest",
        help="add articles to the story store",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="JSONL files of article rows, article files, folders")
    add_db_arg(p)
    add_progress_arg(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 when every article was stored (or already there), 1 when any was refused."""
    from ..store import Store

    totals = {"added": 0, "duplicates": 0, "existing": 0, "rejected": 0}
    stories: set[str] = set()
    with Store(args.db) as store:
        items = progress(_items(args.paths), desc="articles", enabled=args.progress, unit="article")
        for rows in _chunks(items):
            result = store.add(rows)
            for where, reason in result.rejected:
                error(where, reason)
            for key in totals:
                totals[key] += len(getattr(result, key))
            stories.update(result.stories)
    print(
        f"storybrief: {totals['added']} articles added, {totals['duplicates']} near-copies, "
        f"{totals['existing']} already stored, {totals['rejected']} refused; {len(stories)} stories changed",
        file=sys.stderr,
    )
    return 1 if totals["rejected"] else 0


def _chunks(items: Iterable[Any]) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _items(paths: list[str]) -> Iterator[Any]:
    """Article rows and Articles from every path, each carrying where it came from (file, file:line)."""
    from ..read import JSON_SUFFIXES

    for p in paths:
        path = Path(p)
        if not path.exists():
            yield _failed(p, "no such file or folder")
            continue
        files = (
            sorted(f for f in path.rglob("*") if f.is_file() and not f.name.startswith("."))
            if path.is_dir()
            else [path]
        )
        for f in files:
            yield from (_rows(f) if f.suffix.lower() in JSON_SUFFIXES else _file_article(f))


def _rows(path: Path) -> Iterator[Any]:
    from ..cluster.rows import article_from_row
    from ..read import InputError, decode, parse_jsonl, read_bytes

    try:
        text = decode(read_bytes(path))
    except (InputError, OSError) as e:
        yield _failed(str(path), str(e))
        return
    for row in parse_jsonl(text, str(path)):
        where = f"{path}:{row.line}"
        yield _failed(where, row.error) if row.error else article_from_row(row.data, where)


def _file_article(path: Path) -> Iterator[Any]:
    """The article of a .txt/.html file; without an id of its own, its key is its name and content hash."""
    from ..read import read_file

    for a in read_file(path, path.stem):
        content = (a.text or a.html or "").encode("utf-8", "replace")
        a.id = f"{path.stem}-{hashlib.sha1(content).hexdigest()[:8]}"
        a.extra["page_text"] = True  # a file may hold a whole page: clean it (which also finds title and date)
        yield a


def _failed(where: str, reason: str):
    from ..model import Article

    a = Article(id=where, origin=where)
    a.reject(reason)
    return a
