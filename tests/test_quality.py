"""The learned sentence-quality prior (issue 4 experiment), on the small story of test_default."""

from __future__ import annotations

import numpy as np
import pytest

from storybrief.model import Budget
from storybrief.pipeline import build_story, summarize_documents
from storybrief.read import articles_from_documents
from storybrief.select.concepts import analyse, content_stems
from storybrief.select.default import Default
from storybrief.select.quality import FEATURES, features, score
from test_default import STORY


@pytest.fixture
def rows():
    story = build_story(articles_from_documents(STORY), "dam")
    used = {a.id for a in story.used}
    of = {id(s): analyse(s.text) for s in story.sentences if s.article_id in used}
    weights = Default()._concept_weights(story, of)
    return story, features(story, story.groups, of, weights)


def test_one_row_of_features_per_group(rows):
    story, x = rows
    assert x.shape == (len(story.groups), len(FEATURES))
    assert np.isfinite(x).all()


def test_the_fact_every_outlet_carries_is_closest_to_the_story(rows):
    story, x = rows
    shared = next(g.id for g in story.groups if len(g.support) == 3)
    assert x[shared, FEATURES.index("support")] == 1.0
    assert x[shared, FEATURES.index("centroid")] == x[:, FEATURES.index("centroid")].max()


def test_the_prior_scores_every_candidate(rows):
    _, x = rows
    q = score(x)
    assert q.shape == (len(x),) and np.isfinite(q).all()
    assert q.std() > 0  # it tells candidates apart


@pytest.mark.parametrize("words", [40, 120])
def test_with_the_prior_briefs_keep_the_budget_and_tell_no_fact_twice(words):
    b = summarize_documents(STORY, Budget(words=words), Default(quality=0.5), "dam")
    assert len(b.summary.split()) == words
    stems = [content_stems(s.text) for s in b.sentences if not s.truncated]
    for i in range(len(stems)):
        for j in range(i + 1, len(stems)):
            assert len(stems[i] & stems[j]) <= 0.5 * min(len(stems[i]), len(stems[j]))
