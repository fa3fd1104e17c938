"""Helpers for the tests of adding in the browser: post the form as a browser on this site would, wait for a job."""

from __future__ import annotations

import re
import time
from typing import Any

import httpx
from fastapi.testclient import TestClient

SAME_SITE = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
"""What a browser sends with a form posted from a page of this server (TestClient's base URL)."""
FileField = tuple[str, tuple[str, bytes, str]]


def form_token(client: TestClient) -> str:
    """The hidden field of the form /add gives this client (which keeps the session cookie)."""
    page = client.get("/add")
    match = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert match, page.text
    return match.group(1)


def post_form(
    client: TestClient,
    fields: dict[str, str] | None = None,
    files: list[FileField] | None = None,
    headers: dict[str, str] | None = None,
    csrf: str | None = None,
) -> httpx.Response:
    """Post the adding form (multipart, as the page's form is) with the form's token unless `csrf` is given."""
    data = {"csrf": form_token(client) if csrf is None else csrf, **(fields or {})}
    return client.post(
        "/add",
        data=data,
        files=files or [("files", ("", b"", "application/octet-stream"))],  # what a browser sends with none chosen
        headers=SAME_SITE if headers is None else headers,
        follow_redirects=False,
    )


def wait_done(client: TestClient, job_page: str, timeout: float = 180.0) -> dict[str, Any]:
    """The job's JSON once it is done (its page is /jobs/ID, its JSON /api/jobs/ID)."""
    deadline = time.monotonic() + timeout
    while True:
        job = client.get("/api" + job_page).json()
        if job["state"] == "done":
            return job
        assert time.monotonic() < deadline, job
        time.sleep(0.2)


def messages(job: dict[str, Any]) -> list[str]:
    return [outcome["message"] for outcome in job["outcomes"] if "message" in outcome]
