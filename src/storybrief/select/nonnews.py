"""Which sentences may stand in a brief at all: news prose that reads on its own.

A sentence is left out of the candidates, with a reason, when it is
- too short or too long to be one news sentence (headline fragments, run-together page text);
- a question, or addressed to the reader (calls to action: "click", "subscribe", "sign up"...);
- an editor's note in parentheses ("(The Press Democrat is part of the ... Group.)");
- a caption, credit or contributor line ("Enlarge Image", "Photo:", "contributed to this report");
- a line with a web address or handle, or mostly capitals (labels, headings);
- leaning on the sentence before it: it opens with a pronoun or connective ("He said", "But",
  "However", "This") that only the previous sentence resolves. Such a sentence may still be chosen
  together with that previous sentence (see :func:`leans_on_previous` and the default method).
"""

from __future__ import annotations

import re

# Openers that need the previous sentence to be understood.
_LEANING = re.compile(
    r"^[\"'“‘(`]*(?:he|she|it|they|them|his|her|hers|its|their|theirs|him|this|that|these|those|"
    r"but|and|or|so|yet|however|also|still|instead|meanwhile|moreover|furthermore|nevertheless|"
    r"nonetheless|then|later|thus|hence|therefore|besides|otherwise|indeed|likewise|similarly|too|"
    r"in addition|as a result|by contrast|on the other hand|at the same time|even so|for example|"
    r"for instance|in fact|in turn|after that|such|another|other|others|both|neither|either|"
    r"the other|the same|the latter|the former)\b",
    re.I,
)
_READER = re.compile(
    r"\b(click|tap here|subscribe|sign up|log in|newsletter|follow (?:us|him|her)|share (?:this|on)|"
    r"read more|watch (?:the|our) video|download|advertis|cookies?|your inbox|all rights reserved|"
    r"contributed (?:to )?(?:this )?report|reporting by|editing by|written by|enlarge (?:this )?image|"
    r"photo(?:graph)?(?: credit)?:|image:|caption|getty images|ap photo|\(photo|\(ap\)|\(reuters\) photo|"
    r"this story has been|this article (?:was|has been)|updated (?:at|on)|correction:)"
)  # matched against the lower-cased text: three times faster than re.I
_WEB = re.compile(r"https?://|www\.|\S@\S|\.com/|#\w|\B@\w")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def leans_on_previous(text: str) -> bool:
    """Whether a sentence opens with a pronoun or connective that the sentence before must resolve."""
    return bool(_LEANING.match(text.strip()))


def rejection(text: str, min_words: int = 8, max_words: int = 70) -> str | None:
    """Why a sentence cannot stand in a brief (leaning on its predecessor aside); None when it can."""
    n = len(text.split())
    if n < min_words:
        return "too short"
    if n > max_words:
        return "too long for one sentence"
    stripped = text.rstrip("\"'”’) ")
    if stripped.endswith("?"):
        return "a question"
    if any(mark in text for mark in ("@", "#", "http", "www.", ".com/")) and _WEB.search(text):
        return "web address or handle"
    if _READER.search(text.lower()):
        return "caption, credit or call to action"
    if text.startswith("(") and text.rstrip().endswith(")"):
        return "a note in parentheses"
    letters = _WORD.findall(text)
    if letters and sum(w.isupper() and len(w) > 1 for w in letters) > 0.5 * len(letters):
        return "mostly capitals"
    return None
