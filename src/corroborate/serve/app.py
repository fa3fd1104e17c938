"""The app: one FastAPI application over one library file, its pages, its JSON API and its safety rules.

Safe by default: every response carries a strict Content-Security-Policy (nothing but this server's own files,
no inline script or style, never framed); pages are Jinja2 templates with autoescape on, so every word of an
article is escaped; static files are a fixed set read from the package, so no part of a request names a file;
story ids are checked before they reach the library. Each request opens its own connection to the library
(SQLite in WAL mode), so `corroborate add` can write while the app reads.
"""

from __future__ import annotations

import contextlib
import re
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from importlib import resources
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from corroborate import __version__
from corroborate.errors import LibraryError
from corroborate.pipeline import PipelineOptions
from corroborate.store import Library

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none';"
    " base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""Only this server's own files; no inline script or style (the report's CSS is served as a file); never framed."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STORY_ID = re.compile(r"s[0-9a-f]{1,16}")
"""A story id (`s` and 16 hex digits) or its beginning, as `corroborate stories` prints it."""
STATIC = {
    "site.css": ("corroborate.serve", "static/site.css"),
    "report.css": ("corroborate.report", "report.css"),
}
"""Every file the app serves, by name: a request picks a name from this table, never a path."""


def create_app(
    db_path: str,
    token: str | None = None,
    options: PipelineOptions | None = None,
    allowed_hosts: Sequence[str] | None = None,
    read_only: bool = False,
) -> FastAPI:
    """The app over the library at `db_path`, opened (created or migrated) now so that a bad file fails at start;
    the adding jobs a stopped server left unfinished are run again now, in the background.

    `token`, when given, is what requests that add articles must carry; `read_only` refuses them all
    (`corroborate serve` listening beyond this machine without a token). `allowed_hosts` limits the Host header
    (against DNS rebinding of a server on 127.0.0.1)."""
    from corroborate.serve.jobs import JobRunner

    Library(db_path, options).close()
    runner = JobRunner(db_path, options or PipelineOptions())

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        runner.stop()  # the job running is left unfinished: the next start runs it again

    app = FastAPI(
        lifespan=lifespan,
        title="corroborate",
        version=__version__,
        description="Stories of the library, their articles and their reports (report schema: /api/schema/report).",
        docs_url=None,  # FastAPI's /docs and /redoc fetch their scripts from a CDN: /docs is a page of ours
        redoc_url=None,
    )
    app.state.db_path = db_path
    app.state.token = token
    app.state.read_only = read_only
    app.state.options = runner.options
    app.state.jobs = runner
    # Signs the adding form's tokens (serve/guard.py); a new one at each start, so a form from before is refused.
    app.state.secret = secrets.token_bytes(32)
    app.state.templates = Jinja2Templates(env=_templates())
    app.state.static = {
        name: resources.files(package).joinpath(file).read_bytes() for name, (package, file) in STATIC.items()
    }

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str, request: Request) -> Response:
        content = request.app.state.static.get(name)
        if content is None:
            raise HTTPException(404, f"{name}: no such file")
        return Response(content, media_type="text/css; charset=utf-8", headers={"Cache-Control": "max-age=3600"})

    from corroborate.serve import add_page, adding, api, job_pages, pages

    app.include_router(api.router)
    app.include_router(adding.router)
    app.include_router(job_pages.router)
    app.include_router(add_page.router)
    app.include_router(pages.router)
    if not read_only:  # a read-only server writes nothing: its jobs wait for a server that may add
        runner.resume()
    return app


def _templates() -> Environment:
    """The pages' templates, from the package, every value escaped unless a template says it is ready HTML."""
    return Environment(loader=PackageLoader("corroborate.serve", "templates"), autoescape=True, auto_reload=False)


def open_library(request: Request) -> Iterator[Library]:
    """The library for one request, on its own connection."""
    with Library(request.app.state.db_path, request.app.state.options) as library:
        yield library


LibraryDep = Annotated[Library, Depends(open_library)]


def resolve_story(library: Library, story_id: str) -> str:
    """The full id of the story a URL names, or a 404 saying why."""
    if not STORY_ID.fullmatch(story_id):
        raise HTTPException(404, f"{story_id[:40]}: not a story id (an s and up to 16 hex digits)")
    try:
        return library.resolve(story_id)
    except LibraryError as error:
        raise HTTPException(404, error.reason) from None


async def _http_error(request: Request, error: Exception) -> Response:
    """Errors as JSON under /api, as a page elsewhere; the message is escaped like everything else."""
    assert isinstance(error, StarletteHTTPException)
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"detail": error.detail}, status_code=error.status_code, headers=error.headers)
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": error.status_code, "message": error.detail},
        status_code=error.status_code,
        headers=error.headers,
    )
