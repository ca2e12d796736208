"""The baseline selection methods on a small story the test writes (issue 3)."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from storybrief.model import Budget
from storybrief.pipeline import build_story, summarize_documents
from storybrief.read import articles_from_documents
from storybrief.select import get_method
from storybrief.select.vectors import candidates, pagerank, tfidf

QUAKE = [
    "A strong earthquake struck Lima on Monday and killed at least fifty people. "
    "Rescue teams searched the rubble of collapsed homes in Lima for survivors of the earthquake. "
    "The city's football team won its weekend match by three goals.",
    "The earthquake in Lima killed at least fifty people on Monday, officials said. "
    "Rescue teams in Lima pulled survivors from the rubble of homes after the earthquake. "
    "A bakery on the corner reopened with a new menu of sweet bread.",
    "Officials in Lima said the earthquake destroyed hundreds of homes and killed fifty people. "
    "The earthquake was the strongest to hit Lima in a decade, seismologists said. "
    "Tickets for a jazz concert downtown sold out in an hour.",
]
OFF_TOPIC = ("football", "bakery", "jazz")
BASELINES = ["prefix", "random", "lexrank", "textrank", "centroid", "mmr"]


@pytest.fixture
def story():
    return build_story(articles_from_documents(QUAKE), "quake")


def text_of(story, gid):
    return story.groups[gid].representative.text


@pytest.mark.parametrize("name", [*BASELINES, "lead", "default"])
def test_each_method_ranks_every_candidate_once(story, name):
    ranked = get_method(name).rank(story, Budget(words=30))
    assert len(ranked) == len(set(ranked))
    if name in BASELINES:
        assert sorted(ranked) == sorted(candidates(story).gids)


@pytest.mark.parametrize("name", BASELINES)
def test_each_method_briefs_the_story_within_budget(name):
    brief = summarize_documents(QUAKE, Budget(words=25), name, "quake")
    assert 0 < len(brief.summary.split()) <= 25
    assert brief.method == name
    assert "earthquake" in brief.summary.lower()


@pytest.mark.parametrize("name", ["lexrank", "textrank", "centroid", "mmr"])
def test_salience_methods_put_the_off_topic_sentences_last(story, name):
    ranked = get_method(name).rank(story, Budget(words=30))
    last = " ".join(text_of(story, g) for g in ranked[-3:]).lower()
    assert all(word in last for word in OFF_TOPIC), last
    assert "earthquake" in text_of(story, ranked[0]).lower()


def test_lexrank_without_links_falls_back_to_position(story):
    # a threshold no pair of different sentences passes leaves only self-links: uniform scores
    ranked = get_method("lexrank", threshold=0.999).rank(story, Budget(words=30))
    positions = [min(s.index for s in story.groups[g].sentences) for g in ranked]
    assert positions == sorted(positions)


def test_pagerank_by_hand():
    both = pagerank(sparse.csr_matrix(np.array([[0, 1], [1, 0]])))
    assert both == pytest.approx([0.5, 0.5])
    star = pagerank(sparse.csr_matrix(np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]])))
    # centre c and leaves l: c = 0.05 + 0.85 * 2l, l = 0.05 + 0.85 * c / 2, so c = 0.4865, l = 0.2568
    assert star == pytest.approx([0.4865, 0.2568, 0.2568], abs=1e-3)


def test_mmr_does_not_repeat_itself():
    docs = [
        "The earthquake killed fifty people in Lima on Monday. "
        "The earthquake killed fifty people in Lima on Monday morning. "
        "Rescue teams searched collapsed homes in Lima for survivors of the earthquake. "
        "Rescue teams found survivors in collapsed homes. "
        "Survivors of the earthquake slept outside their collapsed homes."
    ]
    story = build_story(articles_from_documents(docs), "s")
    cand = candidates(story)
    x = tfidf(cand.counts)
    row = {g: k for k, g in enumerate(cand.gids)}

    def overlap_of_top_two(method):
        a, b = (row[g] for g in method.rank(story, Budget(words=20))[:2])
        return (x[a] @ x[b].T).toarray()[0, 0]

    # by relevance alone (lambda = 1) the top two say much the same; the redundancy penalty splits them
    assert overlap_of_top_two(get_method("mmr")) < 0.5 * overlap_of_top_two(get_method("mmr", lambda_=1.0))


def test_prefix_reads_the_articles_one_after_another(story):
    ranked = get_method("prefix").rank(story, Budget(words=30))
    firsts = [(s.article_id, s.index) for g in ranked for s in [min(story.groups[g].sentences, key=_order)]]
    assert firsts == sorted(firsts)
    assert [a for a, _ in firsts[:3]] == [story.articles[0].id] * 3  # all of the first article first


def _order(s):
    return (s.article_id, s.index)


def test_random_is_seeded(story):
    a = get_method("random").rank(story, Budget(words=30))
    assert a == get_method("random").rank(story, Budget(words=30))
    others = {tuple(get_method("random", seed=s).rank(story, Budget(words=30))) for s in range(1, 6)}
    assert len(others) > 1


def test_oracle_picks_the_reference_sentence_first(story):
    reference = "Officials said the earthquake destroyed hundreds of homes."
    ranked = get_method("oracle", references=[reference]).rank(story, Budget(words=15))
    assert "destroyed hundreds of homes" in text_of(story, ranked[0])


def test_oracle_needs_references(story):
    with pytest.raises(ValueError, match="reference"):
        get_method("oracle").rank(story, Budget(words=15))


@pytest.mark.parametrize("name", [*BASELINES, "lead", "default"])
def test_each_method_fills_a_byte_budget_without_crossing_it(name):
    brief = summarize_documents(QUAKE, Budget(words=None, bytes=200), name, "quake")
    size = len(brief.summary.encode())
    assert 150 < size <= 200, brief.summary  # full up to less than one sentence, never over
    last = brief.sentences[-1]
    if last.truncated:  # cut after a whole word of its sentence
        assert story_text_has_word_prefix(last.text)


def story_text_has_word_prefix(text):
    return any((doc + " ").find(text + " ") >= 0 for doc in QUAKE)


def test_a_byte_budget_counts_bytes_not_characters():
    from storybrief.select.budget import cut_bytes

    assert cut_bytes("Zürich és São Paulo", 8) == "Zürich"  # "Zürich" is 7 bytes, its space the 8th
    assert cut_bytes("Zürich és São Paulo", 6) == ""  # no whole word fits
    assert cut_bytes("Zürich és São Paulo", 100) == "Zürich és São Paulo"


def test_one_budget_rule_sentences_then_bytes_then_words():
    # the CLI, the Python API and the service all build their budget with Budget.of
    assert Budget.of(40, sentences=3) == Budget(words=None, sentences=3)
    assert Budget.of(40, bytes=665) == Budget(words=None, bytes=665)
    assert Budget.of(40) == Budget(words=40)
    assert Budget.of(None, default_words=100, whole=True) == Budget(words=100, whole=True)
