"""Metadata found in page text: headline, publication date, byline and dateline.

The headline is found by ``headline``; dates and bylines are looked for in the page header around it,
then (dates) in the short lines nearest to the article's start.
"""

from __future__ import annotations

import re
from datetime import date as _date

_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTH = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
MONTH_ABBR = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"  # the months' first letters, as regex alternatives
_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)[-/.](\d\d?)[-/.](\d\d?)\b")
_MDY = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+((?:19|20)\d\d)\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)")
DATE_LINE = re.compile(r"^\s*(?:date|published|posted|updated)?\s*:?\s*((?:19|20)\d\d-\d\d-\d\d)\b\s*", re.I)
# A place in capitals, maybe a state or country, a wire date ("MANILA, Nov. 24 (Xinhua) --"), an agency; then a
# dash or colon and a space, a long dash glued to the text ("KABUL, Afghanistan—A bomb"), or a dash ending the
# line (the text below it).
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Za-z.'-]+\s?){1,4}(?:,\s*(?:[A-Z][A-Za-z.'-]+\s?){1,3})?"
    r"(?:,\s*(?i:" + MONTH_ABBR + r")[a-z]*\.?\s+\d{1,2}\b)?"
    r"(?:\s*\((?:AP|Reuters|AFP|UPI|Xinhua|CNN|Bloomberg|dpa|IANS|PTI|ANI)\))?)"
    r"(?:\s*(?:--|—|–|:|-)\s+|\s*[—–](?=[A-Z\"“‘])|\s*(?:--|—|–)\s*$)"
)
# "By" glued after a date's year ("27 September,2023By Jack Busch": inline elements run together in a page dump).
_DATED_BY = re.compile(r"(?<=(?:19|20)\d\d)(?-i:By)\s+([A-Z].+?)\s*$")
_BYLINE = re.compile(
    # "By" glued to the name ("ByJane Doe": a page's inline elements run together) only as written
    r"^(?:(?:by|(?:written|words|posted|reporting|text|story|article) by|author)(?:\s*:\s*|\s+)|(?-i:By)(?=[A-Z][a-z]))"
    r"(.+?)\s*$",
    re.I,
)
# A date line that names its author at the end: "Published August 7, 2023 by Jane Doe".
_TRAILING_BY = re.compile(r"\s(?:by|By|BY)\s+([^\d,|·•]+?)\s*$")
_NAME_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_.'’-]*(?:[.'’-][^\W\d_]*)*\.?|de|van|von|der|da|del|la|le|bin|and|&)$")
_NAME_END = re.compile(
    r"\s+(?:on|at|in|for|updated|published|posted)\s.*$|\s*(?:[|·•⋅—–(,]|\s-\s).*$"
    # a page's inline elements run together: the date glued to the name ("Jane DoePublished: Jan 29, 2025",
    # "Jane DoeJanuary 14, 2026"); a sentence after the name ("Jane Doe. Last updated ...")
    r"|(?-i:(?<=[a-z])(?:Published|Updated|Posted|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*\d)).*$"
    r"|(?-i:(?<=[a-z]{3}))\.\s.*$",
    re.I,
)
_ROLE = re.compile(r"\s*(?:[|·•—–(,]|\s-\s).*$")
_AND = re.compile(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_DATE_LABELS = frozenset("published updated posted modified date".split())
# Words of headings, labels and buttons, never of a person's name ("Recent Posts", "More Stories", "Top Picks",
# "BROWSE OPEN INVESTMENTS", "Shop Now").
_NOT_NAME = frozenset(
    "the of for to in on by with how what why best new top your our and & recent latest related popular more "
    "posts articles stories browse shop buy subscribe download explore discover learn watch view join sign open "
    "now".split()
)
# A line whose author's name is on the next line: "By", "Article by"; in the page header also "Author(s)" (elsewhere
# only "Author": "Authors" is as often a menu item).
BY_ALONE = re.compile(
    r"^(?:(?:article|story|post)\s+)?(?:(?:written|posted|words|reporting|article|story|post)\s+)?by:?$", re.I
)
# A line naming someone other than the author on the next line ("Reviewed by", "Fact checked by", "Photo by").
OTHER_BY = re.compile(r"^\w[\w -]{0,30}\sby:?$", re.I)
AUTHOR_LABEL = re.compile(r"^authors?(?:\(s\))?:?$", re.I)
ONE_AUTHOR = re.compile(r"^author:?$", re.I)  # the label of one author box, read page-wide ("Authors" heads lists)
# A name and a date on one line, between separators ("Jane Doe • Oct 20, 2025", "Dec. 19, 2025 · Jane Doe").
_PARTS = re.compile(r"\s*[|·•⋅]\s*|\s+[-–—]\s+|(?<=[a-z])-\s+")
# Job titles: a line of them below a bare name says it is the author's ("Jane Doe / Content Editor").
_ROLE_WORDS = frozenset(
    "writer editor reporter correspondent journalist columnist contributor contributing author staff analyst "
    "founder co-founder ceo director manager expert specialist strategist consultant blogger editor-in-chief "
    "researcher professor".split()
)


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(_MONTH_NAMES, 1) if m.startswith(name.lower().rstrip(".")[:3]))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first plausible date written in the text (ISO, "Jan. 17, 2018", "17 January 2018"), as YYYY-MM-DD."""
    if "19" not in text and "20" not in text:
        return None  # every form below has a four-digit year 19xx or 20xx: most lines are done here
    found = []
    for rx, order in ((_ISO_DATE, "ymd"), (_MDY, "mdy"), (_DMY, "dmy"), (_NUMERIC, "num")):
        m = rx.search(text)
        if not m:
            continue
        if order == "ymd":
            iso = _iso(int(m[1]), int(m[2]), int(m[3]))
        elif order == "mdy":
            iso = _iso(int(m[3]), _month_number(m[1]), int(m[2]))
        elif order == "dmy":
            iso = _iso(int(m[3]), _month_number(m[2]), int(m[1]))
        else:  # 01/17/2018 is month first unless the first number cannot be a month
            a, b = int(m[1]), int(m[2])
            iso = _iso(int(m[3]), a, b) if a <= 12 else _iso(int(m[3]), b, a)
        if iso:
            found.append((m.start(), iso))
    return min(found)[1] if found else None


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL path (``/2018/01/17/``), as ISO."""
    m = _URL_DATE.search(url or "")
    return _iso(int(m[1]), int(m[2]), int(m[3])) if m else None


def byline_name(line: str) -> str | None:
    """The names of a byline line ("By Jane Doe, Reuters" -> "Jane Doe, Reuters"), or None. A long line
    ("By Jane Doe, CFP – Updated Mar 5, 2026 at 4:28 PM EST | Fact-checked by ...") is one only when a person's
    name opens it: "By Monday, officials in ..." is a sentence."""
    m = _BYLINE.match(line.strip()) or (_DATED_BY.search(line) if len(line) <= 60 else None)
    if not m or not m[1][:1].isupper():
        return None
    name = _NAME_END.sub("", m[1]).strip(" ,")
    if not name or any(ch.isdigit() for ch in name):
        return None
    return name if len(m[1]) <= 80 or bare_name(name) else None


def trailing_byline(line: str) -> str | None:
    """The name at the end of a dated line ("Published August 7, 2023 by Jane Doe" -> "Jane Doe"), or None."""
    m = _TRAILING_BY.search(line)
    return bare_name(m[1]) if m and find_date(line[: m.start()]) else None


def bare_name(line: str) -> str | None:
    """A bare author line's name: two to four capitalised words ("Jane Doe", "LEONARDO GARCIA",
    "Lance Ryan (Content Manager)" -> "Lance Ryan"); two or more such names joined by "and" or "&" ("Jane Doe
    and John Roe": each of two words or more, so a section label "Food & Drink" is none); or None."""
    name = _ROLE.sub("", line).strip()
    if " and " in name or " & " in name:
        names = _AND.split(name)
        return name if len(names) <= 4 and all(map(_one_name, names)) else None
    return _one_name(name)


def _one_name(name: str) -> str | None:
    parts = name.split()
    if not 2 <= len(parts) <= 4 or any(p.lower() in _NOT_NAME for p in parts):
        return None
    ok = all(_NAME_WORD.match(p) for p in parts) and all(p[0].isupper() for p in parts if len(p) > 3)
    return name if ok and parts[0][0].isupper() else None


def labelled_name(line: str) -> str | None:
    """The name on the line below an author label ("By", "Written by", "Author"): a bare name, or up to five
    words that open with a capital and hold no digit or sentence end ("Eliz", "The Investopedia Team")."""
    if name := bare_name(line):
        return name
    name = _ROLE.sub("", line).strip()
    words = name.split()
    ok = 1 <= len(words) <= 5 and len(name) <= 40 and name[:1].isupper() and not name.endswith((".", "!", "?", ":"))
    return name if ok and not any(ch.isdigit() for ch in name) else None


def single_name(line: str) -> str | None:
    """A one-word name ("Susan", "Newsdesk"): one capitalised word of letters, not in capitals, no date label."""
    ok = 3 <= len(line) <= 20 and line.isalpha() and line[0].isupper() and not line.isupper()
    return line if ok and line.lower() not in _DATE_LABELS else None


def dated_name(line: str) -> str | None:
    """The name of a line that holds a name and a date between separators ("Jane Doe • Oct 20, 2025"), or None."""
    parts = _PARTS.split(line)
    if not 2 <= len(parts) <= 4:
        return None
    for name, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if (found := bare_name(name)) and any(find_date(p) for p in rest):
            return found
    return None


def is_role(line: str) -> bool:
    """Whether a short line names a job ("Content Editor", "Senior Staff Writer", "Co-founder of Acme")."""
    words = line.lower().replace(",", " ").split()
    return 0 < len(words) <= 6 and not _ROLE_WORDS.isdisjoint(words)


def find_dateline(first_paragraph: str) -> tuple[str, int] | None:
    """The dateline opening a paragraph ("VANCOUVER, Canada -- ") and where the text after it starts."""
    m = _DATELINE.match(first_paragraph)
    if not m or len(m.group(1)) >= 50:
        return None
    place = m.group(1).strip()
    # A dateline names a place, written in capitals at least at its start ("OTTAWA", "VANCOUVER, Canada").
    if not place.split(",")[0].replace(" ", "").replace(".", "").isupper() and "(" not in place:
        return None
    return place, m.end()
