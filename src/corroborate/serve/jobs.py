"""The background worker of the web app: adding jobs run one at a time, in one thread, through
`Library.add_documents`, the code `corroborate add` runs, so an input gets the same outcome and message.

The worker is the app's only writer of articles (a request only stores a job's inputs, store/jobs.py). It records
each outcome as it comes and how many inputs it has read, so a job's page shows progress while it runs. Asked to
stop, it leaves the job it is running unfinished, and the next app on the same file runs it again.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Iterator

from corroborate.errors import CorroborateError, InputError
from corroborate.ingest import is_url, parse_bytes, read_path
from corroborate.models import Duplicate, Failure, Notice, Placement, RawDocument
from corroborate.pipeline import PipelineOptions
from corroborate.store import AddOutcome, Library
from corroborate.store.jobs import JobInput, JobOutcome, JobStore

log = logging.getLogger(__name__)
STOP_WAIT = 10.0
"""Seconds the app waits, when it stops, for the worker to leave its job between two articles."""


class JobRunner:
    """Runs the jobs of one library file, one at a time, in a thread started with the first job."""

    def __init__(self, db_path: str, options: PipelineOptions) -> None:
        self.db_path = db_path
        self.options = options
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def resume(self) -> list[str]:
        """Queue the jobs a stopped server left waiting or running; their ids."""
        with JobStore(self.db_path) as jobs:
            unfinished = jobs.unfinished()
        for job_id in unfinished:
            self.submit(job_id)
        return unfinished

    def submit(self, job_id: str) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="corroborate-jobs", daemon=True)
                self._thread.start()
        self._queue.put(job_id)

    def stop(self) -> None:
        """Stop between two articles; the job then running stays unfinished, to be resumed at the next start."""
        self._stopping.set()
        self._queue.put(None)
        if self._thread is not None:
            self._thread.join(STOP_WAIT)

    def _work(self) -> None:
        while (job_id := self._queue.get()) is not None and not self._stopping.is_set():
            try:
                run_job(self.db_path, self.options, job_id, self._stopping)
            except Exception as error:  # the worker must outlive any one job: the job ends with the reason
                log.exception("adding job %s failed", job_id)
                _end_with_error(self.db_path, job_id, error)


def run_job(db_path: str, options: PipelineOptions, job_id: str, stopping: threading.Event | None = None) -> bool:
    """Run one job from its first input and record its outcomes; False when `stopping` cut it short."""
    with JobStore(db_path) as jobs, Library(db_path, options) as library:
        inputs = jobs.inputs(job_id)
        jobs.start(job_id)

        def documents() -> Iterator[RawDocument | Failure]:
            for count, item in enumerate(inputs, start=1):
                if stopping is not None and stopping.is_set():
                    raise _Stopped  # not a plain return: the library would take the inputs as all read
                yield from input_documents(item, options)
                jobs.mark_read(job_id, count)

        try:
            for outcome in library.add_documents(documents()):
                jobs.record(job_id, job_outcome(outcome, library))
                if stopping is not None and stopping.is_set():
                    return False
        except _Stopped:
            return False
        jobs.mark_read(job_id, len(inputs))
        jobs.finish(job_id)
    return True


class _Stopped(Exception):
    """The app is stopping: the job is left unfinished, to be run again at the next start."""


def input_documents(item: JobInput, options: PipelineOptions) -> list[RawDocument | Failure]:
    """The documents one input holds, read as `corroborate add` reads a URL or a file, or the failure saying why."""
    try:
        if item.kind == "refused":
            raise InputError(item.name, item.data.decode("utf-8"))
        if item.kind == "link":
            if not is_url(item.name):  # never a path: the form takes only web addresses
                raise InputError(item.name, "not a web address (a link starts with http:// or https://)")
            return list(read_path(item.name, options.ingest))
        return list(parse_bytes(item.name, item.data, options.ingest, suffix=item.suffix))
    except InputError as error:
        return [Failure(error.source, "ingest", error.reason)]


def job_outcome(outcome: AddOutcome, library: Library) -> JobOutcome:
    """An outcome of `add` as a job keeps it, errors and warnings in the command line's words."""
    if isinstance(outcome, Placement):
        source = library.source_name(outcome.article)
        return JobOutcome("placed", source, None, outcome.article, outcome.story, outcome.new_story)
    if isinstance(outcome, Duplicate):
        return JobOutcome("held", outcome.source, None, outcome.article, outcome.story)
    if isinstance(outcome, Notice):
        return JobOutcome("warning", outcome.source, f"{outcome.source}: {outcome.message}")
    return JobOutcome("error", outcome.source, f"{outcome.source}: {outcome.reason}")


def _end_with_error(db_path: str, job_id: str, error: Exception) -> None:
    """End a job that failed as a whole (the library could not be written, ...) with the reason as its outcome."""
    message = str(error) if isinstance(error, CorroborateError) else f"{type(error).__name__}: {error}"
    try:
        with JobStore(db_path) as jobs:
            jobs.record(job_id, JobOutcome("error", "library", message))
            jobs.finish(job_id)
    except CorroborateError:
        log.exception("adding job %s could not be ended", job_id)
