"""Token F1 of the HTML stage (storybrief.htmltext) on pages with human-marked article text.

Usage::

    .venv/bin/python bench/htmltext.py ../shared/data

Reads ``extraction/l3s_gn1_pages.jsonl`` and keeps the rows that carry the page's ``html``; scores the text
each trafilatura setting extracts against ``gold`` (bag of lower-cased ``\\w+`` tokens, mean over pages),
as that folder's README describes.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections import Counter
from pathlib import Path

SETTINGS = {
    "storybrief (defaults)": {},
    "no tables": {"include_tables": False},
    "favor_recall": {"favor_recall": True},
    "favor_precision": {"favor_precision": True},
    "favor_precision, no tables (before)": {"favor_precision": True, "include_tables": False},
}


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``pred`` against ``gold``."""
    p, g = Counter(re.findall(r"\w+", pred.lower())), Counter(re.findall(r"\w+", gold.lower()))
    tp = sum((p & g).values())
    if not tp:
        return 0.0, 0.0, 0.0
    prec, rec = tp / sum(p.values()), tp / sum(g.values())
    return prec, rec, 2 * prec * rec / (prec + rec)


def main() -> None:
    """Print a Markdown table: setting, P, R, F1."""
    from storybrief.htmltext import extract_html
    from storybrief.model import Article

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the benchmark data folder (../shared/data)")
    args = ap.parse_args()
    with open(args.data / "extraction/l3s_gn1_pages.jsonl", encoding="utf-8") as f:
        rows = [r for r in map(json.loads, f) if r.get("html")]
    print(f"{len(rows)} pages with HTML\n\n| setting | P | R | F1 |\n|---|---|---|---|")
    for name, options in SETTINGS.items():
        scores = []
        for r in rows:
            a = extract_html(Article(id=r["id"], html=r["html"], url=r.get("url")), **options)
            scores.append(token_prf(a.text if a.status == "used" else "", r["gold"]))
        p, r_, f = (100 * statistics.mean(s[i] for s in scores) for i in range(3))
        print(f"| {name} | {p:.1f} | {r_:.1f} | **{f:.1f}** |")
    print_cleaned(rows)


def print_cleaned(rows: list[dict]) -> None:
    """The same score when the plain-text clean stage runs over the extracted text (the pipeline does not)."""
    from storybrief.clean import clean
    from storybrief.htmltext import extract_html
    from storybrief.model import Article

    scores = []
    for r in rows:
        a = extract_html(Article(id=r["id"], html=r["html"], url=r.get("url")))
        if a.status == "used":
            clean(a)
        scores.append(token_prf(a.body or "" if a.status == "used" else "", r["gold"]))
    p, r_, f = (100 * statistics.mean(s[i] for s in scores) for i in range(3))
    print(f"| defaults, then the plain-text clean stage | {p:.1f} | {r_:.1f} | **{f:.1f}** |")


if __name__ == "__main__":
    main()
