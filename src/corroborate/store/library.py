"""The library: articles read once and kept in one SQLite file, each placed in its story as it arrives.

`Library.add` runs the pipeline's per-article step on new inputs and places each article with the grouper,
incrementally: nothing already placed is regrouped. It works in two phases, each committed in small chunks:

1. read: every input not already held (same URL or same clean text) is read, analysed, signed and stored,
   waiting to be placed;
2. place: the waiting articles are placed in their stories, in the same order the corpus step uses
   (earliest date, then id), so a library and a batch run of the same articles find the same stories.

A killed `add` loses nothing it committed, and running it again finishes the batch: held articles are not read
again, waiting ones are placed. `report PATH...` uses a throw-away library in memory.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from corroborate.errors import LibraryError
from corroborate.models import (
    SCHEMA_VERSION,
    Article,
    Duplicate,
    Failure,
    Notice,
    Placement,
    RawDocument,
    Reading,
    Report,
    Signature,
    Story,
    StoryReport,
    StorySummary,
)
from corroborate.pipeline import PipelineOptions, Processed, extract_articles, inputs, process_articles, report_story
from corroborate.store import records
from corroborate.store.schema import connect, explain

if TYPE_CHECKING:
    from corroborate.store.state import SqliteState

SEARCH_HITS = 2_000
"""Matching articles read for a search, best first (FTS5's bm25): their stories, in that order, are the answer."""
CHUNK = 16
"""Articles per transaction: small enough that a kill loses little work, large enough to amortise commits."""

AddOutcome = Placement | Duplicate | Failure | Notice


class Library:
    """A library file (or ":memory:"). Use as a context manager, or call `close`."""

    def __init__(self, path: str | Path = ":memory:", options: PipelineOptions | None = None) -> None:
        self.path = str(path)
        self.options = options or PipelineOptions()
        self.connection = connect(self.path)
        self._grouping_state: SqliteState | None = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # Adding articles.

    def add(self, paths: Iterable[str]) -> Iterator[AddOutcome]:
        """Read, store and place what the paths (files, folders, URLs, `-`) hold; one outcome per article or
        failed input, as it happens."""
        yield from self.add_documents(inputs(paths, self.options))

    def add_documents(self, documents: Iterable[RawDocument | Article | Failure]) -> Iterator[AddOutcome]:
        yield from self._read(documents)
        yield from self.place_waiting()

    def add_processed(self, items: Iterable[Processed | Failure]) -> Iterator[AddOutcome]:
        """Store articles read and signed elsewhere (a batch run's output), then place them."""
        yield from self._store(items)
        yield from self.place_waiting()

    def _read(self, documents: Iterable[RawDocument | Article | Failure]) -> Iterator[AddOutcome]:
        """Phase 1 for raw inputs: extract each (cheap), and read on only those the library does not hold yet.
        Held ones are found while the pipeline pulls its inputs; each is told with the next outcome, or at the end."""
        seen: set[str] = set()

        def fresh() -> Iterator[Article | Failure]:
            for item in extract_articles(documents, self.options):
                if isinstance(item, Article) and (item.id in seen or self.holds(item.id)):
                    duplicates.append(Duplicate(item.source, item.id, self.story_of(item.id)))
                    continue
                if isinstance(item, Article):
                    seen.add(item.id)
                yield item

        duplicates: list[Duplicate] = []
        for outcome in self._store(process_articles(fresh(), self.options)):
            yield from duplicates
            duplicates.clear()
            yield outcome
        yield from duplicates

    def _store(self, items: Iterable[Processed | Failure]) -> Iterator[Failure | Notice]:
        """Phase 1: keep each article, waiting to be placed; failures are kept for the record. Yields the
        failures and what the user should know of the articles kept (their warnings)."""
        pending: list[Processed | Failure] = []
        for item in items:
            pending.append(item)
            if len(pending) >= CHUNK:
                yield from self._store_chunk(pending)
                pending = []
        yield from self._store_chunk(pending)

    def _store_chunk(self, items: list[Processed | Failure]) -> Iterator[Failure | Notice]:
        if not items:
            return
        now = _now()
        with self._transaction():
            for item in items:
                if isinstance(item, Failure):
                    self.connection.execute(
                        "INSERT INTO failure (source, stage, reason, at) VALUES (?, ?, ?, ?)",
                        (item.source, item.stage, item.reason, now),
                    )
                else:
                    self._insert_article(item, now)
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            reading = item.reading
            yield from (Notice(reading.article.source, warning) for warning in reading.article.warnings)
            if not reading.analysed:
                yield Notice(reading.article.source, reading.note or "not analysed")

    def _insert_article(self, item: Processed, now: str) -> None:
        article, signature = item.reading.article, item.signature
        cursor = self.connection.execute(
            "INSERT OR IGNORE INTO article (id, source, url, title, outlet, wire, published, earliest, latest, words,"
            " reading, signature, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.source,
                article.url,
                article.title,
                article.outlet,
                article.wire,
                _iso(article.published),
                _iso(signature.earliest),
                _iso(signature.latest),
                len(article.text.split()),
                records.dump_reading(item.reading),
                records.dump_signature(signature),
                now,
            ),
        )
        if cursor.rowcount:
            self.connection.execute(
                "INSERT INTO article_fts (rowid, title, text) VALUES (?, ?, ?)",
                (cursor.lastrowid, article.title or "", article.text),
            )

    def place_waiting(self) -> Iterator[Placement]:
        """Phase 2: place every article still waiting, earliest first, a chunk per transaction; then refine the
        stories they went to (the pieces of one event merged), as the corpus step does after a batch. Stories
        placed into but not yet refined are remembered (`unrefined`), so a killed run's are refined by the next.
        Yields where each article ended, `new_story` true when its story did not exist before this batch."""
        from corroborate.group import Grouper

        started = _now()
        state = self._state()
        grouper = Grouper(state, self.options.grouping)
        placed: dict[str, Placement] = {}
        # The order is read once (ids only) and the signatures a chunk at a time: sorting every waiting row
        # again for each chunk cost a batch of n articles n * n / CHUNK row reads. Articles another `add` stored
        # meanwhile are found by reading the order again, when this one is done.
        while waiting := [
            article
            for (article,) in self.connection.execute(
                "SELECT id FROM article WHERE placed IS NULL ORDER BY coalesce(published, earliest, '9999-12-31'), id"
            )
        ]:
            for start in range(0, len(waiting), CHUNK):
                with self._transaction():
                    chunk = [grouper.place(signature) for signature in self._waiting(waiting[start : start + CHUNK])]
                    self.connection.executemany(
                        "INSERT OR IGNORE INTO unrefined (story) VALUES (?)", [(p.story,) for p in chunk]
                    )
                placed |= {placement.article: placement for placement in chunk}
        touched = [story for (story,) in self.connection.execute("SELECT story FROM unrefined")]
        if touched:
            with self._transaction():
                moved = grouper.refine(touched)
                self.connection.execute("DELETE FROM unrefined")
            placed |= {article: placement for article, placement in moved.items() if article in placed}
        for placement in placed.values():
            created = self.connection.execute("SELECT created FROM story WHERE id = ?", (placement.story,)).fetchone()
            yield dataclasses.replace(placement, new_story=bool(created) and created[0] >= started)

    def _waiting(self, article_ids: list[str]) -> list[Signature]:
        """The signatures of these articles that are still waiting to be placed, in the order given."""
        marks = ", ".join("?" * len(article_ids))
        query = f"SELECT id, signature FROM article WHERE placed IS NULL AND id IN ({marks})"
        rows = dict(self.connection.execute(query, article_ids).fetchall())
        return [records.load_signature(rows[article]) for article in article_ids if article in rows]

    # Reading the library.

    def holds(self, article_id: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM article WHERE id = ?", (article_id,)).fetchone()
        return row is not None

    def source_name(self, article_id: str) -> str:
        """How the user named the input an article came from (its path or URL)."""
        row = self.connection.execute("SELECT source FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else article_id

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT story FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def resolve(self, story_id: str) -> str:
        """The full id of a story from its id or a unique beginning of it (as `stories` prints them)."""
        rows = self.connection.execute(
            "SELECT id FROM story WHERE id >= ? AND id < ? LIMIT 2", (story_id, story_id + "\uffff")
        ).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
        reason = "no story has this id" if not rows else "more than one story has an id beginning so: give more of it"
        raise LibraryError(self.path, f"{story_id}: {reason} (`corroborate stories` lists them)")

    def story(self, story_id: str) -> tuple[Story, list[Reading]]:
        """A story and the readings of its articles, in the order they joined it."""
        story = self._state().story(self.resolve(story_id))
        assert story is not None  # resolve found it
        rows = self.connection.execute(
            "SELECT reading FROM article WHERE story = ? ORDER BY placed", (story.id,)
        ).fetchall()
        return story, [records.load_reading(row[0]) for row in rows]

    def _state(self) -> SqliteState:
        """The grouping state over this library's file, made once (it caches story profiles)."""
        if self._grouping_state is None:
            from corroborate.store.state import SqliteState

            self._grouping_state = SqliteState(self.connection, self.options.grouping)
        return self._grouping_state

    def story_ids(self) -> list[str]:
        """Every story, most sources first, then by the name of its first article (a report's order)."""
        rows = self.connection.execute(
            "SELECT id FROM story ORDER BY sources DESC,"
            " (SELECT source FROM article WHERE article.story = story.id ORDER BY placed LIMIT 1)"
        ).fetchall()
        return [row[0] for row in rows]

    def stories(self, search: str | None = None, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories newest first; with `search`, the stories whose articles' titles or texts match it, best first."""
        if not search:
            rows = self.connection.execute(
                "SELECT id, title, size, sources, earliest, latest, updated FROM story"
                " ORDER BY latest IS NULL, latest DESC, updated DESC LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            return [self._summary(row, ()) for row in rows]
        query = _fts_query(search)
        if not query:
            return []
        hits = self.connection.execute(
            "SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY bm25(article_fts) LIMIT ?",
            (query, SEARCH_HITS),
        ).fetchall()
        ranked: dict[str, list[str]] = {}  # story -> titles of its matching articles, best story first
        for (seq,) in hits:
            row = self.connection.execute("SELECT story, title FROM article WHERE seq = ?", (seq,)).fetchone()
            if row and row[0]:
                ranked.setdefault(row[0], []).extend([row[1]] if row[1] else [])
        found = []
        for story_id in list(ranked)[offset : offset + limit]:
            row = self.connection.execute(
                "SELECT id, title, size, sources, earliest, latest, updated FROM story WHERE id = ?", (story_id,)
            ).fetchone()
            found.append(self._summary(row, tuple(dict.fromkeys(ranked[story_id]))))
        return found

    def _summary(self, row: tuple, matches: tuple[str, ...]) -> StorySummary:
        story_id, title, size, sources, _earliest, _latest, updated = row
        earliest, latest, estimated = self.connection.execute(
            "SELECT MIN(coalesce(published, earliest)), MAX(coalesce(published, earliest)),"
            " MAX(published IS NULL AND earliest IS NOT NULL) FROM article WHERE story = ?",
            (story_id,),
        ).fetchone()
        outlets = self.connection.execute(
            "SELECT DISTINCT coalesce(outlet, wire) FROM article WHERE story = ? AND coalesce(outlet, wire) IS NOT NULL"
            " ORDER BY placed LIMIT 8",
            (story_id,),
        ).fetchall()
        return StorySummary(
            id=story_id,
            title=title,
            articles=size,
            sources=sources,
            outlets=tuple(outlet for (outlet,) in outlets),
            earliest=_day(earliest),
            latest=_day(latest),
            estimated=bool(estimated),
            updated=updated,
            matches=matches,
        )

    def counts(self) -> tuple[int, int]:
        """How many articles and stories the library holds."""
        articles = self.connection.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        stories = self.connection.execute("SELECT COUNT(*) FROM story").fetchone()[0]
        return int(articles), int(stories)

    def report_story(self, story_id: str) -> StoryReport:
        story, readings = self.story(story_id)
        return report_story(story, readings, self.options)

    def report(self, story_ids: Sequence[str] | None = None) -> Report:
        """The report of these stories (every story when none is given)."""
        ids = list(story_ids) if story_ids is not None else self.story_ids()
        return Report(schema_version=SCHEMA_VERSION, stories=tuple(self.report_story(story_id) for story_id in ids))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK when anything fails: a chunk is stored whole or not at all (and
        the profiles grouping remembered from it are forgotten)."""
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise LibraryError(self.path, f"cannot be written ({explain(error)})") from None
        try:
            yield
            self.connection.execute("COMMIT")
        except BaseException as error:
            if self.connection.in_transaction:  # SQLite ends some failed transactions itself (a full disk)
                self.connection.execute("ROLLBACK")
            if self._grouping_state is not None:
                self._grouping_state.forget()
            if isinstance(error, sqlite3.OperationalError):
                raise LibraryError(self.path, f"cannot be written ({explain(error)})") from None
            raise


def _fts_query(search: str) -> str:
    """The user's words as an FTS5 query: every word must appear (quoted, so no word is read as syntax)."""
    words = [word.replace('"', "") for word in search.split()]
    return " ".join(f'"{word}"' for word in words if word)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def report_inputs(paths: Iterable[str], options: PipelineOptions | None = None) -> tuple[Report, list[AddOutcome]]:
    """The report of what the paths hold, through a throw-away library in memory (what `report PATH...` does),
    and what adding them told (failures, warnings, placements)."""
    with Library(":memory:", options) as library:
        outcomes = list(library.add(paths))
        return library.report(), outcomes
