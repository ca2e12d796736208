"""Load test of ``storybrief serve``: N concurrent clients on loopback for a bounded time.

Each client posts real stories (cluster rows ``{"id", "documents": [...]}`` of a JSONL file under the data
folder) to ``POST /summarize`` one after the other, until the time or the request cap is reached. Reports
requests per second, latency median and 99th percentile, and every error (there must be none).

    python bench/load.py DATA_DIR [--clients 4] [--seconds 20] [--max-requests 2000] [--file mds/...jsonl]

The service is started on a free loopback port in its own process (``--url`` to aim at a running one) and
stopped at the end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

DEFAULT_FILE = "mds/multinews_raw_dev.jsonl"


def load_stories(path: Path, limit: int) -> list[dict]:
    """Request bodies from the first ``limit`` cluster rows of a JSONL file."""
    stories = []
    with path.open(encoding="utf-8") as f:
        for line in itertools.islice(f, limit):
            row = json.loads(line)
            stories.append({"documents": row["documents"]})
    if not stories:
        sys.exit(f"load.py: {path}: no stories")
    return stories


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_service(workers: int) -> tuple[subprocess.Popen, str]:
    """``storybrief serve`` on a free loopback port; returns the process and its URL once it answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "storybrief", "serve", "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"load.py: the service exited with status {proc.returncode}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    sys.exit("load.py: the service did not start within 30 s")


def pipeline_median(stories: list[dict], words: int) -> float:
    """Median seconds of the pipeline alone, in this process, over the stories (three passes).

    Against the one-client latency this shows what HTTP, JSON and the page's extra fields add.
    """
    from storybrief.model import Budget
    from storybrief.pipeline import summarize_documents

    summarize_documents(stories[0]["documents"], Budget(words=words))  # warm-up: lazy imports
    times = []
    for story in stories * 3:
        started = time.perf_counter()
        summarize_documents(story["documents"], Budget(words=words))
        times.append(time.perf_counter() - started)
    return statistics.median(times)


class Run:
    """Shared state of the clients: the request budget and what they measured."""

    def __init__(self, stories: list[dict], seconds: float, max_requests: int, words: int) -> None:
        self.stories = stories
        self.words = words
        self.end = time.monotonic() + seconds
        self.max_requests = max_requests
        self.lock = threading.Lock()
        self.sent = 0
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def take(self) -> int | None:
        """The index of the next request, or None when time or the request cap is up."""
        with self.lock:
            if self.sent >= self.max_requests or time.monotonic() >= self.end:
                return None
            self.sent += 1
            return self.sent - 1

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def client(run: Run, url: str, timeout: float) -> None:
    """One client: post stories one after the other until the run is over."""
    with httpx.Client(base_url=url, timeout=timeout) as http:
        while (n := run.take()) is not None:
            body = {**run.stories[n % len(run.stories)], "words": run.words}
            started = time.perf_counter()
            try:
                r = http.post("/summarize", json=body)
                error = None if r.status_code == 200 else f"HTTP {r.status_code}: {r.json().get('error', '')[:80]}"
            except (httpx.HTTPError, ValueError) as e:
                error = f"{type(e).__name__}: {e}"
            run.record(time.perf_counter() - started, error)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0–100) of values, by the nearest-rank rule."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("data", type=Path, help="the benchmark data folder")
    p.add_argument("--file", default=DEFAULT_FILE, help=f"cluster JSONL under DATA (default {DEFAULT_FILE})")
    p.add_argument("--stories", type=int, default=50, help="distinct stories to cycle through (default 50)")
    p.add_argument("--clients", type=int, default=4, help="concurrent clients (default 4)")
    p.add_argument("--seconds", type=float, default=20.0, help="how long to run, at most (default 20)")
    p.add_argument("--max-requests", type=int, default=2000, help="requests in all, at most (default 2000)")
    p.add_argument("--words", type=int, default=100, help="brief length asked for (default 100)")
    p.add_argument("--workers", type=int, default=2, help="summaries the service computes at once (default 2)")
    p.add_argument("--url", help="an already running service instead of starting one")
    p.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = p.parse_args(argv)

    stories = load_stories(args.data / args.file, args.stories)
    alone = pipeline_median(stories, args.words)
    proc, url = (None, args.url) if args.url else start_service(args.workers)
    try:
        # one request first, not counted: the service imports its libraries lazily on the first brief
        httpx.post(f"{url}/summarize", json={**stories[0], "words": args.words}, timeout=60.0)
        run = Run(stories, args.seconds, args.max_requests, args.words)
        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(run, url, 60.0)) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        if proc:
            proc.terminate()
            proc.wait(10)
    figures = {
        "file": args.file,
        "stories": len(stories),
        "clients": args.clients,
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "requests": len(run.latencies),
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(run.latencies) / elapsed, 2),
        "p50_ms": round(1000 * statistics.median(run.latencies), 1) if run.latencies else None,
        "p99_ms": round(1000 * percentile(run.latencies, 99), 1) if run.latencies else None,
        "pipeline_alone_p50_ms": round(1000 * alone, 1),
        "errors": sum(run.errors.values()),
        "error_kinds": run.errors,
    }
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if run.errors else 0


if __name__ == "__main__":
    sys.exit(main())
