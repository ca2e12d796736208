"""The summarize command as a user runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from _stories import FLOOD_A, FLOOD_B, write_story
from storybrief.cli import main


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "summarize" in out and "clean" in out


@pytest.mark.parametrize("argv", [["--help"], ["summarize", "--help"]])
def test_help_does_not_import_the_heavy_libraries(argv):
    code = (
        "import sys\nfrom storybrief.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('trafilatura', 'scipy', 'sklearn', 'numpy', 'datasketch') if m in sys.modules))"
    )
    proc = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True, text=True, check=True)
    assert proc.stdout.splitlines()[-1] == "[]"


def test_sentences_words_and_output_file(tmp_path, capsys):
    story = write_story(tmp_path / "flood")
    out = tmp_path / "brief.json"
    assert main(["summarize", str(story), "--sentences", "3", "-f", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert len(data["sentences"]) == 3 and data["id"] == "flood"
    assert main(["summarize", str(story), "--words", "25", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sum(len(s["text"].split()) for s in data["sentences"]) == 25
    assert main(["summarize", str(story), "--bytes", "120", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert 0 < len(data["summary"].encode()) <= 120


def test_only_one_budget_option_at_a_time(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["summarize", str(write_story(tmp_path)), "--bytes", "120", "--words", "20"])
    assert "not allowed with" in capsys.readouterr().err


def test_a_fact_both_outlets_report_credits_both(tmp_path, capsys):
    assert main(["summarize", str(write_story(tmp_path)), "--sentences", "6", "-f", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    shared = [s for s in data["sentences"] if "two metres" in s["text"]]
    assert len(shared) == 1 and sorted(shared[0]["sources"]) == ["a", "b"]


def test_standard_input(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(FLOOD_A.encode())))
    assert main(["summarize", "-", "--sentences", "1", "--method", "lead"]) == 0
    assert "Riverton" in capsys.readouterr().out


def test_jsonl_from_standard_input_keeps_ids_and_order(monkeypatch, capsys):
    rows = [{"id": "x", "documents": [FLOOD_A]}, {"id": 7, "documents": [FLOOD_B], "summaries": ["ref"]}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["summarize", "--jsonl", "-", "--words", "30", "--method", "lead"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in out] == ["x", 7]
    assert all(r["summary"] == "\n".join(s["text"] for s in r["sentences"]) for r in out)


def test_progress_bar_when_asked(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "documents": [FLOOD_A]}) + "\n")
    assert main(["summarize", "--jsonl", str(src), "-o", str(tmp_path / "o.jsonl"), "--progress"]) == 0
    assert "1/1" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        (["summarize"], "no input"),
        (["summarize", "x", "--method", "nope"], "unknown method"),
        (["summarize", "x", "--method", "oracle"], "reference summaries"),
        (["summarize", "x", "--jsonl", "y"], "not both"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and message in err[0]


def test_output_into_a_missing_folder_is_one_line(tmp_path, capsys):
    story = write_story(tmp_path / "flood")
    assert main(["summarize", str(story), "-o", str(tmp_path / "nope" / "brief.txt"), "--method", "lead"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "No such file or directory" in err[0]
