"""Train the default method's concept weighting: which bigrams of a story a person's summary holds.

Usage::

    .venv/bin/python bench/train_concepts.py DATA_DIR [--skip 300] [--clusters 2000] [--write]

Training data: clusters of ``multinews_plus_lowercased.jsonl`` after the first ``--skip`` (those are
kept for checking, as docs/method.md does), never the dev files (``duc2003.jsonl``,
``multinews_raw_dev.jsonl``) on which the method is judged. Each concept of each story is one example:
its counts (:func:`storybrief.select.salience.features`) and whether the cluster's reference holds it
(stemmed the same way). A logistic regression (scikit-learn, L2, C=1) fits them; ``--write`` writes its
coefficients to ``src/storybrief/select/concept_model.py`` (a few numbers, no data). The features are
all case-free counts, since this file is lower-cased.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
from pathlib import Path

import numpy as np

from storybrief.select.concepts import analyse
from storybrief.select.salience import FEATURES, concept_stats, features

OUT = Path(__file__).resolve().parent.parent / "src" / "storybrief" / "select" / "concept_model.py"


def load(path: Path, skip: int, clusters: int) -> list[tuple[object, list[str]]]:
    """(story, references) for clusters ``skip`` .. ``skip + clusters``; cached in /tmp."""
    cache = Path(f"/tmp/storybrief_train_{path.stem}_{skip}_{clusters}.pkl")
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from storybrief.pipeline import build_story
    from storybrief.read import articles_from_documents

    out = []
    with path.open() as f:
        for k, line in enumerate(f):
            if k < skip:
                continue
            if k >= skip + clusters:
                break
            row = json.loads(line)
            out.append((build_story(articles_from_documents(row["documents"]), str(row["id"])), row["summaries"]))
    cache.write_bytes(pickle.dumps(out))
    return out


def examples(stories, decay: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Feature rows, labels (1 = the reference holds the concept) and the story index of each row."""
    xs, ys, groups = [], [], []
    for k, (story, refs) in enumerate(stories):
        used = {a.id for a in story.used}
        of = {id(s): analyse(s.text) for s in story.sentences if s.article_id in used}
        stats = concept_stats(story, of, decay)
        if not stats.concepts:
            continue
        gold = set().union(*(analyse(r)[0] for r in refs))
        xs.append(features(stats))
        ys.append(np.fromiter((c in gold for c in stats.concepts), float, len(stats.concepts)))
        groups.append(np.full(len(stats.concepts), k))
    return np.vstack(xs), np.concatenate(ys), np.concatenate(groups)


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Coefficients of an L2 logistic regression, the intercept folded into the "bias" column."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=False).fit(x, y)
    return model.coef_[0]


def write(coef: np.ndarray, note: str) -> None:
    """The generated module holding the coefficients."""
    lines = [
        '"""Concept model coefficients, written by bench/train_concepts.py: do not edit by hand."""',
        "",
        f"# {note}",
        "COEF = {",
        *(f"    {name!r}: {value!r}," for name, value in zip(FEATURES, coef.round(6).tolist(), strict=True)),
        "}",
        "",
    ]
    OUT.write_text("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path)
    ap.add_argument("--skip", type=int, default=300)
    ap.add_argument("--clusters", type=int, default=2000)
    ap.add_argument("--decay", type=float, default=0.1)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    t = time.perf_counter()
    stories = load(args.data / "mds" / "multinews_plus_lowercased.jsonl", args.skip, args.clusters)
    x, y, groups = examples(stories, args.decay)
    print(
        f"{len(stories)} stories, {len(y)} concepts, {y.mean():.3f} in the reference ({time.perf_counter() - t:.0f} s)"
    )
    from sklearn.metrics import roc_auc_score

    half = groups < groups.max() / 2
    coef = fit(x[half], y[half])
    held = 1 / (1 + np.exp(-x[~half] @ coef))
    print(f"AUC on the held-out half of the stories: {roc_auc_score(y[~half], held):.4f}")
    coef = fit(x, y)
    for name, value in zip(FEATURES, coef, strict=True):
        print(f"  {name:<22}{value:+.4f}")
    if args.write:
        write(coef, f"{len(stories)} clusters of multinews_plus_lowercased after the first {args.skip}")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
