"""Speed benchmark: time and peak memory per story against story size, and whole-file throughput.

    .venv/bin/python bench/speed.py ../shared/data [--sizes 2,10,100,1000] [--repeats 5] [--stories 500]

Stories of 2, 10, 100 and 1,000 articles are built from the documents of
DATA_DIR/mds/multinews_plus_lowercased.jsonl, in file order. For each size: the shared preparation
(read, clean, split, align) and each method's selection are timed in CPU time (medians over --repeats runs, after
one warm-up run so that imports are not counted) and their peak traced memory measured (tracemalloc,
in a separate run, since tracing slows the code down). Throughput: the first --stories clusters of the
file, each prepared once and briefed by each method, in stories per second of the whole pipeline.
Every figure is also given as a ratio to lexrank, measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import tracemalloc
from functools import partial
from pathlib import Path

from storybrief.model import Budget
from storybrief.pipeline import brief_of, build_story
from storybrief.read import articles_from_documents
from storybrief.select import EVAL_ONLY, METHODS, get_method

FILE = "mds/multinews_plus_lowercased.jsonl"
REF = "lexrank"  # every ratio is to this method, measured in the same run


def build(docs: list[str], story_id: str):
    """Read, clean, split and align documents into a story."""
    return build_story(articles_from_documents(docs), story_id)


def documents(path: Path, n: int) -> list[str]:
    """The first ``n`` documents of a cluster file, across clusters."""
    out: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            out.extend(json.loads(line)["documents"])
            if len(out) >= n:
                break
    return out[:n]


def timed(fn, repeats: int) -> float:
    """Median CPU seconds of ``fn()`` over ``repeats`` runs.

    CPU time of this process, not wall time: the benchmark machine is shared, and other people's
    processes stretch wall time by a factor that changes from run to run.
    """
    times = []
    for _ in range(repeats):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return statistics.median(times)


def peak_mb(fn) -> float:
    """Peak memory traced while ``fn()`` runs, in MB."""
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def by_size(docs: list[str], sizes: list[int], methods: list[str], repeats: int, budget: Budget) -> list[dict]:
    """One row per story size: sentences, preparation and per-method select time and memory."""
    rows = []
    for size in sizes:
        prep = partial(build, docs[:size], f"s{size}")
        story = prep()
        row = {"articles": size, "sentences": len(story.sentences), "prepare_s": timed(prep, repeats)}
        row["prepare_mb"] = peak_mb(prep)
        for m in methods:
            run = partial(brief_of, story, budget, get_method(m))
            run()  # warm-up: imports and caches are not what is measured
            row[m] = timed(run, repeats)
            row[f"{m}_mb"] = peak_mb(run)
        rows.append(row)
        print(f"size {size}: done", file=sys.stderr, flush=True)
    return rows


def throughput(path: Path, n: int, methods: list[str], budget: Budget) -> dict[str, float]:
    """Stories per second of the whole pipeline for each method over the first ``n`` clusters."""
    prepare = 0.0
    select = dict.fromkeys(methods, 0.0)
    count = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if n and count >= n:
                break
            row = json.loads(line)
            t0 = time.process_time()
            story = build_story(articles_from_documents(row["documents"]), str(row.get("id", count)))
            prepare += time.process_time() - t0
            for m in methods:
                t0 = time.process_time()
                brief_of(story, budget, m)
                select[m] += time.process_time() - t0
            count += 1
    return {"stories": count, "prepare_s": prepare, **{m: count / (prepare + s) for m, s in select.items()}}


def _table(title: str, head: list[str], rows: list[list[str]]) -> list[str]:
    return [f"**{title}**", "", "| " + " | ".join(head) + " |", "|" + " ---: |" * len(head)] + [
        "| " + " | ".join(r) + " |" for r in rows
    ]


def size_tables(rows: list[dict], methods: list[str], repeats: int) -> list[str]:
    """Time and memory against story size, with ratios to lexrank."""
    times = [
        [str(r["articles"]), str(r["sentences"]), f"{r['prepare_s'] * 1000:.1f}"]
        + [f"{r[m] * 1000:.1f} ({r[m] / r[REF]:.2f})" for m in methods]
        for r in rows
    ]
    memory = [[str(r["articles"]), f"{r['prepare_mb']:.1f}", *[f"{r[m + '_mb']:.1f}" for m in methods]] for r in rows]
    return [
        *_table(
            f"CPU time per story: selection (median of {repeats}) and the shared preparation",
            ["articles", "sentences", "prepare ms", *[f"{m} ms (x lexrank)" for m in methods]],
            times,
        ),
        "",
        *_table(
            "Peak traced memory per story (tracemalloc)",
            ["articles", "prepare MB", *[f"{m} MB" for m in methods]],
            memory,
        ),
        "",
    ]


def throughput_table(thr: dict[str, float], methods: list[str]) -> list[str]:
    """Stories per second of each method, with ratios to lexrank."""
    rows = [[m, f"{thr[m]:.1f}", f"{thr[m] / thr[REF]:.2f}"] for m in methods]
    title = f"Throughput, whole pipeline (CPU time), first {thr['stories']} clusters of {FILE}"
    note = f"Preparation (read, clean, split, align) took {thr['prepare_s']:.1f} CPU s of each method's total."
    return [*_table(title, ["method", "stories/s", "x lexrank"], rows), "", note]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data_dir", type=Path, help="the benchmark data folder (holding mds/)")
    p.add_argument("--sizes", default="2,10,100,1000", help='story sizes in articles ("" for throughput only)')
    p.add_argument("--repeats", type=int, default=5, help="runs per measurement (medians)")
    p.add_argument("--stories", type=int, default=500, help="clusters for the throughput run (0: the whole file)")
    p.add_argument("--methods", default=None, help="comma-separated methods (default: all but eval-only)")
    p.add_argument("--words", type=int, default=100, help="word budget")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out" / "speed.md")
    args = p.parse_args(argv)
    path = args.data_dir / FILE
    if not path.exists():
        print(f"speed: {path} not found", file=sys.stderr)
        return 1
    methods = args.methods.split(",") if args.methods else [m for m in METHODS if m not in EVAL_ONLY]
    if REF not in methods:
        methods.append(REF)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    budget = Budget(words=args.words)
    rows = by_size(documents(path, max(sizes)), sizes, methods, args.repeats, budget) if sizes else []
    thr = throughput(path, args.stories, methods, budget)
    report = (
        "\n".join((size_tables(rows, methods, args.repeats) if rows else []) + throughput_table(thr, methods)) + "\n"
    )
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
