"""A worker killed in the middle of a batch costs only its partition: Dask runs it again on a live worker, the
job completes, and its output is complete."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

from tests.conftest import EXAMPLES

from corroborate.batch import BatchOptions, BatchResult, read_processed, read_stories, run_batch
from corroborate.batch.tables import PARTITION_TABLES
from corroborate.pipeline import PipelineOptions, Processed


def test_a_worker_killed_mid_run_costs_nothing_but_time(tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    out = tmp_path / "out"
    results: list[BatchResult] = []
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
        ) as cluster,
        Client(cluster) as client,
    ):
        options = BatchOptions(out=out, scheduler=cluster.scheduler_address, partition_files=1)
        run = threading.Thread(
            target=lambda: results.append(run_batch([str(EXAMPLES)], PipelineOptions(embeddings=False), options))
        )
        run.start()
        victim = _busy_worker(client)
        pid = client.run(os.getpid, workers=[victim])[victim]
        assert run.is_alive(), "the batch ended before a worker could be killed"
        os.kill(pid, signal.SIGKILL)
        run.join(timeout=900)
        assert not run.is_alive()
    (result,) = results
    assert (result.partitions, result.articles, result.failures, result.stories) == (5, 5, 0, 2)
    for table in PARTITION_TABLES:
        assert len(list((out / table).glob("part-*.parquet"))) == 5, table
    assert len([item for item in read_processed(out) if isinstance(item, Processed)]) == 5
    assert sum(len(story.articles) for story in read_stories(out)) == 5


def _busy_worker(client, timeout: float = 600) -> str:
    """The address of a worker running a partition, as soon as one does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for worker, keys in client.processing().items():
            if any(str(key).startswith("partition-") for key in keys):
                return str(worker)
        time.sleep(0.1)
    raise AssertionError("no worker ever ran a partition")
