"""How a batch is cut and what a partition task does, without a cluster: partitions by size and count, named by
their content so a rerun finds them; a bug escaping the pipeline's isolation makes failure rows, not a failed job."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corroborate.batch import BatchOptions, Partition, plan
from corroborate.batch import run as batch_run
from corroborate.batch.tables import read_failures
from corroborate.errors import UsageError
from corroborate.pipeline import PipelineOptions


def _files(folder: Path, sizes: list[int]) -> list[str]:
    for number, size in enumerate(sizes):
        (folder / f"{number:02}.txt").write_text("x" * size, encoding="utf-8")
    return [str(folder)]


def test_partitions_hold_a_few_files_and_a_large_one_alone(tmp_path: Path) -> None:
    paths = _files(tmp_path, [100, 100, 100, 1_000, 100])
    partitions = plan(paths, PipelineOptions(), BatchOptions(out=tmp_path / "out", partition_bytes=350))
    assert [[Path(path).name for path in partition.paths] for partition in partitions] == [
        ["00.txt", "01.txt", "02.txt"],
        ["03.txt"],
        ["04.txt"],
    ]
    assert all(os.path.isabs(path) for partition in partitions for path in partition.paths)


def test_a_partition_is_named_by_its_files_and_the_options(tmp_path: Path) -> None:
    paths = _files(tmp_path, [100, 100])
    batch = BatchOptions(out=tmp_path / "out")
    first = plan(paths, PipelineOptions(), batch)
    assert plan(paths, PipelineOptions(), batch) == first
    assert plan(paths, PipelineOptions(embeddings=False), batch) != first
    (tmp_path / "01.txt").write_text("y" * 120, encoding="utf-8")
    assert plan(paths, PipelineOptions(), batch) != first


def test_standard_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="standard input"):
        plan(["-"], PipelineOptions(), BatchOptions(out=tmp_path))


def test_a_bug_escaping_the_pipeline_makes_failure_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_arguments: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(batch_run, "process_articles", broken)
    partition = Partition("p1", ("/nowhere/a.txt", "/nowhere/b.txt"))
    assert batch_run.process_partition(partition, tmp_path, PipelineOptions()) == (0, 2)
    assert [(failure.source, failure.reason) for failure in read_failures(tmp_path)] == [
        (path, "could not be processed (RuntimeError: boom); please report this") for path in partition.paths
    ]
    assert batch_run.process_partition(partition, tmp_path, PipelineOptions()) == (0, 2), "done: read back"
