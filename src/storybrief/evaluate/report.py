"""Aggregate per-cluster results into a report (means, intervals, paired tests, times) and print it."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict
from typing import Any

import numpy as np

from .bootstrap import RESAMPLES, bootstrap_ci, paired_bootstrap
from .rouge import METRICS
from .runner import ClusterResult

LABELS = {
    "rouge1_f": "R1 F1",
    "rouge2_f": "R2 F1",
    "rougeLsum_f": "RLsum F1",
    "rouge1_r": "R1 rec",
    "rouge2_r": "R2 rec",
    "rougeLsum_r": "RLsum rec",
}
F1 = [m for m in METRICS if m.endswith("_f")]
RECALL = [m for m in METRICS if m.endswith("_r")]


def aggregate(
    results: list[ClusterResult],
    methods: list[str],
    baseline: str | None = None,
    resamples: int = RESAMPLES,
    seed: int = 0,
) -> dict[str, Any]:
    """The report of an eval run as a JSON-ready dict.

    Figures are means over the clusters that could be evaluated (each cluster's figure is already the
    mean over its references), with 95% bootstrap intervals; every method is compared with ``baseline``
    by a paired bootstrap over the same clusters.
    """
    scored = [r for r in results if r.error is None]
    report: dict[str, Any] = {
        "clusters": len(results),
        "scored": len(scored),
        "baseline": baseline,
        "failed_rows": [{"id": r.id, "line": r.line, "error": r.error} for r in results if r.error],
        "methods": {},
    }
    arrays = {m: {k: np.array([r.scores[m][k] for r in scored]) for k in METRICS} for m in methods}
    for m in methods:
        entry: dict[str, Any] = {
            "mean": {k: float(arrays[m][k].mean()) if scored else float("nan") for k in METRICS},
            "ci95": {k: bootstrap_ci(arrays[m][k], resamples=resamples, seed=seed) for k in METRICS},
            "median_select_ms": _median_ms([r.seconds[m] for r in scored]),
            "median_total_ms": _median_ms([r.seconds[m] + r.prepare_seconds for r in scored]),
            "failures": [{"id": r.id, "line": r.line, "error": r.errors[m]} for r in scored if m in r.errors],
        }
        if baseline and m != baseline:
            entry["vs_baseline"] = {
                k: asdict(paired_bootstrap(arrays[m][k], arrays[baseline][k], resamples=resamples, seed=seed))
                for k in METRICS
            }
        report["methods"][m] = entry
    return report


def _median_ms(seconds: list[float]) -> float:
    return statistics.median(seconds) * 1000 if seconds else float("nan")


def failures(report: dict[str, Any]) -> int:
    """How many rows and method runs failed."""
    return len(report["failed_rows"]) + sum(len(e["failures"]) for e in report["methods"].values())


def _cell(mean: float, ci: tuple[float, float]) -> str:
    return f"{mean * 100:.2f} [{ci[0] * 100:.2f}, {ci[1] * 100:.2f}]"


def _diff_cell(p: dict[str, float]) -> str:
    return f"{p['diff'] * 100:+.2f} [{p['low'] * 100:+.2f}, {p['high'] * 100:+.2f}] p={p['p']:.3f}"


def tables(report: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report as (title, header, rows) tables: F1, recall, and differences from the baseline."""
    methods = report["methods"]
    out = []
    for title, keys in (("F1 x100, 95% bootstrap CI", F1), ("Recall x100, 95% bootstrap CI", RECALL)):
        header = ["method", *[LABELS[k] for k in keys]]
        rows = [[m, *[_cell(e["mean"][k], e["ci95"][k]) for k in keys]] for m, e in methods.items()]
        if keys is F1:
            header += ["ms/cluster", "select ms", "failed"]
            for row, e in zip(rows, methods.values(), strict=True):
                row += [f"{e['median_total_ms']:.1f}", f"{e['median_select_ms']:.2f}", str(len(e["failures"]))]
        out.append((title, header, rows))
    paired = [(m, e["vs_baseline"]) for m, e in methods.items() if "vs_baseline" in e]
    if paired:
        header = ["method", *[f"Δ{LABELS[k]}" for k in F1]]
        rows = [[m, *[_diff_cell(d[k]) for k in F1]] for m, d in paired]
        out.append((f"Paired bootstrap vs {report['baseline']} (F1 x100, 95% CI, two-sided p)", header, rows))
    return out


def _footer(report: dict[str, Any]) -> list[str]:
    lines = [f"{report['scored']} of {report['clusters']} clusters scored; times are medians per cluster."]
    for r in report["failed_rows"]:
        lines.append(f"failed row: line {r['line']} ({r['id']}): {r['error']}")
    for m, e in report["methods"].items():
        for f in e["failures"]:
            lines.append(f"failed: {m} on line {f['line']} ({f['id']}): {f['error']}")
    return lines


def format_text(report: dict[str, Any]) -> str:
    """Plain aligned tables for the terminal."""
    parts = []
    for title, header, rows in tables(report):
        widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
        fmt = "  ".join(f"{{:<{w}}}" for w in widths)
        parts.append("\n".join([title, fmt.format(*header), *(fmt.format(*r) for r in rows)]))
    return "\n\n".join([*parts, "\n".join(_footer(report))]) + "\n"


def format_markdown(report: dict[str, Any]) -> str:
    """Markdown tables, ready for the docs."""
    parts = []
    for title, header, rows in tables(report):
        lines = [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        parts.append("\n".join(lines))
    return "\n\n".join([*parts, "\n".join(f"- {line}" for line in _footer(report))]) + "\n"


def format_json(report: dict[str, Any]) -> str:
    """The whole report as JSON (figures that could not be computed are null)."""
    return json.dumps(_no_nan(report), indent=2) + "\n"


def _no_nan(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, dict):
        return {k: _no_nan(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_no_nan(v) for v in value]
    return value


FORMATS = {"table": format_text, "markdown": format_markdown, "json": format_json}
