"""Train the clean stage's line model from the extraction dev pages; write it as a few numbers.

    python bench/train_clean.py ../shared/data [--train l3s,wcxb] [--out src/storybrief/clean/weights.py]

Each page line is labelled article text when its words occur in the page's annotated article text
(``clean_data.label_lines``). Two logistic regressions (scikit-learn) are fitted: stage 1 on the line's
own features, stage 2 on those plus its neighbourhood, computed from stage-1 scores predicted out of fold
(so stage 2 learns how far to trust stage 1 on pages it has not seen). Lines are weighted by their share
of the page's words, since the score is token F1 averaged over pages. The fitted coefficients are
un-standardised and written as a Python dict, which is all the runtime needs.
"""

from __future__ import annotations

import argparse
import pprint
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from clean_data import L3S, WCXB, label_lines, load, token_prf
from storybrief.clean.lines import CONTEXT_FEATURES, LINE_FEATURES, context_features, line_features
from storybrief.clean.scorer import logistic
from storybrief.clean.text import page_lines, repair

FILES = {"l3s": L3S, "wcxb": WCXB}


def page_data(rows: list[dict]) -> list[dict]:
    """Lines, features, labels and weights of each page."""
    pages = []
    for r in rows:
        lines = [s for _, s in page_lines(repair(r["page_text"]))]
        if not lines:
            continue
        feats, counts = line_features(lines)
        total = counts.sum() + 1
        pages.append(
            {
                "lines": lines,
                "feats": feats,
                "counts": counts,
                "y": np.array(label_lines(lines, r["gold"])),
                "w": (counts + 0.5) / total,
                "gold": r["gold"],
            }
        )
    return pages


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> dict:
    """A logistic regression on standardised features, returned with coefficients for the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit((x - mu) / sd, y, sample_weight=w * len(w) / w.sum())
    coef = model.coef_[0] / sd
    return {"coef": [round(float(v), 5) for v in coef], "intercept": round(float(model.intercept_[0] - coef @ mu), 5)}


def stack(pages: list[dict], key: str) -> np.ndarray:
    """All pages' rows (or values) of ``key`` in one array."""
    return np.concatenate([p[key] for p in pages])


def out_of_fold_stage1(pages: list[dict], c: float, folds: int = 5) -> None:
    """Set each page's ``p1``: stage-1 scores from a model that did not see that page."""
    groups = np.arange(len(pages))
    for train_idx, test_idx in GroupKFold(folds).split(groups, groups=groups):
        tr = [pages[i] for i in train_idx]
        m = fit(stack(tr, "feats"), stack(tr, "y"), stack(tr, "w"), c)
        for i in test_idx:
            pages[i]["p1"] = logistic(m, pages[i]["feats"])


def best_threshold(pages: list[dict], stage2: dict) -> float:
    """The keep threshold with the best mean token F1 over the training pages."""
    probs = [logistic(stage2, p["both"]) for p in pages]
    best = (0.0, 0.5)
    for t in np.arange(0.3, 0.71, 0.05):
        f = np.mean(
            [
                token_prf("\n".join(s for s, q in zip(p["lines"], pr, strict=True) if q >= t), p["gold"])[2]
                for p, pr in zip(pages, probs, strict=True)
            ]
        )
        best = max(best, (float(f), round(float(t), 2)))
    print(f"threshold {best[1]} (train mean F1 {100 * best[0]:.1f})", file=sys.stderr)
    return best[1]


def train(pages: list[dict], c: float = 1.0) -> dict:
    """Both stages and the threshold, as the dict ``weights.py`` holds."""
    stage1 = fit(stack(pages, "feats"), stack(pages, "y"), stack(pages, "w"), c)
    out_of_fold_stage1(pages, c)
    for p in pages:
        p["both"] = np.hstack([p["feats"], context_features(p["p1"], p["counts"])])
    stage2 = fit(stack(pages, "both"), stack(pages, "y"), stack(pages, "w"), c)
    return {
        "features": LINE_FEATURES,
        "context_features": CONTEXT_FEATURES,
        "stage1": stage1,
        "stage2": stage2,
        "threshold": best_threshold(pages, stage2),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the data folder (../shared/data) or its extraction/ folder")
    ap.add_argument("--train", default="l3s,wcxb", help="which files to train on: l3s, wcxb or both")
    ap.add_argument("--out", default="src/storybrief/clean/weights.py", help="where to write the weights")
    ap.add_argument("--limit", type=int, help="pages per file (for a quick run)")
    ap.add_argument("-C", type=float, default=1.0, help="inverse regularisation strength")
    args = ap.parse_args()
    t0 = time.time()
    rows = [r for name in args.train.split(",") for r in load(args.data, FILES[name], args.limit)]
    pages = page_data(rows)
    n_lines = sum(len(p["lines"]) for p in pages)
    print(
        f"{len(pages)} pages, {n_lines} lines, {sum(int(p['y'].sum()) for p in pages)} article lines", file=sys.stderr
    )
    weights = train(pages, args.C)
    weights["trained_on"] = args.train
    header = f'"""Line-model weights written by bench/train_clean.py (trained on: {args.train}); do not edit."""\n\n'
    Path(args.out).write_text(header + "WEIGHTS = " + pprint.pformat(weights, width=110, compact=True) + "\n")
    print(f"wrote {args.out} in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
