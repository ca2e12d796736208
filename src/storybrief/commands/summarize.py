"""``storybrief summarize``: the brief of one story, or of every story of a JSONL file."""

from __future__ import annotations

import argparse
import json

from .common import add_budget_args, add_progress_arg, error, output, progress

HELP = """\
Summarize a story. PATH is a folder (one story), files (.txt, .html/.htm, .json/.jsonl) or - for
standard input. With --jsonl, each line of IN is a story ({"id", "documents": [...]}) and each output
line is its brief ({"id", "summary", "sentences", ...}) or {"id", "error"}; the exit status is 1 when
any input failed (each failure is reported on standard error as FILE:LINE: reason)."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    from ..render import FORMATS

    p = sub.add_parser(
        "summarize",
        help="write the brief of a story",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="folder, files, or - for standard input")
    p.add_argument("--jsonl", metavar="IN", help="summarize every story (one a line) of a JSONL file")
    add_budget_args(p)
    p.add_argument("--method", default="default", help="selection method: default, lead, ... (default: default)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="refuse input files larger than N bytes (default 20 MB)",
    )
    add_progress_arg(p)
    p.set_defaults(run=run)


def _budget(args: argparse.Namespace):
    from ..model import Budget

    return Budget(words=None if args.sentences else args.words, sentences=args.sentences)


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 when every input was used, 1 when any was rejected or failed."""
    from ..select import METHODS

    if args.method not in METHODS:
        error("--method", f"unknown method {args.method!r}; choose from {', '.join(sorted(METHODS))}")
        return 2
    if args.jsonl:
        if args.paths:
            error("summarize", "give either --jsonl IN or PATHs, not both")
            return 2
        return _run_jsonl(args)
    if not args.paths:
        error("summarize", "no input: give a folder, files, or - for standard input (see --help)")
        return 2
    return _run_paths(args)


def _run_paths(args: argparse.Namespace) -> int:
    from ..pipeline import summarize_articles
    from ..read import MAX_BYTES, read_paths
    from ..render import render

    articles = read_paths(args.paths, args.max_bytes or MAX_BYTES)
    if not articles:
        error(" ".join(args.paths), "no files found")
        return 1
    brief = summarize_articles(articles, _budget(args), args.method, story_id=_story_id(args.paths))
    failed = [a for a in brief.articles if a.status == "rejected"]
    for a in failed:
        error(a.origin or a.id, a.reason or "rejected")
    with output(args.output) as out:
        out.write(render(brief, args.format))
    return 1 if failed or not brief.sentences else 0


def _story_id(paths: list[str]) -> str:
    from pathlib import Path

    return Path(paths[0]).name or "story" if len(paths) == 1 and paths[0] != "-" else "story"


def _run_jsonl(args: argparse.Namespace) -> int:
    from ..pipeline import summarize_documents
    from ..read import read_cluster_rows

    budget = _budget(args)
    failures = 0
    try:
        rows = read_cluster_rows(args.jsonl)
        with output(args.output) as out:
            for row in progress(rows, desc="stories", enabled=args.progress, unit="story"):
                ident = (row.data or {}).get("id", f"line{row.line}")
                if row.error:
                    result = {"id": ident, "error": row.error}
                else:
                    try:
                        brief = summarize_documents(row.data["documents"], budget, args.method, str(ident))
                        result = brief.to_dict()
                        result["id"] = ident
                        if not brief.sentences:
                            result = {"id": ident, "error": "no usable article text", "articles": result["articles"]}
                    except Exception as e:  # one bad story must not stop the file
                        result = {"id": ident, "error": f"{type(e).__name__}: {e}"}
                if "error" in result:
                    failures += 1
                    error(f"{args.jsonl}:{row.line}", result["error"])
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
    except OSError as e:
        error(args.jsonl, e.strerror or str(e))
        return 1
    return 1 if failures else 0
