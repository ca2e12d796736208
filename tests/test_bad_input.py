"""Bad input: every article ends used, duplicate or rejected with a reason; one line per problem; exit 1."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import tracemalloc

from _stories import FLOOD_A, FLOOD_B, write_story
from storybrief.cli import main
from storybrief.read import read_paths, read_stdin

FIFTY_MB = 50_000_000


def run_json(capsys, *args: str) -> tuple[int, dict, list[str]]:
    """Run ``summarize --format json``; the exit status, the brief and the error lines."""
    status = main(["summarize", *args, "--format", "json", "--method", "lead"])
    out, err = capsys.readouterr()
    return status, json.loads(out), err.splitlines()


def by_id(brief: dict) -> dict[str, dict]:
    return {a["id"]: a for a in brief["articles"]}


def test_each_bad_file_is_rejected_with_its_reason_and_the_rest_goes_on(tmp_path, capsys):
    write_story(
        tmp_path,
        empty__txt="",
        blank__txt="  \n\n ",
        binary__txt=bytes(range(256)) * 20,
        nobody__html="<html><head><title>Nothing</title></head><body></body></html>",
    )
    status, brief, errors = run_json(capsys, str(tmp_path))
    arts = by_id(brief)
    assert status == 1
    assert arts["a"]["status"] == arts["b"]["status"] == "used"
    assert arts["empty"]["reason"] == "empty file"
    assert "white space" in arts["blank"]["reason"]
    assert "binary" in arts["binary"]["reason"]
    assert "no article body" in arts["nobody"]["reason"]
    assert brief["sentences"]  # the good articles still make a brief
    for name in ("empty", "blank", "binary", "nobody"):
        assert any(line.startswith("storybrief: ") and name in line for line in errors), name
    assert len(errors) == 4  # one line each


def test_text_in_latin1_is_decoded_and_noted(tmp_path, capsys):
    (tmp_path / "cafe.txt").write_bytes(
        "Caf\u00e9 owners in Montr\u00e9al said on Tuesday that the new rules would hurt business.".encode("latin-1")
    )
    status, brief, errors = run_json(capsys, str(tmp_path / "cafe.txt"))
    assert status == 0
    assert "Montréal" in brief["summary"]
    assert len(errors) == 1 and "not UTF-8" in errors[0]


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path, capsys):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(FIFTY_MB)  # sparse: costs no disk
    tracemalloc.start()
    (article,) = read_paths([str(big)])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert article.status == "rejected" and "too large" in article.reason
    assert peak < 5_000_000
    status, _, errors = run_json(capsys, str(big))
    assert status == 1 and "too large" in errors[0]


def test_fifty_megabytes_on_stdin_are_refused_after_the_limit():
    stream = io.BytesIO(b"word " * (FIFTY_MB // 5))
    (article,) = read_stdin("stdin", max_bytes=1_000_000, stream=stream)
    assert article.status == "rejected" and "too large" in article.reason
    assert stream.tell() == 1_000_001  # the rest was never read


def test_malformed_jsonl_line_gives_an_error_line_in_place(tmp_path, capsys):
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(
        json.dumps({"id": "s1", "documents": [FLOOD_A, FLOOD_B]})
        + '\n{"id": "s2", "documents": [\n'
        + json.dumps({"id": "s3", "documents": []})
        + "\n"
        + json.dumps({"id": "s4", "documents": [FLOOD_B, 42]})
        + "\n"
    )
    status = main(["summarize", "--jsonl", str(src), "-o", str(out), "--method", "lead", "--no-progress"])
    errors = capsys.readouterr().err.splitlines()
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert status == 1
    assert [r["id"] for r in rows] == ["s1", "line2", "s3", "s4"]
    assert "summary" in rows[0] and "summary" in rows[3]
    assert rows[1]["error"].startswith("malformed JSON") and rows[2]["error"] == "story has no documents"
    assert errors == [e for e in errors if e.startswith(f"storybrief: {src}:")] and len(errors) == 3
    assert ":2: malformed JSON" in errors[0]
    assert errors[2] == f"storybrief: {src}:4[1]: document is not a string or an object (got int)"
    assert rows[3]["articles"][1]["status"] == "rejected"  # a good line still lists the article it rejected


def test_jsonl_with_worker_processes_writes_the_same_lines_and_errors(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    stories = [{"id": f"s{i}", "documents": [FLOOD_A, FLOOD_B][: 1 + i % 2]} for i in range(9)]
    lines = [json.dumps(s) for s in stories]
    lines[4] = '{"id": "s4", "documents": ['  # malformed, in the middle
    src.write_text("\n".join(lines) + "\n")
    results = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        status = main(["summarize", "--jsonl", str(src), "-o", str(out), "--jobs", jobs, "--no-progress"])
        results.append((status, out.read_text(), capsys.readouterr().err))
    assert results[0] == results[1]
    status, text, err = results[1]
    assert status == 1 and err.count("malformed JSON") == 1 and f"{src}:5:" in err
    rows = [json.loads(line) for line in text.splitlines()]
    assert [r["id"] for r in rows] == [f"s{i}" if i != 4 else "line5" for i in range(9)]


def test_malformed_line_in_a_jsonl_file_of_articles(tmp_path, capsys):
    f = tmp_path / "arts.jsonl"
    f.write_text(json.dumps({"text": FLOOD_A}) + "\n{oops\n" + json.dumps({"text": FLOOD_B}) + "\n")
    status, brief, errors = run_json(capsys, str(f))
    assert status == 1
    assert [a["status"] for a in brief["articles"]] == ["used", "used", "rejected"]
    assert errors == [f"storybrief: {f}:2: " + brief["articles"][2]["reason"]]


def test_story_of_one_article_gives_a_brief(tmp_path, capsys):
    (tmp_path / "only.txt").write_text(FLOOD_A)
    status, brief, errors = run_json(capsys, str(tmp_path / "only.txt"), "--sentences", "2")
    assert status == 0 and errors == []
    assert len(brief["sentences"]) == 2
    assert all(s["sources"] == ["only"] for s in brief["sentences"])


def test_story_of_500_articles_lists_every_one():
    import storybrief

    facts = [line for line in (FLOOD_A + FLOOD_B).splitlines()]
    docs = [
        f"Reporter {i} wrote from street number {i * 7} of Riverton on day {i % 30 + 1}.\n"
        + "\n".join(facts[(i + k) % len(facts)] for k in range(3))
        for i in range(500)
    ]
    brief = storybrief.summarize(docs, words=80, method="lead")
    assert len(brief.articles) == 500
    assert {a.status for a in brief.articles} <= {"used", "duplicate"}
    assert all(a.duplicate_of for a in brief.articles if a.status == "duplicate")
    assert 0 < sum(len(s.text.split()) for s in brief.sentences) <= 80


def test_articles_past_the_limit_are_rejected_not_dropped():
    from storybrief.pipeline import build_story
    from storybrief.read import articles_from_documents

    story = build_story(articles_from_documents([FLOOD_A, FLOOD_B, FLOOD_A + "More.", FLOOD_B]), max_articles=2)
    assert [a.status for a in story.articles][2:] == ["rejected", "rejected"]
    assert "more than 2 articles" in story.articles[3].reason


def test_missing_file_and_empty_folder(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    status, brief, errors = run_json(capsys, str(tmp_path / "nope.txt"), str(tmp_path / "empty"))
    assert status == 1
    assert [a["reason"] for a in brief["articles"]] == ["no such file", "folder holds no files"]
    assert len(errors) == 2


def test_never_a_traceback_from_the_command(tmp_path):
    folder = write_story(tmp_path / "story", bin__dat=b"\x00\x01\x02" * 100, bad__json="{nope", e__txt="")
    proc = subprocess.run(
        [sys.executable, "-m", "storybrief", "summarize", str(folder), "--method", "lead"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 3 and all(line.startswith("storybrief: ") for line in lines)
    assert "Riverton" in proc.stdout
