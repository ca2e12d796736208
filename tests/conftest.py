"""Shared fixtures: the shipped example story and small helpers to write inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "vancouver-2018"


@pytest.fixture
def example_dir() -> Path:
    """The shipped two-article example story."""
    return EXAMPLE
