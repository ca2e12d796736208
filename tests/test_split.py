"""Sentence splitting as a reader of news would judge it."""

from __future__ import annotations

import pytest

from storybrief.model import Article
from storybrief.split import sentence_spans, split, split_sentences

# Each case is the sentences a reader sees; the text is them joined by one space.
CASES = [
    ["The U.S. Senate voted 52-48 on Tuesday.", "Democrats objected."],
    ["Talks resumed in the U.S.", "The two sides met for three hours."],
    ["Gov. Gray Davis signed the bill on Feb. 3, aides said.", "It takes effect in July."],
    ["John F. Kennedy Jr. died in 1999.", "His plane went down at sea."],
    ["The economy grew 3.5 percent last year.", "Analysts had expected 2.9 percent."],
    ['"We will not back down," he said.', '"Never."'],
    ["The deal is done, he said.", '"It was a long night," added Lt. Col. James R. Smith.'],
    ['"Stop!" the officer shouted.', "Nobody moved."],
    ["WASHINGTON (AP) -- The Senate met on Tuesday.", "It adjourned early."],
    ["VANCOUVER, Canada -- Ministers met on Tuesday.", "Japan urged caution."],
    ["It was No. 1 on the list.", "Sen. John McCain spoke next."],
    ["The talks ended, said his wife, He Xintong.", "``They will have to try harder.''"],
    ["He left at 5 p.m. EST.", "No vote was taken."],
    ["What happens next?", "Nobody knows, officials said."],
    ["It is a birth defect.[1][16]", "It was first described in 1973.[2]"],
]


@pytest.mark.parametrize("sentences", CASES, ids=[c[0][:30] for c in CASES])
def test_news_sentences_split_where_a_reader_would(sentences):
    assert split_sentences(" ".join(sentences)) == sentences


def test_full_stop_glued_to_next_sentence_still_splits_but_names_do_not():
    glued = "It ended in Asia.Oregon radio reported it."
    assert split_sentences(glued) == ["It ended in Asia.", "Oregon radio reported it."]
    assert split_sentences("Visit Example.Com/News for more.") == ["Visit Example.Com/News for more."]


def test_paragraph_breaks_end_sentences():
    assert split_sentences("A headline without a stop\nThe body starts here.") == [
        "A headline without a stop",
        "The body starts here.",
    ]


def test_spans_point_into_the_body():
    body = "  First one.  Second one?\n\nThird one!  "
    spans = sentence_spans(body)
    assert [body[s:e] for s, e in spans] == ["First one.", "Second one?", "Third one!"]


def test_split_article_numbers_sentences_of_the_cleaned_body():
    article = Article(id="x", text="raw", body="One here. Two here.")
    sents = split(article)
    assert [(s.article_id, s.index, s.text) for s in sents] == [("x", 0, "One here."), ("x", 1, "Two here.")]
    assert all(article.body[s.start : s.end] == s.text for s in sents)


def test_long_paragraph_splits_every_sentence():
    text = " ".join(f"Sentence number {i} ends here." for i in range(5000))
    assert len(split_sentences(text)) == 5000
