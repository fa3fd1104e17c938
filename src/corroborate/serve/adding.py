"""Adding articles through the API: `POST /api/articles` with one JSON record (or a list, or JSON Lines) in the
format `corroborate add` reads from .json files, read by the same code, so bad input gets the same message.

Guarded three ways. The body must be `application/json`: a web page elsewhere cannot send that without the
browser asking first (CORS), and this app answers no such question, so a page the user visits cannot add to a
library served on 127.0.0.1. When the app has a token, the request must carry it (`Authorization: Bearer ...`).
And the body is read only up to the size limit of inputs (`--max-size`, 10 MB by default).

The answer comes when the articles are placed; with `?background=1`, at once: a 202 naming the job that adds them
(serve/jobs.py), the body kept as its input.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from corroborate.errors import InputError
from corroborate.ingest import parse_bytes
from corroborate.models import Duplicate, Failure, Notice, Placement
from corroborate.store import Library
from corroborate.store.jobs import JobInput, JobStore

router = APIRouter(prefix="/api", tags=["api"])


@router.post(
    "/articles",
    summary="Add articles: JSON records as `corroborate add` reads them from .json files",
    responses={202: {"description": "With `background=1`: the job, to follow at its `url`"}},
)
async def add_articles(request: Request, background: bool = False) -> Any:
    """The body: one JSON object (or a list of them) with `text` or `html`, and optionally `title`, `url`,
    `outlet`, `published`, `authors`. The answer: what became of each article, as `corroborate add` tells it;
    with `background=1`, at once a 202 naming the job that adds them (`/api/jobs/ID`)."""
    _check_allowed(request)
    options = request.app.state.options
    body = await _body(request, options.ingest.max_bytes)
    source = "posted " + datetime.now(UTC).isoformat(timespec="seconds")
    try:
        documents = parse_bytes(source, body, options.ingest, suffix=".json")
    except InputError as error:
        raise HTTPException(422, f"{error.source}: {error.reason}") from None
    if background:
        return await _in_background(request, JobInput("file", source, body, ".json"))

    def add() -> list[dict[str, Any]]:
        with Library(request.app.state.db_path, options) as library:
            return [_outcome(outcome) for outcome in library.add_documents(documents)]

    outcomes = await run_in_threadpool(add)
    return {"outcomes": outcomes, "placed": sum(outcome["outcome"] == "placed" for outcome in outcomes)}


async def _in_background(request: Request, given: JobInput) -> JSONResponse:
    """Keep the body as a job's input, hand the job to the worker, and say where to follow it."""

    def create() -> str:
        with JobStore(request.app.state.db_path) as jobs:
            return jobs.create([given])

    job_id = await run_in_threadpool(create)
    request.app.state.jobs.submit(job_id)
    url = f"/api/jobs/{job_id}"
    return JSONResponse(
        {"job": job_id, "url": url, "page": f"/jobs/{job_id}"}, status_code=202, headers={"Location": url}
    )


def _check_allowed(request: Request) -> None:
    state = request.app.state
    if state.read_only:
        raise HTTPException(403, "adding articles is off: this server listens beyond this machine without a token")
    if state.token is not None:
        given = request.headers.get("authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {state.token}".encode()):
            raise HTTPException(401, "adding articles needs the server's token (Authorization: Bearer TOKEN)")
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        raise HTTPException(403, "adding articles from another site is refused")
    if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
        raise HTTPException(415, "send the articles as JSON (Content-Type: application/json)")


async def _body(request: Request, limit: int) -> bytes:
    """The request's body, refused with a 413 as soon as it passes the limit (whatever Content-Length said)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"too large: over {limit / 1_000_000:g} MB")
        chunks.append(chunk)
    return b"".join(chunks)


def _outcome(outcome: Placement | Duplicate | Failure | Notice) -> dict[str, Any]:
    if isinstance(outcome, Placement):
        return {
            "outcome": "placed",
            "article": outcome.article,
            "story": outcome.story,
            "new_story": outcome.new_story,
            "url": f"/stories/{outcome.story}",
        }
    if isinstance(outcome, Duplicate):
        return {"outcome": "held", "source": outcome.source, "article": outcome.article, "story": outcome.story}
    if isinstance(outcome, Notice):
        return {"outcome": "warning", "source": outcome.source, "message": outcome.message}
    return {"outcome": "error", "source": outcome.source, "message": f"{outcome.source}: {outcome.reason}"}
