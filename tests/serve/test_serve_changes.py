"""What a story's page says is new since this browser's last visit (serve/pages.py), across two adds: the visitor
cookie and its flags, a first visit that says nothing, the new source, the newly corroborated facts and the new
disagreement listed and marked in the report, the planted script escaped; the counts in the list and the feed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.store.test_reports import OPTIONS, write_fire

from corroborate.serve import create_app
from corroborate.serve.pages import VISITOR_COOKIE
from corroborate.store import Library

NEWS = "New since your last visit"


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return write_fire(tmp_path_factory.mktemp("fire"))


@pytest.fixture
def db(tmp_path: Path, fire: dict[str, str]) -> Path:
    """A library of the fire's first two reports."""
    path = tmp_path / "library.db"
    with Library(path, OPTIONS) as library:
        list(library.add([fire["gazette"], fire["courier"]]))
    return path


@pytest.fixture
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(db), options=OPTIONS)) as client:
        yield client


def _story(db: Path) -> str:
    with Library(db) as library:
        (story_id,) = library.story_ids()
    return story_id


def _add(db: Path, path: str) -> None:
    with Library(db, OPTIONS) as library:
        list(library.add([path]))


def _news_links(page: str) -> list[str]:
    """The anchors the "new since" box links to, in order."""
    box = page.split('<section class="news"', 1)[1].split("</section>", 1)[0] if NEWS in page else ""
    return re.findall(r'href="#([^"]+)"', box)


@pytest.mark.parametrize(
    ("cookie", "set_again"),
    [
        (None, True),  # a first visit: the browser is given an id
        ("0123456789abcdef0123456789abcdef", False),  # a known browser keeps its id
        ('"><script>', True),  # not an id of ours: replaced, never stored
    ],
)
def test_the_visitor_cookie_is_httponly_and_strict(
    client: TestClient, db: Path, cookie: str | None, set_again: bool
) -> None:
    client.cookies.clear()
    if cookie is not None:
        client.cookies.set(VISITOR_COOKIE, cookie)
    page = client.get(f"/stories/{_story(db)}")
    assert page.status_code == 200 and NEWS not in page.text
    header = page.headers.get("set-cookie", "")
    assert bool(header) == set_again
    if set_again:
        flags = {flag.strip().lower() for flag in header.split(";")[1:]}
        assert {"httponly", "samesite=strict", "path=/"} <= flags
        assert re.fullmatch(rf"{VISITOR_COOKIE}=[0-9a-f]{{32}}", header.split(";")[0])


def test_the_next_visit_after_an_article_joins_says_what_is_new(
    client: TestClient, db: Path, fire: dict[str, str]
) -> None:
    story = _story(db)
    client.cookies.clear()
    first = client.get(f"/stories/{story}")
    assert NEWS not in first.text and 'class="new"' not in first.text  # the first visit: nothing is new
    assert NEWS not in client.get(f"/stories/{story}").text  # nothing joined since

    _add(db, fire["record"])
    later = client.get(f"/stories/{story}")
    assert NEWS in later.text
    links = _news_links(later.text)
    assert [link for link in links if "-source-" in link] == ["story-1-source-3"]
    assert len([link for link in links if "-fact-" in link]) >= 2  # the police's claim and the mayor's visit
    assert len([link for link in links if "-disagreement-" in link]) == 1  # 3,000 against 5,000 tonnes
    for link in links:  # each listed thing is marked where it stands in the report below
        assert re.search(rf'id="{link}"[^>]*class="new"|class="source new" id="{link}"', later.text), link
    assert "<script>alert" not in later.text and "&lt;script&gt;alert(&#34;new&#34;)" in later.text

    assert NEWS not in client.get(f"/stories/{story}").text  # seen now
    client.cookies.clear()
    assert NEWS not in client.get(f"/stories/{story}").text  # another browser's first visit


def test_the_list_and_the_feed_tell_the_counts_and_the_last_change(
    client: TestClient, db: Path, fire: dict[str, str]
) -> None:
    _add(db, fire["record"])
    (summary,) = client.get("/api/stories?disagreements=1").json()["stories"]
    assert summary["disagreements"] >= 1 and summary["corroborated"] >= 1
    page = client.get("/?disagreements=1").text
    assert f"{summary['corroborated']} corroborated, {summary['disagreements']} disagreement" in page
    assert 'name="disagreements" value="1" checked' in page
    assert "Last change: 1 new source, " in client.get("/feed.atom").text
