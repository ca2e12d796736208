"""Benchmark of story clustering: BCubed quality per file, near-copy precision, throughput and memory.

    python bench/cluster.py /work/shared/data                   # everything (a few minutes)
    python bench/cluster.py /work/shared/data --sizes 10000     # a quick throughput point
    python bench/cluster.py /work/shared/data --only quality
    python bench/cluster.py /work/shared/data --only halves --set batch.LOCAL=0   # an ablation

Halves: each half of each clustering file clustered on its own (ECB+ topics 1-11 / 12-22, DUC task 2 TDT
events / tasks 3-4 topics), a check of how stable a setting is in place of unseen data. ``--set
MODULE.NAME=VALUE`` (repeatable) changes a constant of ``storybrief.cluster.MODULE`` for the run, child
processes included, to measure a variant without editing the code.

Quality: every file of DATA/clustering/ in file order and in 3 shuffled orders (the median is reported; a
file smaller than a batch is re-clustered as a whole, so its order should not matter: this checks it),
beside the baseline of issue 6 (scikit-learn TF-IDF with average-linkage agglomerative clustering on cosine
distance, threshold 0.85, the whole file at once; English stop words and sublinear tf, the setting that
reproduces the issue's 88.9 / 86.0), and every document of DATA/mds/multinews_plus_lowercased.jsonl
labelled with its cluster (shuffled, undated).

Scale: N articles built from the Multi-News documents: each cluster gets a made-up day (about 50 clusters a
day), and the collection is repeated as often as needed, each repetition 200 days after the last, with new
ids. Every size runs in its own process, which reports its wall time and peak memory (ru_maxrss).

Near-copies: pairs found on the Multi-News documents (shown for checking by hand with --show-copies), and
on a made-up syndication test: 500 documents copied under another headline with boilerplate appended.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storybrief.cluster import Doc, cluster_docs  # noqa: E402
from storybrief.cluster.bcubed import bcubed  # noqa: E402

SHUFFLES = (1, 2, 3)
SETTINGS: list[str] = []  # --set arguments, passed on to child processes


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ours(rows: list[dict], label: str = "event_cluster") -> tuple[float, float, float]:
    got = [a.story for a in cluster_docs(Doc(r["id"], r["text"], r.get("date")) for r in rows)]
    return bcubed(got, [r[label] for r in rows])


def baseline(rows: list[dict], label: str = "event_cluster") -> tuple[float, float, float]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r["text"] for r in rows]).toarray()
    got = AgglomerativeClustering(
        n_clusters=None, metric="cosine", linkage="average", distance_threshold=0.85
    ).fit_predict(x)
    return bcubed(list(got), [r[label] for r in rows])


def shuffled(rows: list[dict], seed: int) -> list[dict]:
    out = list(rows)
    random.Random(seed).shuffle(out)
    return out


def fmt(prf: tuple[float, float, float]) -> str:
    return " / ".join(f"{100 * v:.1f}" for v in prf)


def median_prf(runs: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    best = sorted(runs, key=lambda r: r[2])[len(runs) // 2]  # the run with the median F1
    return best


def multinews_docs(data: Path) -> list[dict]:
    rows = []
    for c, cluster in enumerate(read_jsonl(data / "mds" / "multinews_plus_lowercased.jsonl")):
        for i, doc in enumerate(cluster["documents"]):
            rows.append({"id": f"{cluster['id']}/{i}", "text": doc, "label": cluster["id"], "day": c // 50})
    return rows


def quality(data: Path) -> None:
    print("| file | articles | storybrief P / R / F1 (file order) | storybrief, median of 3 shuffles | baseline |")
    print("| --- | --- | --- | --- | --- |")
    for path in sorted((data / "clustering").glob("*.jsonl")):
        rows = read_jsonl(path)
        runs = [ours(shuffled(rows, s)) for s in SHUFFLES]
        print(f"| {path.name} | {len(rows)} | {fmt(ours(rows))} | {fmt(median_prf(runs))} | {fmt(baseline(rows))} |")
    rows = shuffled(multinews_docs(data), 1)
    t = time.perf_counter()
    prf = ours(rows, "label")
    took = time.perf_counter() - t
    print(f"| multinews docs (shuffled, undated) | {len(rows)} | – | {fmt(prf)} ({took:.1f} s) | – (quadratic) |")


def halves(data: Path) -> None:
    ecb = read_jsonl(data / "clustering" / "ecbplus_dev.jsonl")
    duc = read_jsonl(data / "clustering" / "duc2003_pooled.jsonl")

    def topic(r: dict) -> int:
        return int(r["event_cluster"].split("_")[0])

    parts = {
        "ECB+ topics 1-11": [r for r in ecb if topic(r) <= 11],
        "ECB+ topics 12-22": [r for r in ecb if topic(r) > 11],
        "DUC task 2 (TDT events)": [r for r in duc if r["event_cluster"].endswith("t")],
        "DUC tasks 3-4 (topics)": [r for r in duc if not r["event_cluster"].endswith("t")],
    }
    print("| half | articles | P / R / F1 |")
    print("| --- | --- | --- |")
    for name, rows in parts.items():
        print(f"| {name} | {len(rows)} | {fmt(ours(rows))} |")


def apply_settings(settings: list[str]) -> None:
    """``MODULE.NAME=VALUE``: set a constant of ``storybrief.cluster.MODULE`` (same type as before)."""
    import importlib

    for setting in settings:
        key, value = setting.split("=", 1)
        module_name, name = key.split(".", 1)
        module = importlib.import_module(f"storybrief.cluster.{module_name}")
        old = getattr(module, name)  # an unknown name is an error, not a silent no-op
        setattr(module, name, type(old)(float(value)) if isinstance(old, (int, float)) else value)


def scale_rows(data: Path, n: int) -> list[dict]:
    from datetime import date, timedelta

    base = multinews_docs(data)
    start = date(2026, 1, 1)
    rows = []
    for k in range(n):
        doc, epoch = base[k % len(base)], k // len(base)
        day = start + timedelta(days=doc["day"] + 200 * epoch)
        rows.append(
            {
                "id": f"{doc['id']}#{epoch}",
                "text": doc["text"],
                "date": day.isoformat(),
                "label": f"{doc['label']}#{epoch}",
            }
        )
    rows.sort(key=lambda r: r["date"])
    return rows


def scale_child(data: Path, n: int) -> None:
    """Run in a child process: cluster n articles, print one JSON line of figures."""
    rows = scale_rows(data, n)
    docs = [Doc(r["id"], r["text"], r["date"]) for r in rows]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t, cpu = time.perf_counter(), time.process_time()
    got = [a.story for a in cluster_docs(docs)]
    took, cpu = time.perf_counter() - t, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    f = bcubed(got, [row["label"] for row in rows])[2]
    print(json.dumps({"n": n, "seconds": took, "cpu": cpu, "peak_mb": peak / 1024, "input_mb": before / 1024, "f1": f}))


def scale(data: Path, sizes: list[int]) -> None:
    print("| articles | wall s | CPU s | articles / CPU s | peak memory (MB, whole process) | BCubed F1 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for n in sizes:
        sets = [arg for setting in SETTINGS for arg in ("--set", setting)]
        out = subprocess.run(
            [sys.executable, __file__, str(data), "--child", str(n), *sets], capture_output=True, text=True, check=True
        )
        r = json.loads(out.stdout.strip().splitlines()[-1])
        print(
            f"| {n:,} | {r['seconds']:.1f} | {r['cpu']:.1f} | {n / r['cpu']:,.0f} | {r['peak_mb']:,.0f} "
            f"(input alone {r['input_mb']:,.0f}) | {100 * r['f1']:.1f} |"
        )


def copies(data: Path, show: int) -> None:
    docs = multinews_docs(data)
    found = [a for a in cluster_docs(Doc(d["id"], d["text"]) for d in docs) if a.duplicate_of]
    text = {d["id"]: d["text"] for d in docs}
    print(f"multinews documents: {len(found)} near-copy pairs found among {len(docs)} documents")
    for a in random.Random(0).sample(found, min(show, len(found))):
        print(f"--- {a.id} copies {a.duplicate_of}\n  A: {text[a.id][:160]}\n  B: {text[a.duplicate_of][:160]}")
    rng = random.Random(7)
    originals = rng.sample(docs, 500)
    made = []
    for d in originals:
        body = d["text"]
        made.append(
            {
                "id": d["id"] + "/copy",
                "text": f"Headline of the copy {rng.randint(0, 9999)}\n{body}\n"
                "This story was distributed by a wire service. Subscribe to our newsletter for more.",
            }
        )
    stream = shuffled(docs + made, 3)
    got = {a.id: a.duplicate_of for a in cluster_docs(Doc(d["id"], d["text"]) for d in stream)}
    # in a shuffled stream either one of a pair may come first: a pair is found in either direction
    calls = {tuple(sorted((i, j))) for i, j in got.items() if j and (i.endswith("/copy") or j.endswith("/copy"))}
    right = sum(a + "/copy" == b for a, b in calls)
    print(
        f"made-up syndication: {len(originals)} copies made; {len(calls)} pairs called that involve one, {right} "
        f"of them a copy and its own original: recall {100 * right / len(originals):.1f}%, precision "
        f"{100 * right / max(1, len(calls)):.1f}% (a copy of a document that is itself repeated in the data may be "
        "matched to an identical twin: counted wrong here)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the benchmark data folder (with clustering/ and mds/)")
    ap.add_argument("--only", choices=("quality", "halves", "scale", "copies"))
    ap.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE", help="change a constant")
    ap.add_argument("--sizes", default="10000,30000,100000", help="article counts for the scale test")
    ap.add_argument("--show-copies", type=int, default=10, help="near-copy pairs to print for checking by hand")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    apply_settings(args.set)
    SETTINGS.extend(args.set)
    if args.child:
        scale_child(args.data, args.child)
        return
    if args.only in (None, "quality"):
        quality(args.data)
    if args.only == "halves":
        halves(args.data)
    if args.only in (None, "scale"):
        scale(args.data, [int(s) for s in args.sizes.split(",")])
    if args.only in (None, "copies"):
        copies(args.data, args.show_copies)


if __name__ == "__main__":
    main()
