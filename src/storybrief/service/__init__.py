"""storybrief as an HTTP service: ``create_app(settings)`` builds the FastAPI app (``storybrief serve`` runs it)."""

from __future__ import annotations

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
