"""Adding articles through `POST /api/articles`: JSON records as `corroborate add` reads them, the same messages
for bad input, and the guards (JSON only, same site only, the token, the size limit, off when read-only)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from corroborate.cli import main
from corroborate.errors import InputError
from corroborate.ingest import IngestOptions, parse_bytes
from corroborate.pipeline import PipelineOptions
from corroborate.serve import create_app

OPTIONS = PipelineOptions(embeddings=False)
RECORD = {
    "title": "<script>alert(1)</script> Ferry strike halts island crossings",
    "outlet": "Island Gazette",
    "published": "2026-05-02",
    "text": (
        "Ferry crews on the Skerry Isles walked out on Friday over pay, halting every crossing to the mainland, "
        "the union said. <script>alert(2)</script> About 3,000 passengers a day use the three routes. "
        "The operator, Skerry Lines, said talks would resume on Monday and that it regretted the disruption. "
        "Island shops warned that deliveries of fresh food would run short by the weekend."
    ),
}
JSON = {"content-type": "application/json"}


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS))


def test_a_posted_article_is_placed_and_its_story_shown(client: TestClient) -> None:
    response = client.post("/api/articles", content=json.dumps(RECORD), headers=JSON)
    assert response.status_code == 200, response.text
    (placed,) = response.json()["outcomes"]
    assert placed["outcome"] == "placed" and placed["new_story"]
    page = client.get(placed["url"])
    assert page.status_code == 200
    assert "Ferry strike halts island crossings" in page.text and "<script" not in page.text
    again = client.post("/api/articles", content=json.dumps([RECORD]), headers=JSON).json()
    assert again["placed"] == 0
    assert [outcome["outcome"] for outcome in again["outcomes"]] == ["held"]


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"title": "no text"}', b"[]", b'{"text": 5}', b""],
)
def test_bad_input_gets_the_command_line_message(client: TestClient, body: bytes) -> None:
    response = client.post("/api/articles", content=body, headers=JSON)
    assert response.status_code == 422
    with pytest.raises(InputError) as expected:
        parse_bytes("posted", body, suffix=".json")
    assert response.json()["detail"].endswith(f": {expected.value.reason}")


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"content-type": "text/plain"}, 415),  # what a form on another site can send without asking
        ({}, 415),
        ({**JSON, "sec-fetch-site": "cross-site"}, 403),
        ({**JSON, "sec-fetch-site": "same-site"}, 403),
    ],
)
def test_only_json_from_this_site_is_taken(client: TestClient, headers: dict[str, str], status: int) -> None:
    assert client.post("/api/articles", content=json.dumps(RECORD), headers=headers).status_code == status


@pytest.mark.parametrize(
    ("authorization", "status"),
    [(None, 401), ("Bearer wrong", 401), ("s3cret", 401), ("Bearer s3cret", 200)],
)
def test_with_a_token_adding_needs_it(tmp_path: Path, authorization: str | None, status: int) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), token="s3cret", options=OPTIONS))
    headers = JSON | ({"authorization": authorization} if authorization else {})
    assert client.post("/api/articles", content=json.dumps(RECORD), headers=headers).status_code == status
    assert client.get("/api/stories").status_code == 200  # reading needs no token


def test_read_only_refuses_adding(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS, read_only=True))
    assert client.post("/api/articles", content=json.dumps(RECORD), headers=JSON).status_code == 403


def test_a_body_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    options = dataclasses.replace(OPTIONS, ingest=IngestOptions(max_bytes=1_000))
    client = TestClient(create_app(str(tmp_path / "library.db"), options=options))
    response = client.post("/api/articles", content=json.dumps(RECORD) + " " * 1_000, headers=JSON)
    assert (response.status_code, response.json()) == (413, {"detail": "too large: over 0.001 MB"})


@pytest.mark.parametrize(
    ("host", "token", "read_only"),
    [("127.0.0.1", None, False), ("0.0.0.0", None, True), ("0.0.0.0", "s3cret", False)],
)
def test_serve_beyond_this_machine_adds_only_with_a_token(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, host: str, token: str | None, read_only: bool
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(app=app))
    if token:
        monkeypatch.setenv("CORROBORATE_TOKEN", token)
    else:
        monkeypatch.delenv("CORROBORATE_TOKEN", raising=False)
    assert main(["serve", "--db", str(tmp_path / "library.db"), "--host", host]) == 0
    assert (seen["app"].state.read_only, seen["app"].state.token) == (read_only, token)
