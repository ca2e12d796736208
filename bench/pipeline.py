"""Time the pipeline stage by stage against the budgets of DESIGN.md (medians, one core).

Usage::

    .venv/bin/python bench/pipeline.py ../shared/data            # all three tables
    .venv/bin/python bench/pipeline.py ../shared/data --stories 20 --big 3   # quicker, while iterating

* Multi-News-size stories: the raw Multi-News clusters (2-10 scraped articles, ~2,000 words), budget 20 ms
  for the pipeline without the selection method (read rows, clean, split, align, render); the methods
  ``lead`` and ``default`` are timed too, outside the budget.
* WCEP-size stories: 100 DUC articles pooled from 10 clusters (~3,000 sentences), budget 1 s.
* ``storybrief --help``: wall and CPU time of the installed command, budget 0.3 s.

Each story is timed once per stage after one warm-up story (imports are not counted, except for --help),
in CPU seconds of this process (time.process_time), so that other jobs on a shared machine do not inflate
the figures.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

STAGES = ("read", "clean", "split", "align", "select (lead)", "render", "select (default)")
METHODS = ("select (lead)", "select (default)")  # timed, but not part of the budget


def time_story(documents: list, story_id: str) -> dict[str, float]:
    """Seconds spent in each stage for one story, and the number of sentences."""
    from storybrief.align import align
    from storybrief.model import Budget, Story
    from storybrief.pipeline import brief_of, prepare
    from storybrief.read import articles_from_documents
    from storybrief.render import to_json
    from storybrief.split import split

    t: dict[str, float] = {}
    clock = time.process_time()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.process_time()
        t[name] = now - clock
        clock = now

    articles = articles_from_documents(documents, story_id)
    lap("read")
    for a in articles:
        prepare(a)
    lap("clean")
    story = Story(id=story_id, articles=articles)
    for a in articles:
        if a.status != "rejected":
            story.sentences.extend(split(a))
    lap("split")
    align(story)
    lap("align")
    brief = brief_of(story, Budget(words=260), "lead")
    lap("select (lead)")
    to_json(brief)
    lap("render")
    brief_of(story, Budget(words=260), "default")
    lap("select (default)")
    t["sentences"] = len(story.sentences)
    t["words"] = sum(len(str(d).split()) for d in documents)
    return t


def report(title: str, rows: list[dict[str, float]], budget_ms: float) -> None:
    """A Markdown table of median milliseconds per stage, and the total without the method."""
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    glue = [sum(r[s] for s in STAGES if s not in METHODS) for r in rows]
    print(f"\n### {title}: {len(rows)} stories, median {med['words']:,.0f} words, {med['sentences']:,.0f} sentences\n")
    print("| " + " | ".join(STAGES) + " | total without method | budget |")
    print("|---" * (len(STAGES) + 2) + "|")
    cells = [f"{1000 * med[s]:.1f}" for s in STAGES]
    total = 1000 * statistics.median(glue)
    print(f"| {' | '.join(cells)} | **{total:.1f}** ({total / budget_ms:.2f} of budget) | {budget_ms:g} ms |")


def multinews(data: Path, n: int) -> list[tuple[str, list]]:
    with open(data / "mds/multinews_raw_dev.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return [(r["id"], r["documents"]) for r in rows[:n]]


def pooled_duc(data: Path, n: int, size: int = 100) -> list[tuple[str, list]]:
    """``n`` stories of ``size`` DUC articles, each pooled from consecutive clusters."""
    with open(data / "mds/duc2003.jsonl", encoding="utf-8") as f:
        docs = [d for line in f for d in json.loads(line)["documents"]]
    return [(f"pool{k}", docs[k * size : (k + 1) * size]) for k in range(n) if (k + 1) * size <= len(docs)]


def help_time(repeats: int = 5) -> tuple[float, float]:
    """Median wall seconds and CPU seconds of ``storybrief --help`` in a fresh process."""
    import resource

    exe = Path(sys.executable).with_name("storybrief")
    wall, cpu = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run([str(exe), "--help"], capture_output=True, check=True)
        wall.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the benchmark data folder (../shared/data)")
    ap.add_argument("--stories", type=int, default=105, help="Multi-News stories timed (default all 105)")
    ap.add_argument("--big", type=int, default=6, help="100-article stories timed (default 6)")
    args = ap.parse_args()
    small, big = multinews(args.data, args.stories), pooled_duc(args.data, args.big)
    time_story(small[0][1], small[0][0])  # warm-up: imports and regex compilation are not the budget
    report("Multi-News raw", [time_story(docs, ident) for ident, docs in small], 20)
    report("100 DUC articles", [time_story(docs, ident) for ident, docs in big], 1000)
    wall, cpu = help_time()
    print(f"\n`storybrief --help`: median {1000 * wall:.0f} ms wall, {1000 * cpu:.0f} ms CPU (budget 300 ms)")


if __name__ == "__main__":
    main()
