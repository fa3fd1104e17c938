"""One small Dask cluster for the batch tests: 2 worker processes of 1 thread each, as `corroborate batch` starts
on a 2-core machine. Its workers keep their models loaded from one test to the next, as in a real run."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture(scope="session")
def scheduler() -> Iterator[str]:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address
