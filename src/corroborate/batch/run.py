"""A corpus run on Dask: the pipeline's three steps, the per-article and per-story ones spread over a cluster.

    inputs ─ partitions ─ (per worker) process_articles ─ OUT/{articles,readings,signatures,failures}/part-*.parquet
           ─ (here) group_articles over every signature ─ OUT/stories.parquet, OUT/placements.parquet
           ─ (per worker) report_story over chunks of stories ─ OUT/reports/part-*.parquet, OUT/reports.jsonl

A partition is a few input files (a large one alone), named by what they are (paths, sizes, times) and the
options that change their output, so a rerun finds it again: a partition whose output exists is skipped, and a
killed run resumes where it stopped. A worker lost mid-partition (killed, out of memory) costs only that
partition, which Dask runs again elsewhere; whatever goes wrong with one input is a failure row, never a failed
job. Grouping runs here, on the driver, over every signature at once: it is the one step that needs them all.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from corroborate.batch import tables
from corroborate.errors import ModelUnavailable, UsageError
from corroborate.ingest import STDIN, expand_paths, is_url
from corroborate.models import Failure, Reading, Signature, Story
from corroborate.pipeline import PipelineOptions, group_articles, inputs, process_articles, report_story
from corroborate.store import records

PARTITION_BYTES = 4_000_000
"""Input bytes per partition: some 80 HTML pages, a minute or two of one worker's time, so that a lost worker
costs little and the bar moves; a larger file makes a partition of its own."""
PARTITION_FILES = 64
STORIES_PER_TASK = 64

Progress = Callable[[str, int, int], None]
"""(step, done, total): told as partitions and report chunks complete."""


@dataclasses.dataclass(frozen=True)
class BatchOptions:
    """Where the output goes and which cluster runs it: `scheduler` is a Dask scheduler's address; without one a
    LocalCluster of `workers` processes (default: one per core) is started for the run."""

    out: Path
    scheduler: str | None = None
    workers: int | None = None
    partition_bytes: int = PARTITION_BYTES
    partition_files: int = PARTITION_FILES
    stories_per_task: int = STORIES_PER_TASK
    reports: bool = True
    """False: stop after grouping (the per-story step can be run later, or not at all)."""


@dataclasses.dataclass(frozen=True)
class Partition:
    id: str
    paths: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class BatchResult:
    """What a run did: partitions run and skipped (done by an earlier run), articles, failures, stories; how long
    each step took (grouping is the one that does not spread over the cluster) and each worker's peak memory."""

    out: Path
    partitions: int
    skipped: int
    articles: int
    failures: int
    stories: int
    reading_seconds: float
    grouping_seconds: float
    reporting_seconds: float
    worker_peak_mib: dict[str, float]
    worker_cpu_seconds: dict[str, float]
    """Each worker process's CPU time at the end of the per-article step (models loaded included): what reading
    the articles cost, however busy the machine was."""


def run_batch(
    paths: Sequence[str],
    options: PipelineOptions,
    batch: BatchOptions,
    progress: Progress | None = None,
    tell: Callable[[str], None] | None = None,
) -> BatchResult:
    """Run the pipeline over `paths` on a Dask cluster and write its output under `batch.out`."""
    from corroborate.batch.cluster import connect

    out = Path(batch.out).absolute()  # workers may run in another folder, or on another machine
    partitions = plan(paths, options, batch)
    tables.write_manifest(out, [partition.id for partition in partitions])
    with connect(batch.scheduler, batch.workers) as client:
        if tell:
            tell(f"Dask dashboard: {client.dashboard_link}")
        clock = [time.perf_counter()]
        skipped, counts = _per_article(client, partitions, out, options, progress)
        clock.append(time.perf_counter())
        cpu = client.run(cpu_seconds)
        stories = _group(out)
        clock.append(time.perf_counter())
        if batch.reports:
            _per_story(client, stories, out, options, batch.stories_per_task, progress)
        clock.append(time.perf_counter())
        peaks = client.run(peak_rss_mib)
    return BatchResult(
        out=out,
        partitions=len(partitions),
        skipped=skipped,
        articles=sum(articles for articles, _failures in counts),
        failures=sum(failures for _articles, failures in counts),
        stories=len(stories),
        reading_seconds=clock[1] - clock[0],
        grouping_seconds=clock[2] - clock[1],
        reporting_seconds=clock[3] - clock[2],
        worker_peak_mib=peaks,
        worker_cpu_seconds=cpu,
    )


def cpu_seconds() -> float:
    """This process's CPU time so far, user and system (run on each worker at the end of a batch)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_rss_mib() -> float:
    """This process's peak resident memory so far, in MiB (run on each worker at the end of a batch)."""
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10


def plan(paths: Sequence[str], options: PipelineOptions, batch: BatchOptions) -> list[Partition]:
    """The inputs in partitions of about `partition_bytes` (at most `partition_files` files), in input order.
    Files are named by their absolute paths (so are the articles and failures that come from them): a worker
    does not run in the folder the batch was started from."""
    if STDIN in paths:
        raise UsageError("batch reads files, folders and URLs, not standard input (-)")
    fingerprint = repr((options.ingest.max_bytes, options.extract, options.embeddings))
    partitions: list[list[tuple[str, str]]] = [[]]
    size = 0
    for path in expand_paths(paths):
        path = path if is_url(path) else os.path.abspath(path)  # as workers find it, whatever folder they run in
        identity, length = _identity(path)
        if partitions[-1] and (size + length > batch.partition_bytes or len(partitions[-1]) >= batch.partition_files):
            partitions.append([])
            size = 0
        partitions[-1].append((path, identity))
        size += length
    return [
        Partition(_digest([fingerprint, *(identity for _path, identity in files)]), tuple(p for p, _i in files))
        for files in partitions
        if files
    ]


def _identity(path: str) -> tuple[str, int]:
    """What names an input's content for resuming (path, size, modification time), and its size."""
    if is_url(path):
        return path, 0
    try:
        status = os.stat(path)
    except OSError:  # reading it will say what is wrong, as a failure row
        return path, 0
    return f"{path}\t{status.st_size}\t{status.st_mtime_ns}", status.st_size


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def process_partition(partition: Partition, out: Path, options: PipelineOptions) -> tuple[int, int]:
    """A worker's task: the per-article step over one partition, written as its tables (unless already there)."""
    if done := _counts(out, partition.id):
        return done
    try:
        return tables.write_partition(out, partition.id, process_articles(inputs(partition.paths, options), options))
    except (ModelUnavailable, OSError):  # no input's fault (no model, the output cannot be written): the job's
        raise
    except Exception as error:  # a bug of ours that escaped the pipeline's isolation: the partition's inputs fail
        reason = f"could not be processed ({type(error).__name__}: {error}); please report this"
        return tables.write_partition(out, partition.id, [Failure(path, "ingest", reason) for path in partition.paths])


def _counts(out: Path, partition: str) -> tuple[int, int] | None:
    """The articles and failures of a partition already written, or None when it is not complete."""
    paths = tables.partition_paths(out, partition)
    if not all(path.exists() for path in paths.values()):
        return None
    import pyarrow.parquet as pq

    return pq.read_metadata(paths["articles"]).num_rows, pq.read_metadata(paths["failures"]).num_rows


def _per_article(
    client, partitions: list[Partition], out: Path, options: PipelineOptions, progress: Progress | None
) -> tuple[int, list[tuple[int, int]]]:
    from distributed import as_completed

    written = {partition.id: _counts(out, partition.id) for partition in partitions}
    counts = [done for done in written.values() if done]
    skipped = len(counts)
    todo = [partition for partition in partitions if not written[partition.id]]
    futures = [
        client.submit(process_partition, partition, out, options, key=f"partition-{partition.id}", retries=2)
        for partition in todo
    ]
    _tell(progress, "articles", skipped, len(partitions))
    for future in as_completed(futures):
        counts.append(future.result())
        _tell(progress, "articles", len(counts), len(partitions))
    return skipped, counts


def _group(out: Path) -> list[Story]:
    """The corpus step over every signature (an article in two inputs counted once), written as two tables."""
    signatures: dict[str, Signature] = {}
    for signature in tables.read_signatures(out):
        signatures.setdefault(signature.article, signature)
    stories, placements = group_articles(list(signatures.values()))
    tables.write_table(out / "stories.parquet", "stories", tables.story_rows(stories))
    tables.write_table(out / "placements.parquet", "placements", tables.placement_rows(placements))
    return stories


def report_chunk(name: str, stories: list[Story], files: list[Path], out: Path, options: PipelineOptions) -> Path:
    """A worker's task: the per-story step over a few stories, their readings read from the batch's tables."""
    path = out / "reports" / f"part-{name}.parquet"
    if path.exists():
        return path
    wanted = {article for story in stories for article in story.articles}
    readings: dict[str, Reading] = {}
    for reading in tables.read_readings(files, wanted):  # `files` in the run's order: the first of a twice-given one
        readings.setdefault(reading.id, reading)
    reports = [report_story(story, [readings[article] for article in story.articles], options) for story in stories]
    tables.write_table(path, "reports", tables.report_rows(reports))
    return path


def _per_story(
    client, stories: list[Story], out: Path, options: PipelineOptions, size: int, progress: Progress | None
) -> None:
    """Reports of every story, in chunks over the cluster, then all of them as JSON Lines, in the stories' order."""
    from distributed import as_completed

    order = {path: number for number, path in enumerate(tables.partition_files(out, "readings"))}
    where: dict[str, Path] = {}
    for path, article in tables.read_column(out / "readings", "id"):
        where.setdefault(article, path)  # an article given twice: where the run met it first
    chunks = [stories[start : start + size] for start in range(0, len(stories), size)]
    futures = []
    for chunk in chunks:
        files = sorted({where[article] for story in chunk for article in story.articles}, key=order.__getitem__)
        name = _digest([story.id + ":" + ",".join(story.articles) for story in chunk])
        futures.append(client.submit(report_chunk, name, chunk, files, out, options, key=f"reports-{name}", retries=2))
    _tell(progress, "stories", 0, len(chunks))
    for done, _future in enumerate(as_completed(futures), start=1):
        _tell(progress, "stories", done, len(chunks))
    temporary = out / ".reports.jsonl.tmp"
    with temporary.open("w", encoding="utf-8") as lines:
        for future in futures:
            for _path, blob in tables.read_column(out / "reports", "record", [future.result()]):
                lines.write(json.dumps(records.load(blob), ensure_ascii=False) + "\n")
    os.replace(temporary, out / "reports.jsonl")


def _tell(progress: Progress | None, step: str, done: int, total: int) -> None:
    if progress:
        progress(step, done, total)
