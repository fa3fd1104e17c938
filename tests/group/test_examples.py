"""The running examples, read for real (ingest, extract, analyze, sign, group): the seeds are one event told by AP
and Reuters, one story of two sources; the examples are one invented story of three sources (the AFP wire story
republished twice is one source) and an unrelated festival that is a story of its own."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import AP_SEED, EXAMPLES, REUTERS_SEED

from corroborate.pipeline import PipelineOptions, Processed, group_articles, inputs, process_articles


def _grouped(paths: list[Path], embeddings: bool) -> tuple[list[tuple[tuple[str, ...], ...]], dict[str, str]]:
    options = PipelineOptions(embeddings=embeddings)
    processed = [item for item in process_articles(inputs([str(path) for path in paths]), options)]
    assert all(isinstance(item, Processed) for item in processed)
    names = {item.id: Path(item.reading.article.source).name for item in processed}  # type: ignore[union-attr]
    stories, _ = group_articles([item.signature for item in processed])  # type: ignore[union-attr]
    named = [tuple(tuple(sorted(names[a] for a in source)) for source in story.sources) for story in stories]
    return [tuple(sorted(sources)) for sources in named], names


@pytest.mark.parametrize("embeddings", [True, False], ids=["with embeddings", "without embeddings"])
def test_the_examples_are_one_story_of_three_sources_and_a_festival_apart(embeddings: bool) -> None:
    paths = sorted(path for path in EXAMPLES.iterdir() if path.suffix in (".txt", ".html", ".json"))
    stories, _ = _grouped(paths, embeddings)
    assert sorted(stories) == sorted(
        [
            (("coastal-times-wire.txt", "northshore-post-wire.json"), ("daily-ledger.txt",), ("harbour-herald.html",)),
            (("riverside-festival.txt",),),
        ]
    )


def test_the_seeds_are_one_story_of_two_sources(seeds: Path) -> None:
    stories, _ = _grouped([AP_SEED, REUTERS_SEED], embeddings=True)
    assert stories == [((AP_SEED.name,), (REUTERS_SEED.name,))]
