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
import subprocess
import sys
import time
import zlib
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from clean_data import L3S, TOKEN, WCXB, label_lines, load, site, token_prf
from storybrief.clean import furniture_reason, headline
from storybrief.clean.headline import HEADLINE_FEATURES
from storybrief.clean.lines import CONTEXT_FEATURES, LINE_FEATURES, context_features, line_features
from storybrief.clean.scorer import logistic
from storybrief.clean.text import page_lines, repair

FILES = {"l3s": L3S, "wcxb": WCXB}


def page_data(rows: list[dict]) -> list[dict]:
    """Lines, features, labels and weights of each page."""
    pages = []
    for r in rows:
        lines = [s for _, s in page_lines(repair(r["page_text"]))] or [""]
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
                "title": r.get("title"),
                "url": r.get("url"),
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
        p["both"] = np.hstack([p["feats"], context_features(p["p1"], p["counts"], p["feats"])])
    stage2 = fit(stack(pages, "both"), stack(pages, "y"), stack(pages, "w"), c)
    threshold = best_threshold(pages, stage2)
    return {
        "features": LINE_FEATURES,
        "context_features": CONTEXT_FEATURES,
        "stage1": stage1,
        "stage2": stage2,
        "threshold": threshold,
        "headline_features": HEADLINE_FEATURES,
        "headline": train_headline(pages, stage2, threshold, c),
    }


def _words(s: str) -> list[str]:
    return TOKEN.findall(s.lower())


def is_headline(line: str, page: dict) -> bool:
    """Whether a line is the page's headline: its known title (maybe without the site name appended), or for
    pages without one (L3S), the opening words of the annotated text, which there starts with the headline."""
    mine = _words(line)
    if len(mine) < 2:
        return False
    if page["title"]:
        gold = _words(page["title"])
        return mine == gold or (len(mine) >= 0.6 * len(gold) and " ".join(mine) in " ".join(gold))
    return len(mine) >= 3 and _words(page["gold"][: len(line) + 40])[: len(mine)] == mine


def train_headline(pages: list[dict], stage2: dict, threshold: float, c: float) -> dict:
    """The headline ranker, fitted on the header candidates of pages where one candidate is the headline."""
    xs, ys = [], []
    for p in pages:
        probs = logistic(stage2, p["both"]).tolist()
        keep = [q >= threshold and not furniture_reason(s) for q, s in zip(probs, p["lines"], strict=True)]
        idx, x = headline.features(p["lines"], keep, p["counts"].tolist(), probs, p["url"])
        y = [is_headline(p["lines"][i], p) for i in idx]
        if any(y):
            xs.append(x)
            ys.extend(y)
    print(f"headline: {len(xs)} pages with the headline among the candidates", file=sys.stderr)
    return fit(np.vstack(xs), np.array(ys, dtype=int), np.ones(len(ys)), c)


def folds_by_site(rows: list[dict], k: int) -> list[list[int]]:
    """Row indices in k folds; pages of one site stay in one fold (rows without a URL count as their own site)."""
    sites = sorted({site(r) if site(r) != "?" else f"#{i}" for i, r in enumerate(rows)})
    # A stable shuffle (crc32, not hash(): that changes with each process), so folds are the same every run.
    fold_of = {s: i % k for i, s in enumerate(sorted(sites, key=lambda s: zlib.crc32(s.encode())))}
    out: list[list[int]] = [[] for _ in range(k)]
    for i, r in enumerate(rows):
        out[fold_of[site(r) if site(r) != "?" else f"#{i}"]].append(i)
    return out


def cross_validate(rows: list[dict], k: int, c: float = 1.0):
    """For each of k folds (split by site): weights trained on the other folds, and the fold's rows."""
    pages = page_data(rows)
    for fold in folds_by_site(rows, k):
        held = set(fold)
        train_pages = [p for i, p in enumerate(pages) if i not in held]
        yield train(train_pages, c), [rows[i] for i in fold]


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
    # The project's formatter owns the layout of Python files (`make test` checks it).
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", args.out], check=False)
    print(f"wrote {args.out} in {time.time() - t0:.0f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
