"""Rendering a brief: every sentence names its sources; nothing from an article can inject markup."""

from __future__ import annotations

import json

import pytest

from storybrief.model import Article, Brief, BriefSentence
from storybrief.render import render

EVIL = 'Officials said <script>alert("x")</script> was found & removed [1](http://x).'


@pytest.fixture
def brief() -> Brief:
    a = Article(id="a", url="https://www.example.com/news/1", title="Flood <b>warning</b>", date="2024-05-01")
    b = Article(id="b", source="Daily Planet", url="javascript:alert(1)")
    c = Article(id="c", extra={"file": "c.txt"}, status="duplicate", duplicate_of="a")
    d = Article(id="d", origin="d.txt", status="rejected", reason="empty file")
    return Brief(
        id="s",
        title="Riverton <floods>",
        date="2024-05-01",
        sentences=[
            BriefSentence(text=EVIL, sources=["a", "b"], article_id="a", index=0),
            BriefSentence(text="The river rose two metres", sources=["b"], article_id="b", index=1, truncated=True),
        ],
        articles=[a, b, c, d],
    )


def test_text_shows_sources_by_readable_name_and_what_was_not_used(brief):
    out = render(brief, "text")
    assert "[1][2]" in out and "two metres … [2]" in out
    assert "[1] example.com" in out and "[2] Daily Planet" in out  # url host, then the source field
    assert "c: duplicate of a" in out and "d (d.txt): rejected: empty file" in out


def test_html_escapes_everything_and_links_only_web_urls(brief):
    out = render(brief, "html")
    assert out.startswith("<!doctype html>")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>" not in out and "&lt;floods&gt;" in out
    assert 'href="https://www.example.com/news/1"' in out
    assert "javascript:" not in out
    assert out.count('href="#src') == 3  # one link per source of each sentence


def test_markdown_turns_no_article_text_into_markup(brief):
    out = render(brief, "markdown")
    assert "<script>" not in out and "\\<script\\>" in out
    assert "\\[1\\](http://x)" in out
    assert "[^1]: [example.com](<https://www.example.com/news/1>)" in out
    assert "javascript:" not in out


def test_json_is_the_contract(brief):
    data = json.loads(render(brief, "json"))
    assert data["summary"] == "\n".join(s["text"] for s in data["sentences"])
    assert [s["sources"] for s in data["sentences"]] == [["a", "b"], ["b"]]
    statuses = {a["id"]: (a["status"], a.get("duplicate_of"), a.get("reason")) for a in data["articles"]}
    assert statuses == {
        "a": ("used", None, None),
        "b": ("used", None, None),
        "c": ("duplicate", "a", None),
        "d": ("rejected", None, "empty file"),
    }
    assert data["articles"][2]["name"] == "c.txt"


def test_brief_without_sentences_says_so_in_every_format():
    empty = Brief(id="s", title=None, date=None, sentences=[], articles=[])
    for fmt in ("text", "markdown", "html"):
        assert "no sentences" in render(empty, fmt)


def test_unknown_format_is_refused(brief):
    with pytest.raises(ValueError, match="unknown format"):
        render(brief, "pdf")


def test_article_with_a_script_tag_comes_out_escaped_from_the_command(tmp_path, capsys):
    from storybrief.cli import main

    (tmp_path / "x.txt").write_text(
        "Hackers posted <script>alert('owned')</script> on the council website on Monday, officials said.\n"
        "The site was taken offline for two hours while engineers removed the code.\n",
        encoding="utf-8",
    )
    assert main(["summarize", str(tmp_path / "x.txt"), "-f", "html", "--sentences", "2", "--method", "lead"]) == 0
    out = capsys.readouterr().out
    assert "<script>" not in out and "&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt;" in out
