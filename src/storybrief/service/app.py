"""The HTTP service: the web page at ``/``, the JSON API, and its OpenAPI docs at ``/docs`` (offline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline

from .. import __version__
from ..model import Brief
from ..pipeline import summarize_documents
from ..render import FORMATS, render
from . import errors
from .errors import ApiError
from .inputs import SERVICE_METHODS, SummarizeRequest, budget_of, check_documents, parse_json, read_request
from .jobs import Jobs
from .limits import BodyLimit
from .payload import brief_payload
from .settings import Settings
from .store_access import StoreAccess

WEB = Path(__file__).resolve().parent.parent / "web"
MEDIA = {"json": "application/json", "markdown": "text/markdown", "text": "text/plain", "html": "text/html"}
# The page loads only its own script and style: uploaded text can never run as code in it.
PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'"

SUMMARIZE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": SummarizeRequest.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    "text": {"type": "array", "items": {"type": "string"}},
                    "words": {"type": "integer"},
                    "sentences": {"type": "integer"},
                    "method": {"type": "string"},
                },
            }
        },
    },
}


FORMAT_QUERY = Query("json", description="json, markdown, text or html")


def check_format(fmt: str) -> None:
    """ApiError 422 for an unknown output format."""
    if fmt not in FORMATS:
        raise ApiError(422, f"invalid fields: format: choose from {', '.join(FORMATS)}")


def rendered(brief: Brief, fmt: str) -> Response:
    """The brief rendered as Markdown, text or a standalone HTML page."""
    return Response(render(brief, fmt), media_type=MEDIA[fmt] + "; charset=utf-8")


def create_app(settings: Settings | None = None) -> FastAPI:
    """The service's app with ``settings`` (default: from ``STORYBRIEF_*`` environment variables)."""
    settings = settings or Settings.from_env()
    app = FastAPIOffline(
        title="storybrief",
        version=__version__,
        description="A short, faithful brief of a news story, every sentence crediting its sources.",
    )
    app.state.settings = settings
    app.state.jobs = Jobs(settings.workers, settings.timeout)
    app.state.store = StoreAccess(settings.db)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_bytes)
    errors.install(app)
    app.mount("/static", StaticFiles(directory=WEB), name="static")
    _page_routes(app)
    _summarize_routes(app)
    _store_routes(app)
    return app


def _page_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(WEB / "index.html", headers={"Content-Security-Policy": PAGE_POLICY})

    @app.get("/health", tags=["service"])
    async def health() -> dict[str, Any]:
        """The service is up; its version, selection methods and limits."""
        s: Settings = app.state.settings
        limits = {k: getattr(s, k) for k in ("max_request_bytes", "max_articles", "max_text_chars", "max_words")}
        return {"status": "ok", "version": __version__, "methods": SERVICE_METHODS, "limits": limits}


def _summarize_routes(app: FastAPI) -> None:
    @app.post("/summarize", tags=["briefs"], openapi_extra={"requestBody": SUMMARIZE_BODY})
    async def summarize(request: Request, format: str = FORMAT_QUERY) -> Response:
        """The brief of one story: JSON ``{"documents": [...], "words"?, "sentences"?, "method"?}`` or
        uploaded files (``multipart/form-data``, field ``files``).

        The JSON brief is the command line's (``title``, ``date``, ``summary``, ``sentences`` with
        ``sources``, ``articles`` with their status) plus each article's cleaned ``body`` and ``removed``
        furniture. 400 when no article has usable text (``articles`` says why).
        """
        check_format(format)
        settings: Settings = app.state.settings
        options, documents = await read_request(request, settings)
        budget = budget_of(options, settings)
        brief: Brief = await app.state.jobs.run(summarize_documents, documents, budget, options.method)
        if not brief.sentences:
            raise ApiError(400, "no usable article text", articles=brief.to_dict()["articles"])
        return JSONResponse(brief_payload(brief)) if format == "json" else rendered(brief, format)


def _store_routes(app: FastAPI) -> None:
    async def store_call(name: str, *args: Any, **kwargs: Any) -> Any:
        return await app.state.jobs.run(lambda: app.state.store.call(name, *args, **kwargs))

    @app.post("/articles", tags=["stories"])
    async def add_articles(request: Request) -> dict[str, Any]:
        """Add articles to the story store: a JSON list of article rows (``{"id", "text" | "html", "date"?,
        "url"?, ...}``) or ``{"articles": [...]}``. Returns what was added, duplicated and rejected."""
        rows = await _article_rows(request, app.state.settings)
        result = await store_call("add", rows)
        return _jsonable(result)

    @app.get("/stories", tags=["stories"])
    async def stories(since: str | None = Query(None, description="only stories updated since this ISO date")):
        """The stories of the store."""
        return {"stories": await store_call("stories", since=since)}

    @app.get("/stories/{story_id}", tags=["stories"])
    async def story(story_id: str, format: str = FORMAT_QUERY) -> Response:
        """One story of the store with its brief (as ``POST /summarize`` returns it), or the brief alone
        in another ``format``."""
        check_format(format)
        found = await store_call("story", story_id)
        if found is None:
            raise ApiError(404, f"no story {story_id!r}")
        brief = await store_call("brief", story_id)
        if format != "json":
            return rendered(brief, format)
        return JSONResponse({**_jsonable(found), "brief": brief_payload(brief)})


async def _article_rows(request: Request, settings: Settings) -> list[dict[str, Any]]:
    """The article rows of a ``POST /articles`` body, checked against the limits."""
    data = parse_json(await request.body())
    rows = data.get("articles") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise ApiError(422, 'invalid fields: articles: send a list of article objects {"id", "text", ...}')
    check_documents(rows, settings)
    return rows


def _jsonable(value: Any) -> Any:
    """A store result as JSON: dataclasses and objects with attributes become dicts."""
    from dataclasses import asdict, is_dataclass

    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, dict):
        return value
    if hasattr(value, "__dict__"):
        return {k: v for k, v in vars(value).items() if not k.startswith("_")}
    return value
