"""Case-free features of candidate sentences, for the sentence-quality prior measured in issue 4.

The default values a sentence by the story's concepts it carries (:mod:`storybrief.select.coverage`).
A prior over the sentence itself, in the spirit of Kulesza & Taskar's quality model for DPPs and of
supervised sentence scoring, was measured on top of it: a linear model over these features (position,
length, concept weight per word, outlet support, closeness to the story's centroid, how widely its
words are shared across articles, numbers, quotation marks, attribution verbs), fitted by
``bench/train_quality.py``. It did not help both dev files and is not shipped (docs/method.md, Tuning);
the default's hook (``Default(quality=beta)``, gains times ``exp(beta * prior)``) is at commit 50b9123.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from storybrief.model import Group, Story
from storybrief.select.concepts import analyse, words
from storybrief.select.nonnews import leans_on_previous

Concept = tuple[str, str]
Analysis = tuple[set[Concept], set[str]]

FEATURES = (
    "first",  # the first sentence of its article
    "log_index",  # log(1 + its index in its article)
    "relative_position",  # index / sentences of its article
    "log_words",  # log of its length in words
    "density",  # concept weight per word, over the story's best candidate
    "total",  # concept weight, over the story's heaviest candidate
    "support",  # share of the story's articles that carry its group
    "centroid",  # cosine of its content words to the story's
    "spread",  # mean share of the story's articles that use each of its content words
    "content_share",  # content words per word
    "numbers",  # share of tokens that are digits
    "quote",  # holds a quotation mark
    "attribution",  # holds said / says / told / according
    "first_person",  # holds i / we / my / our / us (mostly in quotes)
    "leans",  # opens with a pronoun or connective
)
_QUOTE = re.compile("[\"“”]|``|''")
_ATTRIBUTION = frozenset({"said", "says", "say", "told", "according", "added", "stated"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})


def features(
    story: Story, groups: Sequence[Group], of: Mapping[int, Analysis], weights: Mapping[Concept, float]
) -> np.ndarray:
    """One row of :data:`FEATURES` per group (its representative), in the order given.

    ``of`` maps id(sentence) to its analysis (concepts, content stems) for every sentence of the used
    articles; ``weights`` is the default's concept weighting. Story-relative features (density, total,
    support, centroid) make stories of different sizes comparable.
    """
    used = {a.id for a in story.used} or {a.id for a in story.articles}
    length: Counter[str] = Counter(s.article_id for s in story.sentences)
    centroid: Counter[str] = Counter()
    for s in story.sentences:
        if id(s) in of:
            centroid.update(of[id(s)][1])
    norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    in_article: dict[str, set[str]] = {}
    for s in story.sentences:
        if id(s) in of:
            in_article.setdefault(s.article_id, set()).update(of[id(s)][1])
    spread: Counter[str] = Counter(w for stems in in_article.values() for w in stems)
    articles = max(len(in_article), 1)
    rows = []
    for g in groups:
        rep = g.representative
        concepts, content = of.get(id(rep)) or analyse(rep.text)
        toks = words(rep.text)
        n = max(len(rep.text.split()), 1)
        total = sum(weights.get(c, 0.0) for c in concepts)
        rows.append(
            [
                float(rep.index == 0),
                math.log1p(rep.index),
                rep.index / max(length[rep.article_id], 1),
                math.log(n),
                total / n,
                total,
                len(set(g.support) & used) / len(used),
                sum(centroid[w] for w in content) / (math.sqrt(len(content)) * norm) if content else 0.0,
                sum(spread[w] for w in content) / (len(content) * articles) if content else 0.0,
                len(content) / n,
                sum(t.isdigit() for t in toks) / max(len(toks), 1),
                float(bool(_QUOTE.search(rep.text))),
                float(any(t in _ATTRIBUTION for t in toks)),
                float(any(t in _FIRST_PERSON for t in toks)),
                float(leans_on_previous(rep.text)),
            ]
        )
    x = np.array(rows, dtype=float).reshape(len(rows), len(FEATURES))
    for name in ("density", "total"):  # relative to the story's best, so that story size does not matter
        k = FEATURES.index(name)
        top = x[:, k].max(initial=0.0)
        if top > 0:
            x[:, k] /= top
    return x
