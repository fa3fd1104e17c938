"""bench/serve_load.py end to end on a tiny library (30 articles copied from the examples' readings): it starts
`corroborate serve` on 127.0.0.1, stops each kind of request at its count or its time, and reports every kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bench.serve_load import build_library, main
from tests.conftest import EXAMPLES

from corroborate.models import Reading
from corroborate.pipeline import PipelineOptions, inputs, read_articles
from corroborate.store import Library

KINDS = ["story list, first page", "search ('police')", "filtered (dates, 2+ sources)", "story page (random story)"]


@pytest.fixture(scope="module")
def library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    read = read_articles(inputs([str(EXAMPLES)]), PipelineOptions(embeddings=False))
    readings = [reading for reading in read if isinstance(reading, Reading)]
    assert len(readings) == 5
    path = tmp_path_factory.mktemp("load") / "library.db"
    assert build_library(path, readings, 30, embeddings=False)[0] == 30
    return path


def test_copies_keep_whole_readings_with_new_ids(library_file: Path) -> None:
    with Library(library_file) as library:
        stories = library.story_ids()
        _story, readings = library.story(stories[0])
    assert len(stories) >= 6, "each copy of the examples should make stories of its own"
    assert all(reading.analysed and reading.claims for reading in readings)
    assert all("#" in reading.article.source for reading in readings)


@pytest.mark.parametrize(
    ("requests", "seconds", "answered"),
    [
        (20, 120.0, lambda count: count == 20),  # the count ends each kind
        (1_000_000, 1.0, lambda count: 1 <= count < 1_000_000),  # the time ends each kind
    ],
)
def test_the_load_test_runs_end_to_end(library_file: Path, tmp_path: Path, capsys, requests, seconds, answered):
    figures = tmp_path / "figures.json"
    argv = ["--library", str(library_file), "--requests", str(requests), "--seconds", str(seconds)]
    assert main([*argv, "--clients", "2", "--json", str(figures)]) == 0
    printed = capsys.readouterr().out
    assert "machine:" in printed and "30 articles" in printed
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert [row["name"] for row in data["figures"]] == KINDS
    for row in data["figures"]:
        assert answered(row["answered"]), row
        assert row["per_second"] > 0 and 0 < row["p50_ms"] <= row["p99_ms"], row
        assert row["name"] in printed


def test_a_bad_bound_is_a_wrong_command_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--library", str(tmp_path / "none.db"), "--requests", "0"])
    assert exit_.value.code == 2
