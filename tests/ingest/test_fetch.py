"""Reading articles from the web: every way a server can fail is one clear line, and a good page is extracted.

No test touches the network: a real HTTP server runs on 127.0.0.1 in a thread, serving the invented pages
below; the unknown host is a `.invalid` name, which fails at the name lookup.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from corroborate.errors import InputError
from corroborate.fetch import FetchOptions, fetch_url
from corroborate.ingest import IngestOptions, expand_paths, is_url, read_inputs
from corroborate.models import RawDocument

CANONICAL = "https://lakeshore-gazette.example/2026/03/ferry-returns"
HEADLINE = "Lakeshore ferry returns to service after six-week repair"
PARAGRAPHS = [
    "The Lakeshore passenger ferry returned to service on Monday morning after six weeks in dry dock, the "
    "regional transport office said, ending a detour that had added almost an hour to the commute of islanders.",
    "Engineers replaced a cracked propeller shaft and refitted both engines, according to harbour master Tomasz "
    "Wielgosz, who said the vessel had passed its safety inspection on Friday.",
    '"We are relieved to have the crossing back before the school term starts," Wielgosz said. About 1,200 '
    "people use the ferry on a weekday, most of them commuters and pupils.",
    "The transport office said the repairs cost 2.3 million crowns and that a second vessel would be leased next "
    "year so that the island is never again left without a crossing.",
]


def _page(head: str = "") -> bytes:
    body = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{HEADLINE}</title>{head}</head>'
        f"<body><article><h1>{HEADLINE}</h1>{body}</article></body></html>"
    ).encode()


ARTICLE = _page(f'<link rel="canonical" href="{CANONICAL}">')
LATIN1 = (
    "<html><head><title>Café du Port reopens</title></head><body><p>The Café du Port reopened on the quay on "
    "Saturday, and its owner, Hélène Ménard, said the terrace would stay open until the end of September.</p>"
    "</body></html>"
).encode("latin-1")
ENDLESS = 64_000_000
"""Bytes the endless page would send if nobody stopped reading: far more than any cap in the tests."""


class _State:
    """What the server's handlers share with the tests: a stalled answer's release, the bytes an endless page sent."""

    release = threading.Event()
    endless_done = threading.Event()
    endless_sent = 0


def _send(handler: BaseHTTPRequestHandler, status: int, kind: str, body: bytes = b"", **headers: str) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    for name, value in {"Content-Length": str(len(body)), **headers}.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


def _redirect(to: str) -> Callable[[BaseHTTPRequestHandler], None]:
    return lambda handler: _send(handler, 302, "text/html", Location=to)


def _stall(handler: BaseHTTPRequestHandler) -> None:
    _State.release.wait(5)  # answers nothing until the tests are over


def _endless(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")  # no Content-Length: the body ends when the server stops
    handler.end_headers()
    chunk = b"<p>" + b"more words about the ferry " * 2_400 + b"</p>"
    try:
        while _State.endless_sent < ENDLESS:
            handler.wfile.write(chunk)
            _State.endless_sent += len(chunk)
    except OSError:  # the client hung up: what the size cap should make it do
        pass
    finally:
        _State.endless_done.set()


def _announced_huge(handler: BaseHTTPRequestHandler) -> None:
    _send(handler, 200, "text/html", b"<p>the first bytes</p>", **{"Content-Length": "50000000"})


ROUTES: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {
    "/ferry": lambda handler: _send(handler, 200, "text/html; charset=utf-8", ARTICLE),
    "/old-link": lambda handler: _send(handler, 301, "text/html", Location="/moved-once"),
    "/moved-once": _redirect("/plain-page"),
    "/plain-page": lambda handler: _send(handler, 200, "text/html", _page()),
    "/loop": _redirect("/loop"),
    "/crash": lambda handler: handler.send_error(500),
    "/stalled": _stall,
    "/endless": _endless,
    "/announced-huge": _announced_huge,
    "/minutes.pdf": lambda handler: _send(handler, 200, "application/pdf", b"%PDF-1.7 council minutes"),
    "/photo.jpg": lambda handler: _send(handler, 200, "image/jpeg", b"\xff\xd8\xff\xe0 a photo"),
    "/cafe": lambda handler: _send(handler, 200, "text/html; charset=iso-8859-1", LATIN1),
    "/empty": lambda handler: _send(handler, 200, "text/html"),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        route = ROUTES.get(self.path)
        if route is None:
            self.send_error(404)
        else:
            route(self)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the tests' output is no place for an access log


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that hang up early are what several tests are about


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    _State.release.set()
    server.shutdown()
    server.server_close()
    thread.join(5)


@pytest.fixture
def closed_port() -> int:
    """A port nothing listens on: taken from the system, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy set in the environment would answer for 127.0.0.1 and for the .invalid host."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *args], capture_output=True, text=True, timeout=120, check=False
    )


def _fetched(url: str, **options: Any) -> list[RawDocument | InputError]:
    return list(read_inputs([url], IngestOptions(fetch=FetchOptions(**options))))


def test_extract_reads_an_article_from_a_url(base: str) -> None:
    result = run("extract", "--format", "json", f"{base}/ferry")
    assert result.returncode == 0, result.stderr
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["source"] == f"{base}/ferry"
    assert article["title"] == HEADLINE
    assert article["paragraphs"][1] == PARAGRAPHS[1]
    assert article["url"] == CANONICAL


def test_a_failing_url_does_not_stop_the_batch(base: str, tmp_path: Path) -> None:
    good = tmp_path / "ferry.txt"
    good.write_text(HEADLINE + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    result = run("extract", "--format", "json", f"{base}/gone", str(good))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"corroborate: error: {base}/gone: the server answered 404 Not Found (check the address)"
    ]
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert article["source"] == str(good)


def test_the_help_says_urls_are_accepted() -> None:
    assert "http(s) URLs" in run("extract", "--help").stdout


_UNUSABLE = "corroborate reads HTML, text and JSON"


@pytest.mark.parametrize(
    ("url", "options", "reason"),
    [
        pytest.param("{base}/gone", {}, "the server answered 404 Not Found (check the address)", id="404"),
        pytest.param(
            "{base}/crash",
            {},
            "the server answered 500 Internal Server Error (a fault on the server's side: try again later)",
            id="500",
        ),
        pytest.param(
            "{base}/loop",
            {"max_redirects": 3},
            "cannot be fetched: more than 3 redirects (the site sends requests in a loop)",
            id="redirect-loop",
        ),
        pytest.param(
            "{base}/stalled",
            {"timeout": 0.3},
            "cannot be fetched: no answer within 0.3 s (the server is down or slow: try later)",
            id="no-answer",
        ),
        pytest.param(
            "{base}/endless",
            {"max_bytes": 100_000},
            "too large (over 0.1 MB, raise the limit with --max-size)",
            id="too-large-streamed",
        ),
        pytest.param(
            "{base}/announced-huge",
            {},
            "too large (50.0 MB; the limit is 10.0 MB, raise it with --max-size)",
            id="too-large-announced",
        ),
        pytest.param(
            "{base}/minutes.pdf",
            {},
            f"not a web page or text: the server sent application/pdf (a PDF document); {_UNUSABLE}",
            id="pdf",
        ),
        pytest.param(
            "{base}/photo.jpg",
            {},
            f"not a web page or text: the server sent image/jpeg (an image); {_UNUSABLE}",
            id="image",
        ),
        pytest.param("{base}/empty", {}, "the server sent an empty page", id="empty"),
        pytest.param(
            "http://127.0.0.1:{port}/",
            {},
            "cannot be fetched: connection refused by 127.0.0.1:{port} (is the server running? check the address "
            "and port)",
            id="refused",
        ),
        pytest.param(
            "http://corroborate-test.invalid/",
            {},
            "cannot be fetched: no network connection or unknown host (corroborate-test.invalid); check the "
            "address and the network",
            id="unknown-host",
        ),
        pytest.param("http://", {}, "not a valid URL (no host name after the //)", id="no-host"),
        pytest.param("https://[::1/story", {}, "not a valid URL (Invalid IPv6 URL)", id="broken-url"),
        pytest.param(
            "ftp://files.example/story.html",
            {},
            "cannot be fetched: only http:// and https:// addresses are, not ftp://",
            id="ftp",
        ),
    ],
)
def test_a_url_that_cannot_be_used_gets_one_clear_reason(
    base: str, closed_port: int, url: str, options: dict[str, Any], reason: str
) -> None:
    url = url.format(base=base, port=closed_port)
    (error,) = _fetched(url, **options)
    assert isinstance(error, InputError)
    assert error.source == url
    assert error.reason == reason.format(port=closed_port)


def test_a_body_over_the_cap_is_not_read_to_the_end(base: str) -> None:
    _State.endless_done.clear()
    _State.endless_sent = 0
    (error,) = _fetched(f"{base}/endless", max_bytes=100_000)
    assert isinstance(error, InputError)
    assert _State.endless_done.wait(10), "the server is still sending: the client did not hang up"
    assert _State.endless_sent < ENDLESS // 2


def test_a_redirected_page_records_where_it_ended(base: str) -> None:
    (document,) = fetch_url(f"{base}/old-link", FetchOptions())
    assert document.source == f"{base}/old-link"
    assert document.given.url == f"{base}/plain-page"
    assert document.format == "html"


def test_a_latin1_page_is_read_with_the_charset_the_server_names(base: str) -> None:
    (document,) = fetch_url(f"{base}/cafe", FetchOptions())
    assert "its owner, Hélène Ménard, said" in document.text
    assert document.warnings == ()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (f'<link rel="canonical" href="{CANONICAL}">', CANONICAL),
        ("<link href='/2026/03/ferry' rel='canonical'>", "https://news.example/2026/03/ferry"),
        ("<LINK REL=canonical HREF=ferry-returns>", "https://news.example/ferry-returns"),
        ('<link rel="alternate" type="application/rss+xml" href="/feed">', "https://news.example/ferry?page=1"),
        ('<link rel="canonical" href="javascript:void(0)">', "https://news.example/ferry?page=1"),
        ("", "https://news.example/ferry?page=1"),
    ],
)
def test_the_canonical_link_wins_over_the_address_fetched(head: str, expected: str) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, html=_page(head).decode()))
    (document,) = fetch_url("https://news.example/ferry?page=1", FetchOptions(transport=transport))
    assert document.given.url == expected


def test_a_json_feed_keeps_the_urls_of_its_records() -> None:
    records = [{"title": HEADLINE, "text": text, "url": f"https://news.example/{n}"} for n, text in enumerate("ab")]
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=records))
    documents = fetch_url("https://news.example/api/latest", FetchOptions(transport=transport))
    assert [document.given.url for document in documents] == ["https://news.example/0", "https://news.example/1"]
    assert [document.source for document in documents] == [f"https://news.example/api/latest#{n}" for n in (1, 2)]


@pytest.mark.parametrize(
    ("argument", "url"),
    [
        ("https://news.example/ferry", True),
        ("HTTP://NEWS.EXAMPLE/", True),
        ("ftp://files.example/story.html", True),
        ("C://stories/ferry.txt", False),
        ("stories/ferry.txt", False),
        ("-", False),
    ],
)
def test_urls_are_told_from_paths(argument: str, url: bool) -> None:
    assert is_url(argument) is url
    assert list(expand_paths([argument])) == [argument]


def test_a_page_added_twice_from_its_address_is_kept_once(base: str, tmp_path: Path) -> None:
    """`add URL` reads the page into the library; its id comes from its canonical link, so adding it again (or from
    another address that leads to the same canonical page) holds it once."""
    from corroborate.models import Duplicate, Placement
    from corroborate.pipeline import PipelineOptions
    from corroborate.store import Library

    with Library(tmp_path / "library.db", PipelineOptions(embeddings=False)) as library:
        (placed,) = [o for o in library.add([f"{base}/ferry"]) if isinstance(o, Placement)]
        again = list(library.add([f"{base}/ferry"]))
        assert [type(outcome) for outcome in again] == [Duplicate]
        assert again[0].article == placed.article and library.counts() == (1, 1)
        (reading,) = library.story(placed.story)[1]
        assert reading.article.url == CANONICAL
