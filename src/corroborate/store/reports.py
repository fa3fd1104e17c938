"""Stories' reports kept in the library, their versions' digests, and what each visitor last saw.

A story's report is made when its membership changes (after `Library.place_waiting`) and kept with the story
version it was made of and its maker (the report schema and the compare options). It is current while both
match; otherwise it is stale. A story whose membership changed is marked (`unreported`) in the transaction that
changed it, and unmarked with its new report kept, so a killed run leaves its stories marked, never wrong: the
next `add` or the first read makes their reports. Each report kept also leaves the digest of its version
(changes.py), so what a story's page says is new since a visit is the difference of two digests. The caller holds
the transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable

from corroborate.compare import CompareOptions
from corroborate.models import SCHEMA_VERSION, StoryReport, from_dict, to_dict
from corroborate.store import records
from corroborate.store.changes import Changes, Digest, changes_between


def maker(options: CompareOptions) -> str:
    """What a kept report was made by: the report schema's version and the compare options (a report made with
    embeddings is not the one made without)."""
    settings = json.dumps(to_dict(options), sort_keys=True)
    return f"{SCHEMA_VERSION} {hashlib.sha1(settings.encode()).hexdigest()[:12]}"


def kept(connection: sqlite3.Connection, story_id: str, made_by: str) -> tuple[StoryReport, int] | None:
    """The story's kept report and its version, when that is the story's current version and this maker's."""
    row = connection.execute(
        "SELECT r.report, r.version FROM story_report r JOIN story s ON s.id = r.story"
        " WHERE r.story = ? AND r.version = s.version AND r.made_by = ?",
        (story_id, made_by),
    ).fetchone()
    return (from_dict(StoryReport, records.load(row[0])), int(row[1])) if row else None


def keep(connection: sqlite3.Connection, report: StoryReport, version: int, made_by: str, now: str) -> bool:
    """Keep the report of this version of the story, and its digest; nothing when the story has moved on (or
    gone) since the report was made. Whether it was kept."""
    current = connection.execute("SELECT version FROM story WHERE id = ?", (report.id,)).fetchone()
    if current is None or current[0] != version:
        return False
    connection.execute(
        "INSERT OR REPLACE INTO story_report (story, version, made_by, report, sources, corroborated, single_source,"
        " disagreements, made) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            report.id,
            version,
            made_by,
            records.dump(to_dict(report)),
            len(report.sources),
            len(report.corroborated),
            len(report.single_source),
            len(report.disagreements),
            now,
        ),
    )
    connection.execute(
        "INSERT OR REPLACE INTO story_digest (story, version, digest, made) VALUES (?, ?, ?, ?)",
        (report.id, version, records.dump(Digest.of(report).to_data()), now),
    )
    return True


def mark(connection: sqlite3.Connection, story_ids: Iterable[str]) -> None:
    """Remember that these stories changed and are to be reported (in the transaction that changed them)."""
    connection.executemany("INSERT OR IGNORE INTO unreported (story) VALUES (?)", [(story,) for story in story_ids])


def unreported(connection: sqlite3.Connection) -> list[str]:
    """The stories marked as changed since their report was made (a killed `add` leaves some), oldest first: read
    from their own table, so finding them costs what they are, not what the library holds."""
    rows = connection.execute(
        "SELECT s.id FROM unreported u JOIN story s ON s.id = u.story ORDER BY s.updated, s.id"
    ).fetchall()
    return [row[0] for row in rows]


def unmark(connection: sqlite3.Connection, story_id: str) -> None:
    connection.execute("DELETE FROM unreported WHERE story = ?", (story_id,))


def digest(connection: sqlite3.Connection, story_id: str, version: int) -> Digest | None:
    row = connection.execute(
        "SELECT digest FROM story_digest WHERE story = ? AND version = ?", (story_id, version)
    ).fetchone()
    return Digest.from_data(records.load(row[0])) if row else None


def last_change(connection: sqlite3.Connection, story_id: str) -> Changes | None:
    """What the story's latest version reported brought over the one before it (None: it has only one)."""
    rows = connection.execute(
        "SELECT digest FROM story_digest WHERE story = ? ORDER BY version DESC LIMIT 2", (story_id,)
    ).fetchall()
    if len(rows) < 2:
        return None
    after, before = (Digest.from_data(records.load(blob)) for (blob,) in rows)
    return changes_between(before, after)


def last_visit(connection: sqlite3.Connection, visitor: str, story_id: str) -> tuple[int, str] | None:
    """The version of the story this visitor last saw, and when."""
    row = connection.execute(
        "SELECT version, at FROM visit WHERE visitor = ? AND story = ?", (visitor, story_id)
    ).fetchone()
    return (int(row[0]), str(row[1])) if row else None


def record_visit(connection: sqlite3.Connection, visitor: str, story_id: str, version: int, now: str) -> None:
    connection.execute(
        "INSERT OR REPLACE INTO visit (visitor, story, version, at) VALUES (?, ?, ?, ?)",
        (visitor, story_id, version, now),
    )
