"""Quality benchmark: `storybrief eval` over every file of DATA_DIR/mds/, all methods, as Markdown.

    .venv/bin/python bench/quality.py ../shared/data [--plus-limit 500] [--jobs 2] [--methods a,b]

Each file is scored at its usual budget (DUC 100 words, Multi-News 260; see the data README), with
95% bootstrap intervals and a paired bootstrap of every method against the default. The report is
printed and written to bench/out/quality.md (git-ignored).
"""

from __future__ import annotations

import argparse
import sys
import time
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from storybrief.evaluate.report import aggregate, format_markdown
from storybrief.evaluate.runner import run_eval
from storybrief.model import Budget
from storybrief.read import read_cluster_rows
from storybrief.select import METHODS

OUT = Path(__file__).resolve().parent / "out"
WORDS = {"duc": 100, "multinews": 260}  # the data README's usual budgets


def budget_for(path: Path) -> int:
    """The usual word budget of a data file, by its name."""
    return next((w for key, w in WORDS.items() if path.name.startswith(key)), 100)


def evaluate_file(path: Path, methods: list[str], limit: int | None, jobs: int) -> str:
    """The Markdown report of one file."""
    words = budget_for(path)
    start = time.perf_counter()
    rows = islice(read_cluster_rows(str(path)), limit)
    results = list(
        tqdm(
            run_eval(rows, methods, Budget(words=words), jobs=jobs),
            desc=path.name,
            unit="cluster",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
        )
    )
    report = aggregate(results, methods, "default" if "default" in methods else methods[0])
    took = time.perf_counter() - start
    head = f"### {path.name} — {words} words, {report['scored']} clusters ({took:.0f} s with {jobs} job(s))\n\n"
    return head + format_markdown(report)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data_dir", type=Path, help="the benchmark data folder (holding mds/)")
    p.add_argument("--methods", default=None, help="comma-separated methods (default: all, oracle included)")
    p.add_argument("--plus-limit", type=int, default=500, help="clusters of multinews_plus_lowercased (0: all)")
    p.add_argument("--limit", type=int, default=None, help="clusters of every file (for quick checks)")
    p.add_argument("--jobs", type=int, default=1, help="worker processes")
    p.add_argument("--out", type=Path, default=OUT / "quality.md", help="where to write the Markdown report")
    args = p.parse_args(argv)
    files = sorted((args.data_dir / "mds").glob("*.jsonl"))
    if not files:
        print(f"quality: no .jsonl files in {args.data_dir / 'mds'}", file=sys.stderr)
        return 1
    methods = args.methods.split(",") if args.methods else list(METHODS)
    parts = [f"Methods: {', '.join(methods)}. F1 and recall x100 (rouge-score, Porter stemming).\n"]
    for path in files:
        limit = args.limit
        if path.name.startswith("multinews_plus") and args.plus_limit:
            limit = min(limit or args.plus_limit, args.plus_limit)
        parts.append(evaluate_file(path, methods, limit, args.jobs))
        print(parts[-1], flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(parts), encoding="utf-8")
    print(f"written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
