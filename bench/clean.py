"""Benchmark the clean stage on whole-page text dumps: token precision/recall/F1, metadata, speed.

    python bench/clean.py ../shared/data [--files l3s,wcxb] [--limit N] [--weights W.py] [--html] [--worst 10]
    python bench/clean.py ../shared/data --against /tmp/before/src   # speed against another checkout, page by page
    python bench/clean.py ../shared/data --threads    # comment threads removed: kept words cut, how many in the gold
    python bench/clean.py ../shared/data --stages     # where clean's time goes: each stage's share

For each page, ``clean`` gets only the page text (and the URL where the row has one) and its output is
scored against the annotated article text: token P/R/F1 (bag of lowercased \\w+ tokens), mean over pages.
The L3S annotation counts the headline as article text, WCXB's does not, so for L3S the title found is
scored with the body. Metadata accuracy is measured on WCXB pages that state it; speed is the median time
of ``clean`` per page on one core, as pages per second. ``--html`` scores trafilatura over the real HTML
of the L3S rows that carry it, alone and followed by storybrief's cleaning (which must not hurt it).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import statistics as st
import sys
import time
from collections import defaultdict
from functools import partial
from pathlib import Path

from clean_data import L3S, WCXB, load, site, token_prf
from storybrief.clean import clean
from storybrief.clean.weights import WEIGHTS
from storybrief.model import Article

FILES = {"l3s": L3S, "wcxb": WCXB}
TITLE_IN_GOLD = {"l3s": True, "wcxb": False}


def use_weights(path: str) -> None:
    """Swap in other trained weights (e.g. trained on one file only, to test on the other)."""
    spec = importlib.util.spec_from_file_location("alt_weights", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    WEIGHTS.clear()
    WEIGHTS.update(module.WEIGHTS)


def page_article(row: dict, cls: type = Article):
    """The (uncleaned) article of a page row: only its page text and URL (``cls``: another checkout's Article)."""
    return cls(id=row["id"], text=row["page_text"], url=row.get("url") or None)


def cleaned(row: dict) -> tuple[Article, float]:
    """The cleaned article of a page row and the seconds ``clean`` took."""
    a = page_article(row)
    if "_weights" in row:  # cross-validation: the weights of the fold that did not see this page
        WEIGHTS.clear()
        WEIGHTS.update(row["_weights"])
    t0 = time.process_time()  # CPU time of this process: one core, whatever else the machine runs
    clean(a)
    return a, time.process_time() - t0


def _words(s: str | None) -> list[str]:
    return re.findall(r"\w+", (s or "").lower())


def metadata_hits(a: Article, row: dict) -> dict[str, bool]:
    """For each field the row states: whether the article's value matches (title: same words; author: overlap)."""
    hits = {}
    if row.get("title"):
        mine, gold = _words(a.title), _words(row["title"])
        # Page titles often carry the site name ("Headline | Site"): the headline must be all of ours and
        # most of theirs.
        hits["title"] = bool(mine) and (
            mine == gold or (" ".join(mine) in " ".join(gold) and len(mine) >= 0.6 * len(gold))
        )
    if row.get("publish_date"):
        hits["date"] = a.date == str(row["publish_date"])[:10]
    if row.get("author"):
        mine, gold = set(_words(a.byline)), set(_words(row["author"]))
        hits["byline"] = bool(mine & gold) and len(mine - gold) <= 2
    elif "title" in row:  # WCXB, no author annotated (most such pages name none): a byline found is likely false
        hits["byline where none annotated"] = bool(a.byline)
    if "title" not in row:  # L3S: its article text keeps the dateline ("OTTAWA (AP) - ...")
        gold = gold_dateline(row["gold"])
        if gold:
            hits["dateline"] = bool(a.dateline) and _place(a.dateline) == _place(gold)
        else:
            hits["dateline where the text has none"] = bool(a.dateline)
    return hits


# A dateline in the annotated text: a place in capitals (a state or country may follow, an agency in brackets,
# a wire date: "MANILA, Nov. 24 (Xinhua)"), then a dash, at a line start or after a date or time. L3S writes
# every non-ASCII character as "?", so its long dashes are "?" too. (Colons are left out: "UPDATE:", "NBA:".)
_GOLD_DATELINE = re.compile(
    r"(?:^|\n|\d |[AP]M |ET |ago )\s*((?:[A-Z][A-Z.'-]+ ?){1,4}(?:, ?[A-Z][A-Za-z.' ]{1,30}?(?: \d{1,2})?)?"
    r"(?: ?\((?:AP|Reuters|AFP|UPI|Xinhua|CNN|Bloomberg|dpa|IANS|PTI|ANI)\))?)(?: ?(?:--|—|–|\?) *| - )[A-Z\n\"]"
)


def gold_dateline(gold: str) -> str | None:
    """The dateline the annotated article text opens with (within its first 1,000 characters), if any."""
    m = _GOLD_DATELINE.search(gold[:1000])
    return m[1].strip() if m and len(m[1]) < 50 and not re.search(r"\bBY\s*$", gold[: m.start(1)][-6:]) else None


def _place(dateline: str) -> list[str]:
    """The place of a dateline, as lowercased words ("NEW YORK, USA (AFP)" -> new, york)."""
    return _words(dateline.split(",")[0].split("(")[0])


def score_file(name: str, rows: list[dict], worst: int, dump: dict | None = None) -> dict:
    """Score every page of one file; print the table row and the worst sites (``dump``: filled with each page's
    P/R/F1 and the number of lines removed as comments, by page id)."""
    prf, times, meta, by_site = [], [], defaultdict(list), defaultdict(list)
    for row in rows:
        a, secs = cleaned(row)
        times.append(secs)
        text = a.body or ""
        if TITLE_IN_GOLD[name]:  # L3S marks the headline and the dateline as article text
            text = "\n".join(filter(None, [a.title, a.dateline, text]))
        s = token_prf(text, row["gold"])
        prf.append(s)
        if dump is not None:
            dump[f"{name}/{row['id']}"] = [*s, sum(r.reason == "comments" for r in a.removed)]
        by_site[site(row)].append(s[2])
        for k, v in metadata_hits(a, row).items():
            meta[k].append(v)
    p, r, f = (100 * st.mean(x[i] for x in prf) for i in range(3))
    print(f"| {name} | {len(rows)} | {p:.1f} | {r:.1f} | {f:.1f} | {1 / st.median(times):.0f} |")
    if worst:
        bad = sorted((st.mean(v), k) for k, v in by_site.items())
        print("  worst sites (F1): " + ", ".join(f"{k} {100 * v:.0f}" for v, k in bad[:worst]), file=sys.stderr)
        low = sum(x[2] < 0.8 for x in prf)
        print(
            f"  pages under 80 F1: {low} of {len(prf)}; low precision (<80): {sum(x[0] < 0.8 for x in prf)}",
            file=sys.stderr,
        )
    return {k: (100 * st.mean(v), len(v)) for k, v in meta.items()}


def score_html(rows: list[dict]) -> None:
    """trafilatura over the real HTML, alone and followed by storybrief's clean, on rows that carry HTML."""
    from storybrief.htmltext import extract_html

    alone, cleaned_too = [], []
    for row in rows:
        if not row.get("html"):
            continue
        a = extract_html(Article(id=row["id"], html=row["html"]))
        text = a.text if a.status != "rejected" else ""
        alone.append(token_prf(((a.title or "") + "\n" + text), row["gold"]))
        if text:
            clean(a)
            text = "\n".join(filter(None, [a.title, a.dateline, a.body]))
        cleaned_too.append(token_prf(text, row["gold"]))
    for label, prf in (("trafilatura (HTML)", alone), ("trafilatura + clean", cleaned_too)):
        p, r, f = (100 * st.mean(x[i] for x in prf) for i in range(3))
        print(f"| {label} | {len(prf)} | {p:.1f} | {r:.1f} | {f:.1f} | |")


def other_clean(src: str):
    """``clean`` and ``Article`` of another checkout's storybrief (its ``src`` folder), imported under another name."""
    init = Path(src) / "storybrief" / "__init__.py"
    spec = importlib.util.spec_from_file_location(
        "storybrief_other", init, submodule_search_locations=[str(init.parent)]
    )
    sys.modules["storybrief_other"] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sys.modules["storybrief_other"])
    return importlib.import_module("storybrief_other.clean").clean, importlib.import_module(
        "storybrief_other.model"
    ).Article


def compare_speed(name: str, rows: list[dict], src: str) -> None:
    """This checkout's ``clean`` against another's, each page timed with both in turn (the machine's load then
    weighs on both alike): pages/s of each (one page / median CPU time) and the median per-page speed-up."""
    other, other_article = other_clean(src)
    mine, theirs, differ = [], [], []
    for row in rows:
        outs = []
        for fn, cls, times in ((other, other_article, theirs), (clean, Article, mine)):
            a = page_article(row, cls)
            t0 = time.process_time()
            fn(a)
            times.append(time.process_time() - t0)
            outs.append(_output(a))
        if outs[0] != outs[1]:
            differ.append(row["id"])
    ratio = st.median(t / m for t, m in zip(theirs, mine, strict=True) if m > 0)
    same = "all" if not differ else f"{len(rows) - len(differ)} (differ: {', '.join(map(str, differ[:5]))})"
    print(f"| {name} | {len(rows)} | {1 / st.median(theirs):.0f} | {1 / st.median(mine):.0f} | {ratio:.2f} | {same} |")


def thread_cuts(name: str, rows: list[dict]) -> None:
    """False cuts of the comment-thread rule: the kept lines it removed, and those whose text (their first 80
    characters, six words or more) occurs in the annotated article text, listed by page."""
    import storybrief.clean as sc

    found = []
    real = sc.comment_threads

    def spy(lines: list[str], keep: list[bool], *rest) -> list[range]:
        found.append((lines, keep, real(lines, keep, *rest)))
        return found[-1][2]

    sc.comment_threads = spy
    pages = cut = in_gold = 0
    try:
        for row in rows:
            found.clear()
            clean(page_article(row))
            if not found or not found[0][2]:
                continue
            lines, keep, threads = found[0]
            gold = " ".join(row["gold"].split())
            kept = [lines[i] for t in threads for i in t if keep[i]]
            words = [len(s.split()) for s in kept if len(s.split()) >= 6 and " ".join(s.split())[:80] in gold]
            pages, cut, in_gold = pages + 1, cut + sum(len(s.split()) for s in kept), in_gold + sum(words)
            if words:
                print(f"  {name}/{row['id']}: {sum(words)} words cut that the annotation has", file=sys.stderr)
    finally:
        sc.comment_threads = real
    print(f"| {name} | {len(rows)} | {pages} | {cut} | {in_gold} |")


# The stages of ``clean`` timed by --stages, by the module whose name their caller looks up (so a wrapper set
# there is the one called; a name the checkout lacks is skipped). The furniture wording (``furniture.family_mask``,
# per line) is inside line_features.
STAGES = {
    "storybrief.clean": [
        "numbered_lines",
        "page_lines",  # (what clean called before numbered_lines)
        "keep_mask",
        "_header_metadata",
        "comment_threads",
        "_sort_lines",
        "_cut_dateline",
        "_page_byline",
        "_page_date",
    ],
    "storybrief.clean.furniture": ["has_icon_words"],
    "storybrief.clean.scorer": ["line_features", "context_features"],
    "storybrief.clean.headline": ["find_headline"],
}


def stage_times(name: str, rows: list[dict]) -> None:
    """Where ``clean``'s time goes on a file: the wall time of each stage of ``STAGES`` (nested ones inside their
    caller's), as a share of the whole, every page cleaned once in file order."""
    spent: dict[str, float] = defaultdict(float)

    def timed(fn, label: str):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - t0

        return wrapper

    patched = []
    for module, names in STAGES.items():
        mod = importlib.import_module(module)
        for stage in filter(partial(hasattr, mod), names):
            patched.append((mod, stage, getattr(mod, stage)))
            setattr(mod, stage, timed(getattr(mod, stage), stage))
    try:
        t0 = time.perf_counter()
        for row in rows:
            clean(page_article(row))
        total = time.perf_counter() - t0
    finally:
        for mod, stage, fn in patched:
            setattr(mod, stage, fn)
    print(f"| {name} | all of clean | {total:.3f} | 100% |")
    for stage, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {stage} | {secs:.3f} | {100 * secs / total:.1f}% |")


def _output(a) -> tuple:
    """Everything ``clean`` decides about a page: body, metadata, status, and every removed line with its reason."""
    removed = tuple((r.text, r.reason, r.line) for r in a.removed)
    return a.body, a.title, a.date, a.byline, a.dateline, a.status, a.reason, removed


def cross_validated(data: dict[str, list[dict]], k: int) -> dict[str, list[dict]]:
    """Rows with the weights that did not see them (``_weights``), from k-fold training by site on all files."""
    from train_clean import cross_validate

    tagged = [dict(r, _file=name) for name, rows in data.items() for r in rows]
    out: dict[str, list[dict]] = {name: [] for name in data}
    for weights, rows in cross_validate(tagged, k):
        for r in rows:
            out[r["_file"]].append(dict(r, _weights=weights))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path, help="the data folder (../shared/data) or its extraction/ folder")
    ap.add_argument("--files", default="l3s,wcxb", help="l3s, wcxb or both (default)")
    ap.add_argument("--limit", type=int, help="pages per file (for a quick run)")
    ap.add_argument("--weights", help="score with these weights instead of the shipped ones")
    ap.add_argument("--cv", type=int, help="k-fold cross-validation by site: train on k-1 folds, score the rest")
    ap.add_argument("--html", action="store_true", help="also score the L3S rows that carry HTML")
    ap.add_argument("--worst", type=int, default=8, help="list this many worst sites (0: none)")
    ap.add_argument("--dump", help="write each page's P/R/F1 and comment lines removed to this JSON file")
    ap.add_argument("--threads", action="store_true", help="only count the kept words comment threads removed")
    ap.add_argument("--against", help="only time clean against this other checkout's src/ folder, page by page")
    ap.add_argument("--stages", action="store_true", help="only time each stage of clean (share of the whole)")
    args = ap.parse_args()
    if args.stages:
        print("| file | stage | seconds | share |\n| --- | --- | --- | --- |")
        for name in args.files.split(","):
            stage_times(name, load(args.data, FILES[name], args.limit))
        return
    if args.against:
        print(
            "| file | pages | pages/s other | pages/s this | median speed-up | identical pages |\n"
            "| --- | --- | --- | --- | --- | --- |"
        )
        for name in args.files.split(","):
            compare_speed(name, load(args.data, FILES[name], args.limit), args.against)
        return
    if args.threads:
        print("| file | pages | pages with a thread | kept words removed | of them in the annotation |")
        print("| --- | --- | --- | --- | --- |")
        for name in args.files.split(","):
            thread_cuts(name, load(args.data, FILES[name], args.limit))
        return
    if args.weights:
        use_weights(args.weights)
    print(f"weights trained on: {WEIGHTS.get('trained_on', '?')}")
    print("| file | pages | precision | recall | F1 | pages/s (median) |\n| --- | --- | --- | --- | --- | --- |")
    meta, dump = {}, ({} if args.dump else None)
    data = {name: load(args.data, FILES[name], args.limit) for name in args.files.split(",")}
    if args.cv:
        data = cross_validated(data, args.cv)
    for name, rows in data.items():
        meta[name] = score_file(name, rows, args.worst, dump)
    if args.dump:
        Path(args.dump).write_text(json.dumps(dump))
    if args.html:
        score_html(load(args.data, L3S))
    for name, fields in meta.items():
        if fields:
            print(f"metadata ({name}): " + ", ".join(f"{k} {v:.1f}% of {n}" for k, (v, n) in fields.items()))


if __name__ == "__main__":
    main()
