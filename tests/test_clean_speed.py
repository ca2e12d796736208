"""The shortcuts taken for speed in the clean stage give what the long way gives."""

from __future__ import annotations

import random

import numpy as np

from storybrief.clean import furniture as fu
from storybrief.clean import headline, keep_mask
from storybrief.clean.weights import WEIGHTS

HEADER = [
    "Home | World | Business",
    "World",
    "Lisbon council turns old tram depot into a public library",
    "By Maria Costa",
    "March 4, 2025",
    "Share this article",
    "The depot has stood empty for thirty years.",
    "Lisbon council turns old tram depot into a public library",
]
PARAGRAPHS = [
    "The city council of Lisbon voted on Tuesday to turn the old tram depot into a public library, ending a "
    "debate that had divided the neighbourhood for more than three years.",
    "The plan, which will cost about 12 million euros, was backed by a large majority of the council after "
    "residents collected thousands of signatures in favour of keeping the public library plan alive.",
    "Supporters said the library would give students a quiet place to work, while critics had argued that the "
    "money should instead be spent on repairing roads and schools in the district.",
]
URL = "https://example.com/2025/03/04/lisbon-council-tram-depot-library"


def ranked_best(lines: list[str], url: str | None, model: dict) -> int | None:
    """The headline the long way: every candidate's features, the best score, the threshold."""
    keep, counts, probs, _, masks = keep_mask(lines)
    idx, x = headline.features(lines, keep, counts, probs, url, masks)
    if not idx:
        return None
    z = x @ np.asarray(model["coef"]) + model["intercept"]
    best = int(np.argmax(z))
    return idx[best] if 1.0 / (1.0 + np.exp(-z[best])) >= headline.MIN_SCORE else None


def test_headline_read_in_part_is_the_rankers_best_candidate():
    """find_headline reads only the candidates that can still win; for any weights it picks what ranking them all
    picks (the shipped ranker, and random rankers that weigh the features read from words differently)."""
    rng = random.Random(5)
    pages = [HEADER + PARAGRAPHS, HEADER[2:] + PARAGRAPHS, ["Menu", "Sign in", *PARAGRAPHS], PARAGRAPHS[:1]]
    # Candidates from outside the header of the first paragraph: over a byline far above it, the paragraph itself
    # (a long question), the lines below it (a notice that reads as prose above the headline).
    question = "Should the city council turn the old tram depot into a public library for everyone in Lisbon?"
    pages += [
        [*HEADER[:5], *[f"Guide {n}: how to visit the city" for n in range(1, 41)], *PARAGRAPHS],
        ["Menu", question, "By Maria Costa", *PARAGRAPHS],
        ["Menu", PARAGRAPHS[2], HEADER[2], "By Maria Costa", *PARAGRAPHS],
    ]
    models = [WEIGHTS["headline"]] + [
        {"coef": [rng.uniform(-3, 3) for _ in headline.HEADLINE_FEATURES], "intercept": rng.uniform(-4, 2)}
        for _ in range(60)
    ]
    picks = set()
    for lines in pages:
        for url in (URL, None):
            for model in models:
                keep, counts, probs, _, masks = keep_mask(lines)
                got = headline.find_headline(lines, keep, counts, probs, url, model, masks)
                assert got == ranked_best(lines, url, model)
                picks.add(got)
    assert len(picks) >= 3  # the random rankers do pick different lines, so the comparison means something


def test_family_without_icon_words_on_the_page_is_the_same_reason():
    """A page that holds no icon word lets the reason skip looking for them; the reason is the one found anyway."""
    for s, words, glued in [
        ("Subscribe now", 2, 0),
        ("News | Sport | Weather", 5, 0),
        ("FacebookTwitterLinkedinEmailPrint WhatsappPinterest", 2, 6),
        ("A sentence of the article that was left out of the run of prose for being far away.", 17, 0),
        ("Menu", 1, 0),
    ]:
        assert fu.family(s, words, glued, None, icon_words=False) == fu.family(s, words, glued)
