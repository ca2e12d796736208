"""The service's limits and places, from defaults, environment variables or ``storybrief serve`` options."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

ENV_PREFIX = "STORYBRIEF_"


@dataclass(frozen=True)
class Settings:
    """Limits of the HTTP service; each can be set by ``STORYBRIEF_<NAME>`` (e.g. ``STORYBRIEF_MAX_ARTICLES``).

    ``max_request_bytes`` caps a request body (413), ``max_articles`` the documents of one request (413),
    ``max_text_chars`` the text of one document (413), ``max_words``/``max_sentences`` the budget a client
    may ask for (422), ``timeout`` the seconds one summary may take (503), ``workers`` how many summaries
    run at once; ``db`` is the story store's file (None: the store's default, ``$STORYBRIEF_DB`` or
    ``./storybrief.sqlite``).
    """

    max_request_bytes: int = 10_000_000
    max_articles: int = 500
    max_text_chars: int = 2_000_000
    max_words: int = 2_000
    max_sentences: int = 100
    timeout: float = 30.0
    workers: int = 2
    db: str | None = None

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Settings from ``STORYBRIEF_*`` variables, then ``overrides`` (options given on the command line).

        Raises ValueError naming the variable when a value is not a number.
        """
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None or raw == "":
                continue
            values[f.name] = _parse(f.name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def _parse(name: str, raw: str, kind: object) -> object:
    """A setting's value from its environment string."""
    if kind in ("str | None", str):
        return raw
    try:
        value = float(raw) if kind in ("float", float) else int(raw)
    except ValueError:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r} is not a number") from None
    if value <= 0:
        raise ValueError(f"{ENV_PREFIX}{name.upper()}={raw!r} must be positive")
    return value
