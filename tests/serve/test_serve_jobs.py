"""Adding jobs in the background: pasted text becomes a job, then an article in a story whose page lists it; the
job's page refreshes itself while the job runs and lists the outcomes, escaped, when done; a job a stopped server
left unfinished is run again by the next app on the file; `POST /api/articles?background=1` makes a job too."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.serve.forms import messages, post_form, wait_done

from corroborate.pipeline import PipelineOptions
from corroborate.serve import create_app
from corroborate.serve.app import CSP
from corroborate.serve.jobs import run_job
from corroborate.store.jobs import JobInput, JobOutcome, JobStore

OPTIONS = PipelineOptions(embeddings=False)
PLANTED = '<script>alert("pasted")</script>'
TEXT = (
    "Firefighters on the island of Corvane contained a forest fire on Sunday after three days, the regional "
    f"civil protection office said. {PLANTED} The fire burned about 450 hectares of pine forest above the village "
    "of Santa Lucia, and 300 residents were evacuated as a precaution. Two water-bombing planes from the mainland "
    "helped the 120 firefighters on the ground, the office said."
)
FIRE = JobInput(
    "text", "pasted text", json.dumps({"text": TEXT, "title": "Corvane forest fire contained"}).encode(), ".json"
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>.txt"


def test_pasted_text_is_placed_in_a_story_whose_page_lists_it(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS))
    fields = {"text": TEXT, "title": f"{PLANTED} Corvane forest fire contained", "outlet": "Corvane Post"}
    response = post_form(
        client, fields | {"published": "2026-08-09"}, files=[("files", (HOSTILE_NAME, b"", "text/plain"))]
    )
    assert response.status_code == 303 and response.headers["location"].startswith("/jobs/j")
    job = wait_done(client, response.headers["location"])
    (placed,) = [outcome for outcome in job["outcomes"] if outcome["outcome"] == "placed"]
    assert (placed["source"], placed["new_story"]) == ("pasted text", True)
    assert messages(job) == [f"{HOSTILE_NAME}: empty file"]

    page = client.get(response.headers["location"])
    assert page.headers["content-security-policy"] == CSP
    assert 'http-equiv="refresh"' not in page.text  # done: the page stays still
    title = "&lt;script&gt;alert(&#34;pasted&#34;)&lt;/script&gt; Corvane forest fire contained"
    assert f'new story <a href="{placed["url"]}">{title}</a>' in page.text
    assert "<img" not in page.text and "&lt;img src=x onerror=alert(1)&gt;.txt: empty file" in page.text

    story = client.get(placed["url"])
    assert "Corvane forest fire contained" in story.text and "Corvane Post" in story.text
    assert "<script" not in story.text and "&lt;script&gt;" in story.text
    assert client.get(f"/api/stories/{placed['story']}").json()["articles"][0]["published"] == "2026-08-09"


def test_a_running_jobs_page_refreshes_itself_and_shows_progress(tmp_path: Path) -> None:
    db = str(tmp_path / "library.db")
    with JobStore(db) as jobs:
        job_id = jobs.create([FIRE, JobInput("link", "https://example.org/a")])
        jobs.start(job_id)
        jobs.mark_read(job_id, 1)
        jobs.record(job_id, JobOutcome("warning", "pasted text", "pasted text: a short text"))
    client = TestClient(create_app(db, options=OPTIONS, read_only=True))  # read-only: nothing runs the job
    page = client.get(f"/jobs/{job_id}").text
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "Read 1 of 2 inputs" in page and "0 articles placed so far" in page and "pasted text: a short text" in page
    assert client.get(f"/api/jobs/{job_id}").json()["state"] == "running"


def test_a_job_left_unfinished_is_run_again_by_the_next_app(tmp_path: Path) -> None:
    db = str(tmp_path / "library.db")
    with JobStore(db) as jobs:
        job_id = jobs.create([FIRE])
    stopping = threading.Event()
    stopping.set()  # the server stops as the job starts
    assert run_job(db, OPTIONS, job_id, stopping) is False
    with JobStore(db) as jobs:
        assert jobs.unfinished() == [job_id]

    client = TestClient(create_app(db, options=OPTIONS))
    job = wait_done(client, f"/jobs/{job_id}")
    assert [outcome["outcome"] for outcome in job["outcomes"]] == ["placed"]

    again = TestClient(create_app(db, options=OPTIONS)).get(f"/api/jobs/{job_id}").json()
    assert again == job  # a finished job keeps its outcomes, and is not run again


def test_an_article_stored_before_a_stop_is_told_placed_when_the_job_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "library.db")
    records = [{"text": TEXT, "title": "Corvane forest fire contained"}, {"title": "no text"}]  # one skipped: a warning
    with JobStore(db) as jobs:
        job_id = jobs.create([JobInput("file", "fire.json", json.dumps(records).encode(), ".json")])
    stopping = threading.Event()
    record = JobStore.record

    def record_then_stop(store: JobStore, job: str, outcome: JobOutcome) -> None:
        record(store, job, outcome)
        stopping.set()  # the warning comes once the article is stored, before it is placed

    monkeypatch.setattr(JobStore, "record", record_then_stop)
    assert run_job(db, OPTIONS, job_id, stopping) is False
    monkeypatch.undo()
    with JobStore(db) as jobs:
        stopped = jobs.job(job_id)
    assert stopped is not None and stopped.state == "running" and stopped.placed == 0

    job = wait_done(TestClient(create_app(db, options=OPTIONS)), f"/jobs/{job_id}")
    # told held by the second run (stored by the first), then placed: placed; the first run's warning kept
    assert [outcome["outcome"] for outcome in job["outcomes"]] == ["warning", "placed"]


def test_the_api_adds_in_the_background_when_asked(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS))
    record = {"title": "Corvane forest fire contained", "text": TEXT}
    response = client.post("/api/articles?background=1", json=record)
    assert response.status_code == 202, response.text
    answer = response.json()
    assert response.headers["location"] == answer["url"] == f"/api/jobs/{answer['job']}"
    job = wait_done(client, answer["page"])
    assert [outcome["outcome"] for outcome in job["outcomes"]] == ["placed"]
    refused = client.post(
        "/api/articles?background=1", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert refused.status_code == 422  # bad input is said at once, as without background


@pytest.mark.parametrize(
    ("job_id", "detail"),
    [
        ("j0123456789abcdef", "j0123456789abcdef: no such job"),
        ("j%3Cscript%3E", "j<script>: not a job id (a j and 16 hex digits)"),
        ("J0123456789ABCDEF", "J0123456789ABCDEF: not a job id"),
    ],
)
def test_an_unknown_job_is_a_404(tmp_path: Path, job_id: str, detail: str) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS))
    response = client.get(f"/api/jobs/{job_id}")
    assert response.status_code == 404 and detail in response.json()["detail"]
    page = client.get(f"/jobs/{job_id}")
    assert page.status_code == 404 and detail.replace("<", "&lt;").replace(">", "&gt;") in page.text
