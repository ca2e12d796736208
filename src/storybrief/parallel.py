"""Map a function over items in worker processes, results in input order, memory bounded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], jobs: int = 1, window: int = 256, chunksize: int | None = None
) -> Iterator[R]:
    """``func`` over ``items``, results in input order; with ``jobs > 1`` in that many worker processes.

    Items are handed out ``window`` at a time, so a huge input is never all in memory at once
    (``Pool.imap`` alone reads its whole input ahead). ``chunksize``: items sent to a worker at once
    (default: a quarter of a window's share per worker; small for heavy, uneven items). ``func`` must be a
    module-level function (or a ``functools.partial`` of one) so that it can be sent to the workers.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    import multiprocessing

    it = iter(items)
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        while batch := list(islice(it, window)):
            yield from pool.imap(func, batch, chunksize=chunksize or max(1, len(batch) // (4 * jobs)))
