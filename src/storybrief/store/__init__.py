"""The story store: ``Store(path)`` with ``add(rows)``, ``stories()``, ``story(id)`` and ``brief(id)``."""

from .store import AddResult, Store, default_path

__all__ = ["AddResult", "Store", "default_path"]
