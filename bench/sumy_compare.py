"""sumy's LexRank against storybrief's lexrank and default methods, on the same stories, in one run.

    python3 -m venv bench/out/venv-sumy && bench/out/venv-sumy/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/sumy_compare.py ../shared/data [--file mds/duc2003.jsonl] [--words 100]

sumy lives in its own virtual environment (it is a benchmark-only package), so this script runs itself
there as a worker (``--worker``) and sends it each story's sentences as split by storybrief; sumy's
LexRank (threshold 0.1, its English stop words and Snowball stemmer) rates them, and the best are taken
until the word budget is met, then put in text order. The worker times sumy's rating; this side times
storybrief's selection (candidates, vectors, ranking, budget), both medians per story over --repeats
runs. ROUGE (same scorer as ``storybrief eval``) of all three is reported with the speed ratios.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / "out" / "venv-sumy"


def median_time(fn, repeats: int) -> tuple[float, object]:
    """Median CPU seconds of ``fn()`` over ``repeats`` runs (the machine is shared), and its last result."""
    times, result = [], None
    for _ in range(repeats):
        t0 = time.process_time()
        result = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), result


# ---- the worker: runs under the sumy environment, imports nothing of storybrief --------------------


class _Words:
    """sumy's word tokenizer needs NLTK data that no package registry serves; words are regex runs."""

    def to_words(self, text: str) -> list[str]:
        return re.findall(r"\w+", text)


def _sumy_summary(sentences: list[str], words: int) -> list[int]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    tok = _Words()
    doc = ObjectDocumentModel([Paragraph([Sentence(s, tok) for s in sentences])])
    lr = LexRankSummarizer(Stemmer("english"))
    lr.stop_words = get_stop_words("english")
    sents = doc.sentences
    bags = [lr._to_words_set(s) for s in sents]
    matrix = lr._create_matrix(bags, lr.threshold, lr._compute_tf(bags), lr._compute_idf(bags))
    scores = lr.power_method(matrix, lr.epsilon)
    chosen, total = [], 0
    for i in sorted(range(len(sents)), key=lambda i: -scores[i]):
        if total >= words:
            break
        chosen.append(i)
        total += len(sentences[i].split())
    return sorted(chosen)


def worker(repeats: int) -> None:
    """Read stories (JSON lines) on stdin; write sumy's choice and median time for each."""
    for line in sys.stdin:
        job = json.loads(line)
        seconds, chosen = median_time(lambda job=job: _sumy_summary(job["sentences"], job["words"]), repeats)
        print(json.dumps({"id": job["id"], "seconds": seconds, "chosen": chosen}), flush=True)


# ---- the driver: runs under the project's environment ---------------------------------------------


def _cut(sentences: list[str], words: int) -> str:
    from storybrief.evaluate.rouge import cut_to_words

    return cut_to_words("\n".join(sentences), words)


def compare(path: Path, words: int, limit: int | None, repeats: int, venv: Path) -> str:
    """Run both sides on the clusters of ``path``; the Markdown report."""
    from storybrief.evaluate import RougeScorer, bootstrap_ci
    from storybrief.model import Budget
    from storybrief.pipeline import brief_of, build_story
    from storybrief.read import articles_from_documents
    from storybrief.select import get_method

    rows = [json.loads(line) for line in islice(path.open(encoding="utf-8"), limit)]
    stories = [build_story(articles_from_documents(r["documents"]), str(r["id"])) for r in rows]
    jobs = []
    for r, st in zip(rows, stories, strict=True):
        used = {a.id for a in st.used}
        jobs.append(
            {"id": r["id"], "words": words, "sentences": [s.text for s in st.sentences if s.article_id in used]}
        )
    proc = subprocess.run(
        [str(venv / "bin" / "python"), __file__, "--worker", "--repeats", str(repeats)],
        input="\n".join(json.dumps(j) for j in jobs) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    sumy = [json.loads(line) for line in proc.stdout.splitlines()]
    budget = Budget(words=words)
    figures: dict[str, dict[str, list[float]]] = {}
    for r, st, job, out in zip(rows, stories, jobs, sumy, strict=True):
        scorer = RougeScorer(r["summaries"])
        runs = {"sumy lexrank": (out["seconds"], _cut([job["sentences"][i] for i in out["chosen"]], words))}
        for name in ("lexrank", "default"):
            method = get_method(name)
            brief_of(st, budget, method)  # warm-up
            seconds, brief = median_time(lambda method=method, st=st: brief_of(st, budget, method), repeats)
            runs[f"storybrief {name}"] = (seconds, brief.summary)
        for name, (seconds, summary) in runs.items():
            s = scorer.score(summary, words)
            f = figures.setdefault(name, {"r1": [], "r2": [], "sec": []})
            f["r1"].append(s["rouge1_f"])
            f["r2"].append(s["rouge2_f"])
            f["sec"].append(seconds)
    base = statistics.median(figures["sumy lexrank"]["sec"])
    lines = [
        f"**{path.name}, {len(rows)} clusters, {words} words: sumy's LexRank vs storybrief on the same sentences**",
        "",
        "| method | R1 F1 [95% CI] | R2 F1 [95% CI] | median CPU ms/story | speed vs sumy |",
        "| --- | --- | --- | ---: | ---: |",
    ]
    for name, f in figures.items():
        med = statistics.median(f["sec"])
        cells = [
            f"{100 * statistics.mean(f[k]):.2f} [{100 * bootstrap_ci(f[k])[0]:.2f}, {100 * bootstrap_ci(f[k])[1]:.2f}]"
            for k in ("r1", "r2")
        ]
        lines.append(f"| {name} | {cells[0]} | {cells[1]} | {med * 1000:.1f} | {base / med:.1f}x |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the comparison (or, with --worker, the sumy side of it)."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data_dir", type=Path, nargs="?", help="the benchmark data folder (holding mds/)")
    p.add_argument("--file", default="mds/duc2003.jsonl", help="cluster file under DATA_DIR")
    p.add_argument("--words", type=int, default=100, help="word budget")
    p.add_argument("--limit", type=int, default=None, help="only the first N clusters")
    p.add_argument("--repeats", type=int, default=3, help="timed runs per story (medians)")
    p.add_argument("--venv", type=Path, default=VENV, help="virtual environment with sumy installed")
    p.add_argument("--out", type=Path, default=HERE / "out" / "sumy_compare.md")
    p.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.worker:
        worker(args.repeats)
        return 0
    if args.data_dir is None or not (args.data_dir / args.file).exists():
        print(f"sumy_compare: no {args.file} under {args.data_dir}", file=sys.stderr)
        return 1
    if not (args.venv / "bin" / "python").exists():
        print(f"sumy_compare: no sumy environment at {args.venv} (see --help)", file=sys.stderr)
        return 1
    report = compare(args.data_dir / args.file, args.words, args.limit, args.repeats, args.venv)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
