"""What a client sends: options and documents from a JSON body or an upload form, checked against the limits."""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.datastructures import UploadFile

from ..model import Article, Budget
from ..read import HTML_SUFFIXES, InputError, article_from_text, decode
from ..select import EVAL_ONLY, METHODS
from .errors import ApiError, invalid_fields
from .settings import Settings

UPLOAD_SUFFIXES = {".txt", ".text", ".md", ""} | HTML_SUFFIXES
STRING_KEYS = ("id", "text", "page_text", "html", "title", "date", "url", "source")
SERVICE_METHODS = sorted(m for m in METHODS if m not in EVAL_ONLY)  # oracle & co. need reference summaries


class Options(BaseModel):
    """How long the brief is and how it is chosen. ``words``, ``sentences`` and ``bytes`` exclude each other."""

    model_config = ConfigDict(extra="forbid")

    words: int | None = Field(None, ge=1, description="cut the brief at N words (default 100)")
    sentences: int | None = Field(None, ge=1, description="pick N whole sentences instead")
    bytes: int | None = Field(None, ge=1, description="cut the brief at N UTF-8 bytes instead (after a whole word)")
    method: str = Field("default", description="selection method: " + ", ".join(SERVICE_METHODS))


class SummarizeRequest(Options):
    """A story to summarize: its documents, each a string or an object with ``text`` or ``html``
    (and optional ``id``, ``title``, ``date``, ``url``, ``source``)."""

    documents: list[str | dict[str, Any]] = Field(description="the story's articles")

    @field_validator("documents")
    @classmethod
    def _typed_fields(cls, documents: list[str | dict[str, Any]]) -> list[str | dict[str, Any]]:
        """Known keys of a document object must be text as the reader takes it: say which is not.

        The reader quietly ignores a field of another type (an object as a date); a client is told instead.
        """
        for i, doc in enumerate(documents):
            if not isinstance(doc, dict):
                continue
            for key in STRING_KEYS:
                value = doc.get(key)
                if value is not None and not _is_text(value):
                    raise ValueError(f"document {i}: {key!r} must be a string, not {type(value).__name__}")
        return documents


def _is_text(value: Any) -> bool:
    """What :func:`storybrief.read.article_from_value` reads as text: a string, a number, a list of strings."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(x, str) for x in value)
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def budget_of(options: Options, settings: Settings) -> Budget:
    """The budget asked for; ApiError 422 when it is out of bounds or the method is unknown."""
    if sum(x is not None for x in (options.words, options.sentences, options.bytes)) > 1:
        raise ApiError(422, "invalid fields: give one of words, sentences or bytes")
    if options.method not in SERVICE_METHODS:
        raise ApiError(
            422, f"invalid fields: method: unknown method {options.method!r}; choose from {', '.join(SERVICE_METHODS)}"
        )
    if (options.words or 0) > settings.max_words:
        raise ApiError(422, f"invalid fields: words: at most {settings.max_words}")
    if (options.sentences or 0) > settings.max_sentences:
        raise ApiError(422, f"invalid fields: sentences: at most {settings.max_sentences}")
    if (options.bytes or 0) > settings.max_words * 10:
        raise ApiError(422, f"invalid fields: bytes: at most {settings.max_words * 10}")
    return Budget.of(options.words, options.sentences, options.bytes)


async def read_request(request: Request, settings: Settings) -> tuple[Options, list[Any]]:
    """Options and documents of a summarize request, JSON or ``multipart/form-data``."""
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    if kind == "multipart/form-data":
        options, documents = await _read_form(request, settings)
    elif kind in ("application/json", "text/json", ""):
        options, documents = _read_json(await request.body())
    else:
        raise ApiError(415, f"unsupported content type {kind!r}: send application/json or multipart/form-data")
    check_documents(documents, settings)
    return options, documents


def parse_json(body: bytes) -> Any:
    """The JSON value of a request body; ApiError 400 when it is not JSON."""
    if not body.strip():
        raise ApiError(400, "empty body: send a JSON object")
    try:
        return json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise ApiError(400, f"malformed JSON body: {getattr(e, 'msg', 'not UTF-8')}") from None


def _read_json(body: bytes) -> tuple[Options, list[Any]]:
    data = parse_json(body)
    if not isinstance(data, dict):
        raise ApiError(400, 'the body must be a JSON object {"documents": [...]}')
    try:
        req = SummarizeRequest.model_validate(data)
    except ValidationError as e:
        raise invalid_fields(list(e.errors())) from None
    return req, list(req.documents)


async def _read_form(request: Request, settings: Settings) -> tuple[Options, list[Any]]:
    # one more than allowed, so that check_documents can answer 413 with the count
    form = await request.form(max_files=settings.max_articles + 1, max_fields=settings.max_articles + 10)
    texts = [v for v in form.getlist("text") if isinstance(v, str) and v.strip()]
    files = [v for v in form.getlist("files") if isinstance(v, UploadFile)]
    fields = {k: v for k, v in form.multi_items() if k in Options.model_fields and isinstance(v, str) and v}
    try:
        options = Options.model_validate(fields)
    except ValidationError as e:
        raise invalid_fields(list(e.errors())) from None
    if len(files) + len(texts) > settings.max_articles:
        return options, [*texts, *files]  # refused by check_documents before any file is read
    return options, [*texts, *[await _article_of(f) for f in files]]


async def _article_of(upload: UploadFile) -> Article:
    """An article from an uploaded file; a file that is not text becomes a rejected article with the reason."""
    name = upload.filename or "upload"
    path = PurePath(name)
    ident = path.stem or "upload"
    try:
        if path.suffix.lower() not in UPLOAD_SUFFIXES:
            raise InputError(f"unsupported file type {path.suffix!r}: upload .txt or .html files")
        raw = await upload.read()
        if not raw.strip():
            raise InputError("empty file")
        text = decode(raw)
    except (InputError, UnicodeDecodeError) as e:
        a = Article(id=ident, origin=name)
        a.reject(str(e))
        return a
    looks_html = path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    return article_from_text(text, ident, name, html=looks_html)


def check_documents(documents: list[Any], settings: Settings) -> None:
    """ApiError 400 for no documents, 413 for too many or one too long."""
    if not documents:
        raise ApiError(400, "no documents: send at least one article")
    if len(documents) > settings.max_articles:
        raise ApiError(
            413,
            f"too many articles ({len(documents)}): the limit is {settings.max_articles}",
            limit=settings.max_articles,
        )
    for i, doc in enumerate(documents):
        size = len(_text_of(doc))
        if size > settings.max_text_chars:
            raise ApiError(
                413,
                f"document {i}: text too long ({size:,} characters): the limit is {settings.max_text_chars:,}",
                limit=settings.max_text_chars,
            )


def _text_of(doc: Any) -> str:
    if isinstance(doc, str):
        return doc
    if isinstance(doc, Article):
        return doc.html or doc.text
    if isinstance(doc, dict):
        value = doc.get("html") or doc.get("text") or doc.get("page_text") or ""
        return value if isinstance(value, str) else ""
    return ""
