"""``storybrief stories``: list the stories of the story store with their briefs."""

from __future__ import annotations

import argparse
import json
import textwrap
from collections.abc import Iterable
from typing import Any

from .common import add_progress_arg, output, positive_int, progress

HELP = """\
List the stories of the story store (--db, else $STORYBRIEF_DB, else ./storybrief.sqlite), newest first,
each with its brief (rebuilt first if the story gained articles). --since DATE keeps the stories whose
latest article is dated DATE or later."""


def add_db_arg(p: argparse.ArgumentParser) -> None:
    """--db PATH, shared by the store commands."""
    p.add_argument("--db", metavar="PATH", help="the story store (default: $STORYBRIEF_DB, else ./storybrief.sqlite)")


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    p = sub.add_parser(
        "stories",
        help="list the stories of the store",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--since", metavar="DATE", help="only stories with an article dated DATE (YYYY-MM-DD) or later")
    p.add_argument("--limit", type=positive_int, metavar="N", help="only the N most recent stories")
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format: text, markdown (a digest: a section a story) or json (default text)",
    )
    add_db_arg(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_progress_arg(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command."""
    from ..store import Store

    def bar(rows: list) -> Iterable:  # stale briefs are rebuilt as the stories are read: about 15 ms each
        return progress(rows, len(rows), desc="stories", enabled=args.progress, unit="story")

    with Store(args.db) as store:
        found = store.stories(since=args.since, limit=args.limit, progress=bar)
    with output(args.output) as out:
        if args.format == "json":
            out.write(json.dumps({"stories": found}, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "markdown":
            out.write("\n".join(story_markdown(s) for s in found) or "*No stories.*\n")
        else:
            out.write("\n".join(story_text(s) for s in found) or "no stories\n")
    return 0


def _dates_and_size(story: dict[str, Any]) -> tuple[str, str]:
    """The story's dates ("2026-03-02 to 2026-03-04", "undated") and its size ("2 articles")."""
    dates = story["date"] or "undated"
    if story.get("last_date") and story["last_date"] != story["date"]:
        dates += f" to {story['last_date']}"
    return dates, f"{story['articles']} article{'s' * (story['articles'] != 1)}"


def story_markdown(story: dict[str, Any]) -> str:
    """A story as a Markdown section: its title, then id, dates and size, then its brief, each sentence with its
    sources (article ids, as ``storybrief story ID`` lists them)."""
    from ..render import markdown_literal

    dates, size = _dates_and_size(story)
    lines = [f"## {markdown_literal(story['title'] or '(untitled)')}", "", f"*{story['id']} · {dates} · {size}*", ""]
    for s in story["brief"].get("sentences", []):
        lines.append(f"- {markdown_literal(s['text'])} ({', '.join(map(markdown_literal, s['sources']))})")
    return "\n".join(lines) + "\n"


def story_text(story: dict[str, Any], width: int = 88) -> str:
    """A story as a few lines of text: id, dates, size, title, then its brief with sources."""
    dates, size = _dates_and_size(story)
    lines = [f"{story['id']}  {dates}  {size}"]
    lines.append(f"  {story['title'] or '(untitled)'}")
    for s in story["brief"].get("sentences", []):
        text = f"{s['text']} [{', '.join(s['sources'])}]"
        lines.append(textwrap.fill(text, width, initial_indent="  - ", subsequent_indent="    "))
    return "\n".join(lines) + "\n"
