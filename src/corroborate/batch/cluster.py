"""The Dask side of a batch: the cluster (a LocalCluster here, or any by address) and how its workers are set up.

Workers are processes with one thread each: the per-article step is CPU-bound Python (GIL-bound), and the
embedding model's torch threads only fight over the cores when there are more than cores per worker (measured
on 2 cores: embedding with 2 torch threads per worker is slower than with 1). The models load once per worker
process, on its first partition (analyze/nlp.py and analyze/embeddings.py cache them per process), and serve
every partition after it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

from distributed import Client, LocalCluster, WorkerPlugin

if TYPE_CHECKING:
    from distributed import Worker

THREAD_VARIABLES = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


class OneThreadPerCore(WorkerPlugin):
    """A worker plugin: torch and the BLAS libraries get the cores this worker has (its share of the machine),
    not every core of it, so that workers do not slow each other down."""

    name = "corroborate-threads"

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads

    def setup(self, worker: Worker) -> None:
        for variable in THREAD_VARIABLES:
            os.environ[variable] = str(self.threads)
        with contextlib.suppress(ImportError):
            import torch

            torch.set_num_threads(self.threads)


@contextlib.contextmanager
def connect(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the cluster at `scheduler`, or of a LocalCluster of `workers` processes (default: one per
    core) started here and stopped when done."""
    if scheduler:
        with Client(scheduler) as client:
            _register(client, threads=1)
            yield client
        return
    count = workers or os.cpu_count() or 1
    threads = max(1, (os.cpu_count() or 1) // count)
    with (
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: printed for the user
            silence_logs=logging.ERROR,
            env={variable: str(threads) for variable in THREAD_VARIABLES},
        ) as cluster,
        Client(cluster) as client,
    ):
        _register(client, threads)
        yield client


def _register(client: Client, threads: int) -> None:
    client.register_plugin(OneThreadPerCore(threads))
