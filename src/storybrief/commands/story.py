"""``storybrief story``: one story of the story store, with its brief and its articles."""

from __future__ import annotations

import argparse
import json

from .common import error, output
from .stories import add_db_arg, story_text


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the command."""
    from ..render import FORMATS

    p = sub.add_parser("story", help="show one story of the store", description="Show one story of the store.")
    p.add_argument("story_id", metavar="ID", help="a story id, as `storybrief stories` lists them")
    p.add_argument("--format", "-f", choices=FORMATS, default="text", help="output format (default text)")
    add_db_arg(p)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the command; 1 when there is no such story."""
    from ..render import render
    from ..store import Store

    with Store(args.db) as store:
        found = store.story(args.story_id)
        if found is None:
            error(args.story_id, "no such story in the store")
            return 1
        brief = store.brief(args.story_id)
    with output(args.output) as out:
        if args.format == "json":
            found["brief"] = json.loads(render(brief, "json"))
            out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
        elif args.format == "text":
            out.write(story_text(found) + "\n" + "\n".join(_article_line(a) for a in found["article_list"]) + "\n")
        else:
            out.write(render(brief, args.format))
    return 0


def _article_line(a: dict) -> str:
    copy = f"  (near-copy of {a['duplicate_of']})" if a.get("duplicate_of") else ""
    return f"  {a['id']}  {a.get('date', 'undated')}  {a.get('title') or a.get('origin', '')}{copy}"
