"""Budgeted concept coverage: choose sentences whose concepts weigh most, within a word budget.

The problem (Gillick & Favre 2009): maximise the total weight of the concepts covered by the chosen
sentences, each concept counted once, with the chosen sentences' words within the budget. Side rules:
two sentences whose content words overlap more than ``redundancy`` (of the shorter one) are never both
chosen, and a sentence that leans on another (``requires``) is chosen only with it.

Two solvers: :func:`greedy_select`, the cost-scaled lazy greedy (the submodular approximation,
about a millisecond), which the default uses; and :func:`solve`, the exact integer program with HiGHS
through ``scipy.optimize.milp``. On the dev sets the exact one is no better in ROUGE (see
docs/method.md) and HiGHS alone costs 15-30 ms a story, over the 20 ms budget, so it is an option.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import numpy as np

K = TypeVar("K")


@dataclass
class Problem:
    """Candidates with their lengths, concepts and content words; concept weights; side rules."""

    lengths: list[int]
    concepts: list[list[int]]  # concept ids of each candidate
    weights: np.ndarray  # weight of each concept id
    stems: list[set[str]]  # content-word stems of each candidate, for the redundancy rule
    redundancy: float = 0.5
    requires: dict[int, int] = field(default_factory=dict)  # i -> j: i only together with j
    numbers: Callable[[int], frozenset[str]] | None = None  # the numbers candidate i states (asked only when needed)
    number_redundancy: float = 0.5

    def overlaps(self, i: int, j: int) -> bool:
        """Whether candidates i and j say too much of the same thing to stand in one brief (see :func:`repeats`)."""
        return repeats(self.stems[i], self.stems[j], i, j, self.numbers, self.redundancy, self.number_redundancy)

    def chain_length(self, i: int) -> int:
        """How many sentences candidate i leans on, one through the other."""
        n = 0
        while i in self.requires and n < len(self.lengths):
            i, n = self.requires[i], n + 1
        return n


def repeats(
    a: set[str],
    b: set[str],
    key_a: K,
    key_b: K,
    numbers: Callable[[K], frozenset[str]] | None,
    redundancy: float,
    number_redundancy: float,
) -> bool:
    """Whether two sentences, with content-word stems ``a`` and ``b``, tell the same thing.

    They do when their content words overlap by more than ``redundancy`` of the shorter one's, or by
    ``number_redundancy`` or more when they also state a number in common (``numbers(key)``: the numbers
    a sentence states, asked only then, since most pairs share too little). Two outlets rewording one
    fact keep its figure and a few of its words ("declined a draw offer on move 61", "turned down a
    draw on move 61"); two facts of one story seldom share both.
    """
    shared, shorter = len(a & b), min(len(a), len(b)) or 1
    if shared > redundancy * shorter:
        return True
    if shared < number_redundancy * shorter or numbers is None:
        return False
    return not numbers(key_a).isdisjoint(numbers(key_b))


def greedy_select(
    problem: Problem,
    budget: int,
    scale: float = 1.0,
    limit: int | None = None,
    barred: frozenset[int] = frozenset(),
    shown: Sequence[int] = (),
) -> list[int]:
    """Candidates chosen greedily within ``budget`` words: best added weight per word**scale first.

    Lazy evaluation (a candidate's gain only shrinks as others are chosen, the objective being
    submodular) keeps this near-linear. A candidate that overlaps a chosen one, or one of ``shown``
    (chosen before), is skipped; one that requires another waits until that one is chosen; ``barred``
    ones are never chosen.
    """
    covered: set[int] = set()
    chosen: list[int] = []
    against = list(shown)  # what a candidate must not repeat: ``shown``, then the chosen
    checked = dict.fromkeys(range(len(problem.lengths)), 0)  # how many of ``against`` it is known not to repeat
    used = 0

    def key(i: int) -> float:
        gain = sum(problem.weights[c] for c in problem.concepts[i] if c not in covered)
        return -float(gain) / max(problem.lengths[i], 1) ** scale

    def repeats_shown(i: int) -> bool:
        if any(problem.overlaps(i, j) for j in against[checked[i] :]):
            return True
        checked[i] = len(against)  # a candidate popped again is checked only against those chosen since
        return False

    heap = [(key(i), i) for i in range(len(problem.lengths)) if i not in barred]
    heapq.heapify(heap)
    waiting: list[int] = []
    while heap and (limit is None or len(chosen) < limit):
        _, i = heapq.heappop(heap)
        if used + problem.lengths[i] > budget or repeats_shown(i):
            continue
        if i in problem.requires and problem.requires[i] not in chosen:
            waiting.append(i)
            continue
        k = key(i)
        if heap and k > heap[0][0]:
            heapq.heappush(heap, (k, i))  # stale: its gain fell below the next best
            continue
        chosen.append(i)
        against.append(i)
        used += problem.lengths[i]
        covered.update(problem.concepts[i])
        for w in [w for w in waiting if problem.requires[w] == i]:  # leaners whose sentence is now in
            heapq.heappush(heap, (key(w), w))
            waiting.remove(w)
    return chosen


def fill_order(problem: Problem, chosen: list[int], limit: int = 5) -> list[int]:
    """Up to ``limit`` more candidates that may follow ``chosen`` past the budget, best gain per word first.

    Only candidates that need no other sentence and repeat none of the chosen ones qualify, since the
    budget stage may take any of them alone.
    """
    # Barred outright (not by a huge length, which the first pick of an unbounded budget would still fit):
    # the chosen and leaners; repeats of a chosen sentence are skipped when their turn comes.
    barred = frozenset(chosen) | frozenset(problem.requires)
    return greedy_select(_without(problem, chosen), budget=10**9, limit=limit, barred=barred, shown=chosen)


def _without(problem: Problem, chosen: list[int]) -> Problem:
    """The problem left once ``chosen`` is in: their concepts paid."""
    covered = {c for i in chosen for c in problem.concepts[i]}
    return Problem(
        lengths=problem.lengths,
        concepts=[[c for c in cs if c not in covered] for cs in problem.concepts],
        weights=problem.weights,
        stems=problem.stems,
        redundancy=problem.redundancy,
        numbers=problem.numbers,
        number_redundancy=problem.number_redundancy,
    )


def reduce(problem: Problem) -> tuple[list[list[int]], np.ndarray, np.ndarray]:
    """An equivalent, smaller problem: (concepts of each candidate, concept weights, candidate bonuses).

    A concept only one candidate holds is paid exactly when that candidate is chosen, so its weight
    moves into the candidate's bonus; concepts held by the same set of candidates are merged into one.
    """
    bonus = np.zeros(len(problem.lengths))
    holders: dict[int, list[int]] = {}
    for i, cs in enumerate(problem.concepts):
        for c in cs:
            holders.setdefault(c, []).append(i)
    merged: dict[tuple[int, ...], float] = {}
    for c, who in holders.items():
        if len(who) == 1:
            bonus[who[0]] += problem.weights[c]
        else:
            merged[tuple(who)] = merged.get(tuple(who), 0.0) + problem.weights[c]
    concepts: list[list[int]] = [[] for _ in problem.lengths]
    for k, who in enumerate(merged):
        for i in who:
            concepts[i].append(k)
    return concepts, np.array(list(merged.values())), bonus


def solve(problem: Problem, budget: int, node_limit: int = 2000) -> list[int]:
    """Indices of the candidates of an optimal selection of at most ``budget`` words (HiGHS)."""
    from scipy import sparse
    from scipy.optimize import Bounds, LinearConstraint, milp

    n = len(problem.lengths)
    if n == 0:
        return []
    concepts, weights, bonus = reduce(problem)
    m = len(weights)
    # Variables: x (n candidates, binary) then y (m concepts, continuous in [0, 1]; integral at the optimum).
    rows = [c for cs in concepts for c in cs] + list(range(m))
    cols = [i for i, cs in enumerate(concepts) for _ in cs] + list(range(n, n + m))
    vals = [-1.0] * (len(rows) - m) + [1.0] * m  # y_c - (sum of x_i over candidates holding c) <= 0
    cover = sparse.csr_matrix((vals, (rows, cols)), shape=(m, n + m))
    length = sparse.csr_matrix(np.concatenate([problem.lengths, np.zeros(m)])[None, :])
    constraints = [LinearConstraint(cover, -np.inf, 0), LinearConstraint(length, 0, budget)]
    side = _side_rows(problem, n + m)
    if side is not None:
        constraints.append(side)
    res = milp(
        -np.concatenate([bonus, weights]),
        constraints=constraints,
        integrality=np.concatenate([np.ones(n), np.zeros(m)]),
        bounds=Bounds(0, 1),
        options={"node_limit": node_limit, "mip_rel_gap": 1e-4},
    )
    return [] if res.x is None else [i for i in range(n) if res.x[i] > 0.5]


def _side_rows(problem: Problem, width: int):
    """Overlapping pairs as x_i + x_j <= 1 and requirements as x_i - x_j <= 0, in one constraint block."""
    from scipy import sparse
    from scipy.optimize import LinearConstraint

    n = len(problem.lengths)
    pairs = [(i, j, 1.0, 1.0) for i in range(n) for j in range(i + 1, n) if problem.overlaps(i, j)]
    pairs += [(i, j, -1.0, 0.0) for i, j in problem.requires.items()]
    if not pairs:
        return None
    k = len(pairs)
    data = [1.0] * k + [p[2] for p in pairs]
    cols = [p[0] for p in pairs] + [p[1] for p in pairs]
    matrix = sparse.csr_matrix((data, (list(range(k)) * 2, cols)), shape=(k, width))
    return LinearConstraint(matrix, -np.inf, np.array([p[3] for p in pairs]))
