"""`corroborate serve`: the command line checks its options and hands uvicorn the app, on 127.0.0.1 by default,
answering only this machine's host names there. uvicorn.run is replaced: nothing listens."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi.testclient import TestClient

from corroborate.cli import main


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(app=app, **kwargs))
    return seen


@pytest.mark.parametrize(
    ("arguments", "host", "port", "answers_any_host"),
    [
        ([], "127.0.0.1", 8000, False),
        (["--port", "8123"], "127.0.0.1", 8123, False),
        (["--host", "localhost"], "localhost", 8000, False),
        (["--host", "0.0.0.0"], "0.0.0.0", 8000, True),
    ],
)
def test_serve_runs_uvicorn(
    served: dict[str, Any], tmp_path: Path, arguments: list[str], host: str, port: int, answers_any_host: bool
) -> None:
    assert main(["serve", "--db", str(tmp_path / "library.db"), "--no-embeddings", *arguments]) == 0
    assert (served["host"], served["port"]) == (host, port)
    response = TestClient(served["app"], base_url="http://elsewhere.example").get("/api/stories")
    assert response.status_code == (200 if answers_any_host else 400)
    assert TestClient(served["app"], base_url="http://localhost:8000").get("/").status_code == 200


@pytest.mark.parametrize("port", ["0", "70000"])
def test_a_port_out_of_range_is_a_wrong_command_line(served: dict[str, Any], tmp_path: Path, port: str) -> None:
    assert main(["serve", "--db", str(tmp_path / "library.db"), "--port", port]) == 2
    assert not served


def test_a_damaged_library_is_an_error_before_serving(served: dict[str, Any], tmp_path: Path, capsys) -> None:
    damaged = tmp_path / "library.db"
    damaged.write_bytes(b"not a database at all" * 100)
    assert main(["serve", "--db", str(damaged)]) == 1
    assert "not a corroborate library" in capsys.readouterr().err
    assert not served
