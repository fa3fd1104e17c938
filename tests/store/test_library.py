"""The library (corroborate/store/library.py): articles kept once, placed incrementally in stories that keep their
ids, searched, and reported the same way as the files they came from."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from corroborate.models import Duplicate, Failure, Placement, to_dict
from corroborate.pipeline import PipelineOptions
from corroborate.store import Library, report_inputs
from corroborate.store.schema import VERSION

OPTIONS = PipelineOptions(embeddings=False)  # the model changes nothing these tests look at, and costs time
WALVIS = ("coastal-times-wire.txt", "northshore-post-wire.json", "harbour-herald.html", "daily-ledger.txt")
FESTIVAL = "riverside-festival.txt"


def _add(library: Library, *names: str) -> list:
    return list(library.add([str(EXAMPLES / name) for name in names]))


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """The examples, added in two batches: the festival and two Walvis Bay sources, then the rest."""
    path = tmp_path_factory.mktemp("library") / "library.db"
    library = Library(path, OPTIONS)
    _add(library, FESTIVAL, WALVIS[0], WALVIS[2])
    return library


@pytest.fixture(scope="module")
def walvis(library: Library) -> str:
    (story,) = {library.story_of(article) for article in _ids(library, WALVIS[0], WALVIS[2])}
    assert story is not None
    return story


def _ids(library: Library, *names: str) -> list[str]:
    rows = library.connection.execute("SELECT id, source FROM article").fetchall()
    return [article for name in names for article, source in rows if source.endswith(name)]


def test_a_later_batch_joins_the_story_it_tells_and_the_story_keeps_its_id(library: Library, walvis: str) -> None:
    outcomes = _add(library, WALVIS[1], WALVIS[3])
    placements = [outcome for outcome in outcomes if isinstance(outcome, Placement)]
    assert {placement.story for placement in placements} == {walvis}
    assert not any(placement.new_story for placement in placements)
    (copy,) = _ids(library, WALVIS[1])
    (original,) = _ids(library, WALVIS[0])
    assert library.connection.execute("SELECT source_id FROM article WHERE id = ?", (copy,)).fetchone()[0] == original
    story, readings = library.story(walvis)
    assert len(story.articles) == 4 and len(story.sources) == 3  # the AFP story and its re-publication: one source
    assert [reading.id for reading in readings] == list(story.articles)
    assert library.counts() == (5, 2)


def test_the_same_article_added_again_is_kept_once(library: Library) -> None:
    before = library.counts()
    outcomes = _add(library, *WALVIS)
    assert all(isinstance(outcome, Duplicate) for outcome in outcomes) and len(outcomes) == 4
    assert library.counts() == before


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("flamingos", "walvis"),
        ("Flamingo lagoon", "walvis"),  # any case, and the stem of a plural
        ("downpour crowds", "festival"),
        ("flamingos downpour", None),  # every word must be in one article
        ('"; DROP TABLE story; --', None),  # words, never query syntax
    ],
)
def test_search_finds_stories_by_the_words_of_their_articles(
    library: Library, walvis: str, words: str, found: str | None
) -> None:
    ids = [summary.id for summary in library.stories(search=words)]
    festival = library.story_of(_ids(library, FESTIVAL)[0])
    assert ids == ({"walvis": [walvis], "festival": [festival]}[found] if found else [])


def test_the_stories_are_listed_with_their_facts(library: Library, walvis: str) -> None:
    summaries = {summary.id: summary for summary in library.stories()}
    assert (summaries[walvis].sources, summaries[walvis].articles) == (3, 4)
    assert summaries[walvis].title == "Namibia orders US shipowner to pay for Walvis Bay oil spill"
    assert "The Harbour Herald" in summaries[walvis].outlets


def test_a_stored_story_reports_as_its_files_do(library: Library, walvis: str) -> None:
    stored = to_dict(library.report_story(walvis[:8]))  # an id's first characters are enough
    fresh, outcomes = report_inputs([str(EXAMPLES)], OPTIONS)
    assert not [outcome for outcome in outcomes if isinstance(outcome, Failure)]
    (same,) = [story for story in fresh.stories if story.id == walvis]
    assert stored == to_dict(same)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "corroborate.cli", *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_an_unknown_story_is_one_clear_line(tmp_path: Path) -> None:
    Library(tmp_path / "library.db").close()
    result = _cli("report", "--story", "s0000", "--db", str(tmp_path / "library.db"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().endswith("s0000: no story has this id (`corroborate stories` lists them)")


def test_a_library_from_a_newer_corroborate_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {VERSION + 1}")
    connection.close()
    result = _cli("stories", "--db", str(path))
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert "made by a newer corroborate" in result.stderr and "upgrade corroborate" in result.stderr


def test_report_wants_files_or_a_story_not_both(tmp_path: Path) -> None:
    result = _cli("report", str(EXAMPLES / FESTIVAL), "--story", "s1", "--db", str(tmp_path / "library.db"))
    assert result.returncode == 2 and "either PATH" in result.stderr


def test_titles_are_found_by_story_id_and_unknown_ids_left_out(library: Library, walvis: str) -> None:
    summaries = {summary.id: summary.title for summary in library.stories()}
    asked = [walvis, "s0000000000000000", *summaries, walvis]
    assert library.titles(asked) == summaries
    assert library.titles([]) == {}
