"""Re-clustering a buffered batch: articles grouped by neighbourhood similarity and average linkage.

The direct cosine of two articles is a noisy witness: two reports of one event may share few words, and two
events of the same kind (two earthquakes) share many. Each article is therefore described by its
neighbourhood: itself and its NEIGHBOURS most similar articles in the batch, weighted by their cosines.
Two articles are alike when their neighbourhoods are (the cosine of those sparse rows, a shared-nearest-
neighbour similarity): reports of one event point at the same other reports, while a report of the other
earthquake points at its own. A hub (an article in many neighbour lists: boilerplate, very general pages)
weighs less as a neighbour. Average linkage on that similarity then forms the groups, whatever order the
articles came in. Measured against the direct cosine in docs/stories.md.

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


def groups(
    vecs: list[dict[str, float]],
    days: list[int | None],
    window: int,
    k: int = NEIGHBOURS,
    threshold: float = GROUP,
) -> list[list[int]]:
    """The batch's articles (by position) grouped into stories, each group in input order, groups by their
    first member."""
    n = len(vecs)
    if n < 2:
        return [[i] for i in range(n)]
    hood = neighbourhoods(cosines(vecs, days, window), k)
    dist = 1.0 - (hood @ hood.T).toarray()
    np.clip(dist, 0.0, 1.0, out=dist)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, 1.0 - threshold, criterion="distance")
    out: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        out.setdefault(label, []).append(i)
    return list(out.values())
