"""A killed `corroborate add` loses nothing it committed, and running it again finishes the batch, once each."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from corroborate.store import Library

TOWNS = ["Arlow", "Brennick", "Calder", "Dunmore", "Elsby", "Farrow", "Glenmoor", "Harwick", "Ivel", "Jessop"]
EVENTS = [
    ("the river burst its banks", "flood defences", "households were moved to the school hall"),
    ("a fire destroyed the old mill", "fire crews", "the mill had stood empty since the factory closed"),
    ("the council approved a new bus depot", "councillors", "the depot will open in the spring"),
    ("a storm brought down power lines", "engineers", "power was restored to most homes by the evening"),
]


def _article(number: int) -> str:
    """An invented local news item; each number a different town and event, so each its own story."""
    town = TOWNS[number % len(TOWNS)]
    what, who, after = EVENTS[(number // len(TOWNS)) % len(EVENTS)]
    return (
        f"Residents of {town} woke on a Tuesday in March to find that {what}, officials said. "
        f"{who.capitalize()} from the county worked through the night in {town}, and a spokeswoman said "
        f"{number + 3} people had been helped. Local business owner Mara Quill{number} said the town had not seen "
        f"anything like it in decades. {after.capitalize()}, according to the county, which will review "
        f"what happened in {town} at its next meeting on March {number % 27 + 1}.\n"
    )


def _count(db: Path) -> int:
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(connection.execute("SELECT COUNT(*) FROM article").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.Error:
        return 0


def _add(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "corroborate.cli", "add", str(folder), "--db", str(db), "--no-embeddings"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "HF_HUB_OFFLINE": "1"},
    )


def test_a_killed_add_keeps_what_it_committed_and_a_rerun_finishes_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    folder.mkdir()
    total = 40
    for number in range(total):
        (folder / f"item-{number:02d}.txt").write_text(_article(number), encoding="utf-8")
    db = tmp_path / "library.db"

    process = _add(folder, db)
    deadline = time.monotonic() + 300
    while _count(db) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, f"add ended before it could be killed: {process.communicate()}"
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()  # reaps it and closes its pipes
    committed = _count(db)
    assert 0 < committed < total, committed

    with Library(db) as library:  # the library opens, whole, with what was committed
        assert library.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert library.counts()[0] == committed

    rerun = _add(folder, db)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert "Traceback" not in err
    with Library(db) as library:
        rows = library.connection.execute("SELECT id, source, story FROM article").fetchall()
        assert len(rows) == total  # each input once
        assert len({source for _, source, _ in rows}) == total
        assert all(story is not None for _, _, story in rows)  # every article placed, those of the killed run too
        assert library.counts()[1] == len({story for _, _, story in rows})
    assert out.count("held ") == committed  # what the killed run stored is not read again
