"""The story store through the API: POST /articles, GET /stories, GET /stories/{id}."""

from __future__ import annotations

import sys
import warnings

import pytest

from storybrief.service import Settings, create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about httpx versions, not ours
    from fastapi.testclient import TestClient


def client(tmp_path, **settings) -> TestClient:
    app = create_app(Settings(db=str(tmp_path / "stories.sqlite"), **settings))
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def rows(example_dir) -> list[dict]:
    return [
        {"id": f.stem, "text": f.read_text(encoding="utf-8"), "date": "2018-01-17"}
        for f in sorted(example_dir.glob("*.txt"))
    ]


def test_added_articles_become_a_story_with_a_brief(tmp_path, rows):
    pytest.importorskip("storybrief.store", reason="the story store (issue 6) is not in this build")
    api = client(tmp_path)
    added = api.post("/articles", json={"articles": rows})
    assert added.status_code == 200, added.text
    stories = api.get("/stories").json()["stories"]
    assert len(stories) == 1
    story = api.get(f"/stories/{stories[0]['id']}")
    assert story.status_code == 200, story.text
    brief = story.json()["brief"]
    assert brief["sentences"] and any(len(s["sources"]) == 2 for s in brief["sentences"])
    assert all("body" in a for a in brief["articles"] if a["status"] == "used")
    md = api.get(f"/stories/{stories[0]['id']}?format=markdown")
    assert md.headers["content-type"].startswith("text/markdown") and md.text.startswith("# ")
    # the same articles again are duplicates, not a second story
    api.post("/articles", json=rows)
    assert len(api.get("/stories").json()["stories"]) == 1


def test_unknown_story_is_404(tmp_path):
    pytest.importorskip("storybrief.store", reason="the story store (issue 6) is not in this build")
    r = client(tmp_path).get("/stories/no-such-story")
    assert r.status_code == 404 and "no-such-story" in r.json()["error"]


@pytest.mark.parametrize(
    ("body", "status"),
    [(b"{oops", 400), (b'"text"', 422), (b'{"articles": "text"}', 422), (b"[1, 2]", 422), (b"[]", 400)],
)
def test_bad_article_rows_are_refused_before_the_store(tmp_path, body, status):
    r = client(tmp_path).post("/articles", content=body, headers={"content-type": "application/json"})
    assert r.status_code == status, r.text
    assert r.json()["error"]


def test_too_many_articles_is_413(tmp_path, rows):
    r = client(tmp_path, max_articles=1).post("/articles", json=rows)
    assert r.status_code == 413 and "too many articles" in r.json()["error"]


def test_without_a_store_the_story_endpoints_say_so(tmp_path, monkeypatch, rows):
    monkeypatch.setitem(sys.modules, "storybrief.store", None)  # as if the store were not built
    api = client(tmp_path)
    for r in (api.get("/stories"), api.post("/articles", json=rows), api.get("/stories/x")):
        assert r.status_code == 503 and "no story store" in r.json()["error"]
