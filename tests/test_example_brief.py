"""The brief of the shipped example, as a reader would check it (issue: end to end)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from storybrief.cli import main
from storybrief.model import Budget
from storybrief.pipeline import summarize_articles
from storybrief.read import read_paths

ROOT = Path(__file__).resolve().parents[1]

FURNITURE = [
    "Artboard",
    "Chevron",
    "Icon Facebook",
    "Sponsored Content",
    "subscription",
    "free article",
    "{{",
    "}}",
    "(File | Associated Press)",
    "© Reuters",
    "From left,",
    "International relations",
    "Try 3 months",
    "See all offers",
]


@pytest.fixture
def brief(example_dir):
    return summarize_articles(read_paths([str(example_dir)]), Budget(words=400))


def test_brief_has_no_page_furniture(brief):
    text = brief.summary
    for junk in FURNITURE:
        assert junk not in text, junk


def test_shared_sentence_appears_once_and_credits_both(brief):
    hits = [s for s in brief.sentences if "first time in more than two years" in s.text]
    assert len(hits) == 1
    assert len(hits[0].sources) == 2


def test_title_and_date(brief):
    assert brief.title == "Japan warns on falling for North Korean charm offensive"
    assert brief.date == "2018-01-17"
    assert len(brief.sources) == 2


def test_sentences_are_whole_and_split_right(brief):
    for s in brief.sentences:
        assert not re.search(r"\b(U\.S|Feb|Gov)\.$", s.text), s.text
        assert s.text[0].isupper() or s.text[0] in "\"'“", s.text
    assert not any(s.truncated for s in brief.sentences[:-1])


def test_cli_json_lists_every_article(example_dir, capsys):
    assert main(["summarize", str(example_dir), "--format", "json", "--words", "60"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {a["status"] for a in data["articles"]} == {"used"}
    assert len(data["articles"]) == 2
    assert data["summary"] == "\n".join(s["text"] for s in data["sentences"])
    assert sum(len(s["text"].split()) for s in data["sentences"]) == 60


def test_cli_default_budget_gives_whole_sentences(example_dir, capsys):
    assert main(["summarize", str(example_dir), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sentences"], "the brief is empty"
    assert not any(s.get("truncated") for s in data["sentences"])
    assert all(s["text"].rstrip('"”').endswith((".", "!", "?")) for s in data["sentences"])
    assert 50 <= sum(len(s["text"].split()) for s in data["sentences"]) <= 100


def test_undated_article_is_not_pushed_to_the_end():
    from storybrief import summarize

    dated = {
        "text": "Rain flooded the old harbour district of Port Ellis on Monday night. "
        "Officials closed the harbour road until the water goes down.",
        "date": "2024-03-04",
    }
    undated = {
        "text": "Heavy rain began falling over Port Ellis early on Monday morning, forecasters said. "
        "By the evening the rain had flooded the old harbour district of Port Ellis."
    }
    brief = summarize([undated, dated], sentences=3)
    positions = [(s.article_id, s.index) for s in brief.sentences]
    assert positions == sorted(positions), positions


@pytest.mark.parametrize("method", ["default", "lead", "lexrank", "textrank", "centroid", "mmr"])
def test_every_brief_sentence_is_the_text_of_its_span_in_an_article(example_dir, method):
    articles = read_paths([str(example_dir)])
    brief = summarize_articles(articles, Budget(words=150), method)
    bodies = {a.id: a.body for a in brief.articles}
    assert brief.sentences
    for s in brief.sentences:
        span = bodies[s.article_id][s.start : s.end]
        assert span.startswith(s.text) if s.truncated else span == s.text, (s.text, span)
        assert s.article_id in s.sources


def _documented_runs(page: Path) -> list[tuple[list[str], str]]:
    """The ``$ storybrief summarize examples/vancouver-2018 ...`` runs a page shows, with the output it shows."""
    runs = re.findall(
        r"^\$ storybrief (summarize examples/vancouver-2018[^\n|>]*)\n(.*?)^```", page.read_text(), re.M | re.S
    )
    return [(cmd.split(), shown) for cmd, shown in runs]


@pytest.mark.parametrize("page", ["README.md", "docs/usage.md", "docs/method.md"])
def test_the_docs_show_the_brief_storybrief_prints(page, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    runs = _documented_runs(ROOT / page)
    assert runs, f"{page} shows no run of the example"
    for args, shown in runs:
        assert main(args) == 0
        printed = " ".join(capsys.readouterr().out.split())  # a no-break space of the source reads as a space
        # a page may stop before the list of sources
        assert printed.startswith(" ".join(shown.split())), f"{page}: storybrief {' '.join(args)}"


def test_the_jsonl_example_of_the_usage_page_is_what_storybrief_writes(tmp_path, capsys, monkeypatch):
    page = (ROOT / "docs" / "usage.md").read_text()
    given = re.search(r"^\$ cat clusters\.jsonl\n(.*?)\n\$ storybrief", page, re.M | re.S)
    shown = re.search(r"^\$ cat briefs\.jsonl\n(.*?)\n```", page, re.M | re.S)
    run = re.search(r"^\$ storybrief (summarize --jsonl clusters\.jsonl[^\n]*)", page, re.M)
    assert given and shown and run, "docs/usage.md no longer shows the --jsonl example"
    (tmp_path / "clusters.jsonl").write_text(given[1] + "\n")
    monkeypatch.chdir(tmp_path)
    assert main(run[1].split()) == 1  # the example's two bad lines
    written = (tmp_path / "briefs.jsonl").read_text().splitlines()
    assert [json.loads(x) for x in written] == [json.loads(x) for x in shown[1].splitlines()]
