"""The story store: stories from articles, idempotent ingest, bad rows, briefs kept up to date,
concurrent ingest and crash safety."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from storybrief.store import Store

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT / "examples" / "feed"
TOWNS = "Arden Brisk Caldor Dunmere Elsby Farrow Glenholt Hartwell Ivybridge Jorvik Kelmscot Lindale".split()
TOPICS = ["a fire destroyed the old {t} mill", "voters in {t} elected mayor {n}", "the {t} marathon was won by {n}"]
NAMES = "Ada Bram Cato Dora Emil Fenna Gus Hilde Ivo Juna Kai Lotte".split()


def article(i: int, date: str = "2026-03-02") -> dict:
    """A made-up article; articles i and i+1200 report the same event in other words."""
    town, name, topic = TOWNS[i % 12], NAMES[(i * 5) % 12], TOPICS[i % 3]
    what = topic.format(t=town, n=name)
    text = (
        f"Officials said on Monday that {what}. Residents of {town} gathered near the town hall as {name} "
        f"spoke to reporters about what happened in {town}. "
        + ("Police in " if i < 1000 else "Later, police officers from ")
        + f"{town} said the investigation into the events of the day would continue this week, and {name} "
        f"thanked the people of {town} for their patience."
    )
    return {"id": f"a{i}", "text": text, "date": date, "title": f"{what} ({i})"}


def test_articles_join_stories_and_each_story_has_a_brief(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        result = store.add([article(0), article(1), article(1200)])
        assert sorted(result.added + result.duplicates) == ["a0", "a1", "a1200"] and not result.rejected
        stories = store.stories()
        assert sorted(s["articles"] for s in stories) == [1, 2]
        two = next(s for s in stories if s["articles"] == 2)
        assert two["brief"]["sentences"] and two["date"] == "2026-03-02"
        found = store.story(two["id"])
        assert sorted(a["id"] for a in found["article_list"]) == ["a0", "a1200"]
        assert store.story("nope") is None


def test_ingesting_the_same_articles_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        store.add([article(0), article(1)])
        before = store.stories()
        again = store.add([article(0), article(1), {"text": article(2)["text"]}])
        assert again.existing == ["a0", "a1"] and len(again.added) == 1
        keyless = store.add([{"text": article(2)["text"]}])  # no id: the content is the key
        assert keyless.existing and not keyless.added
        after = {s["id"]: s["articles"] for s in store.stories()}
        assert len(after) == 3 and all(after[s["id"]] == s["articles"] for s in before)


def test_a_story_brief_is_rebuilt_when_it_gains_articles_and_cached_otherwise(tmp_path, monkeypatch):
    import storybrief.pipeline as pipeline

    calls = []
    real = pipeline.summarize_articles
    monkeypatch.setattr(pipeline, "summarize_articles", lambda *a, **k: calls.append(1) or real(*a, **k))
    with Store(tmp_path / "s.sqlite") as store:
        sid = store.add([article(0)]).stories[0]
        assert len(store.brief(sid).articles) == 1
        store.brief(sid)
        assert len(calls) == 1  # unchanged story: the cached brief
        assert store.add([article(1200)]).stories == [sid]
        assert len(store.brief(sid).articles) == 2 and len(calls) == 2


def test_bad_rows_are_refused_with_a_reason_and_the_rest_is_stored(tmp_path):
    with Store(tmp_path / "s.sqlite") as store:
        result = store.add([article(0), {"id": "x"}, {"id": "y", "text": "Some text.", "date": "soon"}, 7], "feed")
        assert result.added == ["a0"]
        reasons = dict(result.rejected)
        assert set(reasons) == {"feed:2", "feed:3", "feed:4"}
        assert "no text" in reasons["feed:2"] and "ISO date" in reasons["feed:3"]


def run_cli(*args: str, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storybrief", *args, "--db", str(db)], capture_output=True, text=True, timeout=300
    )


def test_feed_workflow_on_the_shipped_example(tmp_path):
    db = tmp_path / "feed.sqlite"
    first = run_cli("ingest", str(FEED / "day1.jsonl"), db=db)
    assert first.returncode == 0, first.stderr
    second = run_cli("ingest", str(FEED), db=db)
    assert second.returncode == 1 and "day2.jsonl:6" in second.stderr  # the one malformed row
    assert "1 near-copies" in second.stderr and "5 already stored" in second.stderr
    listed = json.loads(run_cli("stories", "--format", "json", db=db).stdout)["stories"]
    by_title = {s["title"]: s for s in listed}
    assert by_title["Marlow Bay bridge shut after cracks found"]["articles"] == 4
    floods = [s for s in listed if "flood" in s["title"].lower()]
    assert len(floods) == 2  # two floods a month apart in two towns are two stories
    newest = json.loads(run_cli("stories", "--limit", "2", "--format", "json", db=db).stdout)["stories"]
    assert newest == listed[:2]
    recent = json.loads(run_cli("stories", "--since", "2026-04-01", "--format", "json", db=db).stdout)["stories"]
    assert [s["id"] for s in recent] == [s["id"] for s in floods if s["last_date"] >= "2026-04-01"]
    bridge = json.loads(
        run_cli("story", by_title["Marlow Bay bridge shut after cracks found"]["id"], "-f", "json", db=db).stdout
    )
    status = {a["id"]: a["status"] for a in bridge["brief"]["articles"]}
    assert status["bridge-1-syndicated"] == "duplicate" and status["bridge-2"] == "used"
    shown = run_cli("story", listed[0]["id"], db=db)
    assert shown.returncode == 0 and listed[0]["title"] in shown.stdout
    assert run_cli("story", "no-such-story", db=db).returncode == 1


def test_two_ingest_processes_at_once_neither_lose_nor_duplicate_articles(tmp_path):
    db = tmp_path / "s.sqlite"
    Store(db).close()
    files = []
    for part, ids in (("one", range(0, 40)), ("two", range(20, 60))):  # 20 articles in both
        f = tmp_path / f"{part}.jsonl"
        f.write_text("".join(json.dumps(article(i)) + "\n" for i in ids), encoding="utf-8")
        files.append(f)
    script = "import sys; from storybrief.cli import main; sys.exit(main(sys.argv[1:]))"
    procs = [
        subprocess.Popen([sys.executable, "-c", script, "ingest", str(f), "--db", str(db)], stderr=subprocess.PIPE)
        for f in files
    ]
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    conn = sqlite3.connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(f"a{i}" for i in range(60))
    sizes = dict(conn.execute("SELECT id, size FROM stories"))
    counted = dict(conn.execute("SELECT story, count(*) FROM articles GROUP BY story"))
    assert sizes == counted  # every story's size matches its articles


def test_a_crash_in_the_middle_of_an_add_leaves_the_store_as_it_was(tmp_path):
    db = tmp_path / "s.sqlite"
    with Store(db) as store:
        store.add([article(0)])
    crash = textwrap.dedent(f"""
        import os
        from storybrief.store import Store, store as module
        module.Store._save_terms = lambda self, feats: os._exit(3)  # die after articles were written
        Store({str(db)!r}).add([{json.dumps(article(1))}, {json.dumps(article(2))}])
    """)
    assert subprocess.run([sys.executable, "-c", crash], timeout=120).returncode == 3
    with Store(db) as store:
        assert [s["articles"] for s in store.stories()] == [1]
        assert sorted(store.add([article(0), article(1)]).added) == ["a1"]
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.parametrize("env", [True, False])
def test_the_store_path_comes_from_db_or_the_environment(tmp_path, monkeypatch, env):
    monkeypatch.chdir(tmp_path)
    if env:
        monkeypatch.setenv("STORYBRIEF_DB", str(tmp_path / "env.sqlite"))
    else:
        monkeypatch.delenv("STORYBRIEF_DB", raising=False)
    Store().close()
    assert (tmp_path / ("env.sqlite" if env else "storybrief.sqlite")).exists()


def test_ingesting_article_files_cleans_them_and_finds_their_date(tmp_path, example_dir):
    db = tmp_path / "s.sqlite"
    assert run_cli("ingest", str(example_dir), db=db).returncode == 0
    (story,) = json.loads(run_cli("stories", "--format", "json", db=db).stdout)["stories"]
    assert story["articles"] == 2 and story["date"] == "2018-01-17"
    assert "Sponsored" not in story["brief"]["summary"]


def test_a_row_without_a_date_takes_the_date_its_wire_text_or_url_states(tmp_path):
    wire = {"id": "w", "text": "date 2018-01-17 " + article(3)["text"]}
    page = {"id": "u", "text": article(3 + 1200)["text"], "url": "https://news.example/2018/01/18/mill-fire"}
    with Store(tmp_path / "s.sqlite") as store:
        store.add([wire, page])
        (story,) = store.stories()
    assert (story["date"], story["last_date"]) == ("2018-01-17", "2018-01-18")


def test_ingest_shows_a_progress_bar_of_articles_when_asked(tmp_path, capsys):
    from storybrief.cli import main

    rows = tmp_path / "feed.jsonl"
    rows.write_text("".join(json.dumps(article(i)) + "\n" for i in range(3)))
    assert main(["ingest", "--db", str(tmp_path / "s.sqlite"), "--progress", str(rows)]) == 0
    err = capsys.readouterr().err
    assert re.search(r"articles: 3 \[", err), err  # the bar counts the articles read
    assert "3 articles added" in err


def test_stories_as_a_markdown_digest_one_section_a_story(tmp_path, capsys):
    from storybrief.cli import main

    db = str(tmp_path / "s.sqlite")
    rows = [article(0), article(1200), article(1)]
    rows[0]["title"] = "Mill fire <b>[video]</b>"
    with Store(db) as store:
        store.add(rows)
    assert main(["stories", "--db", db, "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    sections = [s for s in out.split("\n## ") if s.strip()]
    assert len(sections) == 2 and out.startswith("## ")
    assert "Mill fire \\<b\\>\\[video\\]\\</b\\>" in out  # a title is text, not HTML or a link
    assert re.search(r"^\*s\d+ · 2026-03-02 · 2 articles\*$", out, re.M)  # id, date and size under the title
    assert re.search(r"^- .+\(a0, a1200\)$", out, re.M)  # a sentence both reports carry credits both


def test_stories_shows_a_progress_bar_while_it_builds_the_briefs_when_asked(tmp_path, capsys):
    from storybrief.cli import main

    db = str(tmp_path / "s.sqlite")
    with Store(db) as store:
        store.add([article(0), article(1)])
    assert main(["stories", "--db", db, "--progress"]) == 0
    captured = capsys.readouterr()
    assert re.search(r"stories: .*2/2", captured.err), captured.err
    assert captured.out.count("a0") + captured.out.count("a1") >= 2  # the listing itself is unchanged
