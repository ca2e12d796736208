"""The story store as the service uses it: opened on first use, one call at a time."""

from __future__ import annotations

import threading
from typing import Any

from .errors import ApiError


class StoreAccess:
    """The story store, opened on first use; calls are serialized because one SQLite connection is shared."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.lock = threading.Lock()
        self._store: Any = None

    def call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        """``store.<name>(*args, **kwargs)``, in the calling worker thread."""
        with self.lock:
            if self._store is None:
                self._store = self._open()
            return getattr(self._store, name)(*args, **kwargs)

    def _open(self) -> Any:
        try:
            from ..store import Store
        except ImportError:
            raise ApiError(503, "this build of storybrief has no story store") from None
        return Store(self.path) if self.path else Store()
