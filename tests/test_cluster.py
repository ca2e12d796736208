"""Grouping a stream of articles into stories: joining, splitting by date, near-copies, bad rows."""

from __future__ import annotations

import json
import subprocess
import sys

from storybrief.cluster import Doc, cluster_docs
from storybrief.cluster.batch import groups
from storybrief.cluster.bcubed import bcubed
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


ARICA = [
    QUAKE[0],
    QUAKE[1],
    "Rescuers in Arica pulled two survivors from a collapsed hotel on Tuesday, a day after the 6.1 earthquake "
    "that killed three people in the Chilean city. Arica's mayor said 40 buildings were damaged.",
    "Chile's president visited Arica on Tuesday and promised money to rebuild homes destroyed by Monday's "
    "magnitude 6.1 quake, which killed three people and damaged 40 buildings in the northern port.",
]
HOKKAIDO = [
    OTHER_QUAKE,
    "Twelve people were hurt in Sapporo when a magnitude 5.8 earthquake struck Hokkaido on Tuesday. Train "
    "services across Hokkaido were suspended for checks.",
    "Trains on Hokkaido ran again on Wednesday after the 5.8 earthquake that injured twelve people in Sapporo; "
    "engineers found no damage to the tracks.",
]


def partition(labels: list[str], ids: list[str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for label, i in zip(labels, ids, strict=True):
        groups.setdefault(label, set()).add(i)
    return {frozenset(g) for g in groups.values()}


def test_two_earthquakes_are_two_stories_whatever_the_order_of_their_reports():
    docs = [Doc(f"arica-{i}", t) for i, t in enumerate(ARICA)] + [
        Doc(f"hokkaido-{i}", t) for i, t in enumerate(HOKKAIDO)
    ]
    docs.append(Doc("match", MATCH))
    want = {
        frozenset(d.id for d in docs if d.id.startswith("arica")),
        frozenset(d.id for d in docs if d.id.startswith("hokkaido")),
        frozenset({"match"}),
    }
    for order in (docs, docs[::-1], docs[1::2] + docs[::2]):
        assert partition(stories(order), [d.id for d in order]) == want


def test_a_later_batch_joins_the_story_of_an_earlier_batch_it_reports():
    clusterer = StoryClusterer()
    first = clusterer.process([Doc("a", ARICA[0], "2026-03-02"), Doc("b", MATCH, "2026-03-02")])
    later = clusterer.process([Doc("c", ARICA[2], "2026-03-03"), Doc("d", ARICA[3], "2026-03-03")])
    other = clusterer.process([Doc("e", HOKKAIDO[0], "2026-03-04")])
    assert later[0].story == later[1].story == first[0].story != first[1].story
    assert other[0].story not in {first[0].story, first[1].story}
    assert clusterer.online.active[first[0].story].size == 3


def test_reports_in_one_batch_dated_further_apart_than_the_window_are_not_grouped():
    days = [739000, 739001, 739090]
    vecs = [{"arica": 0.8, "quake": 0.6}] * 3
    assert groups(vecs, days, window=10) == [[0, 1], [2]]
    assert groups(vecs, [None] * 3, window=10) == [[0, 1, 2]]


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


def test_a_batch_too_big_to_regroup_at_once_is_grouped_in_chunks_that_join_up(monkeypatch):
    from storybrief.cluster import stream

    monkeypatch.setattr(stream, "MAX_GROUPED", 3)
    docs = [Doc(f"arica-{i}", t) for i, t in enumerate(ARICA)] + [
        Doc(f"hokkaido-{i}", t) for i, t in enumerate(HOKKAIDO)
    ]
    got = StoryClusterer().process(docs)
    assert partition([a.story for a in got], [d.id for d in docs]) == {
        frozenset(d.id for d in docs if d.id.startswith("arica")),
        frozenset(d.id for d in docs if d.id.startswith("hokkaido")),
    }


def test_vocabulary_of_an_endless_feed_stays_bounded_and_keeps_common_terms():
    from collections import Counter

    from storybrief.cluster.features import Vocabulary

    vocab = Vocabulary(max_size=100)
    for i in range(1000):  # every document: two common terms and a name never seen again
        vocab.observe(Counter({"flood": 1, "river": 2, f"name{i}": 1}))
    assert len(vocab.df) <= 100
    assert vocab.n_docs == 1000 and vocab.df["flood"] == 1000 and vocab.df["river"] == 1000
    assert vocab.idf("name3") > vocab.idf("flood")  # a forgotten rare term still scores as rare
