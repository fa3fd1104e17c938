"""Grouping's state (group/state.py's `GroupingState`) in the library's SQLite tables.

The same records as `MemoryState`, kept where they survive the process: an article's story and source are
columns of its row, a story's profile a column of the story's row, blocking keys rows of `story_key` (with
their spread counted in `key_spread`), the re-publication index datasketch's LSH over `lsh_bucket`. Every
method is a lookup by key on an index, so placing an article costs the same in a library of a thousand
articles or of a million. The caller (the library) holds the transaction.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any

from corroborate.group import GroupingOptions
from corroborate.group.state import best_first
from corroborate.models import Signature, Story, StoryProfile
from corroborate.store import records
from corroborate.store.lsh import sqlite_lsh

PROFILES_CACHED = 4_096
"""Story profiles kept decoded in memory (a few hundred keys each: tens of megabytes at most)."""
MAX_VARIABLES = 900
"""Keys per `IN (...)` query: under SQLite's default limit on bound variables in older builds (999)."""


class SqliteState:
    """`GroupingState` over a library's connection."""

    def __init__(self, connection: sqlite3.Connection, options: GroupingOptions | None = None) -> None:
        options = options or GroupingOptions()
        self.connection = connection
        self.lsh = sqlite_lsh(connection, threshold=options.lsh_threshold, num_perm=options.num_perm)
        self._cache: OrderedDict[str, tuple[int, StoryProfile]] = OrderedDict()
        """Profiles read before, by story, with their version: reading a profile of hundreds of keys costs more
        than the rest of placing an article, and the same candidates come back again and again."""

    def signatures(self, article_ids: Sequence[str]) -> dict[str, Signature]:
        found = self._rows("SELECT id, signature FROM article WHERE id IN", article_ids)
        return {article: records.load_signature(found[article]) for article in article_ids if article in found}

    def source_of(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT source_id FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story_of(self, article_id: str) -> str | None:
        row = self.connection.execute("SELECT story FROM article WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def story(self, story_id: str) -> Story | None:
        rows = self.connection.execute(
            "SELECT id, source_id FROM article WHERE story = ? ORDER BY placed", (story_id,)
        ).fetchall()
        if not rows:
            return None
        sources: dict[str, list[str]] = {}
        for article, source in rows:
            sources.setdefault(source, []).append(article)
        for source, articles in sources.items():  # the source's first article first, then the order they joined
            articles.sort(key=lambda article: article != source)
        return Story(story_id, tuple(row[0] for row in rows), tuple(tuple(articles) for articles in sources.values()))

    def stories_sharing(self, keys: Sequence[str], window: tuple[date, date] | None, limit: int) -> dict[str, int]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        counts: dict[str, int] = {}
        for chunk in _chunks(keys):
            rows = self.connection.execute(
                f"SELECT story, COUNT(*) FROM story_key WHERE key IN ({_marks(chunk)}) GROUP BY story", chunk
            ).fetchall()
            for story, count in rows:
                counts[story] = counts.get(story, 0) + count
        if window is None:
            return dict(next(best_first(counts, limit)))
        # The window is checked best first, a few times `limit` stories at a time, until `limit` are found: the
        # keys may lead to thousands of stories, of which only the first few are wanted.
        found: dict[str, int] = {}
        for best in best_first(counts, min(MAX_VARIABLES, 4 * limit)):
            ids = [story for story, _ in best]
            rows = self.connection.execute(
                f"SELECT id FROM story WHERE id IN ({_marks(ids)})"
                " AND (earliest IS NULL OR latest IS NULL OR (earliest <= ? AND ? <= latest))",
                [*ids, window[1].isoformat(), window[0].isoformat()],
            ).fetchall()
            inside = {row[0] for row in rows}
            for story, count in best:
                if story in inside:
                    found[story] = count
                    if len(found) == limit:
                        return found
        return found

    def key_spread(self, keys: Sequence[str]) -> dict[str, int]:
        spread = dict.fromkeys(keys, 0)
        for chunk in _chunks(list(dict.fromkeys(keys))):
            rows = self.connection.execute(
                f"SELECT key, stories FROM key_spread WHERE key IN ({_marks(chunk)})", chunk
            ).fetchall()
            spread.update(dict(rows))
        return spread

    def stories(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM story").fetchone()[0])

    def profiles(self, story_ids: Sequence[str]) -> dict[str, StoryProfile]:
        versions = self._rows("SELECT id, version FROM story WHERE id IN", story_ids)
        found: dict[str, StoryProfile] = {}
        for story, version in versions.items():
            cached = self._cache.get(story)
            if cached is not None and cached[0] == version:
                found[story] = cached[1]
                self._cache.move_to_end(story)
        stale = [story for story in versions if story not in found]
        for story, blob in self._rows("SELECT id, profile FROM story WHERE id IN", stale).items():
            # remembering one may push out of a full cache another of these: the answer is built apart from it
            found[story] = records.load_profile(blob)
            self._remember(story, versions[story], found[story])
        return {story: found[story] for story in story_ids if story in found}

    def forget(self) -> None:
        """Drop the profiles remembered: after a rolled-back transaction, some may never have been stored."""
        self._cache.clear()

    def _remember(self, story: str, version: int, profile: StoryProfile) -> None:
        self._cache[story] = (version, profile)
        while len(self._cache) > PROFILES_CACHED:
            self._cache.popitem(last=False)

    def _rows(self, query: str, ids: Sequence[str]) -> dict[str, Any]:
        """id -> value for `query` ("SELECT id, value FROM table WHERE id IN") over these ids, in chunks."""
        found: dict[str, Any] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            found.update(self.connection.execute(f"{query} ({_marks(chunk)})", chunk).fetchall())
        return found

    def save(
        self, signature: Signature, story_id: str, source_id: str, profile: StoryProfile, new_keys: Sequence[str]
    ) -> None:
        self.connection.execute(
            "UPDATE article SET story = ?, source_id = ?, placed = (SELECT coalesce(MAX(placed), 0) + 1 FROM article)"
            " WHERE id = ?",
            (story_id, source_id, signature.article),
        )
        self._put_profiles([profile])
        self._post(story_id, new_keys)

    def move(
        self, article_ids: Sequence[str], story_id: str, profiles: Sequence[StoryProfile], new_keys: Sequence[str]
    ) -> None:
        for article in article_ids:
            self.connection.execute(
                "UPDATE article SET story = ?, placed = (SELECT coalesce(MAX(placed), 0) + 1 FROM article)"
                " WHERE id = ?",
                (story_id, article),
            )
        self._put_profiles(profiles)
        self._post(story_id, new_keys)

    def drop(self, story_id: str) -> None:
        keys = [row[0] for row in self.connection.execute("SELECT key FROM story_key WHERE story = ?", (story_id,))]
        self.connection.executemany("UPDATE key_spread SET stories = stories - 1 WHERE key = ?", [(k,) for k in keys])
        self.connection.execute("DELETE FROM story_key WHERE story = ?", (story_id,))
        self.connection.execute("DELETE FROM story WHERE id = ?", (story_id,))
        self._cache.pop(story_id, None)

    def _put_profiles(self, profiles: Sequence[StoryProfile]) -> None:
        """Store each profile with the story's listing facts (title, counts, dates), the story created if new."""
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        for profile in profiles:
            title, sources = self.connection.execute(
                "SELECT (SELECT title FROM article WHERE story = ?1 AND title IS NOT NULL ORDER BY placed LIMIT 1),"
                " (SELECT COUNT(DISTINCT source_id) FROM article WHERE story = ?1)",
                (profile.id,),
            ).fetchone()
            (version,) = self.connection.execute(
                "INSERT INTO story (id, title, size, sources, earliest, latest, created, updated, profile)"
                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)"
                " ON CONFLICT (id) DO UPDATE SET title = ?2, size = ?3, sources = ?4, earliest = ?5, latest = ?6,"
                " updated = ?7, profile = ?8, version = version + 1 RETURNING version",
                (
                    profile.id,
                    title,
                    profile.size,
                    sources,
                    _iso(profile.earliest),
                    _iso(profile.latest),
                    now,
                    records.dump_profile(profile),
                ),
            ).fetchone()
            self._remember(profile.id, version, profile)

    def _post(self, story_id: str, keys: Sequence[str]) -> None:
        """Let the keys not yet leading to the story lead there, and count the story in their spread: three
        statements, not two per key (an article has some sixty keys)."""
        keys = list(dict.fromkeys(keys))
        held: set[str] = set()
        for chunk in _chunks(keys):
            rows = self.connection.execute(
                f"SELECT key FROM story_key WHERE story = ? AND key IN ({_marks(chunk)})", [story_id, *chunk]
            )
            held.update(row[0] for row in rows)
        new = [key for key in keys if key not in held]
        self.connection.executemany("INSERT INTO story_key (key, story) VALUES (?, ?)", [(k, story_id) for k in new])
        self.connection.executemany(
            "INSERT INTO key_spread (key, stories) VALUES (?, 1) ON CONFLICT (key) DO UPDATE SET stories = stories + 1",
            [(key,) for key in new],
        )


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[start : start + MAX_VARIABLES] for start in range(0, len(items), MAX_VARIABLES)]


def _marks(chunk: Sequence[str]) -> str:
    return ", ".join("?" * len(chunk))


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
