"""Fit a sentence-quality prior for the default (issue 4) and report how well it ranks held-out sentences.

Usage::

    .venv/bin/python bench/train_quality.py DATA_DIR [--start 300] [--train 1500] [--holdout 300]
        [--target r2|r12|content|oracle] [--drop FEATURE,...] [--compare-hgb] [--write PATH]

Training data: clusters of ``DATA_DIR/mds/multinews_plus_lowercased.jsonl`` from index ``--start`` on
(the first 300 are the check set; the dev files duc2003.jsonl and multinews_raw_dev.jsonl are never read).
For every candidate the default would consider (a readable group's representative), the features of
``bench/quality_features.py`` and a target: the share of the sentence's stemmed bigrams that the
reference holds (``r2``, ROUGE-2 precision of the sentence alone); the mean of that and the share of its
unigrams (``r12``) or of its content words (``content``); or whether the greedy ROUGE oracle picks it
for a 260-word brief (``oracle``). Since the prior only ranks candidates within a story, features and
target are centred per story (a fixed-effects regression), then a Ridge model with a cross-validated
penalty is fitted on the standardised features. The held-out clusters after the training ones give the
mean within-story correlation of the prediction with the target, next to that of concept density alone.

The prior did not pay (docs/method.md, Tuning) and is not shipped. ``--write`` writes the fitted numbers
in the format of ``src/storybrief/select/quality_weights.py`` at commit 50b9123, where ``Default(quality=beta)``
reads them.
"""

from __future__ import annotations

import argparse
import json
import time
from itertools import pairwise
from pathlib import Path

import numpy as np

from quality_features import FEATURES, features  # bench/, next to this script
from storybrief.model import Budget
from storybrief.pipeline import build_story
from storybrief.read import articles_from_documents
from storybrief.select.concepts import analyse, stems, words
from storybrief.select.default import Default
from storybrief.select.nonnews import rejection
from storybrief.select.oracle import Oracle


def grams(text: str) -> tuple[set[str], set[tuple[str, str]]]:
    """Stemmed unigrams and bigrams of a text, as the ROUGE scorer tokenises (all words, lower case)."""
    st = stems(words(text))
    return set(st), set(pairwise(st))


def story_rows(row: dict, target: str) -> tuple[np.ndarray, np.ndarray] | None:
    """Features and targets of the candidates of one cluster (None when it has fewer than two)."""
    story = build_story(articles_from_documents(row["documents"]), str(row["id"]))
    used = {a.id for a in story.used}
    of = {id(s): analyse(s.text) for s in story.sentences if s.article_id in used}
    weights = Default()._concept_weights(story, of)
    groups = [
        g
        for g in story.groups
        if any(s.article_id in used for s in g.sentences) and rejection(g.representative.text) is None
    ]
    if len(groups) < 2:
        return None
    if target == "oracle":  # 1 for the sentences the greedy ROUGE oracle picks for a 260-word brief
        picked, n = set(), 0
        for gid in Oracle(list(row["summaries"])).rank(story, Budget(words=260)):
            if n >= 260:
                break
            picked.add(gid)
            n += len(story.groups[gid].representative.text.split())
        return features(story, groups, of, weights), np.array([float(g.id in picked) for g in groups])
    reference = " ".join(row["summaries"])
    ref1, ref2 = grams(reference)
    ref_content = analyse(reference)[1]
    y = []
    for g in groups:
        u, b = grams(g.representative.text)
        p2 = len(b & ref2) / max(len(b), 1)
        if target == "content":  # content words only: stop words inflate a sentence's unigram share
            content = analyse(g.representative.text)[1]
            y.append((p2 + len(content & ref_content) / max(len(content), 1)) / 2)
        else:
            y.append(p2 if target == "r2" else (p2 + len(u & ref1) / max(len(u), 1)) / 2)
    return features(story, groups, of, weights), np.array(y)


def load(path: Path, start: int, count: int, target: str) -> list[tuple[np.ndarray, np.ndarray]]:
    """(features, targets) per cluster for clusters start .. start + count of the file."""
    out = []
    with path.open() as f:
        for k, line in enumerate(f):
            if k < start:
                continue
            if k >= start + count:
                break
            rows = story_rows(json.loads(line), target)
            if rows is not None:
                out.append(rows)
    return out


def centred(stories: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """All rows stacked, each story's features and targets minus the story's means."""
    x = np.vstack([f - f.mean(axis=0) for f, _ in stories])
    y = np.concatenate([t - t.mean() for _, t in stories])
    return x, y


def within_corr(stories: list[tuple[np.ndarray, np.ndarray]], predict) -> float:
    """Mean over stories of the Pearson correlation between predictions and targets."""
    cs = []
    for f, t in stories:
        p = predict(f)
        if p.std() > 0 and t.std() > 0:
            cs.append(float(np.corrcoef(p, t)[0, 1]))
    return float(np.mean(cs))


def write(out: Path, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, spread: float, note: str) -> None:
    """The generated module: per feature its mean, scale and coefficient, one line each."""
    rows = [
        f'    "{name}": ({m:.6f}, {s:.6f}, {c:+.6f}),'
        for name, m, s, c in zip(FEATURES, mean, scale, coef, strict=True)
    ]
    out.write_text(
        f'"""Generated by bench/train_quality.py; do not edit by hand.\n\n{note}.\n"""\n\n'
        "# feature: (mean, scale, coefficient on the standardised feature)\n"
        "WEIGHTS = {\n" + "\n".join(rows) + "\n}\n"
        f"SPREAD = {spread:.6f}  # standard deviation of the within-story predictions on the training data\n"
    )


def main() -> None:
    from sklearn.linear_model import RidgeCV

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--start", type=int, default=300, help="first training cluster (the first 300 are the check set)")
    ap.add_argument("--train", type=int, default=1500)
    ap.add_argument("--holdout", type=int, default=300)
    ap.add_argument("--target", choices=("r2", "r12", "content", "oracle"), default="r2")
    ap.add_argument("--drop", default="", help="features to leave out (comma-separated; their weight is 0)")
    ap.add_argument("--compare-hgb", action="store_true", help="also fit HistGradientBoosting and report it")
    ap.add_argument("--write", type=Path, help="write the fitted prior as a module (quality_weights.py at 50b9123)")
    args = ap.parse_args()
    if args.start < 300:
        ap.error("--start must be 300 or more: the first 300 clusters are the check set")
    path = args.data / "mds" / "multinews_plus_lowercased.jsonl"
    t = time.perf_counter()
    train = load(path, args.start, args.train, args.target)
    held = load(path, args.start + args.train, args.holdout, args.target)
    print(f"{len(train)} training and {len(held)} held-out clusters read in {time.perf_counter() - t:.0f} s")
    x, y = centred(train)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    raw = np.vstack([f for f, _ in train])
    mean = raw.mean(axis=0)  # any shift works (centring per story removes it); this keeps scores readable
    keep = np.array([name not in args.drop.split(",") for name in FEATURES])
    model = RidgeCV(alphas=np.logspace(-2, 4, 13), fit_intercept=False).fit(x[:, keep] / scale[keep], y)
    coef = np.zeros(len(FEATURES))
    coef[keep] = model.coef_
    spread = float((x / scale @ coef).std())

    def predict(f: np.ndarray) -> np.ndarray:
        return (f - mean) / scale @ coef

    k = FEATURES.index("density")
    print(f"alpha {model.alpha_:g}; {len(y)} training sentences")
    print(f"held-out within-story correlation: prior {within_corr(held, predict):.3f}, ", end="")
    print(f"concept density alone {within_corr(held, lambda f: f[:, k]):.3f}")
    for name, c in sorted(zip(FEATURES, coef, strict=True), key=lambda p: -abs(p[1])):
        print(f"  {name:<18}{c:+.4f}")
    if args.compare_hgb:  # is a non-linear model clearly better? (it is not shipped: no pickles)
        from sklearn.ensemble import HistGradientBoostingRegressor

        hgb = HistGradientBoostingRegressor(max_iter=200, learning_rate=0.05).fit(x[:, keep], y)
        corr = within_corr(held, lambda f: hgb.predict((f - f.mean(axis=0))[:, keep]))
        print(f"held-out within-story correlation of gradient boosting (centred features): {corr:.3f}")
    if args.write:
        note = f"Ridge, target {args.target}, clusters {args.start}-{args.start + args.train - 1}"
        note += f", without {args.drop}" if args.drop else ""
        write(args.write, mean, scale, coef, spread, note)
        print(f"wrote {args.write}")


if __name__ == "__main__":
    main()
