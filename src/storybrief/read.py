"""Read articles from files, folders, standard input and JSON rows.

Every input becomes an :class:`Article`; input that cannot be read becomes a *rejected* article
with a one-line reason, so nothing is dropped silently. A folder is one story; a ``.json``/``.jsonl``
PATH holds one story's documents (a list, article rows, or one cluster row); a ``--jsonl`` file of many
stories, one a line, is streamed by :func:`read_cluster_rows`.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .model import Article

MAX_BYTES = 20_000_000  # larger files are refused: no news article is 20 MB of text
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
KNOWN_KEYS = {"id", "text", "page_text", "html", "title", "date", "url", "source"}


class InputError(Exception):
    """Input that cannot be read; ``str()`` is the one-line reason."""


@dataclass
class Row:
    """One line of a JSONL file: its line number and the parsed object, or the reason it failed."""

    line: int
    data: dict[str, Any] | None
    error: str | None = None


def decode(raw: bytes) -> str:
    """Decode bytes of text: UTF-8 (with or without BOM), UTF-16 with BOM, else a detected charset.

    Raises InputError for binary data or text whose encoding cannot be told.
    """
    return decode_with_encoding(raw)[0]


def decode_with_encoding(raw: bytes) -> tuple[str, str]:
    """Like :func:`decode`, also naming the encoding used (``utf-8`` for plain UTF-8)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise InputError("not text: broken UTF-16") from None
    if b"\x00" in raw[:8192]:
        raise InputError("binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    if _mostly_utf8(text):
        return text, "utf-8 with a few broken bytes replaced"
    from charset_normalizer import from_bytes  # lazy: only for non-UTF-8 input

    best = from_bytes(raw[:200_000]).best()
    if best is None:
        raise InputError("not text in any known encoding (binary file?)")
    text = raw.decode(best.encoding, errors="replace")
    controls = sum(1 for c in text[:10_000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 10_000):
        raise InputError("binary file (control characters), not text")
    return text, best.encoding


def _mostly_utf8(text: str) -> bool:
    """UTF-8 text with a few stray bytes (a cut download, one pasted latin-1 character): it has characters
    beyond ASCII that decoded well, and under one in a thousand that did not. Guessing another charset for
    it would garble every one of its good accented letters."""
    bad = text.count("\ufffd")
    return bad * 1000 < len(text) and any(ord(c) > 127 and c != "\ufffd" for c in text)


def read_bytes(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, refusing files over ``max_bytes`` without reading them.

    A regular file is judged by its size; a pipe (``/dev/stdin``, ``<(command)``) has none, so at most
    ``max_bytes + 1`` bytes of it are read.
    """
    info = path.stat()
    if stat.S_ISREG(info.st_mode):
        if info.st_size > max_bytes:
            raise InputError(f"file too large ({info.st_size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
        raw = path.read_bytes()
    else:
        with open(path, "rb") as f:
            raw = f.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(f"file too large (> {max_bytes / 1e6:.0f} MB limit)")
    if not raw:
        raise InputError("empty file")
    return raw


def article_id(seed: str, used: set[str] | None = None) -> str:
    """A stable short id for an article; made unique against ``used`` when given."""
    base = (
        seed
        if len(seed) <= 40 and seed.replace("_", "").replace("-", "").isalnum()
        else (hashlib.sha1(seed.encode("utf-8", "replace")).hexdigest()[:12])
    )
    if used is None:
        return base
    out, n = base, 2
    while out in used:
        out, n = f"{base}-{n}", n + 1
    used.add(out)
    return out


def article_from_text(text: str, ident: str, origin: str, *, html: bool = False) -> Article:
    """An article from raw text (or HTML when ``html``)."""
    if html:
        return Article(id=ident, html=text, origin=origin)
    return Article(id=ident, text=text, origin=origin)


def _field(value: dict[str, Any], key: str) -> str | None:
    """A text field of a document: strings as they are, numbers as text, lists of strings joined by lines."""
    v = value.get(key)
    if isinstance(v, str):
        return v or None
    if isinstance(v, int | float) and not isinstance(v, bool):
        return str(v)
    if isinstance(v, list) and v and all(isinstance(x, str) for x in v):
        return "\n".join(v)  # a document given as a list of paragraphs
    return None


def article_from_value(value: Any, ident: str, origin: str) -> Article:
    """An article from a document of a cluster row: a string (text, or a whole HTML page) or an object.

    Metadata of the wrong type (a list as a date) is ignored rather than carried into the brief.
    """
    if isinstance(value, str):
        return article_from_text(value, ident, origin, html=_looks_html(value))
    if not isinstance(value, dict):
        return _rejected(ident, origin, f"document is not a string or an object (got {type(value).__name__})")
    a = Article(
        id=_field(value, "id") or ident,
        text=_field(value, "text") or _field(value, "page_text") or "",
        html=_field(value, "html"),
        title=_field(value, "title"),
        date=_field(value, "date"),
        url=_field(value, "url"),
        source=_field(value, "source"),
        origin=origin,
        extra={k: v for k, v in value.items() if k not in KNOWN_KEYS},
    )
    if not a.text and not a.html:
        a.reject("document has no text, page_text or html")
    return a


def _rejected(ident: str, origin: str, reason: str) -> Article:
    a = Article(id=ident, origin=origin)
    a.reject(reason)
    return a


def articles_from_documents(documents: Iterable[Any], origin: str = "") -> list[Article]:
    """Articles from a list of documents (strings, dicts or Articles), with unique ids."""
    used: set[str] = set()
    out = []
    for i, doc in enumerate(documents):
        if isinstance(doc, Article):
            doc.id = article_id(doc.id, used)
            out.append(doc)
            continue
        where = f"{origin}[{i}]" if origin else f"document {i}"
        a = article_from_value(doc, f"{i:03d}", where)
        a.id = article_id(a.id, used)
        out.append(a)
    return out


def read_file(path: Path, ident: str, max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles of one file: one for .txt/.html, one per document for .json/.jsonl.

    A file that cannot be read becomes one rejected article with the reason; text that is not UTF-8 is
    decoded with the detected charset, which is kept in ``Article.extra["encoding"]``.
    """
    origin = str(path)
    try:
        suffix = path.suffix.lower()
        text, encoding = decode_with_encoding(read_bytes(path, max_bytes))
        if suffix in JSON_SUFFIXES:
            return _articles_from_json_file(text, origin)
        if not text.strip():
            raise InputError("file holds only white space")
        a = article_from_text(text, ident, origin, html=suffix in HTML_SUFFIXES or _looks_html(text))
        a.extra["file"] = path.name
        if encoding != "utf-8":
            a.extra["encoding"] = encoding
        return [a]
    except InputError as e:
        return [_rejected(ident, origin, str(e))]
    except OSError as e:
        return [_rejected(ident, origin, f"cannot read: {e.strerror or e}")]


def _looks_html(text: str) -> bool:
    head = text[:1000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _articles_from_json_file(text: str, origin: str) -> list[Article]:
    """Articles from a .json/.jsonl file: one cluster row (a story), a list of documents, or article rows.

    A file of several cluster rows holds several stories: it is refused with a pointer to ``--jsonl``
    rather than silently merged into one story.
    """
    rows = list(parse_jsonl(text, origin))
    stories = [r for r in rows if isinstance(r.data, dict) and isinstance(r.data.get("documents"), list)]
    if len(stories) > 1:
        raise InputError(f"holds {len(stories)} stories (one a line): summarize them with --jsonl")
    docs: list[Any] = []
    out: list[Article] = []
    for row in rows:
        if row.error:
            out.append(_rejected(f"line{row.line}", f"{origin}:{row.line}", row.error))
        elif row in stories:
            docs.extend(row.data["documents"])
            if not row.data["documents"]:
                out.append(_rejected(str(row.data.get("id", f"line{row.line}")), origin, "story has no documents"))
        else:
            docs.append(row.data)
    return articles_from_documents(docs, origin) + out


def parse_jsonl(text: str, origin: str = "") -> Iterator[Row]:
    """Parse JSON lines; a whole-file JSON list or (pretty-printed) object is taken too.

    Bad lines yield a Row with the error and the rest goes on.
    """
    stripped = text.lstrip()
    if stripped.startswith(("[", "{")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as e:
            if stripped.startswith("["):
                yield Row(e.lineno, None, f"malformed JSON: {e.msg} (column {e.colno})")
                return
        else:
            yield from (Row(1, item) for item in (data if isinstance(data, list) else [data]))
            return
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            yield Row(n, None, f"malformed JSON: {e.msg} (column {e.colno})")
            continue
        if isinstance(data, str):
            data = {"text": data}
        if not isinstance(data, dict):
            yield Row(n, None, f"expected a JSON object, got {type(data).__name__}")
            continue
        yield Row(n, data)


def read_stdin(ident: str, max_bytes: int = MAX_BYTES, stream: IO[bytes] | None = None) -> list[Article]:
    """Articles from standard input: a text or HTML article, or JSON as a .jsonl file holds.

    At most ``max_bytes`` are read: a larger input is refused without reading the rest.
    """
    stream = stream if stream is not None else sys.stdin.buffer
    try:
        raw = stream.read(max_bytes + 1)
        if len(raw) > max_bytes:
            raise InputError(f"standard input too large (> {max_bytes / 1e6:.0f} MB limit)")
        if not raw.strip():
            raise InputError("standard input is empty")
        text, encoding = decode_with_encoding(raw)
        if text.lstrip().startswith(("{", "[")):
            return _articles_from_json_file(text, "<stdin>")
        a = article_from_text(text, ident, "<stdin>", html=_looks_html(text))
        if encoding != "utf-8":
            a.extra["encoding"] = encoding
        return [a]
    except InputError as e:
        return [_rejected(ident, "<stdin>", str(e))]


def read_paths(paths: Iterable[str], max_bytes: int = MAX_BYTES) -> list[Article]:
    """Articles from paths: files, folders (every file inside, sorted) or ``-`` for standard input.

    Every path gives at least one article; what cannot be read is a rejected article with the reason.
    """
    out: list[Article] = []
    used: set[str] = set()
    for p in paths:
        if p == "-":
            found = read_stdin("stdin", max_bytes)
        else:
            path = Path(p)
            files = _files_in(path) if path.is_dir() else [path]
            if not files:
                found = [_rejected(path.name or "folder", p, "folder holds no files")]
            else:
                found = [
                    a
                    for f in files
                    for a in (read_file(f, f.stem, max_bytes) if f.exists() else [_rejected(f.stem, p, "no such file")])
                ]
        for a in found:
            a.id = article_id(a.id, used)
            out.append(a)
    return out


def _files_in(folder: Path) -> list[Path]:
    """The files of a folder, sorted by name; hidden files are skipped."""
    return sorted(
        f
        for f in folder.rglob("*")
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(folder).parts)
    )


def read_cluster_rows(path: str, max_bytes: int = MAX_BYTES) -> Iterator[Row]:
    """Rows of a cluster JSONL file (``-`` for stdin), one story a line, streaming.

    A line longer than ``max_bytes`` is skipped unread with an error; a line that is not UTF-8 is
    decoded with the detected charset. Blank lines are not stories and are skipped.
    """
    stream = sys.stdin.buffer if path == "-" else open(path, "rb")  # noqa: SIM115
    with stream:
        n = 0
        while raw := stream.readline(max_bytes + 1):
            n += 1
            if len(raw) > max_bytes and not raw.endswith(b"\n"):
                _skip_line(stream)
                yield Row(n, None, f"line too large (> {max_bytes / 1e6:.0f} MB limit)")
                continue
            if raw.strip():
                yield _cluster_row(n, raw)


def _skip_line(stream: IO[bytes], chunk: int = 1 << 20) -> None:
    """Read and drop the rest of the current line, a chunk at a time."""
    while (part := stream.readline(chunk)) and not part.endswith(b"\n"):
        pass


def _cluster_row(n: int, raw: bytes) -> Row:
    """One cluster row from the bytes of line ``n``."""
    raw = raw.rstrip(b"\r\n")  # so that an error's column is on this line, not past its end
    try:
        try:
            data = json.loads(raw)
        except UnicodeDecodeError:
            data = json.loads(decode(raw))
    except json.JSONDecodeError as e:
        return Row(n, None, f"malformed JSON: {e.msg} (column {e.colno})")
    except InputError as e:
        return Row(n, None, str(e))
    if not isinstance(data, dict):
        return Row(n, None, f"expected a JSON object, got {type(data).__name__}")
    if not isinstance(data.get("documents"), list):
        return Row(n, data, 'no "documents" list')
    return Row(n, data)


def count_lines(path: str, chunk: int = 1 << 20) -> int | None:
    """The number of lines of a file, read in chunks (for a progress bar); None when it cannot be read."""
    try:
        with open(path, "rb") as f:
            n, last = 0, b"\n"
            while block := f.read(chunk):
                n += block.count(b"\n")
                last = block[-1:]
            return n + (last != b"\n")
    except OSError:
        return None


def source_from_url(url: str | None) -> str | None:
    """The host of a URL without ``www.``, as a fallback outlet name."""
    if not url:
        return None
    from urllib.parse import urlparse

    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else (host or None)


def env_max_bytes() -> int:
    """The size limit, from STORYBRIEF_MAX_BYTES when set."""
    try:
        return int(os.environ.get("STORYBRIEF_MAX_BYTES", MAX_BYTES))
    except ValueError:
        return MAX_BYTES
