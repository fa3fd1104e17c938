"""The "Add articles" page: one form for links, pasted text and files, turned into a job that runs in the
background (serve/jobs.py); the answer is a redirect to the job's page.

What the form gives is kept whole in the library file before the answer (store/jobs.py), and read later by the
code `corroborate add` runs, so an input gets the same message there as on the command line. Links must be web
addresses and an uploaded file's name is only a name (shown in messages, its suffix telling what it holds):
nothing in the form names a file on this machine. Each file is capped at the inputs' size limit (`--max-size`),
the whole form at REQUEST_FACTOR times it.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import PurePosixPath
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.types import Message

from corroborate.ingest import is_url, too_large
from corroborate.serve import guard
from corroborate.store.jobs import JobInput, JobStore

router = APIRouter(include_in_schema=False)
MAX_FILES = 50
MAX_LINKS = 200
MAX_FIELDS = 20
REQUEST_FACTOR = 5
"""The whole form may hold this many times the size limit of one input (50 MB by default)."""
MAX_NAME = 200
PASTED = "pasted text"
ACCEPT = ".html,.htm,.txt,.json,.jsonl,.gz"
"""What the file chooser offers; any file is read as `add` reads it (by its suffix, else by its first bytes)."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class FormError(ValueError):
    """The form cannot become a job; the message says what to change."""


@dataclasses.dataclass(frozen=True)
class AddForm:
    """The form's text fields as typed, shown back when the form is refused."""

    links: str = ""
    text: str = ""
    title: str = ""
    outlet: str = ""
    published: str = ""

    @classmethod
    def of(cls, form: FormData) -> AddForm:
        return cls(**{field.name: _field(form, field.name) for field in dataclasses.fields(cls)})


@router.get("/add", response_class=HTMLResponse)
def add_page(request: Request) -> Response:
    session = guard.session_id(request)
    response = _render(request, session, AddForm())
    guard.keep_session(request, response, session)
    return response


@router.post("/add", response_class=HTMLResponse)
async def add_post(request: Request) -> Response:
    if request.app.state.read_only:
        raise HTTPException(403, "adding articles is off: this server listens beyond this machine without a token")
    guard.check_same_site(request)
    max_bytes: int = request.app.state.options.ingest.max_bytes
    form = await _read_form(request, max_bytes)
    try:
        guard.check_form_token(request, _field(form, "csrf"))
        session = guard.session_id(request)
        fields = AddForm.of(form)
        token_taken = guard.needs_token(request)
        if token_taken and not guard.token_matches(request, _field(form, "token")):
            return _render(request, session, fields, "adding articles needs the server's token: type it below", 401)
        try:
            inputs = await form_inputs(form, fields, max_bytes)
        except FormError as error:
            return _render(request, session, fields, str(error), 400)
    finally:
        await form.close()

    def create() -> str:
        with JobStore(request.app.state.db_path) as jobs:
            return jobs.create(inputs)

    job_id = await run_in_threadpool(create)
    request.app.state.jobs.submit(job_id)
    response = RedirectResponse(f"/jobs/{job_id}", status_code=303)
    if token_taken:
        guard.keep_token(request, response)
    return response


async def form_inputs(form: FormData, fields: AddForm, max_bytes: int) -> list[JobInput]:
    """The job's inputs: the links, the pasted text (as a JSON record, read as `add` reads .json files), the files.
    A FormError when there is nothing to add or a line is not a web address."""
    inputs = [JobInput("link", line) for line in _links(fields.links)]
    inputs.extend(_pasted(fields, max_bytes))
    for upload in form.getlist("files"):
        if isinstance(upload, UploadFile) and (upload.filename or upload.size):
            inputs.append(await _upload(upload, max_bytes))
    if len(inputs) > MAX_FILES + MAX_LINKS + 1:
        raise FormError(f"too many inputs ({len(inputs)}); add at most {MAX_LINKS} links and {MAX_FILES} files at once")
    if not inputs:
        raise FormError("nothing to add: paste links or an article's text, or choose files")
    return inputs


def _links(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_LINKS:
        raise FormError(f"too many links ({len(lines)}): at most {MAX_LINKS} at once")
    for line in lines:
        if not is_url(line):
            raise FormError(f"{line[:MAX_NAME]}: not a web address (a link starts with http:// or https://)")
    return lines


def _pasted(fields: AddForm, max_bytes: int) -> list[JobInput]:
    if not fields.text.strip():
        if fields.title.strip() or fields.outlet.strip() or fields.published.strip():
            raise FormError("a title, an outlet or a date goes with pasted text: paste the article's text too")
        return []
    size = len(fields.text.encode("utf-8"))
    if size > max_bytes:
        return [JobInput("refused", PASTED, too_large(PASTED, max_bytes, size).reason.encode("utf-8"))]
    record = {"text": fields.text, "title": fields.title, "outlet": fields.outlet, "published": fields.published}
    data = json.dumps({key: value.strip() for key, value in record.items() if value.strip()}, ensure_ascii=False)
    return [JobInput("text", PASTED, data.encode("utf-8"), ".json")]


async def _upload(upload: UploadFile, max_bytes: int) -> JobInput:
    """A file's bytes, read up to the limit; over it, only the reason is kept (`add`'s message for the file)."""
    name = upload_name(upload.filename or "")
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        return JobInput("refused", name, too_large(name, max_bytes, upload.size).reason.encode("utf-8"))
    suffix = upload_suffix(name)
    if suffix == ".warc":
        reason = "a web archive: add it with `corroborate add` on the command line"
        return JobInput("refused", name, reason.encode("utf-8"))
    return JobInput("file", name, data, suffix)


def upload_name(filename: str) -> str:
    """How messages name an uploaded file: the last part of the name the browser sent, without control
    characters, cut to MAX_NAME; never used as a path."""
    name = _CONTROL.sub("", filename.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    return name[:MAX_NAME] or "upload"


def upload_suffix(name: str) -> str:
    """What a file's name says it holds, as ingest reads a path's suffix (".json.gz" holds ".json")."""
    suffixes = [suffix.lower() for suffix in PurePosixPath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


async def _read_form(request: Request, max_bytes: int) -> FormData:
    """The form, its body read only up to REQUEST_FACTOR * max_bytes (whatever Content-Length said): a 413 past it."""
    limit = REQUEST_FACTOR * max_bytes
    refused = HTTPException(
        413, f"too large: the form is over {limit / 1_000_000:g} MB in all; add fewer files at once"
    )
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > limit:
        raise refused
    received = 0

    async def receive() -> Message:
        nonlocal received
        message = await request.receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise refused
        return message

    limited = Request(request.scope, receive)
    return await limited.form(max_files=MAX_FILES, max_fields=MAX_FIELDS, max_part_size=limit)


def _render(request: Request, session: str, form: AddForm, error: str | None = None, status: int = 200) -> Response:
    context: dict[str, Any] = {
        "form": form,
        "error": error,
        "csrf": guard.form_token(request, session),
        "ask_token": guard.needs_token(request),
        "read_only": request.app.state.read_only,
        "accept": ACCEPT,
        "max_mb": request.app.state.options.ingest.max_bytes / 1_000_000,
    }
    return request.app.state.templates.TemplateResponse(request, "add.html", context, status_code=status)


def _field(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""
