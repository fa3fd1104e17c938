"""The job store: a job's inputs kept whole and read back in order, its outcomes in order (a placement replacing
the same article's `held`), unfinished jobs found oldest first, a finished job kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.store.jobs import JOB_ID, JobInput, JobOutcome, JobStore

INPUTS = [
    JobInput("link", "https://example.org/a"),
    JobInput("text", "pasted text", b'{"text": "caf\\u00e9"}', ".json"),
    JobInput("file", "page.html", b"<html>\x00\xff</html>", ".html"),  # bytes kept as given, whatever they hold
    JobInput("refused", "big.txt", b"too large"),
]


@pytest.fixture
def store(tmp_path: Path) -> JobStore:
    return JobStore(tmp_path / "library.db")


def test_a_new_job_keeps_its_inputs_in_order_and_waits(store: JobStore) -> None:
    job_id = store.create(INPUTS)
    assert JOB_ID.fullmatch(job_id)
    assert store.inputs(job_id) == INPUTS
    job = store.job(job_id)
    assert job is not None
    assert (job.state, job.inputs, job.read, job.outcomes, job.finished) == ("waiting", 4, 0, (), None)
    assert store.unfinished() == [job_id]


@pytest.mark.parametrize(
    ("recorded", "kept"),
    [
        ([JobOutcome("warning", "a", "a: short")], ["warning"]),
        ([JobOutcome("held", "a", article="x"), JobOutcome("placed", "a", article="x", story="s1")], ["placed"]),
        (
            [JobOutcome("held", "a", article="x"), JobOutcome("placed", "b", article="y", story="s1")],
            ["held", "placed"],
        ),
        ([JobOutcome("error", "a", "a: empty file"), JobOutcome("held", "b", article="y")], ["error", "held"]),
        ([JobOutcome("error", "a", "a: empty file"), JobOutcome("error", "a", "a: empty file")], ["error"]),
        ([JobOutcome("placed", "a", article="x", story="s1"), JobOutcome("held", "a", article="x")], ["placed"]),
        ([JobOutcome("error", "a", "a: empty"), JobOutcome("error", "b", "b: empty")], ["error", "error"]),
    ],
    ids=["warning", "placed-replaces-held", "other-article", "in-order", "told-again", "held-once-placed", "two"],
)
def test_outcomes_are_kept_in_order(store: JobStore, recorded: list[JobOutcome], kept: list[str]) -> None:
    job_id = store.create(INPUTS[:1])
    for outcome in recorded:
        store.record(job_id, outcome)
    job = store.job(job_id)
    assert job is not None
    assert [outcome.kind for outcome in job.outcomes] == kept


def test_starting_again_keeps_the_outcomes_and_finishing_keeps_them(tmp_path: Path) -> None:
    with JobStore(tmp_path / "library.db") as store:
        first, second = store.create(INPUTS[:1]), store.create(INPUTS[:2])
        store.start(first)
        store.record(first, JobOutcome("warning", "a", "a: told before the stop"))
        store.mark_read(first, 1)
        assert store.unfinished() == [first, second]  # left running by a server that stopped: oldest first
        store.start(first)
        store.record(first, JobOutcome("placed", "a", article="x", story="s1", new_story=True))
        store.finish(first)
    with JobStore(tmp_path / "library.db") as store:  # read back by a new connection, as a restarted server would
        job = store.job(first)
        assert job is not None
        assert (job.state, job.read, job.placed) == ("done", 0, 1)
        assert job.outcomes == (
            JobOutcome("warning", "a", "a: told before the stop"),
            JobOutcome("placed", "a", None, "x", "s1", True),
        )
        assert store.unfinished() == [second]
        assert store.job("j0000000000000000") is None
