"""Grouping a stream of articles into stories: joining, splitting by date, near-copies, bad rows."""

from __future__ import annotations

import json
import subprocess
import sys

from storybrief.cluster import Doc, cluster_docs
from storybrief.cluster.bcubed import bcubed
from storybrief.cluster.online import OnlineClusterer
from storybrief.cluster.stream import StoryClusterer

QUAKE = [
    "A magnitude 6.1 earthquake struck the Chilean port city of Arica on Monday, killing three people, "
    "officials in Arica said. Several buildings collapsed in the city centre.",
    "Three people died in Arica, Chile, when a 6.1 magnitude earthquake hit on Monday. Rescue teams searched "
    "collapsed buildings in the Arica city centre.",
]
OTHER_QUAKE = (
    "A 5.8 magnitude earthquake shook the Japanese island of Hokkaido on Tuesday, injuring twelve people in "
    "Sapporo. Trains on Hokkaido were halted while engineers checked the tracks."
)
DETAILS = (
    "The national emergency office said the quake struck at a depth of 35 kilometres, about 20 kilometres "
    "north of the city, shortly after 9 in the morning. Power was cut to some 40,000 homes and the airport "
    "was closed while engineers inspected the runway. President Elena Vargas flew to the region in the "
    "afternoon and promised help to families who had lost their homes. Schools in the province will stay "
    "closed for the rest of the week, the education ministry said, and aftershocks were felt until evening."
)
MATCH = (
    "The Halden Hawks beat the Redmoor Rovers 3-1 in the cup final at Halden stadium on Saturday, with two goals "
    "from striker Ola Berg. The Hawks last won the cup in 1998."
)


def stories(docs: list[Doc]) -> list[str]:
    return [a.story for a in cluster_docs(docs)]


def test_reports_of_one_event_join_and_other_events_do_not():
    got = stories([Doc("a", QUAKE[0]), Doc("b", MATCH), Doc("c", QUAKE[1]), Doc("d", OTHER_QUAKE)])
    assert got[0] == got[2]
    assert len({got[0], got[1], got[3]}) == 3


def test_the_same_story_much_later_is_a_new_story():
    close = stories([Doc("a", QUAKE[0], "2026-03-02"), Doc("b", QUAKE[1], "2026-03-04")])
    far = stories([Doc("a", QUAKE[0], "2026-03-02"), Doc("b", QUAKE[1], "2026-05-04")])
    assert close[0] == close[1]
    assert far[0] != far[1]


def test_articles_are_taken_in_date_order_whatever_the_input_order():
    docs = [Doc("late", QUAKE[1], "2026-05-04"), Doc("early", QUAKE[0], "2026-03-02"), Doc("mid", MATCH, "2026-03-03")]
    out = list(cluster_docs(docs))
    assert [a.id for a in out] == ["late", "early", "mid"]  # output keeps the input order
    assert out[0].story != out[1].story


def test_a_syndicated_copy_is_marked_as_a_near_duplicate_of_the_original():
    original = QUAKE[0] + " " + DETAILS
    copy = "Quake kills three in Arica\n" + original + " Distributed by Coast Wire. Subscribe for more news."
    out = list(cluster_docs([Doc("orig", original), Doc("other", QUAKE[1] + " " + DETAILS[:200]), Doc("copy", copy)]))
    assert out[2].duplicate_of == "orig"
    assert out[2].story == out[0].story
    assert out[1].duplicate_of is None  # a rewrite of the same event is not a copy


def test_an_article_left_alone_gets_a_second_look_at_a_lower_similarity():
    online = OnlineClusterer(threshold=0.5)
    arica = {"arica": 0.8, "chile": 0.6}
    big = online.assign(arica, None)
    assert online.assign(arica, None) == big
    stray = {"quake": 0.95, "arica": 0.31}  # cosine 0.25 with the Arica story: below 0.5, so it started its own
    alone = online.assign(stray, None)
    unrelated = online.assign({"hokkaido": 1.0}, None)
    assert alone != big and unrelated != big
    assert online.rehome(alone, stray, None, min_sim=0.3) == alone  # not similar enough: stays
    assert online.rehome(alone, stray, None, min_sim=0.2) == big
    assert alone not in online.active and online.active[big].size == 3
    assert online.rehome(unrelated, {"hokkaido": 1.0}, None, min_sim=0.2) == unrelated
    assert online.rehome(big, arica, None, min_sim=0.0) == big  # a story of several articles never moves
    torn = OnlineClusterer(threshold=0.7)
    torn.assign({"arica": 1.0}, None), torn.assign({"quake": 1.0}, None)
    between = {"arica": 0.6, "quake": 0.6, "town": 0.53}  # cosine 0.6 with both stories: no clear winner
    lone = torn.assign(between, None)
    assert torn.rehome(lone, between, None, min_sim=0.2) == lone


def test_a_small_story_merges_into_a_similar_story_but_a_big_or_unlike_one_does_not():
    online = OnlineClusterer(threshold=0.9)
    arica = {"arica": 0.8, "chile": 0.6}
    big = online.assign(arica, None)
    online.assign(arica, None)
    pair_vec = {"quake": 0.9, "arica": 0.44}  # cosine ~0.35 with the Arica story: below 0.9, so a story of its own
    pair = online.assign(pair_vec, None)
    assert online.assign(pair_vec, None) == pair != big
    other = online.assign({"hokkaido": 0.8, "arica": 0.1, "sapporo": 0.59}, None)
    online.assign({"hokkaido": 0.8, "arica": 0.1, "sapporo": 0.59}, None)
    assert online.merge(pair, min_sim=0.5) == pair  # not similar enough: stays
    assert online.merge(other, min_sim=0.3) == other  # barely like Arica: stays
    assert online.merge(pair, min_sim=0.3) == big
    assert pair not in online.active and online.active[big].size == 4
    assert online.merge(big, min_sim=0.0) == big  # a story of four articles never merges away
    assert online.best({"quake": 1.0}, None)[0].id == big  # the merged story's terms now lead to it


def test_a_small_new_story_merges_into_a_story_from_an_earlier_batch():
    first = StoryClusterer(threshold=0.9, rehome=None, merge=0.2)
    early = first.process([Doc("a", QUAKE[0]), Doc("b", QUAKE[0])])  # one story of two (copies join the original)
    late = first.process([Doc("c", QUAKE[1] + " " + DETAILS), Doc("d", QUAKE[1] + " " + DETAILS)])
    assert early[0].story == early[1].story
    assert late[0].story == late[1].story == early[0].story  # the new pair merged into the earlier story
    assert early[0].story in first.online.active and first.online.active[early[0].story].size == 4
    kept = StoryClusterer(threshold=0.9, rehome=None, merge=None)
    before = kept.process([Doc("a", QUAKE[0]), Doc("b", QUAKE[0])])
    after = kept.process([Doc("c", QUAKE[1] + " " + DETAILS), Doc("d", QUAKE[1] + " " + DETAILS)])
    assert after[0].story != before[0].story  # without the merge the pair stays apart


def test_bcubed_scores_a_perfect_and_a_lumped_clustering():
    gold = ["x", "x", "y", "y"]
    assert bcubed(["a", "a", "b", "b"], gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed(["a", "a", "a", "a"], gold)
    assert (p, r) == (0.5, 1.0)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "storybrief", *args], input=stdin, capture_output=True, text=True, timeout=120
    )


def test_cluster_command_writes_every_row_back_with_its_story_and_reports_bad_rows(tmp_path):
    rows = [
        {"id": "a", "text": QUAKE[0], "date": "2026-03-02", "source": "x"},
        {"id": "b", "text": MATCH, "date": "2026-03-02"},
        {"id": "c", "page_text": "Menu\nSign in\n" + QUAKE[1] + "\nSubscribe to our newsletter", "date": "2026-03-03"},
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"id": "d", "text": QUAKE[0], "date": "03/02/2026"}))
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run_cli("cluster", str(src), "-o", str(tmp_path / "out.jsonl"))
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert done.returncode == 1
    assert f"{src}:3: malformed JSON" in done.stderr and f"{src}:5:" in done.stderr
    assert len(out) == 5 and "error" in out[2] and "error" in out[4]
    assert out[0]["story"] == out[3]["story"] != out[1]["story"]
    assert out[0]["source"] == "x"  # the row's own keys are kept
