"""`corroborate batch` finds what one machine finds: on the examples, a batch over a cluster of 2 workers and the
library give the same stories and the same readings, and `add --from` loads the batch into the library as if
the articles had been added there. A WARC file of the examples is read whole: its articles, and its bad records
as failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.corpus import examples_warc
from tests.conftest import EXAMPLES, SHARED

from corroborate.batch import BatchOptions, BatchResult, read_failures, read_processed, read_stories, run_batch
from corroborate.cli import main
from corroborate.models import Failure, Reading, Story
from corroborate.pipeline import PipelineOptions, Processed
from corroborate.store import Library


def _library(library: Library) -> tuple[dict[str, Story], dict[str, Reading]]:
    """A library's stories and the readings of their articles, by id."""
    stories, readings = {}, {}
    for story_id in library.story_ids():
        story, story_readings = library.story(story_id)
        stories[story.id] = story
        readings |= {reading.id: reading for reading in story_readings}
    return stories, readings


def _same_stories(found: dict[str, Story], expected: dict[str, Story]) -> None:
    assert found.keys() == expected.keys()
    for story_id, story in expected.items():
        assert set(found[story_id].articles) == set(story.articles)
        assert {frozenset(source) for source in found[story_id].sources} == {
            frozenset(source) for source in story.sources
        }


@pytest.fixture(scope="module")
def examples_batch(scheduler: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BatchResult]:
    out = tmp_path_factory.mktemp("batch") / "out"
    # One file per partition, so that both workers have partitions to run.
    options = BatchOptions(out=out, scheduler=scheduler, partition_files=1)
    return out, run_batch([str(EXAMPLES)], PipelineOptions(), options)


@pytest.fixture(scope="module")
def examples_library() -> tuple[dict[str, Story], dict[str, Reading]]:
    with Library(":memory:", PipelineOptions()) as library:
        list(library.add([str(EXAMPLES)]))
        return _library(library)


def test_a_batch_finds_the_stories_and_readings_of_the_library(examples_batch, examples_library) -> None:
    out, result = examples_batch
    stories, readings = examples_library
    assert (result.partitions, result.articles, result.failures, result.stories) == (5, 5, 0, 2)
    _same_stories({story.id: story for story in read_stories(out)}, stories)
    processed = [item for item in read_processed(out) if isinstance(item, Processed)]
    assert {item.id: item.reading.to_dict() for item in processed} == {
        article: reading.to_dict() for article, reading in readings.items()
    }
    reports = (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in reports] == [story.id for story in read_stories(out)]


def test_add_from_a_batch_gives_the_library_the_same_stories(examples_batch, examples_library, tmp_path) -> None:
    out, _result = examples_batch
    db = tmp_path / "library.db"
    assert main(["add", "--from", str(out), "--db", str(db)]) == 0
    with Library(db) as library:
        stories, readings = _library(library)
    expected_stories, expected_readings = examples_library
    _same_stories(stories, expected_stories)
    assert {key: value.to_dict() for key, value in readings.items()} == {
        key: value.to_dict() for key, value in expected_readings.items()
    }


def test_a_rerun_skips_every_partition_done(examples_batch, scheduler: str) -> None:
    out, first = examples_batch
    again = run_batch([str(EXAMPLES)], PipelineOptions(), BatchOptions(out=out, scheduler=scheduler, partition_files=1))
    assert (again.skipped, again.articles, again.stories) == (first.partitions, first.articles, first.stories)


def test_a_warc_file_is_read_whole_and_its_bad_records_are_failures(examples_library, scheduler, tmp_path) -> None:
    warc = examples_warc(tmp_path / "examples.warc.gz", broken=True)
    out = tmp_path / "out"
    result = run_batch([str(warc)], PipelineOptions(embeddings=False), BatchOptions(out=out, scheduler=scheduler))
    assert (result.articles, result.failures) == (5, 2)
    failures = list(read_failures(out))
    assert all(failure.source.startswith(f"{warc}#") for failure in failures)
    assert sorted(failure.reason.split(" (")[0] for failure in failures) == [
        "not a WARC record, or a damaged one",
        "not a web page: the archived response is image/png",
    ]
    _stories, readings = examples_library
    read = [item.reading for item in read_processed(out) if not isinstance(item, Failure)]
    # Every article arrived whole, whatever its charset: the same paragraphs as read from the files.
    assert sorted(reading.article.paragraphs for reading in read) == sorted(
        reading.article.paragraphs for reading in readings.values()
    )
    urls = {reading.article.url for reading in read}  # the record's URL, or the page's canonical link
    assert {
        "https://examples.invalid/daily-ledger",
        "https://www.harbourherald.com/news/2026/03/05/oil-spreads-through-walvis-bay-lagoon",
    } <= urls
    assert result.stories == 2


@pytest.mark.slow
def test_on_the_ecb_dev_split_a_batch_finds_the_stories_and_readings_of_the_library(scheduler, tmp_path) -> None:
    ecb = SHARED / "dev-data" / "ecbplus"
    if not (ecb / "splits.json").is_file():
        pytest.skip(f"ECB+ is not in {ecb}")
    docs = json.loads((ecb / "splits.json").read_text(encoding="utf-8"))["docs"]["dev"]
    paths = [str(ecb / "docs" / f"{doc}.txt") for doc in sorted(docs)]
    out = tmp_path / "out"
    # Partitions of 25 files: 8 of them, shared by the 2 workers.
    run_batch(paths, PipelineOptions(), BatchOptions(out=out, scheduler=scheduler, partition_files=25))
    with Library(":memory:", PipelineOptions()) as library:
        list(library.add(paths))
        stories, readings = _library(library)
    _same_stories({story.id: story for story in read_stories(out)}, stories)
    processed = [item for item in read_processed(out) if isinstance(item, Processed)]
    assert {item.id: item.reading.to_dict() for item in processed} == {
        article: reading.to_dict() for article, reading in readings.items()
    }
