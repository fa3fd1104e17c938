"""datasketch's MinHashLSH with its buckets in the library's SQLite file.

datasketch keeps an LSH index in storage objects (a dict in memory, Redis, Cassandra) behind two small
interfaces: an unordered storage per band (band hash -> keys) and an ordered storage of keys (key -> its band
hashes). These are the same two interfaces over the `lsh_bucket` and `lsh_key` tables, so the library's
re-publication index is datasketch's own LSH (its banding, its parameters, its queries), persistent, and
every lookup an indexed read whatever the size of the library.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator

from datasketch import MinHashLSH
from datasketch.storage import OrderedStorage, UnorderedStorage


def sqlite_lsh(connection: sqlite3.Connection, threshold: float, num_perm: int) -> MinHashLSH:
    """A MinHashLSH whose buckets and keys live in `connection`'s tables (keys are article ids)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm, params=_bands(threshold, num_perm))
    lsh.hashtables = [_Buckets(connection, band) for band in range(lsh.b)]
    lsh.keys = _Keys(connection)
    return lsh


@functools.cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """datasketch's own choice of bands and rows for this threshold: worked out once (it integrates numerically,
    which costs more than placing an article)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


class _Buckets(UnorderedStorage):
    """One band's buckets: band hash -> the articles that fall in it."""

    def __init__(self, connection: sqlite3.Connection, band: int) -> None:
        self.connection = connection
        self.band = band

    def keys(self) -> Iterator[bytes]:
        rows = self.connection.execute("SELECT DISTINCT hash FROM lsh_bucket WHERE band = ?", (self.band,))
        return (row[0] for row in rows)

    def get(self, key: bytes) -> set[str]:
        rows = self.connection.execute(
            "SELECT article FROM lsh_bucket WHERE band = ? AND hash = ?", (self.band, bytes(key))
        )
        return {row[0] for row in rows}

    def insert(self, key: bytes, *vals: str, **kwargs: object) -> None:
        self.connection.executemany(
            "INSERT OR IGNORE INTO lsh_bucket (band, hash, article) VALUES (?, ?, ?)",
            [(self.band, bytes(key), value) for value in vals],
        )

    def remove(self, *keys: bytes, **kwargs: object) -> None:
        self.connection.executemany(
            "DELETE FROM lsh_bucket WHERE band = ? AND hash = ?", [(self.band, bytes(key)) for key in keys]
        )

    def remove_val(self, key: bytes, val: str, **kwargs: object) -> None:
        self.connection.execute(
            "DELETE FROM lsh_bucket WHERE band = ? AND hash = ? AND article = ?", (self.band, bytes(key), val)
        )

    def size(self) -> int:
        row = self.connection.execute("SELECT COUNT(DISTINCT hash) FROM lsh_bucket WHERE band = ?", (self.band,))
        return int(row.fetchone()[0])

    def itemcounts(self, **kwargs: object) -> dict[bytes, int]:
        rows = self.connection.execute(
            "SELECT hash, COUNT(*) FROM lsh_bucket WHERE band = ? GROUP BY hash", (self.band,)
        )
        return {row[0]: row[1] for row in rows}

    def has_key(self, key: bytes) -> bool:
        row = self.connection.execute(
            "SELECT 1 FROM lsh_bucket WHERE band = ? AND hash = ? LIMIT 1", (self.band, bytes(key))
        )
        return row.fetchone() is not None


class _Keys(OrderedStorage):
    """Article id -> its band hashes, in band order (what datasketch needs to remove an article)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def keys(self) -> Iterator[str]:
        return (row[0] for row in self.connection.execute("SELECT article FROM lsh_key"))

    def get(self, key: str) -> list[bytes]:
        row = self.connection.execute("SELECT hashes FROM lsh_key WHERE article = ?", (key,)).fetchone()
        return _split(row[0]) if row else []

    def insert(self, key: str, *vals: bytes, **kwargs: object) -> None:
        hashes = self.get(key) + [bytes(value) for value in vals]
        self.connection.execute("INSERT OR REPLACE INTO lsh_key (article, hashes) VALUES (?, ?)", (key, _join(hashes)))

    def remove(self, *keys: str, **kwargs: object) -> None:
        self.connection.executemany("DELETE FROM lsh_key WHERE article = ?", [(key,) for key in keys])

    def remove_val(self, key: str, val: bytes, **kwargs: object) -> None:
        hashes = [value for value in self.get(key) if value != bytes(val)]
        self.connection.execute("UPDATE lsh_key SET hashes = ? WHERE article = ?", (_join(hashes), key))

    def size(self) -> int:
        return int(self.connection.execute("SELECT COUNT(*) FROM lsh_key").fetchone()[0])

    def itemcounts(self, **kwargs: object) -> dict[str, int]:
        return {key: len(self.get(key)) for key in self.keys()}

    def has_key(self, key: str) -> bool:
        row = self.connection.execute("SELECT 1 FROM lsh_key WHERE article = ?", (key,))
        return row.fetchone() is not None


def _join(hashes: list[bytes]) -> bytes:
    """Band hashes as one blob: each prefixed by its length (they are all the same length today)."""
    return b"".join(len(value).to_bytes(2, "big") + value for value in hashes)


def _split(blob: bytes) -> list[bytes]:
    values, at = [], 0
    while at < len(blob):
        length = int.from_bytes(blob[at : at + 2], "big")
        values.append(blob[at + 2 : at + 2 + length])
        at += 2 + length
    return values
