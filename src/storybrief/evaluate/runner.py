"""Run methods over clusters with references: one story built per cluster, every method scored on it.

Each cluster goes through the normal pipeline (:func:`storybrief.pipeline.build_story`, then
:func:`storybrief.pipeline.brief_of` once per method, which is exactly what ``summarize_documents``
does), so ``eval`` measures what ``summarize`` produces. A failure in one method on one cluster is
recorded with its reason and scores zero, so every method is averaged over the same clusters.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..model import Budget
from ..parallel import ordered_map
from .rouge import METRICS, RougeScorer


@dataclass
class ClusterResult:
    """The scores of every method on one cluster, or why the cluster could not be evaluated."""

    id: str
    line: int
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # method -> metric -> value
    seconds: dict[str, float] = field(default_factory=dict)  # method -> select time
    prepare_seconds: float = 0.0  # read, clean, split and align: shared by all methods
    errors: dict[str, str] = field(default_factory=dict)  # method -> reason it failed
    error: str | None = None  # the whole row failed (bad JSON, no references...)
    summaries: dict[str, str] = field(default_factory=dict)


def references_of(data: dict[str, Any]) -> list[str]:
    """The reference summaries of a row; ValueError when there are none usable."""
    refs = data.get("summaries")
    if isinstance(refs, str):
        refs = [refs]
    if not isinstance(refs, list) or not any(isinstance(r, str) and r.strip() for r in refs):
        raise ValueError('no reference summaries (a "summaries" list of strings)')
    return [r for r in refs if isinstance(r, str) and r.strip()]


def parse_spec(spec: str) -> tuple[str, dict[str, Any]]:
    """A method spec ``name`` or ``name:key=value:key=value`` as (name, parameters).

    Values are read as JSON when they parse (``true``, ``0.5``), else kept as strings.
    """
    name, *pairs = spec.split(":")
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"bad method parameter {pair!r} in {spec!r}; expected key=value")
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return name.strip(), params


def make_method(spec: str, references: list[str]):
    """The method a spec names, with its parameters; eval-only methods (the oracle) get the references."""
    from ..select import EVAL_ONLY, get_method

    name, params = parse_spec(spec)
    if name in EVAL_ONLY:
        params["references"] = references
    method = get_method(name, **params)
    method.name = spec  # reports show the variant
    return method


def evaluate_row(
    data: dict[str, Any], methods: list[str], budget: Budget, line: int = 0, keep_summaries: bool = False
) -> ClusterResult:
    """Summarize one cluster row with each method and score every summary against its references."""
    from ..pipeline import brief_of, build_story
    from ..read import articles_from_documents

    ident = str(data.get("id", f"line{line}"))
    result = ClusterResult(id=ident, line=line)
    try:
        refs = references_of(data)
        scorer = RougeScorer(refs)
        t0 = time.perf_counter()
        story = build_story(articles_from_documents(data["documents"]), ident)
        result.prepare_seconds = time.perf_counter() - t0
    except Exception as e:  # the row is reported, the run goes on
        result.error = f"{type(e).__name__}: {e}" if not isinstance(e, ValueError) else str(e)
        return result
    for name in methods:
        t0 = time.perf_counter()
        try:
            summary = brief_of(story, budget, make_method(name, refs)).summary
        except Exception as e:  # one method failing must not stop the others
            summary, result.errors[name] = "", f"{type(e).__name__}: {e}"
        result.seconds[name] = time.perf_counter() - t0
        if not summary.strip() and name not in result.errors:
            result.errors[name] = "empty summary"
        empty = dict.fromkeys(METRICS, 0.0)
        result.scores[name] = scorer.score(summary, budget.words, budget.bytes) if summary.strip() else empty
        if keep_summaries:
            result.summaries[name] = summary
    return result


def _evaluate_item(item: tuple[int, dict[str, Any] | None, str | None, list[str], Budget, bool]) -> ClusterResult:
    line, data, error, methods, budget, keep = item
    if error or data is None:
        ident = str((data or {}).get("id", f"line{line}"))
        return ClusterResult(id=ident, line=line, error=error or "no data")
    return evaluate_row(data, methods, budget, line, keep)


def run_eval(
    rows: Iterable[Any], methods: list[str], budget: Budget, jobs: int = 1, keep_summaries: bool = False
) -> Iterator[ClusterResult]:
    """Results of :func:`evaluate_row` for rows (``read.Row``: line, data, error), in input order.

    With ``jobs > 1`` clusters are spread over that many worker processes.
    """
    items = ((r.line, r.data, r.error, methods, budget, keep_summaries) for r in rows)
    yield from ordered_map(_evaluate_item, items, jobs, chunksize=2)  # clusters are heavy and uneven
