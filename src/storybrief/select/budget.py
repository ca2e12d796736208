"""Fit ranked groups into a budget and turn them into brief sentences."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import BriefSentence, Budget, Story

BYTES_PER_WORD = 6  # English news: about 5 letters and a space a word


def cut_words(text: str, n: int) -> str:
    """The first ``n`` whitespace-separated words of ``text``."""
    words = text.split()
    return text if len(words) <= n else " ".join(words[:n])


def cut_bytes(text: str, n: int) -> str:
    """The longest run of whole words from the start of ``text`` that takes at most ``n`` UTF-8 bytes."""
    raw = text.encode()
    if len(raw) <= n:
        return text
    prefix = raw[: max(n, 0)].decode("utf-8", "ignore")
    if not (prefix[-1:].isspace() or text[len(prefix)].isspace()):  # the cut fell inside a word: drop it
        parts = prefix.rsplit(None, 1)
        prefix = parts[0] if len(parts) == 2 else ""
    return prefix.rstrip()


def target_words(budget: Budget) -> int:
    """About how many words fill ``budget`` (methods size their choice by it; the budget stage cuts exactly)."""
    if budget.bytes is not None:
        return max(budget.bytes // BYTES_PER_WORD, 1)
    if budget.words is not None:
        return budget.words
    return 25 * (budget.sentences or 1)


def _measure(budget: Budget) -> tuple[Callable[[str], int], int] | None:
    """How a sentence's size is counted against the budget, and the limit; None for a sentence budget."""
    if budget.sentences is not None:
        return None
    if budget.bytes is not None:
        return (lambda text: len(text.encode()) + 1), budget.bytes + 1  # each sentence with its line break
    if budget.words is not None:
        return (lambda text: len(text.split())), budget.words
    return None


def fit_budget(story: Story, ranked: list[int], budget: Budget) -> list[BriefSentence]:
    """Take groups in ranked order until the budget is met, then put them in reading order.

    With ``budget.sentences``: exactly that many sentences (or all there are). With ``budget.words``:
    sentences until their words reach the budget; the brief, in reading order, is then cut at exactly
    that many words, so only its last sentence may be cut short (marked ``truncated``). With
    ``budget.whole``: ranked sentences that still fit, none cut. With ``budget.bytes``: the same in
    UTF-8 bytes of the sentences joined by line breaks.
    """
    chosen: list[BriefSentence] = []
    measure = _measure(budget)
    used = 0
    for gid in dict.fromkeys(ranked):
        if budget.sentences is not None and len(chosen) >= budget.sentences:
            break
        if measure is not None and used >= measure[1]:
            break
        group = story.groups[gid]
        rep = group.representative
        size = measure[0](rep.text) if measure is not None else 0
        if budget.whole and measure is not None and used + size > measure[1]:
            continue
        used += size
        chosen.append(
            BriefSentence(
                text=rep.text,
                sources=group.support,
                article_id=rep.article_id,
                index=rep.index,
                start=rep.start,
                end=rep.end,
                group=gid,
            )
        )
    chosen = reading_order(story, chosen)
    if budget.sentences is None and not budget.whole:
        if budget.bytes is not None:
            chosen = cut_to_bytes(chosen, budget.bytes)
        elif budget.words is not None:
            chosen = cut_to_words(chosen, budget.words)
    return chosen


def cut_to_words(sentences: list[BriefSentence], n: int) -> list[BriefSentence]:
    """The sentences cut at ``n`` words in all; the one that crosses the limit is shortened."""
    out, words = [], 0
    for s in sentences:
        if words >= n:
            break
        k = len(s.text.split())
        if words + k > n:
            s = replace(s, text=cut_words(s.text, n - words), truncated=True)
        out.append(s)
        words += k
    return out


def cut_to_bytes(sentences: list[BriefSentence], n: int) -> list[BriefSentence]:
    """The sentences, joined by line breaks, cut at ``n`` bytes; the one that crosses it ends at a whole word."""
    out, used = [], 0
    for s in sentences:
        room = n - used - (1 if out else 0)
        size = len(s.text.encode())
        if size > room:
            text = cut_bytes(s.text, room)
            if text:
                out.append(replace(s, text=text, truncated=True))
            break
        out.append(s)
        used += size + (1 if len(out) > 1 else 0)
    return out


def reading_order(story: Story, sentences: list[BriefSentence]) -> list[BriefSentence]:
    """Sort brief sentences by their article's date, then article order, then position.

    An undated article counts as of the story's earliest date, so a missing date does not push an
    opening sentence to the end of the brief.
    """
    first = min((a.date for a in story.articles if a.date), default="")
    order = {a.id: (a.date or first, k) for k, a in enumerate(story.articles)}
    return sorted(sentences, key=lambda s: (*order.get(s.article_id, ("9999", 0)), s.index))
