"""A job's page and its JSON twin: progress while it runs, then what became of each input and article.

The page refreshes itself while the job runs with `<meta http-equiv="refresh">`, which needs no script, so the
Content-Security-Policy (`script-src 'self'`, no inline script) holds; a finished job's page does not refresh.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from corroborate.store import Library
from corroborate.store.jobs import JOB_ID, Job, JobOutcome, JobStore

router = APIRouter()
REFRESH_SECONDS = 2


@router.get("/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
async def job_page(request: Request, job_id: str) -> Response:
    job = await _job(request, job_id)

    def titles() -> dict[str, str | None]:
        with Library(request.app.state.db_path, request.app.state.options) as library:
            return library.titles(outcome.story for outcome in job.outcomes if outcome.story)

    context = {
        "job": job,
        "titles": await run_in_threadpool(titles),
        "refresh": REFRESH_SECONDS if job.state != "done" else None,
    }
    return request.app.state.templates.TemplateResponse(request, "job.html", context)


@router.get("/api/jobs/{job_id}", tags=["api"], summary="An adding job: its progress, then its outcomes")
async def job_data(request: Request, job_id: str) -> dict[str, Any]:
    """`state`: waiting, running or done; `read` of `inputs`: how many inputs were read so far; `outcomes`: what
    became of each input and article so far (`placed` in a story, `held`, `warning`, `error`)."""
    job = await _job(request, job_id)
    return {
        "id": job.id,
        "state": job.state,
        "created": job.created,
        "finished": job.finished,
        "inputs": job.inputs,
        "read": job.read,
        "placed": job.placed,
        "page": f"/jobs/{job.id}",
        "outcomes": [_outcome(outcome) for outcome in job.outcomes],
    }


async def _job(request: Request, job_id: str) -> Job:
    if not JOB_ID.fullmatch(job_id):
        raise HTTPException(404, f"{job_id[:40]}: not a job id (a j and 16 hex digits)")

    def read() -> Job | None:
        with JobStore(request.app.state.db_path) as jobs:
            return jobs.job(job_id)

    job = await run_in_threadpool(read)
    if job is None:
        raise HTTPException(404, f"{job_id}: no such job")
    return job


def _outcome(outcome: JobOutcome) -> dict[str, Any]:
    data: dict[str, Any] = {"outcome": outcome.kind, "source": outcome.source}
    if outcome.message is not None:
        data["message"] = outcome.message
    if outcome.article is not None:
        data["article"] = outcome.article
    if outcome.story is not None:
        data |= {"story": outcome.story, "url": f"/stories/{outcome.story}"}
    if outcome.kind == "placed":
        data["new_story"] = outcome.new_story
    return data
