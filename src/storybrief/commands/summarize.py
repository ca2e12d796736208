"""``storybrief summarize``: the brief of one story, or of every story of a JSONL file."""

from __future__ import annotations

import argparse
import json
from functools import partial
from typing import Any

from ..parallel import ordered_map
from .common import add_budget_args, add_jobs_arg, add_progress_arg, error, output, progress

HELP = """\
Summarize a story. PATH is a folder (one story), files (.txt, .html/.htm, .json/.jsonl) or - for
standard input. With --jsonl, each line of IN is a story ({"id", "documents": [...]}) and each output
line is its brief ({"id", "summary", "sentences", ...}) or {"id", "error"}, in the same order; the
exit status is 1 when any input failed (each failure is reported on standard error as FILE:LINE: reason)."""

DEFAULT_WORDS = 100  # without --words: whole sentences, at most this many words


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
    p.add_argument("--jsonl", metavar="IN", help="summarize every story (one a line) of a JSONL file (- for stdin)")
    add_budget_args(p, DEFAULT_WORDS, whole_by_default=True)
    p.add_argument("--method", default="default", help="selection method: default, lead, ... (default: default)")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default text)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        metavar="N",
        help="refuse input files (and --jsonl lines) larger than N bytes (default 20 MB)",
    )
    add_jobs_arg(p)
    add_progress_arg(p)
    p.set_defaults(run=run)


def _budget(args: argparse.Namespace):
    from ..model import Budget

    return Budget.of(args.words, args.sentences, args.bytes, default_words=DEFAULT_WORDS, whole=True)


def run(args: argparse.Namespace) -> int:
    """Run the command; 0 when every input was used, 1 when any was rejected or failed, 2 on usage errors."""
    from ..pipeline import method_problem

    why = method_problem(args.method)
    if why:
        error("--method", why)
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


def _max_bytes(args: argparse.Namespace) -> int:
    from ..read import env_max_bytes

    return args.max_bytes or env_max_bytes()


def _run_paths(args: argparse.Namespace) -> int:
    from ..pipeline import summarize_articles
    from ..read import read_paths
    from ..render import render

    articles = read_paths(args.paths, _max_bytes(args))
    brief = summarize_articles(articles, _budget(args), args.method, story_id=_story_id(args.paths))
    failed = report_articles(brief.articles)
    if not brief.sentences and not failed:
        error(" ".join(args.paths), "no sentences to summarize")
    with output(args.output) as out:
        out.write(render(brief, args.format))
    return 1 if failed or not brief.sentences else 0


def report_articles(articles: list) -> int:
    """Print a line for each rejected article (and a note for each text not in UTF-8); the number rejected."""
    failed = 0
    for a in articles:
        if a.status == "rejected":
            failed += 1
            error(a.origin or a.id, a.reason or "rejected")
        elif encoding := a.extra.get("encoding"):
            how = encoding if encoding.startswith("utf-8") else f"not UTF-8, read as {encoding}"
            error(a.origin or a.id, f"note: {how}")
    return failed


def _story_id(paths: list[str]) -> str:
    from pathlib import Path

    return (Path(paths[0]).name or "story") if len(paths) == 1 and paths[0] != "-" else "story"


def _run_jsonl(args: argparse.Namespace) -> int:
    from ..read import count_lines, read_cluster_rows

    budget = _budget(args)
    failures = 0
    total = count_lines(args.jsonl) if args.jsonl != "-" and progress_wanted(args) else None
    try:
        rows = read_cluster_rows(args.jsonl, _max_bytes(args))
        brief = partial(_numbered_brief, budget=budget, method=args.method, source=args.jsonl)
        with output(args.output) as out:
            results = ordered_map(brief, rows, args.jobs)
            for line, result in progress(results, total=total, desc="stories", enabled=args.progress, unit="story"):
                failures += _report_row(result, f"{args.jsonl}:{line}")
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
    except OSError as e:
        error(args.jsonl, e.strerror or str(e))
        return 1
    return 1 if failures else 0


def _numbered_brief(row, budget, method: str, source: str) -> tuple[int, dict[str, Any]]:
    """The row's line number and its output line (a module-level function, so workers can run it)."""
    return row.line, brief_row(row, budget, method, f"{source}:{row.line}")


def _report_row(result: dict[str, Any], where: str) -> int:
    """Print the error of a failed line, or each article a good line rejected; the number of failures."""
    if "error" in result:
        error(where, result["error"])
        return 1
    rejected = [a for a in result["articles"] if a["status"] == "rejected"]
    for a in rejected:
        error(a.get("origin") or where, a.get("reason", "rejected"))
    return len(rejected)


def progress_wanted(args: argparse.Namespace) -> bool:
    """Whether a progress bar will be shown (forced, or standard error is a terminal)."""
    import sys

    return args.progress if args.progress is not None else sys.stderr.isatty()


def brief_row(row, budget, method: str, origin: str = "") -> dict[str, Any]:
    """The output line for one cluster row: its brief as a dict, or ``{"id", "error"}``.

    ``origin`` (``file:line``) is where the row came from, to name its articles in error messages.
    """
    from ..pipeline import summarize_documents

    data = row.data if isinstance(row.data, dict) else {}
    ident = data.get("id", f"line{row.line}")
    if row.error:
        return {"id": ident, "error": row.error}
    if not data["documents"]:
        return {"id": ident, "error": "story has no documents"}
    try:
        brief = summarize_documents(data["documents"], budget, method, str(ident), origin=origin)
    except Exception as e:  # one bad story must not stop the file; the line says what went wrong
        return {"id": ident, "error": f"{type(e).__name__}: {e}"}
    result = brief.to_dict()
    result["id"] = ident
    if not brief.sentences:
        reasons = "; ".join(sorted({a.reason or "" for a in brief.articles if a.status == "rejected"}))
        return {"id": ident, "error": f"no usable article text ({reasons})", "articles": result["articles"]}
    return result
