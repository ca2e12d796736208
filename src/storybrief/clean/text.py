"""Page text to numbered lines, with UTF-8 that was decoded as Latin-1 ("Kosovoâ\\x80\\x99s") repaired.

Scraped dumps often hold UTF-8 bytes read as Latin-1 or Windows-1252; repairing only those byte runs is
a few microseconds a page where a general fixer (ftfy) costs a millisecond, and the run either decodes
as UTF-8 or is left as it was, so real Latin-1 text is never damaged.
"""

from __future__ import annotations

import re
from itertools import compress, count

# A UTF-8 lead byte followed by continuation bytes, as Latin-1 (or Windows-1252) characters.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
    "\u203a\u0153\u017e\u0178]{1,3}"
)


def _undo(m: re.Match[str]) -> str:
    run = m.group(0)
    for codec in ("latin-1", "cp1252"):
        try:
            return run.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return run


def repair(text: str) -> str:
    """Text with mis-decoded UTF-8 runs turned back into the characters they were."""
    if "\u00c2" not in text and "\u00c3" not in text and "\u00e2" not in text:  # faster than a regex search
        return text
    return _MOJIBAKE.sub(_undo, text)


def page_lines(text: str) -> list[tuple[int, str]]:
    """The non-empty lines of a page as (1-based line number, stripped text)."""
    return list(zip(*numbered_lines(text), strict=True))


def numbered_lines(text: str) -> tuple[list[int], list[str]]:
    """The 1-based line numbers of a page's non-empty lines, and those lines stripped."""
    stripped = list(map(str.strip, text.splitlines()))  # (in C: no tuple or Python step per line)
    return list(compress(count(1), stripped)), list(filter(None, stripped))
