"""The ``storybrief`` command line: a thin layer that parses arguments and calls the commands.

Each sub-command lives in ``storybrief.commands.<name>`` with ``add_parser(subparsers)`` and
``run(args) -> int``; modules import heavy libraries only inside ``run`` so ``--help`` stays fast.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Sub-commands in the order --help lists them, with their one-line summary. Only the module of the
# command being run is imported, so one command's heavy imports never slow down --help or the others.
COMMANDS = {
    "summarize": "write the brief of a story",
    "clean": "clean articles and show what was removed",
    "eval": "score selection methods with ROUGE against human references",
    "cluster": "group article rows into stories",
    "ingest": "add articles to the story store",
    "stories": "list the stories of the store with their briefs",
    "story": "show one story of the store",
    "serve": "run the HTTP service and web page",
}

DESCRIPTION = """\
Turn a pile of news articles into a short, faithful brief of each story: page furniture removed,
what the outlets agree on found, the sentences that matter picked under a length budget, and every
sentence credited to each outlet that carries it.

examples:
  storybrief summarize examples/vancouver-2018            brief of one story (a folder)
  storybrief summarize a.txt b.html --format markdown     brief of files, as Markdown
  storybrief summarize --jsonl clusters.jsonl -o out.jsonl   one brief per line
  storybrief clean page.txt --explain                     what cleaning removed, and why
  storybrief eval data.jsonl --method lexrank,default     ROUGE table, baselines side by side
  storybrief cluster feed.jsonl -o stories.jsonl          group a stream of articles into stories
  storybrief ingest examples/feed && storybrief stories   keep a story store and list its briefs
  storybrief serve                                        web page and HTTP API on 127.0.0.1:8000
"""


def available_commands() -> list[str]:
    """The sub-commands whose module exists (found without importing it)."""
    from importlib.util import find_spec

    return [name for name in COMMANDS if find_spec(f"storybrief.commands.{name}") is not None]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: full options for ``command`` (all commands when None), a summary for the rest."""
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="storybrief", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"storybrief {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in available_commands():
        if command in (None, name):
            importlib.import_module(f"storybrief.commands.{name}").add_parser(sub)
        else:
            sub.add_parser(name, help=COMMANDS[name] or f"see storybrief {name} --help")
    return parser


def _command_in(argv: list[str]) -> str:
    """The sub-command named in ``argv`` ("" when none): the first word that is not an option."""
    word = next((a for a in argv if not a.startswith("-")), "")
    return word if word in COMMANDS else ""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 some input failed, 2 usage error)."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(_command_in(argv))
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
    except OSError as e:  # e.g. -o into a folder that does not exist
        print(f"storybrief: {e.filename or 'output'}: {e.strerror or e}", file=sys.stderr)
        return 1
    except Exception as e:  # a bug must still end in one line, not a traceback, unless asked for
        if os.environ.get("STORYBRIEF_DEBUG"):
            raise
        print(f"storybrief: internal error: {type(e).__name__}: {e} (STORYBRIEF_DEBUG=1 shows where)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
