"""ROUGE, bootstrap and `storybrief eval`, on small inputs with values worked out by hand (issue 3)."""

from __future__ import annotations

import json

import pytest

from storybrief.cli import main
from storybrief.evaluate import RougeScorer, bootstrap_ci, cut_to_words, paired_bootstrap


def test_rouge_of_identical_text_is_one():
    s = RougeScorer(["The cat sat on the mat."]).score("The cat sat on the mat.")
    assert all(v == pytest.approx(1.0) for v in s.values())


def test_rouge_counts_by_hand():
    # tokens: the cat was here / the cat sat there -> 2 of 4 unigrams, 1 of 3 bigrams match
    s = RougeScorer(["the cat sat there"]).score("the cat was here")
    assert s["rouge1_f"] == pytest.approx(0.5)
    assert s["rouge1_r"] == pytest.approx(0.5)
    assert s["rouge2_f"] == pytest.approx(1 / 3)


def test_rouge_is_the_mean_over_references():
    s = RougeScorer(["the cat sat there", "a dog ran far"]).score("the cat was here")
    assert s["rouge1_f"] == pytest.approx(0.25)  # (0.5 + 0) / 2, not the best reference


def test_rouge_uses_porter_stems():
    assert RougeScorer(["cat run"]).score("cats running")["rouge1_f"] == pytest.approx(1.0)


def test_summary_is_cut_to_the_word_budget():
    scorer = RougeScorer(["the cat sat"])
    assert scorer.score("the cat sat\nand then many other words", words=3)["rouge1_f"] == pytest.approx(1.0)
    assert scorer.score("the cat sat\nand then many other words")["rouge1_f"] < 0.7
    assert cut_to_words("a b c\nd e f", 4) == "a b c\nd"


def test_lsum_puts_reference_sentences_on_separate_lines():
    # LCS of "d e f a b c" with the one-line "a b c d e f" is 3 of 6; split into sentences, all 6 match
    s = RougeScorer(["A b c. D e f."]).score("D e f a b c")
    assert s["rougeLsum_r"] == pytest.approx(1.0)


def test_bootstrap_interval_of_constant_scores_is_a_point():
    assert bootstrap_ci([0.3] * 5) == pytest.approx((0.3, 0.3))


def test_bootstrap_interval_of_two_values_spans_them():
    # resampled means of [0, 1] are 0, 0.5, 1 with chances 1/4, 1/2, 1/4: the 2.5% and 97.5% points are 0 and 1
    assert bootstrap_ci([0.0, 1.0]) == pytest.approx((0.0, 1.0))


def test_bootstrap_interval_narrows_with_more_clusters():
    lo1, hi1 = bootstrap_ci([0.0, 1.0] * 5)
    lo2, hi2 = bootstrap_ci([0.0, 1.0] * 200)
    assert lo1 < lo2 < 0.5 < hi2 < hi1


def test_paired_bootstrap_of_a_constant_gain():
    base = [0.1, 0.5, 0.3, 0.9]
    r = paired_bootstrap([b + 0.1 for b in base], base, resamples=999)
    assert (r.diff, r.low, r.high) == pytest.approx((0.1, 0.1, 0.1))
    assert r.p == pytest.approx(1 / 1000)  # never as far from 0.1 as 0.1 is from zero


def test_paired_bootstrap_of_no_difference():
    r = paired_bootstrap([0.2, 0.4], [0.4, 0.2])
    assert r.diff == pytest.approx(0.0)
    assert r.p == pytest.approx(1.0)
    assert r.low < 0 < r.high


STORY = [
    "Rescue teams searched the rubble of Lima on Monday after a strong earthquake struck the city. "
    "The earthquake killed at least fifty people and destroyed hundreds of homes. "
    "Football fans gathered at the stadium for the weekend final.",
    "A strong earthquake struck Lima on Monday, killing at least fifty people. "
    "Rescue teams worked through the night in the rubble. "
    "The mayor said schools would stay closed this week.",
]
REFERENCE = "A strong earthquake struck Lima on Monday, killing at least fifty people."


def _write(tmp_path, rows):
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n")
    return str(path)


def test_eval_end_to_end(tmp_path, capsys):
    data = _write(
        tmp_path,
        [
            {"id": "quake", "documents": [STORY[1], STORY[0]], "summaries": [REFERENCE]},
            {"id": "quake2", "documents": STORY, "summaries": [REFERENCE, "Rescue teams searched Lima."]},
        ],
    )
    code = main(["eval", data, "-m", "lead:first_only=true,lexrank,random,oracle", "--words", "12", "-f", "json"])
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert report["scored"] == 2 and report["baseline"] == "lead:first_only=true"
    methods = report["methods"]
    assert methods["oracle"]["mean"]["rouge1_f"] >= methods["random"]["mean"]["rouge1_f"]
    assert set(methods["lexrank"]["vs_baseline"]["rouge1_f"]) == {"diff", "low", "high", "p"}
    lo, hi = methods["lexrank"]["ci95"]["rouge2_f"]
    assert lo <= methods["lexrank"]["mean"]["rouge2_f"] <= hi


def test_eval_lead_scores_one_when_the_opening_is_the_reference(tmp_path, capsys):
    data = _write(tmp_path, [{"id": "q", "documents": [STORY[1]], "summaries": [REFERENCE]}])
    assert main(["eval", data, "-m", "lead", "--words", "12", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["methods"]["lead"]["mean"]["rouge1_f"] == pytest.approx(1.0)


def test_eval_reports_bad_rows_and_fails(tmp_path, capsys):
    data = _write(
        tmp_path,
        [
            {"id": "ok", "documents": STORY, "summaries": [REFERENCE]},
            "{not json",
            {"id": "norefs", "documents": STORY},
        ],
    )
    assert main(["eval", data, "-m", "lead,default", "--words", "20"]) == 1
    out, err = capsys.readouterr()
    assert "data.jsonl:2: malformed JSON" in err
    assert "data.jsonl:3: no reference summaries" in err
    assert "1 of 3 clusters scored" in out
    assert "Paired bootstrap vs default" in out


def test_eval_lists_a_cluster_no_method_could_brief(tmp_path, capsys):
    data = _write(
        tmp_path,
        [
            {"id": "ok", "documents": STORY, "summaries": [REFERENCE]},
            {"id": "blank", "documents": ["", "   "], "summaries": [REFERENCE]},
        ],
    )
    assert main(["eval", data, "-m", "lead,lexrank", "-f", "json"]) == 1
    out, err = capsys.readouterr()
    assert "data.jsonl:2: lexrank: empty summary" in err
    report = json.loads(out)
    assert report["scored"] == 2  # the failed cluster counts, with zero, for every method alike
    assert report["methods"]["lead"]["failures"] == [{"id": "blank", "line": 2, "error": "empty summary"}]


def test_eval_rejects_unknown_methods(tmp_path, capsys):
    data = _write(tmp_path, [{"id": "ok", "documents": STORY, "summaries": [REFERENCE]}])
    assert main(["eval", data, "-m", "lead,nosuch"]) == 2
    assert "unknown method 'nosuch'" in capsys.readouterr().err
    assert main(["eval", data, "-m", "lead:first_only"]) == 2
    assert "expected key=value" in capsys.readouterr().err
    assert main(["eval", data, "-m", "lead:nosuch=1"]) == 2
    assert "nosuch" in capsys.readouterr().err


def test_eval_with_two_jobs_gives_the_same_figures(tmp_path, capsys):
    rows = [{"id": f"c{i}", "documents": STORY[i % 2 :] + STORY[: i % 2], "summaries": [REFERENCE]} for i in range(4)]
    data = _write(tmp_path, rows)
    args = ["eval", data, "-m", "lead,mmr", "--words", "20", "-f", "json"]
    assert main(args) == 0
    one = json.loads(capsys.readouterr().out)
    assert main([*args, "--jobs", "2"]) == 0
    two = json.loads(capsys.readouterr().out)
    assert one["methods"]["mmr"]["mean"] == two["methods"]["mmr"]["mean"]


def test_eval_details_give_each_cluster_summary_and_scores(tmp_path, capsys):
    data = _write(tmp_path, [{"id": "q", "documents": [STORY[1]], "summaries": [REFERENCE]}])
    details = tmp_path / "details.jsonl"
    assert main(["eval", data, "-m", "lead,mmr", "--words", "12", "--details", str(details)]) == 0
    (row,) = [json.loads(line) for line in details.read_text().splitlines()]
    assert row["id"] == "q" and row["line"] == 1
    assert row["summaries"]["lead"] == REFERENCE
    assert row["scores"]["lead"]["rouge2_f"] == pytest.approx(1.0)


def test_eval_markdown_and_limit(tmp_path, capsys):
    data = _write(tmp_path, [{"id": f"c{i}", "documents": STORY, "summaries": [REFERENCE]} for i in range(3)])
    assert main(["eval", data, "-m", "lead,centroid", "--limit", "2", "-f", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "| method | R1 F1 | R2 F1 | RLsum F1 |" in out
    assert "2 of 2 clusters scored" in out


def test_summary_is_cut_to_a_byte_budget():
    scorer = RougeScorer(["the cat sat"])
    assert scorer.score("the cat sat\nand then many other words", max_bytes=11)["rouge1_f"] == pytest.approx(1.0)
    assert scorer.score("the cat sat\nand then many other words", max_bytes=13)["rouge1_f"] == pytest.approx(1.0)
