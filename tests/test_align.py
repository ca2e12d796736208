"""Align: the same fact across outlets becomes one group; syndicated copies are marked (issue 4)."""

from __future__ import annotations

import pytest

from storybrief.align import align, similar_pairs
from storybrief.model import Article, Sentence, Story


def story_of(*articles: list[str]) -> Story:
    """A story whose k-th article has the given sentences (no cleaning or splitting involved)."""
    arts, sents = [], []
    for k, texts in enumerate(articles):
        aid = f"a{k}"
        arts.append(Article(id=aid, text=" ".join(texts), body=" ".join(texts)))
        sents += [Sentence(aid, i, 0, len(t), t) for i, t in enumerate(texts)]
    return Story(id="s", articles=arts, sentences=sents)


SHARED_A = "The Kessel dam in northern Albania burst on Sunday night, flooding four villages in the valley."
SHARED_B = "Four villages in the valley were flooded when the Kessel dam in northern Albania burst on Sunday night."
OWN_A = "Police moved about 2,000 people to schools and sports halls in the town of Kukes."
OWN_B = "The European Union offered pumps, tents and drinking water to the evacuated families."


def test_a_fact_reworded_by_two_outlets_is_one_group_credited_to_both():
    story = align(story_of([SHARED_A, OWN_A], [SHARED_B, OWN_B]))
    shared = story.groups[story.sentences[0].group]
    assert story.sentences[2].group == shared.id
    assert shared.support == ["a0", "a1"]
    assert len(story.groups) == 3


def test_different_facts_stay_apart():
    story = align(story_of([OWN_A], [OWN_B]))
    assert len(story.groups) == 2
    assert all(len(g.support) == 1 for g in story.groups)


def test_sentences_of_one_article_are_never_merged():
    story = align(story_of([SHARED_A, SHARED_B]))
    assert len(story.groups) == 2


def test_a_syndicated_copy_is_marked_duplicate_of_the_first():
    story = align(story_of([SHARED_A, OWN_A, OWN_B], [OWN_B], [SHARED_A, OWN_A, OWN_B]))
    assert [a.status for a in story.articles] == ["used", "used", "duplicate"]
    assert story.articles[2].duplicate_of == "a0"


def test_an_article_sharing_one_sentence_is_no_duplicate():
    story = align(story_of([SHARED_A, OWN_A], [SHARED_A, OWN_B]))
    assert [a.status for a in story.articles] == ["used", "used"]


def test_blocks_do_not_change_the_pairs():
    story = story_of([SHARED_A, OWN_A, OWN_B], [SHARED_B, OWN_B], [OWN_A, SHARED_A])
    whole = similar_pairs(story.sentences, 0.6)
    assert whole
    assert similar_pairs(story.sentences, 0.6, block=1) == whole
    assert similar_pairs(story.sentences, 0.6, block=3) == whole


@pytest.mark.parametrize(
    "opening",
    [
        *("BEIJING (AP) _ ", "SAN FRANCISCO (Reuters) - ", "LONDON -- ", "ANKARA, Turkey (AP) _ ", "&QL; "),
        *("Seoul (CNN) ", "WASHINGTON, January 15 (Xinhua) -- ", "Nairobi, February 9 (Xinhua) -- "),
        "NEW DELHI, Dec. 1 (Xinhua)-- ",
    ],
)
def test_a_dateline_or_markup_opening_is_trimmed_and_the_span_still_matches(opening):
    from storybrief.pipeline import build_story
    from storybrief.read import articles_from_documents

    doc = opening + OWN_A + " " + OWN_B
    story = build_story(articles_from_documents([doc]), "s")
    first = story.sentences[0]
    assert first.text == OWN_A
    assert story.articles[0].body[first.start : first.end] == first.text


@pytest.mark.parametrize("text", ["U.S.-led forces took the town on Monday.", "NATO said on Monday it would go."])
def test_a_sentence_opening_with_capitals_but_no_dateline_is_kept_whole(text):
    story = align(story_of([text]))
    assert story.sentences[0].text == text
