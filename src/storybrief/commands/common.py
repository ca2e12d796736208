"""What the sub-commands share: output files, error lines and progress bars."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TypeVar

T = TypeVar("T")


def error(where: str, reason: str) -> None:
    """Print a one-line error naming the place (file, file:line) and the reason."""
    print(f"storybrief: {where}: {reason}", file=sys.stderr)


@contextmanager
def output(path: str | None) -> Iterator[IO[str]]:
    """A text stream to write results to: the file at ``path``, or standard output for None/``-``."""
    if path in (None, "-"):
        yield sys.stdout
        return
    with open(path, "w", encoding="utf-8") as f:
        yield f


def progress(
    items: Iterable[T], total: int | None = None, desc: str = "", enabled: bool | None = None, unit: str = "it"
) -> Iterable[T]:
    """Wrap ``items`` in a progress bar on standard error when it is a terminal (or when forced)."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        return items
    from tqdm import tqdm

    # Without a total, tqdm glues the count to the unit ("13article"); the description already names the unit.
    counter = "{desc}: {n_fmt} [{elapsed}, {rate_fmt}]" if total is None else None
    return tqdm(items, total=total, desc=desc, unit=unit, file=sys.stderr, dynamic_ncols=True, bar_format=counter)


def add_jobs_arg(p: argparse.ArgumentParser) -> None:
    """--jobs N: worker processes for line-by-line work (output order and content do not change)."""
    p.add_argument(
        "--jobs",
        "-j",
        type=positive_int,
        default=1,
        metavar="N",
        help="worker processes for --jsonl (default 1; the output is the same, in the same order)",
    )


def add_budget_args(p: argparse.ArgumentParser, default_words: int = 100, whole_by_default: bool = False) -> None:
    """--words / --sentences / --bytes, shared by summarize and eval.

    With ``whole_by_default`` and no option given, ``words`` is left None: the caller then makes a
    brief of whole sentences within ``default_words`` (see :class:`storybrief.model.Budget`).
    """
    g = p.add_mutually_exclusive_group()
    default_help = (
        f"default: whole sentences, {default_words} words at most" if whole_by_default else f"default {default_words}"
    )
    g.add_argument(
        "--words",
        type=positive_int,
        default=None if whole_by_default else default_words,
        metavar="N",
        help=f"cut the brief at exactly N words; the last sentence may be cut ({default_help})",
    )
    g.add_argument("--sentences", type=positive_int, metavar="N", help="pick N whole sentences instead")
    g.add_argument(
        "--bytes",
        type=positive_int,
        metavar="N",
        help="cut the brief at N bytes (UTF-8, sentences joined by line breaks; DUC 2004 used 665), "
        "the last sentence after its last whole word that fits",
    )


def add_progress_arg(p: argparse.ArgumentParser) -> None:
    """--progress / --no-progress (default: a bar only when standard error is a terminal)."""
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when standard error is a terminal)",
    )


def positive_int(value: str) -> int:
    """argparse type: an integer of at least 1."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return n
