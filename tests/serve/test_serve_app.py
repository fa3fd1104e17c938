"""The web app over a library built from the examples (and one planted hostile article), through TestClient:
pages, the JSON API, errors and the safety headers. No network: TestClient calls the app in-process."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from fastapi.testclient import TestClient
from tests.conftest import EXAMPLES

from corroborate.pipeline import PipelineOptions
from corroborate.report.jsonout import schema
from corroborate.serve import create_app
from corroborate.store import Library

SPILL = "Namibia orders US shipowner to pay for Walvis Bay oil spill"
FESTIVAL = "Riverside Festival crowds dance through the downpour as event marks 25th year"
PLANTED_TITLE = '<script>alert("title")</script> Council votes on new bridge'
PLANTED_TEXT = (
    "The Kestrel Valley council voted on Tuesday to build a new footbridge over the river, its leader said. "
    '<script>alert("text")</script> The bridge will cost 2 million pounds and open next spring. '
    "<img src=x onerror=alert(1)> Residents had asked for a crossing for ten years, the council said, "
    "and work will begin in the autumn once the plans are approved by the county."
)
OPTIONS = PipelineOptions(embeddings=False)  # the same stories either way on the examples, in a fifth of the time


@pytest.fixture(scope="module")
def library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the planted article, added once for the module."""
    folder = tmp_path_factory.mktemp("serve")
    planted = folder / "planted.json"
    planted.write_text(
        json.dumps(
            {"title": PLANTED_TITLE, "text": PLANTED_TEXT, "published": "2026-04-01", "outlet": "Kestrel <b>News"}
        ),
        encoding="utf-8",
    )
    db = folder / "library.db"
    with Library(db, OPTIONS) as library:
        outcomes = list(library.add([str(EXAMPLES), str(planted)]))
    assert not [outcome for outcome in outcomes if type(outcome).__name__ == "Failure"], outcomes
    return db


@pytest.fixture(scope="module")
def client(library_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(library_file), options=OPTIONS)) as client:
        yield client


@pytest.fixture(scope="module")
def ids(library_file: Path) -> dict[str, str]:
    """The stories' ids by title."""
    with Library(library_file) as library:
        return {summary.title or "": summary.id for summary in library.stories()}


def _titles(page: str) -> list[str]:
    """The story titles a list page shows, in order (as the page escapes them)."""
    return re.findall(r'class="story-title" href="/stories/s[0-9a-f]+">([^<]*)</a>', page)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", [PLANTED_TITLE, SPILL, FESTIVAL]),  # newest first: 2026-04-01, 2026-03-09, 2025-07-13
        ("search=oyster+lagoon", [SPILL]),
        ("search=oysters", [SPILL]),  # English stemming
        ("search=downpour", [FESTIVAL]),
        ("search=zebra+crossing+unicorn", []),
        ("sources=2", [SPILL]),
        ("sources=4", []),
        ("outlet=the+severn+valley+courier", [FESTIVAL]),
        ("outlet=The+Severn+Valley+Courier&until=2025-12-31", [FESTIVAL]),
        ("outlet=the+severn+valley", []),  # an outlet's whole name, not a part of it
        ("search=oyster+lagoon&since=2026-03-10", []),  # a search filtered by dates
        ("since=2026-03-05&until=2026-03-06", [SPILL]),  # overlaps the story's 2026-03-03 to 2026-03-09
        ("until=2025-12-31", [FESTIVAL]),
        ("since=2026-03-10", [PLANTED_TITLE]),
        ("search=bridge&sources=2", []),
        ("disagreements=1", [SPILL]),  # the only story whose sources disagree somewhere
        ("disagreements=on&search=downpour", []),  # as a checked checkbox sends it
        ("disagreements=0", [PLANTED_TITLE, SPILL, FESTIVAL]),
    ],
)
def test_the_list_searches_and_filters(client: TestClient, query: str, expected: list[str]) -> None:
    page = client.get(f"/?{query}")
    assert page.status_code == 200
    shown = [title.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"') for title in _titles(page.text)]
    assert shown == expected
    api = client.get(f"/api/stories?{query}").json()
    assert [story["title"] for story in api["stories"]] == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("since=yesterday", "since: 'yesterday' is not a date of the form YYYY-MM-DD"),
        ("sources=many", "sources: 'many' is not a whole number"),
        ("page=0", "page: 0 is out of range (1 to 10000)"),
        ("disagreements=maybe", "disagreements: 'maybe' is not yes or no (write 1 or 0)"),
    ],
)
def test_a_bad_filter_is_a_400_saying_which(client: TestClient, query: str, message: str) -> None:
    page = client.get(f"/?{query}")
    assert page.status_code == 400
    assert message.replace("'", "&#39;") in page.text
    api = client.get(f"/api/stories?{query}")
    assert (api.status_code, api.json()) == (400, {"detail": message})


def test_pages_of_the_list(client: TestClient, library_file: Path) -> None:
    from corroborate.serve.listing import StoryQuery, find_stories

    with Library(library_file) as library:
        first = find_stories(library, StoryQuery(), size=2)
        second = find_stories(library, StoryQuery(page=2), size=2)
    assert [s.title for s in first.stories] == [PLANTED_TITLE, SPILL] and first.has_next
    assert [s.title for s in second.stories] == [FESTIVAL] and not second.has_next
    assert client.get("/api/stories?page=2").json() == {"page": 2, "has_next": False, "stories": []}


def test_the_story_page_is_the_report(client: TestClient, ids: dict[str, str]) -> None:
    story = ids[SPILL]
    for url in (f"/stories/{story}", f"/stories/{story[:8]}"):  # the id, or its first characters
        page = client.get(url)
        assert page.status_code == 200
        for part in ("Brief", "Sources side by side", "Disagreements", "Quotations", "Timeline", "Set apart as noise"):
            assert f">{part}</h3>" in page.text
        assert '<mark class="corroborated"' in page.text and '<mark class="disputed"' in page.text
        assert f"/api/stories/{story}/report" in page.text
        assert "<style>" not in page.text and " style=" not in page.text  # the CSP allows no inline style


def test_the_api_report_is_valid_against_the_schema(client: TestClient, ids: dict[str, str]) -> None:
    for story in ids.values():
        data = client.get(f"/api/stories/{story}/report").json()
        jsonschema.validate(data, schema())
        assert [s["id"] for s in data["stories"]] == [story]
    assert client.get("/api/schema/report").json() == schema()


def test_the_api_story_lists_its_sources_and_articles(client: TestClient, ids: dict[str, str]) -> None:
    data = client.get(f"/api/stories/{ids[SPILL]}").json()
    assert data["title"] == SPILL
    assert sorted(len(source) for source in data["sources"]) == [1, 1, 2]  # the AFP story republished: one source
    assert sorted(Path(article["source"]).name for article in data["articles"]) == [
        "coastal-times-wire.txt",
        "daily-ledger.txt",
        "harbour-herald.html",
        "northshore-post-wire.json",
    ]


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/stories/sffffffffffffffff", 404),
        ("/stories/../../etc/passwd", 404),
        ("/stories/<script>", 404),
        ("/stories/s", 404),  # more than one story begins so
        ("/api/stories/sffffffffffffffff", 404),
        ("/api/stories/not-an-id/report", 404),
        ("/api/stories/a8eeda085df668b7", 404),  # an article's id is not a story's
        ("/static/../pyproject.toml", 404),
        ("/static/report.js", 404),
        ("/nowhere", 404),
        ("/api/nowhere", 404),
    ],
)
def test_unknown_things_are_404(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    if url.startswith("/api/"):
        assert "detail" in response.json()
    else:
        assert "<script>" not in response.text


@pytest.mark.parametrize("url", ["/", "/?search=oyster", "/stories/s8eeda", "/api/stories", "/docs", "/nowhere"])
def test_every_response_carries_the_safety_headers(client: TestClient, url: str) -> None:
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("url", ["/", "/?search=bridge", "/?outlet=kestrel+%3Cb%3Enews", "planted", "/docs"])
def test_planted_markup_comes_out_escaped(client: TestClient, ids: dict[str, str], url: str) -> None:
    if url == "planted":
        url = f"/stories/{ids[PLANTED_TITLE]}"
    page = client.get(url).text
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    if url != "/docs":
        assert "&lt;script&gt;alert(" in page


def test_static_files_are_the_packaged_ones(client: TestClient) -> None:
    for name in ("site.css", "report.css"):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/css")


def test_the_api_is_described_without_a_cdn(client: TestClient) -> None:
    openapi = client.get("/openapi.json").json()
    assert set(openapi["paths"]) == {
        "/api/articles",
        "/api/jobs/{job_id}",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/report",
        "/api/schema/report",
    }
    docs = client.get("/docs").text
    assert "<code>GET /api/stories/{story_id}/report</code>" in docs and "<code>POST /api/articles</code>" in docs
    assert "http://" not in docs and "https://" not in docs and "<script" not in docs
    assert client.get("/redoc").status_code == 404


def test_only_the_allowed_hosts_are_answered(library_file: Path) -> None:
    app = create_app(str(library_file), options=OPTIONS, allowed_hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/stories").status_code == 200
    assert TestClient(app, base_url="http://evil.example").get("/api/stories").status_code == 400


def test_the_atom_feed_lists_the_stories_latest_change_first(client: TestClient, ids: dict[str, str]) -> None:
    from xml.etree import ElementTree

    response = client.get("/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ElementTree.fromstring(response.content)  # well-formed, the planted markup escaped
    entries = feed.findall(f"{atom}entry")
    assert {entry.findtext(f"{atom}title") for entry in entries} == set(ids)
    updated = [entry.findtext(f"{atom}updated") or "" for entry in entries]
    assert updated == sorted(updated, reverse=True) and feed.findtext(f"{atom}updated") == updated[0]
    links = {link.get("href") for entry in entries for link in entry.iter(f"{atom}link")}
    assert links == {f"http://testserver/stories/{story}" for story in ids.values()}
