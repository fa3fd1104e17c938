"""The library's SQLite schema, as numbered migrations, and how a library file is opened.

The schema version is SQLite's `user_version`. Opening a library applies the migrations it lacks, each in its
own transaction, so an older library is brought up to date and a half-applied migration never remains. A
library made by a newer corroborate is refused with a message rather than misread. WAL mode lets `stories`
and `report` read while `add` writes, and a killed `add` loses nothing it committed.

    article     one row per article: its reading and signature (zlib-compressed JSON), its story and source,
                and `placed`, the order in which articles joined their stories (NULL: waiting to be placed)
    story       one row per story: its profile (what an article must fit to join it), dates, counts, and a
                version that grows with every change of the profile (readers cache profiles by it)
    story_key   blocking keys (rare entities, key terms, embedding bands) -> the stories they lead to
    key_spread  in how many stories each key is (a key found everywhere blocks nothing)
    lsh_bucket  MinHash LSH buckets (datasketch's bands) -> article, to find re-publications
    lsh_key     each indexed article's band hashes (datasketch's key storage)
    unrefined   stories a batch placed articles in, until refinement has merged the pieces of one event
    failure     inputs that could not be used, with why (kept for the record; a rerun tries them again)
    article_fts full-text index (FTS5) of titles and texts
    job         the web app's adding jobs: waiting, running or done, and how many of their inputs were read
    job_input   each job's inputs as the user gave them (a link, pasted text as a JSON record, a file's bytes)
    job_outcome what became of each input and article of a job (placed, held, warning, error), in order
    story_report each story's report (compressed JSON) for the story version it was made of, and its counts
                (sources, corroborated facts, single-source claims, disagreements); stale when the story's version
                or the report's maker (schema version, compare options) moved on
    story_digest per story and version reported, the ids of its sources, corroborated and disputed claims
    visit       per visitor (a random id in a cookie) and story, the version last seen and when
    unreported  stories whose membership changed since their report was kept (a killed `add` leaves some)
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from corroborate.errors import LibraryError

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, stories and the grouping indexes.
    """
    CREATE TABLE article (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        url TEXT,
        title TEXT,
        outlet TEXT,
        wire TEXT,
        published TEXT,
        earliest TEXT,
        latest TEXT,
        words INTEGER NOT NULL,
        reading BLOB NOT NULL,
        signature BLOB NOT NULL,
        added TEXT NOT NULL,
        story TEXT,
        source_id TEXT,
        placed INTEGER
    );
    CREATE INDEX article_story ON article (story, placed);
    CREATE INDEX article_placed ON article (placed);
    CREATE TABLE story (
        id TEXT PRIMARY KEY,
        title TEXT,
        size INTEGER NOT NULL,
        sources INTEGER NOT NULL,
        earliest TEXT,
        latest TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        profile BLOB NOT NULL
    );
    CREATE INDEX story_updated ON story (updated);
    CREATE TABLE story_key (
        key TEXT NOT NULL,
        story TEXT NOT NULL,
        PRIMARY KEY (key, story)
    ) WITHOUT ROWID;
    CREATE TABLE key_spread (
        key TEXT PRIMARY KEY,
        stories INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE lsh_bucket (
        band INTEGER NOT NULL,
        hash BLOB NOT NULL,
        article TEXT NOT NULL,
        PRIMARY KEY (band, hash, article)
    ) WITHOUT ROWID;
    CREATE TABLE lsh_key (
        article TEXT PRIMARY KEY,
        hashes BLOB NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE unrefined (
        story TEXT PRIMARY KEY
    ) WITHOUT ROWID;
    CREATE TABLE failure (
        source TEXT NOT NULL,
        stage TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: full-text search over titles and texts; filled from the articles a library already holds.
    """
    CREATE VIRTUAL TABLE article_fts USING fts5 (title, text, tokenize = 'porter unicode61');
    """,
    # 3: the web app's adding jobs (store/jobs.py): what the user gave, kept before the work starts, and what
    # became of it.
    """
    CREATE TABLE job (
        id TEXT PRIMARY KEY,
        created TEXT NOT NULL,
        state TEXT NOT NULL,
        inputs INTEGER NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        finished TEXT
    );
    CREATE INDEX job_state ON job (state);
    CREATE TABLE job_input (
        job TEXT NOT NULL REFERENCES job (id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        suffix TEXT NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (job, position)
    ) WITHOUT ROWID;
    CREATE TABLE job_outcome (
        job TEXT NOT NULL REFERENCES job (id),
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        message TEXT,
        article TEXT,
        story TEXT,
        new_story INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (job, seq)
    ) WITHOUT ROWID;
    """,
    # 4: each story's report kept for its current version, with the counts the list filters on; the digests of
    # its versions' reports (what changed between two); what each visitor last saw of each story; the stories to report
    # again (every story of a library made before).
    """
    CREATE TABLE story_report (
        story TEXT PRIMARY KEY REFERENCES story (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        made_by TEXT NOT NULL,
        report BLOB NOT NULL,
        sources INTEGER NOT NULL,
        corroborated INTEGER NOT NULL,
        single_source INTEGER NOT NULL,
        disagreements INTEGER NOT NULL,
        made TEXT NOT NULL
    );
    CREATE TABLE story_digest (
        story TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        digest BLOB NOT NULL,
        made TEXT NOT NULL,
        PRIMARY KEY (story, version)
    ) WITHOUT ROWID;
    CREATE TABLE visit (
        visitor TEXT NOT NULL,
        story TEXT NOT NULL REFERENCES story (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (visitor, story)
    ) WITHOUT ROWID;
    CREATE INDEX visit_story ON visit (story);
    CREATE TABLE unreported (
        story TEXT PRIMARY KEY REFERENCES story (id) ON DELETE CASCADE
    ) WITHOUT ROWID;
    INSERT INTO unreported (story) SELECT id FROM story;
    """,
    # 5: the keys leading to a story, by story: dropping a story merged into another read every posting.
    """
    CREATE INDEX story_key_story ON story_key (story);
    """,
)
VERSION = len(MIGRATIONS)
BUSY_TIMEOUT = 30.0
"""Seconds a write waits for another process's (an `add` running beside it) before giving up with a message."""


def connect(path: str | Path) -> sqlite3.Connection:
    """The library at `path` (":memory:" for a throw-away one), created or migrated to the current schema."""
    name = str(path)
    if name != ":memory:":
        folder = Path(name).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(name, f"cannot create its folder ({error.strerror or error})") from None
    try:
        connection = sqlite3.connect(name, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False)
        connection.execute("PRAGMA foreign_keys = ON")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise LibraryError(name, f"not a corroborate library, or a damaged one ({error})") from None
    if version > VERSION:
        connection.close()
        raise LibraryError(
            name,
            f"made by a newer corroborate (library schema {version}, this one knows {VERSION}): upgrade corroborate",
        )
    try:
        if name != ":memory:":
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
        for number in range(version + 1, VERSION + 1):
            _migrate(connection, number)
    except sqlite3.OperationalError as error:
        connection.close()
        raise LibraryError(name, f"cannot be opened for writing ({error})") from None
    return connection


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection, path: str) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when anything fails, so a chunk of work is stored whole or not at
    all; SQLite's errors as a LibraryError naming the library file and what to do."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise LibraryError(path, f"cannot be written ({explain(error)})") from None
    try:
        yield
        connection.execute("COMMIT")
    except BaseException as error:
        if connection.in_transaction:  # SQLite ends some failed transactions itself (a full disk)
            connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError):
            raise LibraryError(path, f"cannot be written ({explain(error)})") from None
        raise


def explain(error: sqlite3.Error) -> str:
    """SQLite's words for what went wrong, with what to do about it when that is known."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"{text}: another corroborate is writing to it; try again when it is done"
    if "full" in text:
        return f"{text}: free some space and run the same command again (what was committed is kept)"
    if "malformed" in text or "not a database" in text:
        return f"{text}: the file is damaged or is not a corroborate library"
    return text


def _migrate(connection: sqlite3.Connection, number: int) -> None:
    """Apply migration `number` and record it, all or nothing."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        for statement in _statements(MIGRATIONS[number - 1]):
            connection.execute(statement)
        if number == 2:
            _fill_search_index(connection)
        connection.execute(f"PRAGMA user_version = {number}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _statements(script: str) -> list[str]:
    return [statement.strip() for statement in script.split(";") if statement.strip()]


def _fill_search_index(connection: sqlite3.Connection) -> None:
    """Index the articles a library held before it had a search index."""
    from corroborate.store.records import load_reading

    rows = connection.execute("SELECT seq, reading FROM article").fetchall()
    for seq, blob in rows:
        article = load_reading(blob).article
        connection.execute(
            "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)", (seq, article.title or "", article.text)
        )
