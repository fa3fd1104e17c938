"""The library's grouping state (corroborate/store/state.py) keeps the contract of `GroupingState`: the same cases
as tests/group/test_state.py, run against SQLite tables."""

from __future__ import annotations

import pytest
from tests.group.test_state import (  # noqa: F401  (the cases, collected again here with this module's fixture)
    NewState,
    test_a_new_state_is_empty,
    test_articles_stories_and_sources_are_read_by_key,
    test_move_and_drop_merge_one_story_into_another,
    test_stories_sharing_ranks_by_keys_held_and_keeps_to_the_window,
    test_the_re_publication_index_finds_a_copy,
)
from tests.records import article as make_article

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
