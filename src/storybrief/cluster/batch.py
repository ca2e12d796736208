"""Re-clustering a buffered batch: articles grouped by neighbourhood similarity and average linkage.

The direct cosine of two articles is a noisy witness: two reports of one event may share few words, and two
events of the same kind (two earthquakes) share many. Each article is therefore described by its
neighbourhood: itself and its NEIGHBOURS most similar articles in the batch, weighted by their cosines.
Two articles are alike when their neighbourhoods are (the cosine of those sparse rows, a shared-nearest-
neighbour similarity): reports of one event point at the same other reports, while a report of the other
earthquake points at its own. A hub (an article in many neighbour lists: boilerplate, very general pages)
weighs less as a neighbour. Each similarity is then scaled to the two articles' own neighbourhoods relative
to the batch (``local_scale``), average linkage on it forms the groups, whatever order the articles came in,
and a lone article or pair left just under the cut joins a group that is clearly its best (``gather_stragglers``).
Measured against the direct cosine and against each other in docs/stories.md.

The dense batch-by-batch matrices grow with the square of the batch (2,000 articles: about 140 MB at the
peak), so callers group at most a few thousand articles at once (``stream.MAX_GROUPED``); articles further
apart in time than the window are never neighbours.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

NEIGHBOURS = 10  # most similar articles that describe an article's neighbourhood
GROUP = 0.3  # neighbourhood similarity at which average linkage stops merging groups
HUB = 0.5  # a neighbour in more than NEIGHBOURS lists weighs (NEIGHBOURS / its count) ** HUB
LOCAL = 0.25  # exponent of the local scaling of similarities (``local_scale``; 0: none; 0.5 in docs/stories.md)
LOCAL_RANK = 2  # an article's scale is its similarity to its LOCAL_RANK-th most similar article
STRAGGLER = 2  # groups of at most this many articles get a second look (``gather_stragglers``)
STRAGGLER_FLOOR = 0.15  # ... and join a group of more only from this average neighbourhood similarity
STRAGGLER_RATIO = 3.0  # ... and only when it is this many times their best similarity to any other group


def term_matrix(vecs: list[dict[str, float]]) -> sparse.csr_matrix:
    """The articles' term vectors as the rows of a sparse matrix (columns: the batch's terms)."""
    flat = [t for vec in vecs for t in vec]
    columns = {t: i for i, t in enumerate(set(flat))}
    indices = np.fromiter(map(columns.__getitem__, flat), dtype=np.int32, count=len(flat))
    data = np.fromiter((w for vec in vecs for w in vec.values()), dtype=np.float32, count=len(flat))
    indptr = np.zeros(len(vecs) + 1, dtype=np.int64)
    np.cumsum([len(vec) for vec in vecs], out=indptr[1:])
    return sparse.csr_matrix((data, indices, indptr), shape=(len(vecs), max(1, len(columns))))


def cosines(vecs: list[dict[str, float]], days: list[int | None], window: int) -> np.ndarray:
    """Dense article-by-article cosines (unit vectors in), zero on the diagonal and between articles dated
    more than ``window`` days apart."""
    x = term_matrix(vecs)
    sim = (x @ x.T).toarray()
    np.fill_diagonal(sim, 0.0)
    when = np.array([np.nan if d is None else d for d in days], dtype=np.float64)
    with np.errstate(invalid="ignore"):  # undated articles (NaN) are never kept apart by date
        sim[np.abs(when[:, None] - when[None, :]) > window] = 0.0
    return sim


def neighbourhoods(sim: np.ndarray, k: int = NEIGHBOURS) -> sparse.csr_matrix:
    """Each article's unit-length neighbourhood row: weight 1 on itself, its cosine on each of its ``k`` most
    similar articles (those with a positive cosine)."""
    n = sim.shape[0]
    k = min(k, n - 1)
    near = np.argpartition(-sim, k - 1, axis=1)[:, :k] if k > 0 else np.zeros((n, 0), dtype=np.intp)
    weight = np.take_along_axis(sim, near, axis=1)
    rows = np.repeat(np.arange(n), near.shape[1])
    keep = weight.ravel() > 0
    m = sparse.csr_matrix((weight.ravel()[keep], (rows[keep], near.ravel()[keep])), shape=(n, n))
    if k > 0:
        m = sparse.csr_matrix(m @ sparse.diags(_hub_damping(m, k)))
    m = m + sparse.identity(n, dtype=m.dtype, format="csr")
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _hub_damping(m: sparse.csr_matrix, k: int) -> np.ndarray:
    """A weight per article as a neighbour: 1, less for hubs (articles in more than ``k`` neighbour lists).

    Boilerplate and very general pages are a little like everything, so they sit in many lists, and two
    unrelated articles that share such a hub would look alike; dividing its weight by how crowded it is
    (hubness reduction) keeps the shared neighbours that mean something.
    """
    count = np.bincount(m.indices, minlength=m.shape[1])
    return (k / np.maximum(count, k)) ** HUB


def groups(vecs: list[dict[str, float]], days: list[int | None], window: int) -> list[list[int]]:
    """The batch's articles (by position) grouped into stories, each group in input order, groups by their
    first member. NEIGHBOURS and GROUP are read at call time (``bench/cluster.py --set`` changes them)."""
    n = len(vecs)
    if n < 2:
        return [[i] for i in range(n)]
    hood = neighbourhoods(cosines(vecs, days, window), NEIGHBOURS)
    sim = (hood @ hood.T).toarray()
    np.fill_diagonal(sim, 0.0)
    local_scale(sim)
    dist = np.subtract(1.0, sim, out=sim)
    np.clip(dist, 0.0, 1.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, 1.0 - GROUP, criterion="distance") - 1
    np.subtract(1.0, dist, out=dist)  # the similarity again, for the stragglers' second look
    np.fill_diagonal(dist, 0.0)
    labels = gather_stragglers(dist, labels)
    out: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        out.setdefault(label, []).append(i)
    return list(out.values())


def local_scale(sim: np.ndarray) -> None:
    """Scale similarities (in place, zero diagonal) to each article's own neighbourhood, relative to the batch.

    ``sim[i, j] *= (m / (s_i s_j)) ** (LOCAL / 2)``, where ``s_i`` is article i's similarity to its
    LOCAL_RANK-th most similar article (the second: a near-copy is often the first) and ``m`` the batch's median
    of those. Two articles that each have more close matches than the batch's usual article must be more
    alike to count, two with fewer less (self-tuning local scaling, after Zelnik-Manor and Perona). One fixed
    cut then adapts to the batch: in a feed where most articles have close reports of their story (the
    median is high), an article on a side angle is pulled in; among unrelated short pages (the median is
    low), two generic pages that are a little like many others are kept apart.
    """
    n = sim.shape[0]
    if LOCAL <= 0 or n < 3:
        return
    rows = np.arange(n)
    taken = []  # the best rank - 1 similarities of each row, set aside (two passes of max beat a partition)
    for _ in range(min(LOCAL_RANK, n - 1) - 1):
        best = sim.argmax(axis=1)
        taken.append((best, sim[rows, best]))
        sim[rows, best] = -np.inf
    own = np.maximum(sim.max(axis=1), 0.05)
    for best, value in reversed(taken):
        sim[rows, best] = value
    factor = (np.median(own) / own) ** (LOCAL / 2)
    sim *= factor[:, None]
    sim *= factor[None, :]


def gather_stragglers(sim: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """Labels after a second look at the small groups (a lone article, a pair) the linkage cut left behind;
    ``sim``: the similarities the linkage used, with a zero diagonal.

    An article that reports one angle of a story (a reaction, a side event) may stay just under the cut with
    every report of the story, while nothing else comes close. A group of at most STRAGGLER articles joins the
    group of more articles it is most similar to (average similarity, as the linkage measures it) when that
    similarity passes STRAGGLER_FLOOR and is STRAGGLER_RATIO times its best similarity to any other group:
    a clear winner. Other small groups that would join the same group are pieces of the same story, not
    rivals. In a stream of unrelated short pages a lone article has several rivals just under the cut, so it
    stays alone; one pass, decided on the linkage's groups (no chains).
    """
    size = np.bincount(labels)
    small = size <= STRAGGLER
    if small.all() or not small.any():
        return labels
    member = sparse.csr_matrix((np.ones(len(labels)), (np.arange(len(labels)), labels)), shape=(len(labels), len(size)))
    ids = np.flatnonzero(small)
    big = np.flatnonzero(~small)
    # first the big groups only (few in a stream of loners): which small groups have a candidate at all
    to_big = _averages(sim, labels, size, ids, member[:, big], size[big])
    target = big[to_big.argmax(axis=1)]
    best = to_big.max(axis=1)
    bound = np.full(len(size), -1)
    bound[ids] = np.where(best >= STRAGGLER_FLOOR, target, -1)
    hopeful = np.flatnonzero(best >= STRAGGLER_FLOOR)
    if not len(hopeful):
        return labels
    # then every group, for those: any group is a rival but the target and the pieces bound for it
    rival = _averages(sim, labels, size, ids[hopeful], member, size)
    rival[bound[None, :] == target[hopeful, None]] = -1.0
    pick = np.arange(len(hopeful))
    rival[pick, target[hopeful]] = rival[pick, ids[hopeful]] = -1.0  # the group itself is none either
    joins = hopeful[best[hopeful] >= STRAGGLER_RATIO * rival.max(axis=1)]
    new = np.arange(len(size))
    new[ids[joins]] = target[joins]
    return new[labels]


def _averages(
    sim: np.ndarray,
    labels: np.ndarray,
    size: np.ndarray,
    chosen: np.ndarray,
    columns: sparse.csr_matrix,
    widths: np.ndarray,
) -> np.ndarray:
    """Average similarity of each ``chosen`` group (labels) to each group whose members ``columns`` marks (an
    article x group indicator matrix, ``widths`` their sizes); ``sim`` has a zero diagonal."""
    slot = np.full(len(size), -1)
    slot[chosen] = np.arange(len(chosen))
    rows = np.flatnonzero(slot[labels] >= 0)
    if len(rows) <= columns.shape[1]:  # whichever dense block is smaller: the rows' similarities, or the sums
        sums = np.asarray(columns.T @ sim[rows].T).T
    else:
        sums = np.asarray(columns.T @ sim)[:, rows].T
    pool = sparse.csr_matrix(
        (np.ones(len(rows)), (slot[labels[rows]], np.arange(len(rows)))), shape=(len(chosen), len(rows))
    )
    return (pool @ sums) / np.outer(size[chosen], widths)
