"""``storybrief clean``: the clean stage alone, to check what was kept, what was removed and why."""

from __future__ import annotations

import argparse
import json
from functools import partial

from ..parallel import ordered_map
from .common import add_jobs_arg, add_progress_arg, error, output, progress

HELP = """\
Clean articles: print each one's body text and the metadata found in it (title, date, dateline,
byline). --explain lists every removed line with its reason. With --jsonl, each line of IN is an
article ({"id", "text" | "page_text" | "html", ...}) and each output line holds the cleaned article."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    p = sub.add_parser(
        "clean",
        help="clean articles and show what was removed",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="FILE", help="files or folders, or - for standard input")
    p.add_argument("--jsonl", metavar="IN", help="clean every article row of a JSONL file")
    p.add_argument("--explain", action="store_true", help="also list each removed line with its reason")
    p.add_argument("--format", "-f", choices=("text", "json"), default="text", help="output format")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_jobs_arg(p)
    add_progress_arg(p)
    p.set_defaults(run=run)


def cleaned_dict(article, explain: bool = True) -> dict:
    """A cleaned article as a JSON object."""
    row = {
        "id": article.id,
        "status": article.status,
        "title": article.title,
        "date": article.date,
        "dateline": article.dateline,
        "byline": article.byline,
        "source": article.source,
        "body": article.body or "",
    }
    if article.reason:
        row["reason"] = article.reason
    if explain:
        row["removed"] = [{"line": r.line, "reason": r.reason, "text": r.text} for r in article.removed]
    return row


def cleaned_text(article, explain: bool) -> str:
    """A cleaned article for reading: metadata, body, and with ``explain`` the removed lines."""
    head = [
        f"{k}: {v}"
        for k, v in (
            ("id", article.id),
            ("title", article.title),
            ("date", article.date),
            ("dateline", article.dateline),
            ("byline", article.byline),
        )
        if v
    ]
    parts = ["\n".join(head), "", article.body or f"(rejected: {article.reason})"]
    if explain:
        parts += ["", "removed:"] + [f"  line {r.line}: [{r.reason}] {r.text}" for r in article.removed]
    return "\n".join(parts) + "\n"


def run(args: argparse.Namespace) -> int:
    """Run the command; 1 when any article was rejected."""
    from ..pipeline import prepare
    from ..read import parse_jsonl, read_paths

    if bool(args.jsonl) == bool(args.paths):
        error("clean", "give FILEs or --jsonl IN (see --help)")
        return 2
    if args.jsonl:
        try:
            with open(args.jsonl, encoding="utf-8", errors="replace") as f:
                rows = list(parse_jsonl(f.read(), args.jsonl))
        except OSError as e:
            error(args.jsonl, e.strerror or str(e))
            return 1
    failed = 0
    with output(args.output) as out:
        if args.jsonl:
            clean_row = partial(_cleaned_row, source=args.jsonl, explain=args.explain)
            results = progress(
                ordered_map(clean_row, rows, args.jobs),
                total=len(rows),
                desc="articles",
                enabled=args.progress,
                unit="article",
            )
            for where, result in results:
                if "error" in result or result["status"] == "rejected":
                    failed += 1
                    error(where, result.get("error") or result.get("reason") or "rejected")
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
            return 1 if failed else 0
        for a in read_paths(args.paths):
            prepare(a)
            failed += _report(a)
            out.write(
                json.dumps(cleaned_dict(a, args.explain), ensure_ascii=False, indent=2) + "\n"
                if args.format == "json"
                else cleaned_text(a, args.explain)
            )
    return 1 if failed else 0


def _cleaned_row(row, source: str, explain: bool) -> tuple[str, dict]:
    """Where a JSONL row came from (``file:line``, or the article's own origin) and its output line."""
    from ..pipeline import prepare
    from ..read import article_from_value

    where = f"{source}:{row.line}"
    if row.error:
        return where, {"id": f"line{row.line}", "error": row.error}
    a = prepare(article_from_value(row.data, str(row.data.get("id", row.line)), where))
    return a.origin or where, cleaned_dict(a, explain)


def _report(article) -> int:
    if article.status == "rejected":
        error(article.origin or article.id, article.reason or "rejected")
        return 1
    return 0
