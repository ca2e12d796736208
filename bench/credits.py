"""A seeded sample of the default's credits, for checking by hand that each credited article states the fact.

Usage::

    .venv/bin/python bench/credits.py DATA_DIR [--files duc2003:100,multinews_raw_dev:260] [--sample 40] [--seed 7]

A brief sentence credits every article whose sentence align grouped with it. For each credit to an
article other than the one whose words the brief shows, this prints the brief's sentence (S) and the
credited article's sentence (C); a reader marks whether C states S's fact. Stories are built (or read from
``bench/tune_default.py``'s cache in /tmp) the same way as for the ROUGE tables.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from storybrief.model import Budget
from storybrief.select import get_method, select
from tune_default import load_stories


def credits(path: Path, words: int, tag: str) -> list[tuple[str, str, str]]:
    """(story id, the brief's sentence, a credited article's sentence) for every credit of every brief."""
    method = get_method("default")
    out = []
    for story, _ in load_stories(path, None, False, tag):
        for shown in select(story, Budget(words=words), method):
            rep = story.groups[shown.group].representative
            out += [(story.id, rep.text, s.text) for s in story.groups[shown.group].sentences if s is not rep]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="the data folder (../shared/data)")
    ap.add_argument("--files", default="duc2003:100,multinews_raw_dev:260", help="FILE:WORDS,... under mds/")
    ap.add_argument("--sample", type=int, default=40, help="credits to print (a seeded random sample)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--tag", default="final", help="the story cache's tag (as bench/tune_default.py --tag)")
    args = ap.parse_args()
    found = []
    for item in args.files.split(","):
        name, words = item.split(":")
        found += [(name, *c) for c in credits(args.data / "mds" / f"{name}.jsonl", int(words), args.tag)]
    print(f"{len(found)} credits to another article's sentence in the briefs; a sample of {args.sample}:")
    for name, story_id, shown, credited in random.Random(args.seed).sample(found, min(args.sample, len(found))):
        print(f"--- {name} {story_id[:12]}\n  S: {shown[:300]}\n  C: {credited[:300]}")


if __name__ == "__main__":
    main()
