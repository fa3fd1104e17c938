"""The library: articles read once and kept in one SQLite file, each placed in its story as it arrives.

`Library.add` runs the pipeline's per-article step on new inputs and places each article with the grouper,
incrementally: nothing already placed is regrouped. It works in two phases, each committed in small chunks:

1. read: every input not already held (same URL or same clean text) is read, analysed, signed and stored,
   waiting to be placed;
2. place: the waiting articles are placed in their stories, in the same order the corpus step uses
   (earliest date, then id), so a library and a batch run of the same articles find the same stories.

A killed `add` loses nothing it committed, and running it again finishes the batch: held articles are not read
again, waiting ones are placed. After placing, every story whose membership changed is reported and its report
kept (store/reports.py), so reading a story's report, listing its counts or telling what changed since a visit
costs no comparison; a story left marked by a killed run (`unreported`) is reported by the next `add` or the first read.
`report PATH...` uses a throw-away library in memory.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
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
    StoryFilter,
    StoryReport,
    StorySummary,
)
from corroborate.pipeline import PipelineOptions, Processed, extract_articles, inputs, process_articles, report_story
from corroborate.store import records, reports
from corroborate.store.changes import Changes, Digest, changes_between
from corroborate.store.schema import connect, transaction

if TYPE_CHECKING:
    from corroborate.store.state import SqliteState

SEARCH_HITS = 2_000
"""Matching articles read for a search, best first (FTS5's bm25): their stories, in that order, are the answer."""
CHUNK = 16
"""Articles per transaction: small enough that a kill loses little work, large enough to amortise commits."""

AddOutcome = Placement | Duplicate | Failure | Notice
log = logging.getLogger(__name__)
SUMMARY_COLUMNS = (
    "story.id, story.title, story.size, story.sources, story.updated, story_report.corroborated,"
    " story_report.disagreements FROM story LEFT JOIN story_report ON story_report.story = story.id"
)
"""What a listing reads of each story: its row and the counts of its kept report (stale ones too: the counts of
the version before are closer than none)."""


@dataclasses.dataclass(frozen=True)
class Visit:
    """A story's report as a visitor sees it now, and what is new in it since their last visit (`since`, None on
    the first visit, when nothing is new)."""

    report: StoryReport
    changes: Changes
    since: str | None


class Library:
    """A library file (or ":memory:"). Use as a context manager, or call `close`."""

    def __init__(self, path: str | Path = ":memory:", options: PipelineOptions | None = None) -> None:
        self.path = str(path)
        self.options = options or PipelineOptions()
        self.connection = connect(self.path)
        self._grouping_state: SqliteState | None = None
        self._made_by = reports.maker(self.options.compare)

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
                    reports.mark(self.connection, {placement.story for placement in chunk})
                placed |= {placement.article: placement for placement in chunk}
        touched = [story for (story,) in self.connection.execute("SELECT story FROM unrefined")]
        if touched:
            with self._transaction():
                moved = grouper.refine(touched)
                self.connection.execute("DELETE FROM unrefined")
                reports.mark(self.connection, {placement.story for placement in moved.values()})
            placed |= {article: placement for article, placement in moved.items() if article in placed}
        self._report_stale()
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

    def stories(
        self, search: str | None = None, limit: int = 50, offset: int = 0, where: StoryFilter | None = None
    ) -> list[StorySummary]:
        """Stories newest first; with `search`, the stories whose articles' titles or texts match it, best first;
        only those `where` keeps (the filters run in SQL, so a page costs what it shows)."""
        condition, values = _story_condition(where or StoryFilter())
        if not search:
            rows = self.connection.execute(
                f"SELECT {SUMMARY_COLUMNS} WHERE {condition}"
                " ORDER BY story.latest IS NULL, story.latest DESC, story.updated DESC LIMIT ? OFFSET ?",
                (*values, limit, offset),
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
        order, rows_by_id = list(ranked), dict[str, tuple]()
        for start in range(0, len(order), 500):  # the filters, over the matching stories, in chunks of ids
            chunk = order[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows_by_id.update(
                (row[0], row)
                for row in self.connection.execute(
                    f"SELECT {SUMMARY_COLUMNS} WHERE story.id IN ({marks}) AND {condition}", (*chunk, *values)
                )
            )
        kept = [story_id for story_id in order if story_id in rows_by_id]
        return [
            self._summary(rows_by_id[story_id], tuple(dict.fromkeys(ranked[story_id])))
            for story_id in kept[offset : offset + limit]
        ]

    def _summary(self, row: tuple, matches: tuple[str, ...]) -> StorySummary:
        story_id, title, size, sources, updated, corroborated, disagreements = row
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
            corroborated=corroborated,
            disagreements=disagreements,
        )

    def titles(self, story_ids: Iterable[str]) -> dict[str, str | None]:
        """The titles of these stories (None for one without a title); ids of no story are left out."""
        found: dict[str, str | None] = {}
        for story_id in dict.fromkeys(story_ids):
            row = self.connection.execute("SELECT title FROM story WHERE id = ?", (story_id,)).fetchone()
            if row:
                found[story_id] = row[0]
        return found

    def counts(self) -> tuple[int, int]:
        """How many articles and stories the library holds."""
        articles = self.connection.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        stories = self.connection.execute("SELECT COUNT(*) FROM story").fetchone()[0]
        return int(articles), int(stories)

    def report_story(self, story_id: str) -> StoryReport:
        """The story's report: the one kept when it is current, else made now (and kept)."""
        return self._current_report(self.resolve(story_id))[0]

    def visit(self, visitor: str, story_id: str) -> Visit:
        """The story's report for a visitor (a random id the web app keeps in a cookie), with what is new since
        the version they last saw; this version is remembered as seen."""
        story_id = self.resolve(story_id)
        report, version = self._current_report(story_id)
        seen = reports.last_visit(self.connection, visitor, story_id)
        changes, since = Changes(), None
        if seen is not None and seen[0] != version:
            before, now = reports.digest(self.connection, story_id, seen[0]), Digest.of(report)
            changes, since = (changes_between(before, now), seen[1]) if before is not None else (Changes(), None)
        # a library that cannot be written still shows its stories
        with contextlib.suppress(LibraryError), self._transaction():
            reports.record_visit(self.connection, visitor, story_id, version, _now())
        return Visit(report, changes, since)

    def last_change(self, story_id: str) -> Changes | None:
        """What the story's latest report brought over the one before (None: it was reported once)."""
        return reports.last_change(self.connection, story_id)

    def _current_report(self, story_id: str) -> tuple[StoryReport, int]:
        """The report of the story's current version, and that version."""
        found = reports.kept(self.connection, story_id, self._made_by)
        if found is not None:
            return found
        report, version = self._make_report(story_id)
        # kept when the library can be written; shown either way
        with contextlib.suppress(LibraryError), self._transaction():
            if reports.keep(self.connection, report, version, self._made_by, _now()):
                reports.unmark(self.connection, story_id)
        return report, version

    def _make_report(self, story_id: str) -> tuple[StoryReport, int]:
        """The story's report and the version it is of: both read in one snapshot, so they match."""
        self.connection.execute("BEGIN")
        try:
            (version,) = self.connection.execute("SELECT version FROM story WHERE id = ?", (story_id,)).fetchone()
            story, readings = self.story(story_id)
        finally:
            self.connection.execute("COMMIT")
        return report_story(story, readings, self.options), int(version)

    def _report_stale(self) -> None:
        """Report every story marked as changed, each kept (and unmarked) in its own transaction. A story whose
        comparison fails stays marked: the next add tries again, and reading it will say why."""
        for story_id in reports.unreported(self.connection):
            if reports.kept(self.connection, story_id, self._made_by) is None:
                try:
                    report, version = self._make_report(story_id)
                except Exception:  # a bug of compare's must not undo the placing: said in the log, tried again
                    log.warning("story %s could not be reported; tried again later", story_id, exc_info=True)
                    continue
                with self._transaction():
                    if reports.keep(self.connection, report, version, self._made_by, _now()):
                        reports.unmark(self.connection, story_id)
            else:  # made when it was first read
                with self._transaction():
                    reports.unmark(self.connection, story_id)

    def report(self, story_ids: Sequence[str] | None = None) -> Report:
        """The report of these stories (every story when none is given)."""
        ids = list(story_ids) if story_ids is not None else self.story_ids()
        return Report(schema_version=SCHEMA_VERSION, stories=tuple(self.report_story(story_id) for story_id in ids))

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """A write transaction (schema.transaction): stored whole or not at all; when it fails, the profiles
        grouping remembered from it are forgotten."""
        try:
            with transaction(self.connection, self.path):
                yield
        except BaseException:
            if self._grouping_state is not None:
                self._grouping_state.forget()
            raise


def _story_condition(where: StoryFilter) -> tuple[str, list[object]]:
    """The filter as an SQL condition on `story` (joined with its kept report) and its values. A story's dates
    are its articles' (publication, else the earliest their text allows), as its summary shows them."""
    conditions = ["story.sources >= ?"]
    values: list[object] = [where.min_sources]
    if where.disputed:
        conditions.append("story_report.disagreements > 0")
    if where.since:
        conditions.append(
            "(SELECT MAX(coalesce(published, earliest)) FROM article WHERE article.story = story.id) >= ?"
        )
        values.append(where.since.isoformat())
    if where.until:
        conditions.append(
            "(SELECT MIN(coalesce(published, earliest)) FROM article WHERE article.story = story.id) <= ?"
        )
        values.append(where.until.isoformat())
    if where.outlet:
        conditions.append(
            "EXISTS (SELECT 1 FROM article WHERE article.story = story.id"
            " AND coalesce(outlet, wire) = ? COLLATE NOCASE)"
        )
        values.append(where.outlet)
    return " AND ".join(conditions), values


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
