"""The ``storybrief`` command line: a thin layer that parses arguments and calls the commands.

Each sub-command lives in ``storybrief.commands.<name>`` with ``add_parser(subparsers)`` and
``run(args) -> int``; modules import heavy libraries only inside ``run`` so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMANDS = ["summarize", "clean", "eval", "cluster", "ingest", "stories", "story", "serve"]

DESCRIPTION = """\
Turn a pile of news articles into a short, faithful brief of each story: page furniture removed,
what the outlets agree on found, the sentences that matter picked under a length budget, and every
sentence credited to each outlet that carries it.

examples:
  storybrief summarize examples/vancouver-2018            brief of one story (a folder)
  storybrief summarize a.txt b.html --format markdown     brief of files, as Markdown
  storybrief summarize --jsonl clusters.jsonl -o out.jsonl   one brief per line
  storybrief clean page.txt --explain                     what cleaning removed, and why
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available sub-command."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="storybrief", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"storybrief {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        try:
            module = importlib.import_module(f"storybrief.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"storybrief.commands.{name}":
                continue  # command not built (yet)
            raise
        module.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some input failed, 2 usage error)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("storybrief: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug must still end in one line, not a traceback, unless asked for
        if os.environ.get("STORYBRIEF_DEBUG"):
            raise
        print(f"storybrief: internal error: {type(e).__name__}: {e} (STORYBRIEF_DEBUG=1 shows where)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
