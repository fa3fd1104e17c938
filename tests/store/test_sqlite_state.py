"""The library's grouping state (corroborate/store/state.py) keeps the contract of `GroupingState`: the same cases
as tests/group/test_state.py, run against SQLite tables."""

from __future__ import annotations

from datetime import date

import pytest
from tests.group.test_state import (  # noqa: F401  (the cases, collected again here with this module's fixture)
    KEEP,
    NewState,
    _filled,
    test_a_new_state_is_empty,
    test_articles_stories_and_sources_are_read_by_key,
    test_move_and_drop_merge_one_story_into_another,
    test_stories_sharing_looks_past_the_best_stories_when_they_are_out_of_the_window,
    test_stories_sharing_ranks_by_keys_held_and_keeps_to_the_window,
    test_the_re_publication_index_finds_a_copy,
)
from tests.records import article as make_article

from corroborate.group.profile import combine
from corroborate.models import Reading, Signature
from corroborate.pipeline import Processed
from corroborate.store import Library
from corroborate.store.state import SqliteState


@pytest.fixture
def new_state() -> NewState:
    def make():  # type: ignore[no-untyped-def]
        library = Library(":memory:")

        def register(signature: Signature) -> None:
            article = make_article(
                signature.source, source=signature.source, published=signature.published, id=signature.article
            )
            library._insert_article(Processed(Reading(article, analysed=False, note=None), signature), "now")

        return SqliteState(library.connection), register

    return make


def _sqlite_filled(new_state: NewState) -> tuple[SqliteState, list[Signature]]:
    state, articles = _filled(new_state)
    assert isinstance(state, SqliteState)
    return state, articles


def test_no_statement_of_grouping_reads_a_whole_table(new_state: NewState) -> None:
    """Placing an article costs the same in a library of any size only if every statement grouping runs is a
    lookup on an index: a scan of a table grows with the library (dropping a merged story scanned every key)."""
    state, (a, b, c) = _sqlite_filled(new_state)
    statements: list[str] = []
    state.connection.set_trace_callback(statements.append)
    state.signatures([a.article, b.article])
    state.source_of(a.article), state.story_of(a.article), state.story("s1")
    state.stories_sharing(["e:alpha", "t:word"], (date(2026, 2, 1), date(2026, 3, 31)), 10)
    state.key_spread(["e:alpha", "t:word"])
    state.profiles(["s1", "s2"])
    merged = combine(state.profiles(["s1"])["s1"], state.profiles(["s2"])["s2"], "s1", KEEP)
    state.move([c.article], "s1", [merged], ["e:gamma", "t:word"])
    state.drop("s2")
    state.connection.set_trace_callback(None)
    plans = {
        statement: [row[-1] for row in state.connection.execute("EXPLAIN QUERY PLAN " + statement)]
        for statement in statements
    }
    scans = {
        statement: plan
        for statement, plan in plans.items()
        if any(step.startswith("SCAN ") and step != "SCAN CONSTANT ROW" for step in plan)
    }
    assert len(plans) > 10 and scans == {}


@pytest.mark.parametrize("cached", [1, 2, 3])
def test_profiles_are_all_given_when_the_cache_is_smaller_than_the_question(
    new_state: NewState, monkeypatch: pytest.MonkeyPatch, cached: int
) -> None:
    """A full cache drops its oldest profile to remember a new one: never one of those being asked for."""
    monkeypatch.setattr("corroborate.store.state.PROFILES_CACHED", cached)
    state, _ = _sqlite_filled(new_state)
    for asked in (["s1"], ["s2", "s1"], ["s1", "s2"], ["s2", "s9", "s1"]):
        assert list(state.profiles(asked)) == [story for story in asked if story != "s9"]
