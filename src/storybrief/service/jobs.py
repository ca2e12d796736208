"""Pipeline work off the event loop: a bounded number at once, each within a deadline."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import anyio

from .errors import ApiError

T = TypeVar("T")


class Jobs:
    """Runs blocking calls in worker threads, at most ``workers`` at a time, each answered within ``timeout``.

    A Python thread cannot be killed, so a timed-out call is abandoned, not stopped. The slots are a
    threading semaphore held by the thread itself (not by the waiting request): an abandoned call keeps
    its slot until it really ends, so a flood of slow requests cannot pile up more than ``workers``
    computations, and a call whose client has already given up is skipped instead of started.
    """

    def __init__(self, workers: int, timeout: float) -> None:
        self.timeout = timeout
        self.slots = threading.BoundedSemaphore(workers)

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a thread; ApiError 503 when waiting for a slot plus working takes over the timeout."""
        deadline = time.monotonic() + self.timeout
        try:
            with anyio.fail_after(self.timeout):
                return await anyio.to_thread.run_sync(self._guarded, deadline, fn, args, abandon_on_cancel=True)
        except TimeoutError:
            raise ApiError(
                503, f"the request took longer than {self.timeout:g} s; try fewer or shorter articles"
            ) from None

    def _guarded(self, deadline: float, fn: Callable[..., T], args: tuple[Any, ...]) -> T:
        if not self.slots.acquire(timeout=max(0.0, deadline - time.monotonic())):
            raise TimeoutError("no free worker before the deadline")
        try:
            if time.monotonic() >= deadline:
                raise TimeoutError("the client has given up")
            return fn(*args)
        finally:
            self.slots.release()
