"""Stories' reports kept in the library (corroborate/store/reports.py): made when a story's membership changes,
equal to a fresh report, finished after a killed run by the next add or the first read, gone with their story;
the counts the list filters on; and what changed between two adds, as a visitor sees it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES

from corroborate.models import StoryFilter
from corroborate.pipeline import PipelineOptions, report_story
from corroborate.store import Library, reports
from corroborate.store.changes import Changes

OPTIONS = PipelineOptions(embeddings=False)
FIRE = {
    "gazette": {
        "title": "Fire destroys grain warehouse at Tarnby port",
        "outlet": "Tarnby Gazette",
        "published": "2026-05-04",
        "text": "A fire destroyed a grain warehouse in the port of Tarnby on Sunday night, the county fire service "
        "said. Forty firefighters fought the blaze for six hours before it was brought under control. No one was "
        "hurt in the fire, according to the fire service. The warehouse held 3,000 tonnes of barley owned by the "
        "Holm Farmers Cooperative. Police said the cause of the fire was not yet known. The cooperative's chair, "
        "Ilse Brandvik, said the loss would hurt farmers across the valley.",
    },
    "courier": {
        "title": "Tarnby warehouse gutted by overnight blaze",
        "outlet": "Coastline Courier",
        "published": "2026-05-04",
        "text": "Fire gutted a grain warehouse at Tarnby port late on Sunday, according to the county fire service. "
        "Some forty firefighters spent six hours bringing the blaze at the Tarnby warehouse under control. Nobody "
        "was injured, the fire service said. The mayor of Tarnby, Per Ostby, visited the burned warehouse on "
        "Monday morning. Barley stored there belonged to the Holm Farmers Cooperative.",
    },
    "record": {  # joins later: backs the gazette's police claim and the courier's mayor, disputes the tonnes
        "title": '<script>alert("new")</script> Barley lost in Tarnby warehouse fire',
        "outlet": "Valley Record",
        "published": "2026-05-05",
        "text": "Farmers in the Holm valley counted their losses on Monday after flames swept through a storage shed "
        "at Tarnby harbour overnight. About 5,000 tonnes of barley were kept in the warehouse, the Holm Farmers "
        "Cooperative told the Record. Investigators from the police have not yet established the cause of the "
        "fire. Per Ostby, the mayor of Tarnby, toured the burned warehouse on Monday morning and promised help "
        "for the growers.",
    },
}
"""Three invented reports of one invented fire, in our own words."""


def write_fire(folder: Path) -> dict[str, str]:
    """The fire's three articles as JSON files in `folder`, by name."""
    paths = {}
    for name, record in FIRE.items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        paths[name] = str(path)
    return paths


class _KilledBeforeReporting(Library):
    """A library whose `add` stops where a kill after placing would: the stories placed, none reported."""

    def _report_stale(self) -> None:
        pass


def _kept(library: Library) -> dict[str, int]:
    return dict(library.connection.execute("SELECT story, version FROM story_report").fetchall())


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("reports") / "library.db"
    with Library(db, OPTIONS) as library:
        list(library.add([str(EXAMPLES)]))
    return db


def test_every_story_added_is_reported_and_the_kept_report_equals_a_fresh_one(examples: Path) -> None:
    with Library(examples, OPTIONS) as library:
        assert sorted(_kept(library)) == sorted(library.story_ids())
        for story_id in library.story_ids():
            story, readings = library.story(story_id)
            assert library.report_story(story_id) == report_story(story, readings, OPTIONS)
        assert reports.unreported(library.connection) == []


def test_the_list_shows_and_filters_on_the_kept_counts(examples: Path) -> None:
    with Library(examples, OPTIONS) as library:
        for summary in library.stories():
            report = library.report_story(summary.id)
            assert (summary.corroborated, summary.disagreements) == (
                len(report.corroborated),
                len(report.disagreements),
            )
        disputed = [summary.id for summary in library.stories(where=StoryFilter(disputed=True))]
        everything = library.stories()
        assert disputed == [summary.id for summary in everything if summary.disagreements]
        assert 0 < len(disputed) < len(everything)
        assert [summary.id for summary in library.stories("oyster", where=StoryFilter(disputed=True))] == disputed[:1]
        assert library.stories("downpour", where=StoryFilter(disputed=True)) == []


def test_a_report_made_by_other_options_is_stale(examples: Path) -> None:
    with Library(examples, OPTIONS) as library:
        for story_id in library.story_ids():
            assert reports.kept(library.connection, story_id, reports.maker(OPTIONS.compare)) is not None
            assert reports.kept(library.connection, story_id, "2.0 another") is None


@pytest.mark.parametrize("finisher", ["the next add", "the first read"])
def test_stories_left_stale_by_a_killed_add_are_finished(tmp_path: Path, finisher: str) -> None:
    paths = write_fire(tmp_path)
    db = tmp_path / "library.db"
    with _KilledBeforeReporting(db, OPTIONS) as killed:
        list(killed.add([paths["gazette"], paths["courier"]]))
        (story_id,) = killed.story_ids()
        assert _kept(killed) == {}
    with Library(db, OPTIONS) as library:
        assert reports.unreported(library.connection) == [story_id]
        if finisher == "the next add":
            list(library.add([paths["gazette"]]))  # held already: nothing placed, the stale story reported
        else:
            library.report_story(story_id)
        version = library.connection.execute("SELECT version FROM story WHERE id = ?", (story_id,)).fetchone()[0]
        assert _kept(library) == {story_id: version}
        story, readings = library.story(story_id)
        assert library.report_story(story_id) == report_story(story, readings, OPTIONS)


def test_a_story_merged_away_loses_its_report_digests_and_visits(tmp_path: Path) -> None:
    paths = write_fire(tmp_path)
    with Library(tmp_path / "library.db", OPTIONS) as library:
        list(library.add([paths["gazette"], paths["courier"]]))
        (story_id,) = library.story_ids()
        library.visit("f" * 32, story_id)
        library.connection.execute("BEGIN")
        library._state().drop(story_id)  # what refinement does to the story it merges into another
        library.connection.execute("COMMIT")
        for table in ("story_report", "story_digest", "visit"):
            assert library.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table


def test_what_changed_across_two_adds_as_one_visitor_sees_it(tmp_path: Path) -> None:
    paths = write_fire(tmp_path)
    with Library(tmp_path / "library.db", OPTIONS) as library:
        list(library.add([paths["gazette"], paths["courier"]]))
        (story_id,) = library.story_ids()
        first = library.visit("a" * 32, story_id)
        assert (first.changes, first.since) == (Changes(), None)  # a first visit: nothing is new
        again = library.visit("a" * 32, story_id)
        assert (again.changes, again.since) == (Changes(), None)  # nothing joined since

        list(library.add([paths["record"]]))
        later = library.visit("a" * 32, story_id)
        newcomer = library.visit("b" * 32, story_id)
    assert later.since is not None and newcomer.since is None and not newcomer.changes
    report = later.report
    (record,) = [source.id for source in report.sources if source.outlets == ("Valley Record",)]
    assert later.changes.sources == (record,)
    new_facts = [report.corroborated[n] for n in later.changes.facts]
    backed_by_record = [fact.claim for fact in new_facts if record in {s.source for s in fact.support}]
    assert any("cause of the fire" in claim for claim in backed_by_record), backed_by_record
    assert any("Ostby" in claim for claim in backed_by_record), backed_by_record
    assert [report.disagreements[n].kind for n in later.changes.disputes] == ["figure"]
    assert library_last_change_words(tmp_path / "library.db", story_id).startswith("1 new source, ")


def library_last_change_words(db: Path, story_id: str) -> str:
    with Library(db, OPTIONS) as library:
        change = library.last_change(story_id)
    assert change is not None
    return change.summary()
