"""Reading inputs: files of each kind, folders, standard input, JSON rows."""

from __future__ import annotations

import io
import json

from _stories import FLOOD_A, FLOOD_B, write_story
from storybrief.read import parse_jsonl, read_cluster_rows, read_paths, read_stdin


def test_folder_is_one_story_sorted_by_name_without_hidden_files(tmp_path):
    write_story(tmp_path, **{".hidden": "secret"})
    articles = read_paths([str(tmp_path)])
    assert [a.id for a in articles] == ["a", "b"]
    assert articles[0].text == FLOOD_A
    assert articles[0].label == "a.txt"  # a plain file is named by its file name


def test_html_file_is_read_as_html(tmp_path):
    page = tmp_path / "page.htm"
    page.write_text("<html><body><article><p>" + FLOOD_A + "</p></article></body></html>", encoding="utf-8")
    (a,) = read_paths([str(page)])
    assert a.html and not a.text


def test_json_list_of_documents_and_pretty_printed_cluster_row(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([FLOOD_A, {"text": FLOOD_B, "source": "Daily"}]))
    (tmp_path / "row.json").write_text(json.dumps({"id": "s", "documents": [FLOOD_A, FLOOD_B]}, indent=2))
    listed = read_paths([str(tmp_path / "list.json")])
    assert [a.label for a in listed] == ["000", "Daily"]
    assert [a.text for a in read_paths([str(tmp_path / "row.json")])] == [FLOOD_A, FLOOD_B]


def test_same_file_names_in_two_folders_get_distinct_ids(tmp_path):
    write_story(tmp_path / "one")
    write_story(tmp_path / "two")
    ids = [a.id for a in read_paths([str(tmp_path / "one"), str(tmp_path / "two")])]
    assert len(set(ids)) == 4


def test_utf16_and_cp1252_text_are_decoded(tmp_path):
    (tmp_path / "u16.txt").write_bytes(FLOOD_A.encode("utf-16"))
    text = "Caf\u00e9 owners in Montr\u00e9al said the rules would hurt them."
    (tmp_path / "win.txt").write_bytes(text.encode("cp1252"))
    u16, win = read_paths([str(tmp_path / "u16.txt"), str(tmp_path / "win.txt")])
    assert u16.text == FLOOD_A
    assert "Montréal" in win.text
    assert win.extra["encoding"]  # the charset used is kept, and reported by the command


def test_stdin_text_and_json():
    (a,) = read_stdin("stdin", stream=io.BytesIO(FLOOD_A.encode()))
    assert a.text == FLOOD_A and a.origin == "<stdin>"
    rows = read_stdin("stdin", stream=io.BytesIO(json.dumps({"documents": [FLOOD_A, FLOOD_B]}).encode()))
    assert len(rows) == 2


def test_parse_jsonl_reports_bad_lines_and_keeps_going():
    rows = list(parse_jsonl('{"text": "a"}\nnot json\n\n[1]\n"just text"\n'))
    assert [(r.line, r.error is None) for r in rows] == [(1, True), (2, False), (4, False), (5, True)]
    assert rows[1].error.startswith("malformed JSON")
    assert rows[3].data == {"text": "just text"}


def test_cluster_rows_stream_with_line_numbers(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_bytes(b'{"id": 1, "documents": ["x"]}\n\n{"id": 2}\n{"id": 3, "documents": ["caf\xe9"]}\n')
    rows = list(read_cluster_rows(str(f)))
    assert [r.line for r in rows] == [1, 3, 4]
    assert rows[1].error == 'no "documents" list'
    assert rows[2].data["documents"] == ["café"]  # a line in another encoding is decoded, not lost


def test_overlong_jsonl_line_is_skipped_and_the_next_line_read(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "big", "documents": ["x" * 5000]}) + "\n" + json.dumps({"id": 2, "documents": []}))
    rows = list(read_cluster_rows(str(f), max_bytes=1000))
    assert rows[0].error.startswith("line too large") and rows[0].line == 1
    assert rows[1].data["id"] == 2 and rows[1].line == 2


def test_a_file_of_several_stories_is_not_merged_into_one(tmp_path):
    f = tmp_path / "two.jsonl"
    f.write_text("".join(json.dumps({"id": i, "documents": [FLOOD_A]}) + "\n" for i in range(2)))
    (a,) = read_paths([str(f)])
    assert a.status == "rejected" and "--jsonl" in a.reason


def test_html_page_gives_body_title_date_and_site_name(tmp_path):
    import storybrief

    paragraphs = "".join(f"<p>{line}</p>" for line in FLOOD_A.splitlines())
    page = tmp_path / "flood.html"
    page.write_text(
        '<html><head><title>Riverton floods</title><meta property="og:site_name" content="Valley Herald">'
        '<meta property="article:published_time" content="2024-05-06"></head><body>'
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>Riverton floods</h1>{paragraphs}</article>"
        "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    brief = storybrief.summarize_paths(page, sentences=4, method="lead")
    (a,) = brief.articles
    assert (a.status, a.label, a.date) == ("used", "Valley Herald", "2024-05-06")
    assert brief.title == "Riverton floods"
    assert [s.text for s in brief.sentences] == FLOOD_A.splitlines()
    assert "Subscribe" not in brief.summary and "Home" not in brief.summary


def test_named_pipe_is_read_like_a_file(tmp_path):
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "w", encoding="utf-8") as f:
            f.write(FLOOD_A)

    writer = threading.Thread(target=write)
    writer.start()
    (a,) = read_paths([str(fifo)])
    writer.join()
    assert a.status == "used" and a.text == FLOOD_A


def test_utf8_with_one_stray_byte_keeps_its_accents(tmp_path):
    text = "Caf\u00e9 owners in Montr\u00e9al said the new rules would hurt them. " * 20
    (tmp_path / "cut.txt").write_bytes(text.encode("utf-8") + b"\xff and more.")
    (a,) = read_paths([str(tmp_path / "cut.txt")])
    assert a.text.count("Montréal") == 20
    assert a.extra["encoding"].startswith("utf-8")
