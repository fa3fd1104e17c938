"""Adding jobs, kept in the library file beside the articles: what a user gave the web app to add, and what
became of it.

A job's inputs are stored, whole, before the app answers the request that gave them, so nothing the user gave
is lost when the server stops: a job still waiting or running when the app starts is run again (serve/jobs.py).
A finished job keeps its outcomes. The Library knows nothing of jobs; this store only reads and writes the three
job tables (schema.py, migration 3).
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import secrets
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from corroborate.store.schema import connect, transaction

JobState = Literal["waiting", "running", "done"]
InputKind = Literal["link", "text", "file", "refused"]
OutcomeKind = Literal["placed", "held", "warning", "error"]
JOB_ID = re.compile(r"j[0-9a-f]{16}")
"""A job's id: `j` and 16 random hex digits, so that one job's page cannot be found from another's."""


@dataclasses.dataclass(frozen=True)
class JobInput:
    """One input as the user gave it. `name` is how messages name it (the link, "pasted text", the uploaded
    file's name, never used as a path); `data` is a file's bytes, the pasted text as a JSON record, nothing for a
    link, or, for an input refused on arrival (`refused`: too large to keep), the reason as UTF-8. `suffix`
    (".html", ".json.gz" -> ".json", ...) tells ingest what the bytes should hold."""

    kind: InputKind
    name: str
    data: bytes = b""
    suffix: str = ""


@dataclasses.dataclass(frozen=True)
class JobOutcome:
    """What became of one input or article: `placed` in `story` (`new_story` when it made it), `held` (the
    library had it already, in `story`), a `warning` about an input still used, an `error` (`message` is the
    command line's line for it, "source: reason")."""

    kind: OutcomeKind
    source: str
    message: str | None = None
    article: str | None = None
    story: str | None = None
    new_story: bool = False


@dataclasses.dataclass(frozen=True)
class Job:
    id: str
    created: str
    state: JobState
    inputs: int
    read: int
    """How many of the inputs were read (fetched, decoded) so far."""
    finished: str | None
    outcomes: tuple[JobOutcome, ...]

    @property
    def placed(self) -> int:
        return sum(outcome.kind == "placed" for outcome in self.outcomes)


class JobStore:
    """The jobs of one library file, on a connection of their own. Use as a context manager, or call `close`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self.connection = connect(path)

    def __enter__(self) -> JobStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    def create(self, inputs: Sequence[JobInput]) -> str:
        """A new waiting job holding `inputs`, stored whole (one transaction) before its id is returned."""
        job_id = "j" + secrets.token_hex(8)
        with self._transaction():
            self.connection.execute(
                "INSERT INTO job (id, created, state, inputs) VALUES (?, ?, 'waiting', ?)",
                (job_id, _now(), len(inputs)),
            )
            self.connection.executemany(
                "INSERT INTO job_input (job, position, kind, name, suffix, data) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (job_id, position, item.kind, item.name, item.suffix, item.data)
                    for position, item in enumerate(inputs)
                ],
            )
        return job_id

    def job(self, job_id: str) -> Job | None:
        row = self.connection.execute(
            "SELECT id, created, state, inputs, read, finished FROM job WHERE id = ?", (job_id,)
        ).fetchone()
        if row is None:
            return None
        outcomes = self.connection.execute(
            "SELECT kind, source, message, article, story, new_story FROM job_outcome WHERE job = ? ORDER BY seq",
            (job_id,),
        ).fetchall()
        found = tuple(
            JobOutcome(kind, source, message, article, story, bool(new_story))
            for kind, source, message, article, story, new_story in outcomes
        )
        job, created, state, inputs, read, finished = row
        return Job(job, created, state, inputs, read, finished, found)

    def inputs(self, job_id: str) -> list[JobInput]:
        rows = self.connection.execute(
            "SELECT kind, name, data, suffix FROM job_input WHERE job = ? ORDER BY position", (job_id,)
        ).fetchall()
        return [JobInput(kind, name, bytes(data), suffix) for kind, name, data, suffix in rows]

    def unfinished(self) -> list[str]:
        """The jobs waiting or left running (by a server that stopped), oldest first."""
        rows = self.connection.execute("SELECT id FROM job WHERE state != 'done' ORDER BY rowid").fetchall()
        return [job_id for (job_id,) in rows]

    def start(self, job_id: str) -> None:
        """Mark the job running, from its first input: a job resumed after a stop is run again whole, and keeps
        what it had recorded (`record` leaves out what the second run tells again)."""
        self.connection.execute("UPDATE job SET state = 'running', read = 0 WHERE id = ?", (job_id,))

    def mark_read(self, job_id: str, count: int) -> None:
        self.connection.execute("UPDATE job SET read = ? WHERE id = ?", (count, job_id))

    def record(self, job_id: str, outcome: JobOutcome) -> None:
        """Add an outcome, unless the job has it already (a job run again after a stop tells its inputs' errors
        again). A placement replaces the `held` outcome of the same article, and a `held` article the job placed
        is left out: the library tells an article it stored before a stop as held, then places it."""
        with self._transaction():
            if outcome.kind == "placed":
                self.connection.execute(
                    "DELETE FROM job_outcome WHERE job = ? AND kind = 'held' AND article = ?", (job_id, outcome.article)
                )
            repeated = self.connection.execute(
                "SELECT 1 FROM job_outcome WHERE job = ? AND ((kind = ? AND source = ? AND message IS ?"
                " AND article IS ?) OR (? = 'held' AND kind = 'placed' AND article = ?))",
                (job_id, outcome.kind, outcome.source, outcome.message, outcome.article, outcome.kind, outcome.article),
            ).fetchone()
            if repeated:
                return
            self.connection.execute(
                "INSERT INTO job_outcome (job, seq, kind, source, message, article, story, new_story)"
                " VALUES (?, (SELECT coalesce(max(seq), 0) + 1 FROM job_outcome WHERE job = ?), ?, ?, ?, ?, ?, ?)",
                (
                    job_id,
                    job_id,
                    outcome.kind,
                    outcome.source,
                    outcome.message,
                    outcome.article,
                    outcome.story,
                    int(outcome.new_story),
                ),
            )

    def finish(self, job_id: str) -> None:
        self.connection.execute("UPDATE job SET state = 'done', finished = ? WHERE id = ?", (_now(), job_id))

    def _transaction(self) -> contextlib.AbstractContextManager[None]:
        return transaction(self.connection, self.path)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
