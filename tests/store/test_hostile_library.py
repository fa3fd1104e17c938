"""The library file as it may be found: damaged, cut short, locked by another process, or filling the disk.
Each is one clear line from the command line, and nothing committed before is lost."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES
from tests.hostile import run_main

from corroborate.errors import LibraryError
from corroborate.pipeline import PipelineOptions
from corroborate.store import Library, schema

OPTIONS = PipelineOptions(embeddings=False)
FESTIVAL, LEDGER, HERALD = (
    str(EXAMPLES / name) for name in ("riverside-festival.txt", "daily-ledger.txt", "harbour-herald.html")
)


@pytest.fixture(scope="module")
def small_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("library") / "library.db"
    with Library(path, OPTIONS) as library:
        list(library.add([FESTIVAL]))
        library.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def _one_error(run, *words: str) -> None:
    assert run.status == 1, run.stderr
    (line,) = run.stderr.splitlines()
    assert line.startswith("corroborate: error: library ") and all(word in line for word in words), line


@pytest.mark.parametrize(
    ("name", "damage"),
    [
        ("garbage", lambda data: b"this is not a database at all" * 100),
        ("cut short", lambda data: data[: len(data) // 3]),
        ("scrambled pages", lambda data: data[:100] + bytes(len(data) - 100)),
    ],
)
def test_a_damaged_library_is_one_line(tmp_path: Path, small_library: Path, name: str, damage) -> None:
    path = tmp_path / "library.db"
    path.write_bytes(damage(small_library.read_bytes()))
    for command in (["stories"], ["report", "--story", "s1"], ["add", "--no-embeddings", LEDGER]):
        run = run_main(*command, "--db", str(path))
        _one_error(run, str(path))


def test_a_locked_library_is_one_line_and_loses_nothing(
    tmp_path: Path, small_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "library.db"
    shutil.copy(small_library, path)
    monkeypatch.setattr(schema, "BUSY_TIMEOUT", 0.2)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        run = run_main("add", "--no-embeddings", LEDGER, "--db", str(path))
    finally:
        other.execute("ROLLBACK")
        other.close()
    _one_error(run, "locked", "try again")
    with Library(path, OPTIONS) as library:
        assert library.counts() == (1, 1)


def test_a_disk_that_fills_during_add_keeps_what_was_committed(tmp_path: Path, small_library: Path) -> None:
    path = tmp_path / "library.db"
    shutil.copy(small_library, path)
    with Library(path, OPTIONS) as library:
        pages = library.connection.execute("PRAGMA page_count").fetchone()[0]
        library.connection.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk is full after two pages
        with pytest.raises(LibraryError, match=r"full.*run the same command again"):
            list(library.add([LEDGER, HERALD]))
    with Library(path, OPTIONS) as library:  # the article committed before is whole, and the add can be run again
        assert library.counts() == (1, 1)
        assert library.stories()[0].title
        list(library.add([LEDGER, HERALD]))
        assert library.counts()[0] == 3


def test_a_library_in_a_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    run = run_main("stories", "--db", str(tmp_path / "file" / "library.db"))
    _one_error(run, "cannot create its folder")
