"""The "Add articles" form: links, pasted text and files become a job whose outcomes carry `corroborate add`'s
messages; the guards (same site, the form's token, the server's token, read-only, the size limits).

Links are fetched from a real HTTP server on 127.0.0.1, in a thread; nothing touches the network.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient
from tests.serve.forms import SAME_SITE, FileField, form_token, messages, post_form, wait_done

from corroborate.errors import InputError
from corroborate.ingest import IngestOptions, parse_bytes, read_path
from corroborate.pipeline import PipelineOptions
from corroborate.serve import create_app
from corroborate.serve.add_page import upload_name, upload_suffix

OPTIONS = PipelineOptions(embeddings=False)
SMALL = dataclasses.replace(OPTIONS, ingest=IngestOptions(max_bytes=2_000))
"""A size limit small enough to pass in a test: 2,000 bytes a file, 10,000 the whole form."""


def _html(title: str, body: str) -> bytes:
    head = f"<!DOCTYPE html><html><head><title>{title}</title></head>"
    return f"{head}<body><article><h1>{title}</h1>{body}</article></body></html>".encode()


HARBOUR = _html(
    "Harbour crane collapses at Port Wenlow",
    "<p>A container crane collapsed at Port Wenlow on Tuesday night, injuring two dock workers, the port "
    "authority said. The 60-metre crane fell across an empty berth during a storm with gusts of 110 km/h.</p>"
    "<p>Operations at the container terminal were suspended on Wednesday while engineers inspected the other four "
    "cranes, said harbour master Ilse Brandt. Both workers were taken to the city hospital.</p>",
)
LIBRARY = _html(
    "Old town library reopens after flood repairs",
    "<p>The old town library of Marrisford reopened on Saturday after eight months of repairs, the town council "
    "said. Floodwater had ruined the ground floor and about 12,000 books in the winter storms.</p>"
    "<p>The repairs cost 1.4 million euros, paid mostly by the regional fund, said librarian Petra Wolny, who "
    "thanked the volunteers who had dried and sorted the books that could be saved.</p>",
)
RECORDS = json.dumps(
    [
        {
            "title": "Glacier road closed after rockfall",
            "outlet": "Alpine Courier",
            "published": "2026-06-03",
            "text": "The pass road below the Sella glacier was closed on Wednesday after a rockfall buried 40 metres "
            "of it, the canton's road office said. No one was hurt. Engineers expect the clearing to take two "
            "weeks, and a detour through the valley adds an hour to the trip, the office said.",
        },
        {"title": "no text here"},  # skipped with a warning, as `add` does
    ]
).encode()


class _Pages(BaseHTTPRequestHandler):
    ROUTES: ClassVar[dict[str, tuple[int, str, bytes]]] = {
        "/harbour": (200, "text/html; charset=utf-8", HARBOUR),
        "/missing": (404, "text/html", b"<p>gone</p>"),
        "/report.pdf": (200, "application/pdf", b"%PDF-1.7 ..."),
    }

    def do_GET(self) -> None:
        status, kind, body = self.ROUTES.get(self.path, (404, "text/plain", b"no"))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the environment would answer for 127.0.0.1."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("add") / "library.db"
    with TestClient(create_app(str(db), options=SMALL)) as client:
        yield client


def _cli_message(tmp_path: Path, name: str, data: bytes, options: PipelineOptions = SMALL) -> str:
    """What `corroborate add` says of a file holding `data` (read_path is what it calls), named as the upload is."""
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as error:
        read_path(str(path), options.ingest)
    return f"{name}: {error.value.reason}"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("blank.html", b"  \n\t "),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
        ("binary.txt", bytes(range(256))),
        ("broken.json", b'{"title": "a", "text": '),
        ("nothing.json", b"[]"),
        ("no-text.jsonl", b'{"title": "a"}\n{"title": "b"}\n'),
        ("broken.json.gz", b"\x1f\x8b\x08\x00broken"),
        ("big.txt", b"word " * 500),  # over SMALL's 2,000 bytes
        ("big.json.gz", gzip.compress(b'{"text": "' + b"a" * 5_000 + b'"}')),  # over it once uncompressed
    ],
)
def test_a_bad_file_gets_the_command_lines_message(client: TestClient, tmp_path: Path, name: str, data: bytes) -> None:
    response = post_form(client, files=[("files", (name, data, "application/octet-stream"))])
    assert response.status_code == 303, response.text
    job = wait_done(client, response.headers["location"])
    assert messages(job) == [_cli_message(tmp_path, name, data)]
    assert [outcome["outcome"] for outcome in job["outcomes"]] == ["error"]


def test_files_of_each_kind_are_placed_in_stories(client: TestClient) -> None:
    files: list[FileField] = [
        ("files", ("harbour.html", HARBOUR, "text/html")),
        ("files", ("feed.json", RECORDS, "application/json")),
        ("files", ("library.html.gz", gzip.compress(LIBRARY), "application/gzip")),
    ]
    response = post_form(client, files=files)
    job = wait_done(client, response.headers["location"])
    placed = {outcome["source"]: outcome for outcome in job["outcomes"] if outcome["outcome"] == "placed"}
    assert sorted(placed) == ["feed.json#1", "harbour.html", "library.html.gz"]
    read = parse_bytes("feed.json", RECORDS, SMALL.ingest, suffix=".json")  # what `add` reads, and warns of
    assert any(document.warnings for document in read)
    assert messages(job) == [f"{document.source}: {warning}" for document in read for warning in document.warnings]
    assert (job["inputs"], job["read"], job["placed"]) == (3, 3, 3)
    page = client.get(placed["feed.json#1"]["url"])
    assert "Glacier road closed after rockfall" in page.text


def test_links_are_fetched_as_the_command_line_fetches_them(client: TestClient, site: str) -> None:
    links = [f"{site}/harbour", f"{site}/missing", f"{site}/report.pdf", "ftp://files.example.invalid/a.html"]
    response = post_form(client, {"links": "\n".join(links) + "\n\n"})
    job = wait_done(client, response.headers["location"])
    expected = []
    for link in links[1:]:
        with pytest.raises(InputError) as error:
            read_path(link, SMALL.ingest)
        expected.append(f"{link}: {error.value.reason}")
    assert sorted(messages(job)) == sorted(expected)
    assert [o["source"] for o in job["outcomes"] if o["outcome"] in ("placed", "held")] == [f"{site}/harbour"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "nothing to add: paste links or an article&#39;s text, or choose files"),
        (
            {"links": "example.org/news/1"},
            "example.org/news/1: not a web address (a link starts with http:// or https://)",
        ),
        ({"links": "/etc/passwd"}, "/etc/passwd: not a web address"),
        ({"links": "javascript:alert(1)"}, "javascript:alert(1): not a web address"),
        ({"title": "A title alone"}, "a title, an outlet or a date goes with pasted text"),
        ({"links": "\n".join(f"https://example.org/{n}" for n in range(201))}, "too many links (201): at most 200"),
    ],
    ids=["empty", "no-scheme", "path", "javascript", "title-alone", "too-many-links"],
)
def test_a_form_that_cannot_become_a_job_is_shown_again_with_why(
    client: TestClient, fields: dict[str, str], message: str
) -> None:
    response = post_form(client, fields)
    assert response.status_code == 400
    assert message in response.text
    for value in fields.values():  # what the user typed is kept, escaped
        assert value.splitlines()[0].replace("'", "&#39;") in response.text


def test_pasted_text_over_the_limit_gets_the_command_lines_message(client: TestClient) -> None:
    text = "word " * 500
    job = wait_done(client, post_form(client, {"text": text}).headers["location"])
    size = len(text.encode())
    assert messages(job) == [
        f"pasted text: too large ({size / 1e6:.1f} MB; the limit is 0.0 MB, raise it with --max-size)"
    ]


def test_a_form_over_the_whole_limit_is_refused_unread(client: TestClient) -> None:
    files: list[FileField] = [("files", (f"part{n}.txt", b"x" * 1_900, "text/plain")) for n in range(6)]
    response = post_form(client, files=files)
    assert response.status_code == 413
    assert "too large: the form is over 0.01 MB in all" in response.text


@pytest.mark.parametrize(
    ("headers", "csrf", "status"),
    [
        (SAME_SITE, None, 303),
        ({}, None, 303),  # no header says where it came from: the form's token still must match
        ({"origin": "http://testserver"}, None, 303),
        ({"origin": "https://evil.example"}, None, 403),
        ({"origin": "null", "sec-fetch-site": "same-origin"}, None, 303),  # what Chromium sends from /add
        ({"origin": "null"}, None, 403),
        ({"origin": "null", "sec-fetch-site": "cross-site"}, None, 403),
        ({"origin": "http://testserver", "sec-fetch-site": "cross-site"}, None, 403),
        ({"sec-fetch-site": "same-site"}, None, 403),
        (SAME_SITE, "", 403),
        (SAME_SITE, "0" * 64, 403),
    ],
    ids=[
        "same-origin",
        "no-headers",
        "origin",
        "foreign-origin",
        "null-origin-same-site",
        "null-origin-alone",
        "null-origin-cross-site",
        "cross-site",
        "same-site",
        "no-token",
        "wrong-token",
    ],
)
def test_only_a_form_from_this_site_is_taken(
    client: TestClient, headers: dict[str, str], csrf: str | None, status: int
) -> None:
    response = post_form(client, {"links": "ftp://example.invalid/x"}, headers=headers, csrf=csrf)
    assert response.status_code == status, response.text


def test_a_form_token_is_tied_to_its_session(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "library.db"), options=OPTIONS)
    token = form_token(TestClient(app))
    other = TestClient(app)  # another browser: its own session cookie, or none
    assert post_form(other, {"links": "ftp://example.invalid/x"}, csrf=token).status_code == 403
    form_token(other)  # now it has a session, not the one the token was made for
    assert post_form(other, {"links": "ftp://example.invalid/x"}, csrf=token).status_code == 403


def test_the_session_cookie_is_http_only_and_same_site_strict(client: TestClient) -> None:
    fresh = TestClient(client.app)
    cookie = fresh.get("/add").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "corroborate_session=" in cookie


def test_with_a_server_token_the_form_asks_for_it_once(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), token="s3cret", options=OPTIONS))
    assert 'name="token"' in client.get("/add").text
    fields = {"links": "ftp://example.invalid/x"}
    for wrong in ({}, {"token": "wrong"}, {"token": "s3cret "}):
        refused = post_form(client, fields | wrong)
        assert refused.status_code == 401 and "needs the server&#39;s token" in refused.text
    taken = post_form(client, fields | {"token": "s3cret"})
    assert taken.status_code == 303
    cookie = taken.headers["set-cookie"]
    assert "corroborate_token=" in cookie and "HttpOnly" in cookie and "s3cret" not in cookie
    assert 'name="token"' not in client.get("/add").text
    assert post_form(client, fields).status_code == 303  # remembered by this browser
    assert post_form(TestClient(client.app), fields).status_code == 401  # not by another


def test_read_only_shows_why_and_refuses_posts(tmp_path: Path) -> None:
    client = TestClient(create_app(str(tmp_path / "library.db"), options=OPTIONS, read_only=True))
    page = client.get("/add")
    assert page.status_code == 200 and "Adding articles is off" in page.text and "<form" not in page.text
    response = client.post("/add", data={"links": "https://example.org/"}, headers=SAME_SITE)
    assert response.status_code == 403 and "adding articles is off" in response.text


def test_the_form_is_labelled_and_linked_from_every_page(client: TestClient) -> None:
    page = client.get("/add").text
    for field in ("links", "text", "files"):
        assert f'<label for="{field}">' in page and f'id="{field}"' in page
    assert page.count('type="submit"') == 1
    assert '<a href="/add">Add articles</a>' in client.get("/").text


@pytest.mark.parametrize(
    ("filename", "name", "suffix"),
    [
        ("page.HTML", "page.HTML", ".html"),
        ("feed.json.gz", "feed.json.gz", ".json"),
        ("../../etc/passwd", "passwd", ""),
        ("C:\\Users\\me\\story.txt", "story.txt", ".txt"),
        ("a\x00b\nc.htm", "abc.htm", ".htm"),
        ("../", "upload", ""),
        ("x" * 300 + ".txt", "x" * 200, ""),
    ],
)
def test_an_uploaded_files_name_is_only_a_name(filename: str, name: str, suffix: str) -> None:
    assert (upload_name(filename), upload_suffix(upload_name(filename))) == (name, suffix)
