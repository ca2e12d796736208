"""What the clean benchmarks share: reading the extraction files, token scores, and line labels.

Score (as ../shared/data/README.md defines it): token precision, recall and F1 over the bag of lowercased
``\\w+`` tokens with counts, mean over pages. Line labels (for training) mark a page line as article text
when its words occur, in order, in the annotated article text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

TOKEN = re.compile(r"\w+")
L3S = "l3s_gn1_pages.jsonl"
WCXB = "wcxb_dev_articles.jsonl"


def load(data: Path, name: str, limit: int | None = None) -> list[dict]:
    """Rows of an extraction file under ``data`` (the data folder or its extraction/ folder)."""
    path = data / name if (data / name).exists() else data / "extraction" / name
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def token_prf(pred: str, gold: str) -> tuple[float, float, float]:
    """Token precision, recall and F1 of ``pred`` against ``gold`` (bags of lowercased \\w+ tokens)."""
    p, g = Counter(TOKEN.findall(pred.lower())), Counter(TOKEN.findall(gold.lower()))
    overlap = sum((p & g).values())
    if not p or not g:
        return (1.0, 1.0, 1.0) if not p and not g else (0.0, 0.0, 0.0)
    prec, rec = overlap / sum(p.values()), overlap / sum(g.values())
    return prec, rec, (2 * prec * rec / (prec + rec) if overlap else 0.0)


def site(row: dict) -> str:
    """The site of a page (its host without www.), or "?" when the row has no URL."""
    host = urlparse(row.get("url") or "").netloc.lower()
    return host[4:] if host.startswith("www.") else (host or "?")


def _norm(text: str) -> str:
    # Non-ASCII letters show as "?" in the L3S gold while the page text has them (or mojibake): drop both.
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def label_lines(lines: list[str], gold: str) -> list[int]:
    """1 for each line whose words occur in the gold text (short lines: only next to the previous match)."""
    g = " " + _norm(gold) + " "
    grams = _trigrams(g.split())
    labels, cursor = [], 0
    for s in lines:
        t = _norm(s)
        words = t.split()
        if not words:
            labels.append(0)
            continue
        needle = " " + t + " "
        if len(words) >= 4:
            pos = g.find(needle)
            hit = pos >= 0
            if not hit and len(words) >= 8:
                own = _trigrams(words)
                hit = len(own & grams) >= 0.7 * len(own)
            if hit:
                cursor = pos if pos >= 0 else cursor
        else:
            # A short line counts only where the gold goes on right after the last matched line.
            pos = g.find(needle, cursor, cursor + 400 + len(needle))
            hit = pos >= 0 and cursor > 0
        labels.append(int(hit))
        if hit and pos >= 0:
            cursor = pos + len(needle) - 1
    return labels


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2))}
