"""``storybrief eval``: ROUGE of each selection method against human references, with confidence."""

from __future__ import annotations

import argparse

from .common import add_budget_args, add_progress_arg, error, output, positive_int, progress

HELP = """\
Evaluate selection methods on clusters with human references. Each line of DATA is
{"id", "documents": [...], "summaries": ["reference", ...]}. Every cluster is summarized with each
method through the normal pipeline, the summary cut to the budget, and scored with rouge-score
(Porter stemming): ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 and recall, the mean over a cluster's
references, then over clusters, with 95% bootstrap intervals and a paired bootstrap of each method
against the baseline. The exit status is 1 when any cluster or method failed (each is listed).

example:
  storybrief eval data.jsonl --method lead,lexrank,default --words 100 --format markdown"""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    p = sub.add_parser(
        "eval",
        help="score selection methods with ROUGE against human references",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("data", metavar="DATA", help="JSONL file of clusters with references, or - for standard input")
    p.add_argument(
        "--method",
        "-m",
        default=None,
        help="comma-separated methods, each NAME or NAME:key=value (default: all, oracle included)",
    )
    p.add_argument("--baseline", default=None, help="method the others are compared with (default: default)")
    add_budget_args(p)
    p.add_argument("--format", "-f", choices=("table", "json", "markdown"), default="table", help="report format")
    p.add_argument("--limit", type=positive_int, metavar="N", help="only the first N clusters")
    p.add_argument("--jobs", "-j", type=positive_int, default=1, metavar="N", help="worker processes (default 1)")
    p.add_argument("--resamples", type=positive_int, default=1000, metavar="N", help="bootstrap resamples")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument(
        "--details",
        metavar="FILE",
        help="also write one JSON line per cluster: each method's scores, time, error and summary",
    )
    add_progress_arg(p)
    p.set_defaults(run=run)


def _methods(spec: str | None) -> list[str]:
    from ..evaluate.runner import make_method
    from ..select import METHODS

    names = [m.strip() for m in spec.split(",") if m.strip()] if spec else list(METHODS)
    for name in names:
        make_method(name, ["check"])  # unknown names and bad parameters fail here, before any work
    return list(dict.fromkeys(names))


def _count_rows(path: str, limit: int | None) -> int | None:
    if path == "-":
        return limit
    with open(path, "rb") as f:
        n = sum(1 for line in f if line.strip())
    return min(n, limit) if limit else n


def run(args: argparse.Namespace) -> int:
    """Run the evaluation; 0 when everything was scored, 1 when anything failed, 2 on usage errors."""
    from itertools import islice

    from ..evaluate.report import FORMATS, aggregate, failures
    from ..evaluate.runner import run_eval
    from ..model import Budget
    from ..read import read_cluster_rows

    try:
        methods = _methods(args.method)
    except (ValueError, TypeError) as e:
        error("--method", str(e))
        return 2
    baseline = args.baseline or ("default" if "default" in methods else methods[0])
    if baseline not in methods:
        error("--baseline", f"{baseline!r} is not among the methods evaluated")
        return 2
    budget = Budget.of(args.words, args.sentences, args.bytes)
    try:
        total = _count_rows(args.data, args.limit)
        rows = islice(read_cluster_rows(args.data), args.limit)
        results = list(
            progress(
                run_eval(rows, methods, budget, jobs=args.jobs, keep_summaries=bool(args.details)),
                total=total,
                desc="clusters",
                enabled=args.progress,
                unit="cluster",
            )
        )
    except OSError as e:
        error(args.data, e.strerror or str(e))
        return 1
    if args.details:
        _write_details(args.details, results)
    report = aggregate(results, methods, baseline, resamples=args.resamples, seed=args.seed)
    report.update(data=args.data, words=budget.words, sentences=budget.sentences, bytes=budget.bytes)
    for r in report["failed_rows"]:
        error(f"{args.data}:{r['line']}", r["error"])
    for m, e in report["methods"].items():
        for f in e["failures"]:
            error(f"{args.data}:{f['line']}", f"{m}: {f['error']}")
    if not report["scored"]:
        error(args.data, "no cluster could be scored")
    with output(args.output) as out:
        out.write(FORMATS[args.format](report))
    return 1 if failures(report) or not report["scored"] else 0


def _write_details(path: str, results: list) -> None:
    """Per-cluster results as JSON lines, for looking into where a method wins or loses."""
    import json
    from dataclasses import asdict

    with output(path) as out:
        for r in results:
            out.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
