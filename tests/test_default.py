"""The default method as a reader of its briefs notices it (issue 4), on small stories the tests write."""

from __future__ import annotations

import pytest

from storybrief.model import Budget
from storybrief.pipeline import build_story, summarize_documents
from storybrief.read import articles_from_documents
from storybrief.select.concepts import content_stems, numbers
from storybrief.select.coverage import repeats
from storybrief.select.default import Default
from storybrief.select.nonnews import leans_on_previous, rejection

# Three outlets on one story. The dam-breach fact is carried by all three, in different words;
# each outlet also has facts of its own, a sentence leaning on the one before, and some furniture.
STORY = [
    "The Kessel dam in northern Albania burst on Sunday night, flooding four villages in the valley below. "
    "Police said about 2,000 people had been moved to schools and sports halls in the town of Kukes. "
    "He said the army would send boats and helicopters to the flooded villages on Monday morning. "
    "Local farmers said the harvest of maize and potatoes in the valley was lost for this year.",
    "Four villages were flooded after the Kessel dam burst in northern Albania on Sunday night. "
    "The government declared a state of emergency in the whole Kukes region until the end of the month. "
    "Click here to subscribe to our newsletter for the latest news from the Balkans every morning. "
    "Engineers had warned in a report last year that cracks had appeared in the wall of the old dam.",
    "The Kessel dam burst on Sunday night in northern Albania and flooded four villages in the valley. "
    "But the water level in the valley started to fall on Monday afternoon, the weather service said. "
    "Would the government have acted sooner if the engineers' report had been made public last year? "
    "The European Union offered help with pumps, tents and drinking water for the evacuated families.",
]


@pytest.fixture
def story():
    return build_story(articles_from_documents(STORY), "dam")


def brief(words=None, sentences=None, **params):
    method = Default(**params)
    return summarize_documents(STORY, Budget(words=words, sentences=sentences), method, "dam")


def test_fact_all_outlets_carry_comes_first_and_credits_them_all():
    b = brief(sentences=1)
    assert len(b.sentences) == 1
    assert "Kessel dam" in b.sentences[0].text and "burst" in b.sentences[0].text
    assert len(b.sentences[0].sources) == 3


@pytest.mark.parametrize("words", [15, 40, 75])
@pytest.mark.parametrize("solver", ["greedy", "ilp"])
def test_word_budget_is_met_exactly(words, solver):
    b = brief(words=words, solver=solver)
    assert len(b.summary.split()) == words
    assert not any(s.truncated for s in b.sentences[:-1])


def test_sentence_budget_gives_that_many_sentences():
    assert len(brief(sentences=3).sentences) == 3


@pytest.mark.parametrize("solver", ["greedy", "ilp"])
def test_no_fact_is_told_twice(solver):
    b = brief(words=200, solver=solver)
    told = [s.text for s in b.sentences if "Kessel dam" in s.text and "burst" in s.text]
    assert len(told) == 1, told


def test_furniture_questions_and_calls_to_action_stay_out():
    text = brief(words=200).summary
    assert "Click here" not in text
    assert "?" not in text


@pytest.mark.parametrize("words", [30, 60, 120, 200])
def test_a_sentence_leaning_on_another_follows_it(story, words):
    b = brief(words=words)
    for k, s in enumerate(b.sentences):
        if leans_on_previous(s.text):
            assert k > 0, s.text
            before = b.sentences[k - 1]
            assert (before.article_id, before.index) == (s.article_id, s.index - 1), s.text


def test_a_leaning_sentence_whose_antecedent_is_not_shown_is_left_out():
    # "But the water level..." leans on a sentence that the brief shows in another outlet's words.
    text = brief(words=200).summary
    assert "Police said about 2,000" in text and "He said the army" in text
    assert text.index("Police said about 2,000") < text.index("He said the army")
    assert "But the water level" not in text


def test_every_brief_sentence_is_the_text_of_its_span(story):
    b = brief(words=120)
    bodies = {a.id: a.body for a in b.articles}
    for s in b.sentences:
        assert bodies[s.article_id][s.start : s.end].startswith(s.text)


def test_a_syndicated_copy_adds_no_weight_and_is_marked():
    copy = STORY[1]
    b = summarize_documents([*STORY, copy], Budget(words=60), Default(), "dam")
    assert [a.status for a in b.articles].count("duplicate") == 1
    assert b.summary == brief(words=60).summary


def test_empty_story_gives_an_empty_brief():
    assert Default().rank(build_story([], "empty"), Budget(words=50)) == []


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("He said the talks would go on.", True),
        ("But the ministers did not agree on a date.", True),
        ("However, the vote was delayed again.", True),
        ("“They will never accept it,” a diplomat said.", True),
        ("It's the first time in two years.", True),
        ("``It's going to take a while for the rules to change.''", True),
        ("Later he publicly apologised to the families.", True),
        ("Latest figures show the river is falling.", False),
        ("Hebrew schools opened again on Monday in the city.", False),
        ("Theresa May met the leaders of the party.", False),
        ("The ministers met in Vancouver on Tuesday.", False),
    ],
)
def test_pronoun_and_connective_openers(text, leans):
    assert leans_on_previous(text) is leans


@pytest.mark.parametrize(
    "text",
    [
        "Photo: The flooded square of Kukes on Monday morning after the storm (AP)",
        "Follow us on Twitter for the latest news about the floods in the valley.",
        "Reporting by Jane Doe and John Roe in Tirana; editing by Mark Smith.",
        "What will the government do about the dams in the region next year?",
        "Short line here.",
        "Read the full report at https://example.org/report on our website today.",
        "(The Kukes Herald is part of the Balkan Regional Newspaper Group.)",
    ],
)
def test_non_news_sentences_are_refused_with_a_reason(text):
    assert rejection(text)


def test_a_plain_news_sentence_is_accepted():
    assert rejection("The government declared a state of emergency in the region until the end of the month.") is None


def test_a_story_of_short_sentences_still_gets_a_brief():
    docs = ["Rain hit Riverton. The river rose fast. Schools closed.", "Riverton flooded. The river rose fast."]
    b = summarize_documents(docs, Budget(words=10), Default(), "short")
    assert b.sentences
    assert len(b.summary.split()) <= 10


def test_a_small_story_fills_the_budget_with_a_long_sentence_but_no_caption():
    long_sentence = (
        "The storm, which forecasters had tracked for a week across the Atlantic, reached the coast near "
        + " ".join(f"village{k}" for k in range(60))
        + " before it weakened over the hills."
    )
    docs = [
        "The storm hit the northern coast of Portugal on Tuesday with winds of 150 kilometres an hour. "
        + long_sentence
        + " Photo: a fallen tree blocks the coastal road near the harbour of Viana do Castelo.",
        "Winds of 150 kilometres an hour hit the coast of northern Portugal on Tuesday, officials said.",
    ]
    b = summarize_documents(docs, Budget(words=60), Default(), "storm")
    assert len(b.summary.split()) == 60
    assert "village0" in b.summary
    assert "Photo:" not in b.summary


# Two outlets on a flood; each tells the rescue in its own words, one with "30", the other with "Thirty".
FLOOD = [
    "The River Tarn overflowed on Wednesday after a night of storms, flooding about 120 homes in Redmoor. "
    "Fire crews rescued 30 people by boat from the Eastbank district, and the town hall was opened as a shelter. "
    "Forecasters expect more rain across the whole northern region on Friday and Saturday.",
    "Redmoor began cleaning up on Thursday after the River Tarn flooded about 120 homes in the town. "
    "Thirty residents of the Eastbank district were rescued by boat on Wednesday. "
    "Mayor Colin Hartley said Redmoor had asked the government for emergency funds to help families.",
]


# Two outlets on a chess final; each rewords the draw offer of move 61 (content words overlap by half
# exactly, which the plain redundancy rule lets through) and each has a fact of its own.
CHESS = [
    "Amara Diallo, 19, won the national chess championship in Halden on Wednesday after a six-hour final. "
    "Diallo, playing with the black pieces, won a rook ending after Reyes declined a draw offer on move 61. "
    "The tournament drew a record crowd of spectators to the old town hall over the whole week.",
    "Amara Diallo won the national chess championship in Halden on Wednesday, beating Tomas Reyes. "
    "Reyes, the defending champion, turned down a draw on move 61 and lost the rook ending that followed. "
    "The win earns Diallo a place in the world championship qualifying cycle next spring.",
]


@pytest.mark.parametrize("budget", [Budget(whole=True), Budget(words=200), Budget(sentences=6)])
@pytest.mark.parametrize(
    ("docs", "fact", "other"),
    [(FLOOD, "rescued", "Mayor"), (CHESS, "move 61", "qualifying cycle")],
    ids=["inside a longer sentence", "reworded around the same figure"],
)
def test_a_fact_two_outlets_tell_in_their_own_words_is_told_once(docs, fact, other, budget):
    b = summarize_documents(docs, budget, Default(), "story")
    told = [s.text for s in b.sentences if fact in s.text]
    assert len(told) == 1, told
    assert any(other in s.text for s in b.sentences)  # other facts are still told


def test_a_number_in_digits_or_in_words_makes_no_difference_to_the_redundancy_rule():
    assert content_stems("Thirty residents were rescued.") == content_stems("30 residents were rescued.")
    assert content_stems("About 30,000 vehicles cross the bridge.") == content_stems(
        "About forty vehicles cross the bridge."
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Over 2,000 doctors work in 70 countries.", {"2000", "70"}),
        ("Thirty residents paid $1.50 each on move 61.", {"30", "1.50", "61"}),
        ("In 2011 one of the three men left.", set()),  # years, "one" and single digits say too little
    ],
)
def test_numbers_a_sentence_states(text, found):
    assert numbers(text) == found


def test_sentences_sharing_a_figure_need_less_overlap_to_count_as_repeats():
    a = content_stems("Commuters were told to use the Ferry Road crossing, adding 40 minutes to their trips.")
    b = content_stems("Traffic has been diverted to Ferry Road, where delays reached 40 minutes.")
    stated = {"a": frozenset({"40"}), "b": frozenset({"40"}), "c": frozenset({"2"})}.__getitem__
    assert repeats(a, b, "a", "b", stated, redundancy=0.5, number_redundancy=0.3)
    assert not repeats(a, b, "a", "c", stated, redundancy=0.5, number_redundancy=0.3)
    assert not repeats(a, b, "a", "b", None, redundancy=0.5, number_redundancy=0.3)
