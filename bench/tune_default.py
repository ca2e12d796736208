"""Score selection methods on benchmark clusters with ROUGE: a lean harness for tuning the default.

Usage::

    .venv/bin/python bench/tune_default.py DATA_DIR [--files duc2003:100,multinews_raw_dev:260]
        [--method default,lead] [--param default.key=value ...] [--limit N] [--boot 1000]

Stories are built once (read, clean, split, align) and cached in /tmp so that only selection is re-run
while tuning. Scoring follows ``DATA_DIR/README.md``: rouge-score with the Porter stemmer, F1 of
ROUGE-1/2/Lsum, the summary cut to the word budget, the mean over a cluster's references, then over clusters.
A paired bootstrap over clusters gives the share of resamples in which the first method beats each other.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import statistics
import time
from collections import Counter
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

from storybrief.model import Budget
from storybrief.select import get_method, select
from storybrief.split import split_sentences

METRICS = ("rouge1", "rouge2", "rougeLsum")


def load_stories(path: Path, limit: int | None, rebuild: bool, tag: str = "") -> list[tuple[object, list[str]]]:
    """(story, references) for each row; built once and cached in /tmp (``rebuild`` builds afresh).

    The cache lets tuning compare selection alone on fixed stories while the other stages change;
    final figures should be taken with ``--rebuild``.
    """
    cache = Path(f"/tmp/storybrief_bench_{path.stem}_{tag or limit}.pkl")
    if cache.exists() and not rebuild:
        return pickle.loads(cache.read_bytes())
    from storybrief.pipeline import build_story
    from storybrief.read import articles_from_documents

    out = []
    with path.open() as f:
        for k, line in enumerate(f):
            if limit is not None and k >= limit:
                break
            row = json.loads(line)
            story = build_story(articles_from_documents(row["documents"]), str(row["id"]))
            out.append((story, list(row["summaries"])))
    cache.write_bytes(pickle.dumps(out))
    return out


def score(scorer, summary: str, refs: list[str]) -> dict[str, float]:
    """Mean F1 x100 over the references."""
    tot = dict.fromkeys(METRICS, 0.0)
    for ref in refs:
        ref = "\n".join(split_sentences(ref.replace("\n", " ")))
        for m, v in scorer.score(ref, summary).items():
            tot[m] += 100 * v.fmeasure / len(refs)
    return tot


def paired_bootstrap(a: np.ndarray, b: np.ndarray, n: int, seed: int = 0) -> float:
    """Share of cluster resamples in which mean(a) > mean(b)."""
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(a), size=(n, len(a)))
    return float(((a[idx] - b[idx]).mean(axis=1) > 0).mean())


def parse_params(items: list[str]) -> dict[str, dict[str, object]]:
    """``method.key=value`` strings to {method: {key: value}} (values parsed as JSON when they can be)."""
    out: dict[str, dict[str, object]] = {}
    for item in items:
        key, value = item.split("=", 1)
        method, name = key.rsplit(".", 1)
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            parsed = value
        out.setdefault(method, {})[name] = parsed
    return out


_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{2,}(?:\([A-Za-z. ]+\))?\s*(?:--|—|–|-|_)\s"
    r"|^[A-Z][A-Za-z .'-]+, [A-Z][a-z]+\.? \d{1,2} \([A-Za-z. ]+\)\s*(?:--|—|–|-|_)"
)


def readability(story, chosen) -> Counter:
    """Counts of readability faults in a brief: dangling openers, datelines, non-news lines, repeats."""
    from storybrief.select.concepts import content_stems, numbers
    from storybrief.select.coverage import repeats
    from storybrief.select.nonnews import leans_on_previous, rejection

    faults: Counter = Counter(sentences=len(chosen))
    for k, s in enumerate(chosen):
        prev = chosen[k - 1] if k else None
        if leans_on_previous(s.text) and not (prev and (prev.article_id, prev.index) == (s.article_id, s.index - 1)):
            faults["dangling opener"] += 1
        faults["dateline"] += bool(_DATELINE.match(s.text))
        faults["non-news"] += not s.truncated and rejection(s.text) is not None
    whole = [s.text for s in chosen if not s.truncated]  # a cut-off tail shares too much by chance
    stems = [content_stems(t) for t in whole]
    for i in range(len(stems)):
        for j in range(i + 1, len(stems)):
            # the default's own rule (content words, and a figure in common), at its default setting
            faults["repeat pair"] += repeats(stems[i], stems[j], whole[i], whole[j], numbers, 0.5, 0.3)
    return faults


def run_file(path: Path, words: int, methods: list[str], params, args) -> None:
    """Print a table of mean ROUGE and median time per method for one file."""
    stories = load_stories(path, args.limit, args.rebuild, args.tag)
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    results: dict[str, np.ndarray] = {}
    times: dict[str, float] = {}
    faults: dict[str, Counter] = {m: Counter() for m in methods}
    for name in methods:
        method = get_method(name.split("@")[0], **params.get(name, {}))
        rows, secs = [], []
        for story, refs in stories:
            story.extra["references"] = refs  # for the oracle only
            t = time.perf_counter()
            chosen = select(story, Budget(words=words), method)
            secs.append(time.perf_counter() - t)
            s = score(scorer, "\n".join(c.text for c in chosen), refs)
            faults[name] += readability(story, chosen)
            rows.append([s[m] for m in METRICS])
        results[name] = np.array(rows)
        times[name] = statistics.median(secs) * 1000
    first = methods[0]
    print(f"\n{path.name} ({len(stories)} clusters, {words} words)")
    print(f"{'method':<22}{'R1':>7}{'R2':>7}{'RLsum':>7}{'ms':>8}  P({first} better R1/R2)")
    for name in methods:
        r = results[name].mean(axis=0)
        line = f"{name:<22}{r[0]:7.2f}{r[1]:7.2f}{r[2]:7.2f}{times[name]:8.2f}"
        if name != first:
            p1 = paired_bootstrap(results[first][:, 0], results[name][:, 0], args.boot)
            p2 = paired_bootstrap(results[first][:, 1], results[name][:, 1], args.boot)
            line += f"  {p1:.3f} / {p2:.3f}"
        print(line, flush=True)
    print("readability faults (sentences, dangling openers, datelines, non-news, repeated pairs):")
    for name in methods:
        f = faults[name]
        keys = ("sentences", "dangling opener", "dateline", "non-news", "repeat pair")
        print(f"  {name:<20}" + "".join(f"{f[k]:6d}" for k in keys))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the data folder (its mds/ subfolder is read)")
    ap.add_argument("--files", default="duc2003:100,multinews_raw_dev:260")
    ap.add_argument("--method", default="default,lead", help="names; name@tag to run one twice with --param")
    ap.add_argument("--param", action="append", default=[], help="method.key=value (repeatable)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--tag", default="", help="name of the story cache to use (default: the --limit)")
    ap.add_argument("--rebuild", action="store_true", help="build the stories afresh with the current stages")
    args = ap.parse_args()
    params = parse_params(args.param)
    for spec in args.files.split(","):
        stem, words = spec.split(":")
        run_file(args.data / "mds" / f"{stem}.jsonl", int(words), args.method.split(","), params, args)


if __name__ == "__main__":
    main()
