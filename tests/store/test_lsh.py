"""The library's re-publication index is datasketch's MinHashLSH over SQLite tables: it answers as the in-memory one."""

from __future__ import annotations

import random

from datasketch import MinHash, MinHashLSH

from corroborate.store.lsh import sqlite_lsh
from corroborate.store.schema import connect


def _minhash(words: list[str]) -> MinHash:
    signature = MinHash(num_perm=128, seed=7)
    signature.update_batch([word.encode() for word in words])
    return signature


def test_sqlite_buckets_answer_every_query_as_the_dict_buckets_do() -> None:
    rng = random.Random(3)
    vocabulary = [f"w{i}" for i in range(400)]
    documents = {f"a{i}": rng.sample(vocabulary, 60) for i in range(60)}
    # near copies: a trimmed re-publication of each of the first ten
    documents |= {f"copy{i}": documents[f"a{i}"][:50] for i in range(10)}
    in_memory = MinHashLSH(threshold=0.3, num_perm=128)
    connection = connect(":memory:")
    in_sqlite = sqlite_lsh(connection, threshold=0.3, num_perm=128)
    for key, words in documents.items():
        in_memory.insert(key, _minhash(words))
        in_sqlite.insert(key, _minhash(words))
    for words in documents.values():
        assert sorted(in_sqlite.query(_minhash(words))) == sorted(in_memory.query(_minhash(words)))
    assert "copy3" in in_sqlite.query(_minhash(documents["a3"]))
    assert "a5" in in_sqlite and "nobody" not in in_sqlite


def test_an_article_taken_out_is_no_longer_found() -> None:
    connection = connect(":memory:")
    lsh = sqlite_lsh(connection, threshold=0.5, num_perm=128)
    words = [f"w{i}" for i in range(80)]
    lsh.insert("a1", _minhash(words))
    lsh.remove("a1")
    assert lsh.query(_minhash(words)) == []
    assert "a1" not in lsh
