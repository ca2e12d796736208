"""The default method: cover what the outlets agree on, early in their reports, within the budget.

How a brief is chosen (each step is a small module of this package):

1. Candidates (:mod:`.nonnews`). Each aligned group of sentences (one fact, however many outlets carry
   it) is shown by its representative sentence. Sentences that cannot stand in a brief are left out:
   fragments, run-ons, questions, captions, credits, calls to action. A sentence that opens with a
   pronoun or connective ("He said", "But") may only be chosen together with the sentence before it.
2. Concepts (:mod:`.concepts`). The story's information is modelled as Porter-stemmed word bigrams
   (not both stop words), after Gillick & Favre (2009); a bigram joining a content word and a function
   word ("in vancouver", "talks with") weighs ``function_pair_weight`` times more than one of two content
   words, which tend to be names the whole story repeats. A concept weighs more the more articles carry
   it, and more when it comes early in an article: each article adds ``1 / (1 + position_decay * i)``
   for the first sentence ``i`` that holds it; the sum is raised to ``support_power`` (agreement
   between outlets counts more than linearly), and a concept only one article carries keeps
   ``single_weight`` of its weight. Near-duplicate articles were already set aside by align, so a
   syndicated copy does not count twice.
3. Coverage (:mod:`.coverage`). The sentences are chosen to cover the most concept weight within the
   word budget (plus ``overflow_share`` of it, which the budget stage cuts off the last sentence): each
   concept counts once, so a sentence repeating chosen ones gains nothing, and two sentences whose
   content words overlap more than ``redundancy`` are never both chosen, nor two that state the same
   figure and overlap by ``number_redundancy`` (one fact reworded by two outlets keeps its number).
   The cost-scaled lazy greedy does it in about a millisecond; the exact integer program
   (``solver="ilp"``, HiGHS) scores no better on the dev sets and takes 15-30 ms a story. A few greedy
   fill-ins follow, in case the chosen set falls short of the budget.
4. Last resort. When even the fill-ins fall short of the budget (small stories), the remaining groups
   follow by concept weight: sentences left out only for length, and leaning sentences right after
   the sentence they lean on; never captions, fragments, questions or repeats.

The parameters were tuned on DUC 2003 (100 words) and Multi-News raw dev (260 words) together, keeping
only changes that helped both; docs/method.md has the figures and the commands that reproduce them.
Large stories are cut down before the solver runs (the ``max_candidates`` best candidates by concept
weight per word), so the cost grows about linearly with the story.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

import numpy as np

from ..model import Budget, Group, Sentence, Story
from .budget import target_words
from .concepts import analyse, numbers
from .coverage import Problem, fill_order, greedy_select, repeats, solve
from .nonnews import leans_on_previous, rejection
from .salience import Analysis, Concept, concept_stats, support_weights


@dataclass
class Default:
    """Concept coverage weighted by outlet support and position, with readability rules."""

    position_decay: float = 0.1
    single_weight: float = 0.5
    support_power: float = 1.5
    function_pair_weight: float = 2.0  # weight of a bigram that joins a content word and a function word
    redundancy: float = 0.5
    number_redundancy: float = 0.3  # the overlap that already makes a repeat when two sentences share a number
    min_words: int = 8
    max_words: int = 70
    max_candidates: int = 150
    overflow_share: float = 0.1  # share of the budget the solver may pass it by (the budget stage cuts the rest)
    solver: str = "greedy"  # "greedy" (fast, within a constant of the optimum) or "ilp" (exact, HiGHS)
    scale: float = 1.0  # the greedy divides a sentence's gain by its length**scale
    last_resort: bool = True  # fill a short story's brief with long or leaning sentences past the fill-ins
    name: str = "default"

    def rank(self, story: Story, budget: Budget) -> list[int]:
        """Group ids: the chosen set for the budget, then a few fill-ins for the budget stage to cut."""
        used = {a.id for a in story.used}
        of = {id(s): analyse(s.text) for s in story.sentences if s.article_id in used}
        weights = self._concept_weights(story, of)
        groups = [g for g in story.groups if any(s.article_id in used for s in g.sentences)]
        problem, ids = self._problem(story, groups, weights, of)
        words = target_words(budget)
        room = words if budget.whole else words + round(self.overflow_share * words)  # nothing is cut when whole
        if self.solver == "ilp":
            # leaners after the sentence they lean on, so that a budget cut never strands one
            chosen = sorted(solve(problem, room), key=problem.chain_length)
        else:
            chosen = greedy_select(problem, room, self.scale)
        ranked = [ids[i] for i in chosen + fill_order(problem, chosen)]
        if not self.last_resort or _words(story, ranked) >= words:
            return ranked
        return ranked + _last_resort(story, groups, ranked, weights, of, self)

    def _concept_weights(self, story: Story, of: dict[int, Analysis]) -> dict[Concept, float]:
        """Weight of each concept: how many outlets carry it and how early (see :mod:`.salience`)."""
        stats = concept_stats(story, of, self.position_decay)
        w = support_weights(stats, self.support_power, self.single_weight, self.function_pair_weight)
        return dict(zip(stats.concepts, w.tolist(), strict=True))

    def _readable(self, groups: list[Group]) -> Iterator[Group]:
        """The groups whose representative can stand in a brief (see :mod:`.nonnews`)."""
        return (g for g in groups if rejection(g.representative.text, self.min_words, self.max_words) is None)

    def _problem(
        self, story: Story, groups: list[Group], weights: dict[Concept, float], of: dict[int, Analysis]
    ) -> tuple[Problem, list[int]]:
        """The coverage problem over the best candidates, and the group id of each candidate."""

        def analysis(s: Sentence) -> Analysis:
            return of[id(s)] if id(s) in of else analyse(s.text)

        def value(g: Group) -> float:
            rep = g.representative
            return sum(weights.get(c, 0.0) for c in analysis(rep)[0]) / len(rep.text.split())

        # Only the best candidates by weight per word go to the solver, so cost stays linear in the story.
        ranked = sorted(groups, key=value, reverse=True)
        # A story with no sentence fit to stand alone (all short, say) still gets a brief rather than none.
        best = list(islice(self._readable(ranked), self.max_candidates)) or ranked[: self.max_candidates]
        leans = _resolvable(story, best)
        best = [g for g in best if g.id in leans]
        pos = {g.id: k for k, g in enumerate(best)}
        index: dict[Concept, int] = {}
        concept_ids = [
            [index.setdefault(c, len(index)) for c in analysis(g.representative)[0] if c in weights] for g in best
        ]
        w = np.zeros(len(index))
        for c, k in index.items():
            w[k] = weights[c]
        problem = Problem(
            lengths=[len(g.representative.text.split()) for g in best],
            concepts=concept_ids,
            weights=w,
            stems=[analysis(g.representative)[1] for g in best],
            redundancy=self.redundancy,
            requires={pos[g]: pos[p] for g, p in leans.items() if p is not None},
            numbers=cache(lambda i: numbers(best[i].representative.text)),
            number_redundancy=self.number_redundancy,
        )
        return problem, [g.id for g in best]


def _words(story: Story, ranked: list[int]) -> int:
    """Words of the listed groups' representatives."""
    return sum(len(story.groups[gid].representative.text.split()) for gid in ranked)


def _last_resort(
    story: Story,
    groups: list[Group],
    ranked: list[int],
    weights: dict[Concept, float],
    of: dict[int, Analysis],
    rules: Default,
) -> list[int]:
    """Groups the budget stage may take when a small story's chosen ones fall short of the budget.

    Short stories run out of candidates (43% of 260-word briefs of small Multi-News stories were under
    budget), and words left unused cost recall. Allowed here, best concept weight first: sentences
    left out only for being long (the budget stage cuts the last one), and a leaning sentence right
    after the very sentence of its article that the brief shows. Captions, fragments, questions and repeats stay out.
    """
    at = {(s.article_id, s.index): s for s in story.sentences}
    stated: dict[int, frozenset[str]] = {}  # group id -> the numbers its representative states

    def analysis(g: Group) -> Analysis:
        return of.get(id(g.representative)) or analyse(g.representative.text)

    def numbers_of(g: Group) -> frozenset[str]:
        if g.id not in stated:
            stated[g.id] = numbers(g.representative.text)
        return stated[g.id]

    def repeats_shown(g: Group) -> bool:
        a = analysis(g)[1]
        return any(
            repeats(a, analysis(s)[1], g, s, numbers_of, rules.redundancy, rules.number_redundancy) for s in shown
        )

    listed, shown, out = set(ranked), [story.groups[gid] for gid in ranked], []
    for g in sorted(groups, key=lambda g: sum(weights.get(c, 0.0) for c in analysis(g)[0]), reverse=True):
        if g.id in listed or not _may_fill(story, g, listed, at) or repeats_shown(g):
            continue
        out.append(g.id)
        listed.add(g.id)
        shown.append(g)
    return out


def _may_fill(story: Story, g: Group, listed: set[int], at: dict[tuple[str, int], Sentence]) -> bool:
    """Whether a group left out may still fill a short brief: its sentence was refused only for its length, and
    it leans on nothing or on the sentence right before it in its article, which the brief shows (``listed``)."""
    rep = g.representative
    if rejection(rep.text, 8, 10**9) is not None:
        return False
    if not leans_on_previous(rep.text):
        return True
    prev = at.get((rep.article_id, rep.index - 1))
    return prev is not None and prev.group in listed and story.groups[prev.group].representative is prev


def _resolvable(story: Story, groups: list[Group]) -> dict[int, int | None]:
    """Candidates that can be read in a brief: group id -> the group id it leans on, or None.

    A sentence opening with a pronoun or connective stays only when the sentence right before it in
    its article is itself a candidate shown as that very sentence (so that, chosen together, they
    stand next to each other in reading order); otherwise it is dropped.
    """
    at = {(s.article_id, s.index): s for s in story.sentences}
    kept: dict[int, int | None] = {}
    for g in groups:
        rep = g.representative
        kept[g.id] = None
        if leans_on_previous(rep.text):
            prev = at.get((rep.article_id, rep.index - 1))
            ok = prev is not None and story.groups[prev.group].representative is prev
            kept[g.id] = prev.group if ok else -1
    changed = True
    while changed:  # drop leaners whose support is gone, until none is left dangling
        changed = False
        for gid, p in list(kept.items()):
            if p is not None and p not in kept:
                del kept[gid]
                changed = True
    return kept
