"""``storybrief serve``: the HTTP service and its web page, on loopback unless told otherwise."""

from __future__ import annotations

import argparse

from .common import error, positive_int

HELP = """\
Serve storybrief over HTTP: a web page at / (paste or drop articles, get the brief, see each sentence
in its source), the JSON API (POST /summarize, POST /articles, GET /stories, GET /health) and its
documentation at /docs, all without any asset from the internet. Limits default to the
STORYBRIEF_* environment variables (see docs/service.md); the options below override them."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    p = sub.add_parser(
        "serve",
        help="run the HTTP service and web page",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--db",
        metavar="PATH",
        help="story store for /articles and /stories (default: $STORYBRIEF_DB, else ./storybrief.sqlite)",
    )
    p.add_argument("--max-request-bytes", type=positive_int, metavar="N", help="largest request body (413 above)")
    p.add_argument("--max-articles", type=positive_int, metavar="N", help="most articles in one request (413)")
    p.add_argument("--max-text-chars", type=positive_int, metavar="N", help="longest article text (413)")
    p.add_argument("--timeout", type=positive_float, metavar="S", help="seconds one request may take (503 after)")
    p.add_argument("--workers", type=positive_int, metavar="N", help="summaries computed at once")
    p.set_defaults(run=run)


def positive_float(value: str) -> float:
    """argparse type: a number of seconds above 0."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not x > 0:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number of seconds")
    return x


def run(args: argparse.Namespace) -> int:
    """Run the service until interrupted; 2 when the settings are invalid."""
    import uvicorn

    from ..service import Settings, create_app

    names = ("db", "max_request_bytes", "max_articles", "max_text_chars", "timeout", "workers")
    try:
        settings = Settings.from_env(**{n: getattr(args, n) for n in names})
    except ValueError as e:
        error("serve", str(e))
        return 2
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        error("serve", f"warning: listening on {args.host}: reachable from other machines, with no authentication")
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    return 0
