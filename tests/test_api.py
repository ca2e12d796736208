"""The Python API: storybrief.summarize and storybrief.summarize_paths."""

from __future__ import annotations

import pytest

import storybrief
from _stories import FLOOD_A, FLOOD_B, write_story
from storybrief import Article


def test_strings_dicts_and_articles_are_all_documents():
    brief = storybrief.summarize(
        [FLOOD_A, {"text": FLOOD_B, "source": "Daily Planet", "date": "2024-05-01"}], words=60, method="lead"
    )
    assert isinstance(brief, storybrief.Brief)
    assert sum(len(s.text.split()) for s in brief.sentences) == 60
    assert [a.label for a in brief.articles] == ["000", "Daily Planet"]
    art = storybrief.summarize([Article(id="mine", text=FLOOD_A)], sentences=2, method="lead")
    assert [s.sources for s in art.sentences] == [["mine"], ["mine"]]


def test_a_single_string_is_one_article_not_a_list_of_letters():
    brief = storybrief.summarize(FLOOD_A, sentences=1, method="lead")
    assert len(brief.articles) == 1 and brief.sentences[0].text.startswith("Heavy rain")


def test_bad_documents_are_listed_not_raised():
    brief = storybrief.summarize([FLOOD_A, 42, {"title": "no text"}], method="lead")
    reasons = [a.reason for a in brief.articles if a.status == "rejected"]
    assert len(reasons) == 2 and all(reasons)
    assert brief.to_dict()["articles"][1]["status"] == "rejected"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"documents": []}, "no documents"),
        ({"documents": [FLOOD_A], "words": 0}, "positive"),
        ({"documents": [FLOOD_A], "sentences": "3"}, "positive"),
        ({"documents": [FLOOD_A], "method": "nope"}, "unknown method"),
    ],
)
def test_caller_mistakes_raise_value_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        storybrief.summarize(**kwargs)


def test_summarize_paths_reads_a_folder(tmp_path):
    folder = write_story(tmp_path / "flood", empty__txt="")
    brief = storybrief.summarize_paths(folder, sentences=2, method="lead")
    assert brief.id == "flood" and len(brief.sentences) == 2
    assert [a.status for a in brief.articles] == ["used", "used", "rejected"]


def test_metadata_of_the_wrong_type_is_ignored_and_every_format_renders():
    from storybrief.render import FORMATS, render

    doc = {"text": [FLOOD_A, FLOOD_B], "date": {"y": 2024}, "source": 7, "title": ["Flood"], "url": None}
    brief = storybrief.summarize(doc, sentences=2, method="lead")
    (a,) = brief.articles
    assert (a.status, a.date, a.label, a.title) == ("used", None, "7", "Flood")
    assert all(render(brief, fmt) for fmt in FORMATS)


def test_dates_are_iso_whatever_form_they_were_given_in():
    docs = [
        {"text": FLOOD_A, "date": "Wed, 8 May 2024 10:00:00 GMT"},
        {"text": FLOOD_B, "date": "2024-05-06T22:15:00Z"},
    ]
    brief = storybrief.summarize(docs, sentences=2, method="lead")
    assert [a.date for a in brief.articles] == ["2024-05-08", "2024-05-06"]
    assert brief.date == "2024-05-06"  # the earliest


def test_a_string_holding_an_html_page_is_read_as_html():
    page = "<!doctype html><html><body><article>" + "".join(f"<p>{p}</p>" for p in FLOOD_B.splitlines())
    brief = storybrief.summarize([page + "</article></body></html>"], sentences=1, method="lead")
    assert brief.sentences[0].text == FLOOD_B.splitlines()[0]
