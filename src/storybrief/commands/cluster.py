"""``storybrief cluster``: group a stream of article rows into stories (and mark near-copies)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, TYPE_CHECKING

from .common import add_progress_arg, error, output, progress

if TYPE_CHECKING:
    from ..cluster.stream import StoryClusterer
    from ..read import Row

HELP = """\
Group articles into the stories they report. Each line of IN is an article row
({"id", "text" | "page_text" | "html", "date"?, "url"?, "title"?}); each output line is the same row with
"story" (a story id) and, for a near-copy of an earlier article, "duplicate_of". Rows are read in batches
of --batch (the feed is assumed to be roughly in date order); each batch is grouped as a whole, whatever
its order, and its groups join earlier stories or start new ones; a story idle for more than
--window-days is closed, so memory stays bounded. Rows that cannot be used are written back
with "error" and reported on standard error as FILE:LINE: reason; the exit status is then 1."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    from ..cluster.online import THRESHOLD, WINDOW_DAYS

    p = sub.add_parser(
        "cluster",
        help="group article rows into stories",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", metavar="IN", help="JSONL file of article rows, or - for standard input")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT instead of standard output")
    p.add_argument(
        "--threshold",
        type=float,
        default=THRESHOLD,
        help=f"cosine between centroids at which a batch's group of articles joins an earlier story ({THRESHOLD}); "
        "within a batch, articles are grouped by how much their neighbourhoods of similar articles overlap",
    )
    p.add_argument("--window-days", type=int, default=WINDOW_DAYS, help=f"days a story stays open ({WINDOW_DAYS})")
    p.add_argument("--batch", type=int, default=2000, help="rows read (and put in date order) at a time (2000)")
    p.add_argument("--no-dedup", dest="dedup", action="store_false", help="do not look for near-copies")
    add_progress_arg(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 when every row was clustered, 1 when any row was refused."""
    from ..cluster.stream import StoryClusterer

    clusterer = StoryClusterer(threshold=args.threshold, window_days=args.window_days, dedup=args.dedup)
    failures = 0
    try:
        with output(args.output) as out:
            rows = progress(_rows(args.input), desc="articles", enabled=args.progress, unit="article")
            for batch in _batches(rows, max(1, args.batch)):
                failures += _write_batch(clusterer, batch, args.input, out)
    except OSError as e:
        error(args.input, e.strerror or str(e))
        return 1
    return 1 if failures else 0


def _rows(path: str) -> Iterator[Row]:
    """The rows of a JSONL file (or standard input), streaming, with their line numbers."""
    from ..read import parse_jsonl

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")  # noqa: SIM115
    with stream:
        for n, line in enumerate(stream, 1):
            for row in parse_jsonl(line):
                row.line = n
                yield row


def _write_batch(clusterer: StoryClusterer, batch: list[Row], path: str, out: IO[str]) -> int:
    """Cluster a batch of rows and write them in their input order; returns how many were refused."""
    from ..cluster.rows import article_from_row, cluster_text
    from ..cluster.stream import Doc

    where = "<stdin>" if path == "-" else path
    docs, results = [], []
    for row in batch:
        article = article_from_row(row.data, f"{where}:{row.line}") if row.error is None else None
        text = cluster_text(article) if article is not None else ""
        if article is None or article.status == "rejected":
            reason = row.error or (article.reason if article else None) or "rejected"
            error(f"{where}:{row.line}", reason)
            results.append({**(row.data or {}), "error": reason})
        else:
            docs.append(Doc(article.id, text, article.date))
            results.append(row.data)
    assigned = iter(clusterer.process(docs))
    for res in results:
        if "error" not in res:
            a = next(assigned)
            res = {**res, "story": a.story, **({"duplicate_of": a.duplicate_of} if a.duplicate_of else {})}
        out.write(json.dumps(res, ensure_ascii=False) + "\n")
    return len(results) - len(docs)


def _batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
