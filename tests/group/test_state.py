"""`MemoryState` (corroborate/group/state.py): what grouping remembers, read by key. The SQLite state of the
library implements the same protocol; tests/store/test_state.py runs these same cases against it, so they are the
contract both keep. `new_state` gives a fresh state and a way to make an article known to it before it is saved
(the library holds an article's row before grouping places it)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from tests.group.signatures import signature

from corroborate.group import GroupingState, MemoryState
from corroborate.group.profile import article_profile, combine
from corroborate.group.state import best_first
from corroborate.models import Signature, Story

KEEP = 120
NewState = Callable[[], tuple[GroupingState, Callable[[Signature], None]]]


@pytest.fixture
def new_state() -> NewState:
    return lambda: (MemoryState(), lambda signature: None)


def _article(name: str, published: date | None = None) -> Signature:
    return signature(f"{name} tells its story.", {name: 1.0}, published=published, name=name)


def _filled(new_state: NewState) -> tuple[GroupingState, list[Signature]]:
    state, register = new_state()
    a, b, c = _article("alpha", date(2026, 3, 1)), _article("beta", date(2026, 3, 2)), _article("gamma")
    for article in (a, b, c):
        register(article)
    first = article_profile(a, "s1")
    state.save(a, "s1", a.article, first, ["e:alpha", "t:word"])
    state.save(b, "s1", a.article, combine(first, article_profile(b, ""), "s1", KEEP), ["e:beta", "t:word"])
    state.save(c, "s2", c.article, article_profile(c, "s2"), ["e:gamma", "t:word"])
    return state, [a, b, c]


def test_a_new_state_is_empty(new_state: NewState) -> None:
    state, _ = new_state()
    assert state.stories() == 0 and state.story("s1") is None


def test_articles_stories_and_sources_are_read_by_key(new_state: NewState) -> None:
    state, (a, b, _) = _filled(new_state)
    assert state.story_of(b.article) == "s1" and state.source_of(b.article) == a.article
    assert state.story("s1") == Story("s1", (a.article, b.article), ((a.article, b.article),))
    assert state.story("nowhere") is None and state.story_of("a-unknown") is None
    assert set(state.signatures([a.article, "a-unknown"])) == {a.article}
    assert state.signatures([a.article])[a.article] == a
    assert state.stories() == 2 and set(state.profiles(["s1", "s2", "s9"])) == {"s1", "s2"}
    assert state.profiles(["s1"])["s1"].size == 2


def test_stories_sharing_ranks_by_keys_held_and_keeps_to_the_window(new_state: NewState) -> None:
    state, _ = _filled(new_state)
    assert state.stories_sharing(["e:alpha", "e:beta", "t:word"], None, 10) == {"s1": 3, "s2": 1}
    assert state.stories_sharing(["t:word"], None, 1) == {"s1": 1}  # ties: the smaller id
    march = (date(2026, 2, 1), date(2026, 3, 31))
    assert state.stories_sharing(["t:word"], march, 10) == {"s1": 1, "s2": 1}  # s2 has no dates: anywhere
    assert state.stories_sharing(["e:alpha"], (date(2025, 1, 1), date(2025, 2, 1)), 10) == {}
    assert state.key_spread(["t:word", "e:alpha", "e:zeta"]) == {"t:word": 2, "e:alpha": 1, "e:zeta": 0}


def test_move_and_drop_merge_one_story_into_another(new_state: NewState) -> None:
    state, (a, b, c) = _filled(new_state)
    merged = combine(state.profiles(["s1"])["s1"], state.profiles(["s2"])["s2"], "s1", KEEP)
    state.move([c.article], "s1", [merged], ["e:gamma"])
    state.drop("s2")
    assert state.story("s1").articles == (a.article, b.article, c.article)  # type: ignore[union-attr]
    assert state.story("s1").sources == ((a.article, b.article), (c.article,))  # type: ignore[union-attr]
    assert state.story("s2") is None and state.stories() == 1
    assert state.stories_sharing(["e:gamma"], None, 10) == {"s1": 1}
    assert state.key_spread(["t:word"]) == {"t:word": 1}


def test_the_re_publication_index_finds_a_copy(new_state: NewState) -> None:
    from datasketch import MinHash

    from corroborate.group.signature import MINHASH_SCHEME, MINHASH_SEED

    state, (a, _, _) = _filled(new_state)
    state.lsh.insert(a.article, MinHash(seed=MINHASH_SEED, hashvalues=a.minhash, scheme=MINHASH_SCHEME))
    assert state.lsh.query(MinHash(seed=MINHASH_SEED, hashvalues=a.minhash, scheme=MINHASH_SCHEME)) == [a.article]


@pytest.mark.parametrize("step", [1, 2, 3, 10])
def test_best_first_gives_every_story_most_keys_first_a_step_at_a_time(step: int) -> None:
    counts = {"s3": 2, "s1": 2, "s2": 5, "s4": 1, "s5": 2}
    chunks = list(best_first(counts, step))
    assert [item for chunk in chunks for item in chunk] == [("s2", 5), ("s1", 2), ("s3", 2), ("s5", 2), ("s4", 1)]
    assert all(0 < len(chunk) <= step for chunk in chunks)


def test_stories_sharing_looks_past_the_best_stories_when_they_are_out_of_the_window(new_state: NewState) -> None:
    """The window is checked best first, a few stories at a time: the stories within it are found however many
    better ones lie outside it."""
    state, register = new_state()
    for number in range(12):  # s00..s05 share two keys but are a year early; s06..s11 share one, in March
        early = number < 6
        article = _article(f"story{number:02d}", date(2025 if early else 2026, 3, 1))
        register(article)
        keys = ["t:word", "t:other"] if early else ["t:word"]
        state.save(article, f"s{number:02d}", article.article, article_profile(article, f"s{number:02d}"), keys)
    march = (date(2026, 2, 1), date(2026, 3, 31))
    assert state.stories_sharing(["t:word", "t:other"], march, 1) == {"s06": 1}  # past the first four
    assert state.stories_sharing(["t:word", "t:other"], march, 3) == {"s06": 1, "s07": 1, "s08": 1}
    assert state.stories_sharing(["t:word", "t:other"], None, 2) == {"s00": 2, "s01": 2}
