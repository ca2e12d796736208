"""The batch re-clustering's two adaptive steps: similarities scaled to the batch, and the stragglers' second look."""

from __future__ import annotations

import random

import numpy as np

from storybrief.cluster import Doc
from storybrief.cluster.batch import gather_stragglers, local_scale
from storybrief.cluster.stream import StoryClusterer


def similarities(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    sim = np.zeros((n, n))
    for (i, j), s in pairs.items():
        sim[i, j] = sim[j, i] = s
    return sim


def story(members: range, s: float = 0.6) -> dict[tuple[int, int], float]:
    return {(i, j): s for i in members for j in members if i < j}


def test_a_lone_report_close_to_one_story_and_to_nothing_else_joins_it():
    # articles 0-4: one story; 5-7: another; 8: a side report of the first story, under the cut with all of it
    sim = similarities(9, story(range(5)) | story(range(5, 8)) | {(8, i): 0.25 for i in range(5)} | {(8, 5): 0.05})
    labels = np.array([0] * 5 + [1] * 3 + [2])
    got = gather_stragglers(sim, labels)
    assert got[8] == got[0] != got[5]
    assert list(got[:8]) == list(labels[:8])  # the groups the linkage formed stay as they were


def test_a_lone_report_with_a_close_rival_or_too_little_in_common_stays_alone():
    pairs = story(range(5)) | story(range(5, 8))
    rival = pairs | {(8, i): 0.25 for i in range(5)} | {(8, 9): 0.2}  # another loner almost as close
    weak = pairs | {(8, i): 0.1 for i in range(5)}  # clearly closest to the story, but not close
    labels = np.array([0] * 5 + [1] * 3 + [2, 3])
    for pairs in (rival, weak):
        got = gather_stragglers(similarities(10, pairs), labels)
        assert len(set(got)) == 4


def test_two_pieces_of_one_story_are_not_each_others_rivals():
    # 8 and 9 are side reports of the first story and close to each other: both join it
    sim = similarities(10, story(range(5)) | story(range(5, 8)) | {(k, i): 0.25 for i in range(5) for k in (8, 9)})
    sim[8, 9] = sim[9, 8] = 0.25
    got = gather_stragglers(sim, np.array([0] * 5 + [1] * 3 + [2, 3]))
    assert got[8] == got[9] == got[0]


def test_a_pair_counts_for_more_among_close_reports_than_in_a_crowd_of_loosely_related_articles():
    # articles 0-1 are alike (0.3) and each close to a third article (0.28): an ordinary neighbourhood among
    # tight stories (0.8), a crowded one where the rest of the batch are loners with a faint match or two
    pair = {(0, 1): 0.3, (0, 2): 0.28, (1, 2): 0.28}
    among_stories = similarities(9, pair | story(range(3, 6), 0.8) | story(range(6, 9), 0.8))
    loners = {(i, i + 1): 0.1 for i in range(3, 8)} | {(i, i + 2): 0.05 for i in range(3, 7)}
    among_loners = similarities(9, pair | loners)
    local_scale(among_stories)
    local_scale(among_loners)
    assert among_stories[0, 1] > 0.3 > among_loners[0, 1]
    assert np.allclose(among_loners, among_loners.T)


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def test_a_side_report_sharing_a_few_names_with_one_story_of_a_busy_batch_joins_it():
    # 15 stories of 5 reports, each report naming 8 of its story's 12 names (made-up words) and 6 words of its
    # own; a side report names 2 of the first story's names among 10 words of its own
    rng = random.Random(0)
    names = [[made_up_word(rng) for _ in range(12)] for _ in range(15)]
    docs = []
    for s, story_names in enumerate(names):
        for r in range(5):
            words = rng.sample(story_names, 8) + [made_up_word(rng) for _ in range(6)]
            rng.shuffle(words)
            docs.append(Doc(f"s{s}-{r}", " ".join(words) + "."))
    docs.append(Doc("side", " ".join(rng.sample(names[0], 2) + [made_up_word(rng) for _ in range(10)]) + "."))
    docs.append(Doc("alone", " ".join(made_up_word(rng) for _ in range(14)) + "."))
    got = {a.id: a.story for a in StoryClusterer().process(docs)}
    assert got["side"] == got["s0-0"]
    assert list(got.values()).count(got["alone"]) == 1
    assert len({got[f"s{s}-{r}"] for s in range(15) for r in range(5)}) == 15
