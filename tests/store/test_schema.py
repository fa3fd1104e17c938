"""The library file: created at the current schema, migrated from an older one, refused when newer or damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from tests.records import article as make_article

from corroborate.errors import LibraryError
from corroborate.models import Reading
from corroborate.store import records
from corroborate.store.schema import MIGRATIONS, VERSION, connect


def test_a_new_library_has_the_current_schema_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "library.db"
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.close()


def test_a_library_of_the_first_schema_is_migrated_and_its_articles_become_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    reading = Reading(
        article=make_article("The island ferry sailed again on Friday after three days in port.", source="brief.txt"),
        analysed=False,
        note=None,
    )
    old.execute(
        "INSERT INTO article (id, source, words, reading, signature, added) VALUES (?, ?, ?, ?, ?, ?)",
        (reading.id, "brief.txt", 12, records.dump_reading(reading), b"", "2026-01-01"),
    )
    old.commit()
    old.close()
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == VERSION
    found = connection.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'ferry'").fetchall()
    assert len(found) == 1
    connection.close()


@pytest.mark.parametrize(
    ("prepare", "message"),
    [
        (lambda path: path.write_bytes(b"this is not a database at all" * 200), "not a corroborate library"),
        (lambda path: _newer(path), "made by a newer corroborate"),
    ],
    ids=["damaged", "newer"],
)
def test_a_library_that_cannot_be_used_gets_one_clear_reason(tmp_path: Path, prepare, message: str) -> None:
    path = tmp_path / "library.db"
    prepare(path)
    with pytest.raises(LibraryError, match=message):
        connect(path)


def _newer(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {VERSION + 1}")
    connection.close()


def test_a_profile_survives_its_compact_form() -> None:
    from datetime import date

    from corroborate.models import StoryProfile, WeightedKey

    profile = StoryProfile(
        "s1", 3, date(2026, 3, 2), None, (WeightedKey("kessler", 2.5),), (WeightedKey("ferry", 1.25),)
    )
    assert records.load_profile(records.dump_profile(profile)) == profile
