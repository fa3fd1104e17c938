"""`corroborate batch`: a corpus run on Dask (a LocalCluster here, or any cluster by address), written as Parquet.

    run_batch(paths, options, BatchOptions(out=...))   the pipeline's steps over partitions of the inputs
    read_processed(out)                                 its per-article output, for `Library.add_processed`

See run.py for how the run is split and resumed, tables.py for the output's tables.
"""

from corroborate.batch.run import BatchOptions, BatchResult, Partition, plan, run_batch
from corroborate.batch.tables import read_failures, read_processed, read_stories

__all__ = [
    "BatchOptions",
    "BatchResult",
    "Partition",
    "plan",
    "read_failures",
    "read_processed",
    "read_stories",
    "run_batch",
]
