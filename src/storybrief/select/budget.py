"""Fit ranked groups into a budget and turn them into brief sentences."""

from __future__ import annotations

from dataclasses import replace

from ..model import BriefSentence, Budget, Story


def cut_words(text: str, n: int) -> str:
    """The first ``n`` whitespace-separated words of ``text``."""
    words = text.split()
    return text if len(words) <= n else " ".join(words[:n])


def fit_budget(story: Story, ranked: list[int], budget: Budget) -> list[BriefSentence]:
    """Take groups in ranked order until the budget is met, then put them in reading order.

    With ``budget.sentences``: exactly that many sentences (or all there are). With ``budget.words``:
    sentences until their words reach the budget; the brief, in reading order, is then cut at exactly
    that many words, so only its last sentence may be cut short (marked ``truncated``). With
    ``budget.whole``: ranked sentences that still fit, none cut.
    """
    chosen: list[BriefSentence] = []
    words = 0
    for gid in dict.fromkeys(ranked):
        if budget.sentences is not None and len(chosen) >= budget.sentences:
            break
        if budget.sentences is None and budget.words is not None and words >= budget.words:
            break
        group = story.groups[gid]
        rep = group.representative
        if budget.whole and budget.words is not None and words + len(rep.text.split()) > budget.words:
            continue
        words += len(rep.text.split())
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
    if budget.sentences is None and budget.words is not None and not budget.whole:
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


def reading_order(story: Story, sentences: list[BriefSentence]) -> list[BriefSentence]:
    """Sort brief sentences by their article's date, then article order, then position.

    An undated article counts as of the story's earliest date, so a missing date does not push an
    opening sentence to the end of the brief.
    """
    first = min((a.date for a in story.articles if a.date), default="")
    order = {a.id: (a.date or first, k) for k, a in enumerate(story.articles)}
    return sorted(sentences, key=lambda s: (*order.get(s.article_id, ("9999", 0)), s.index))
