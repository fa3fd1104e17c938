"""What changed between two versions of a story (corroborate/store/changes.py), from digests built by hand: a
claim is (source id, sentence index), so these tables say exactly which claims each version rests on."""

from __future__ import annotations

import pytest

from corroborate.models import Disagreement, Fact, Side, Source, StoryReport, Support
from corroborate.store.changes import Changes, Digest, changes_between


def _digest(sources: str = "AB", facts: tuple = (), disputes: tuple = ()) -> Digest:
    """Sources by letter; facts as sets of "A3" (source A, sentence 3); disputes as (kind, set of "A3")."""
    return Digest(
        sources=tuple(sources),
        facts=tuple(frozenset((claim[0], int(claim[1:])) for claim in fact) for fact in facts),
        disputes=tuple((kind, frozenset((claim[0], int(claim[1:])) for claim in claims)) for kind, claims in disputes),
    )


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (_digest(), _digest(), Changes()),
        (_digest("AB"), _digest("ABC"), Changes(sources=("C",))),
        # a fact that gains a source was already corroborated
        (_digest(facts=({"A1", "B2"},)), _digest("ABC", facts=({"A1", "B2", "C0"},)), Changes(sources=("C",))),
        # a claim A made alone, now backed by C: newly corroborated (its place in the new report: 1)
        (
            _digest(facts=({"A1", "B2"},)),
            _digest("ABC", facts=({"A1", "B2"}, {"A4", "C1"})),
            Changes(sources=("C",), facts=(1,)),
        ),
        # claims of old sources that align only now are newly corroborated too
        (_digest(facts=({"A1", "B2"},)), _digest(facts=({"A5", "B6"}, {"A1", "B2"})), Changes(facts=(0,))),
        # a third source joining a known dispute is not a new one; a dispute of another kind on them is
        (
            _digest(disputes=(("figure", {"A3", "B1"}),)),
            _digest("ABC", disputes=(("figure", {"A3", "B1", "C2"}), ("date", {"A3", "C2"}))),
            Changes(sources=("C",), disputes=(1,)),
        ),
        (_digest(), _digest(disputes=(("name", {"A0", "B0"}),)), Changes(disputes=(0,))),
        # a fact that lost its dispute is not news here, and a source that left is not a new one
        (_digest("ABC", disputes=(("figure", {"A3", "B1"}),)), _digest("AB"), Changes()),
    ],
)
def test_what_a_later_version_brings(before: Digest, after: Digest, expected: Changes) -> None:
    assert changes_between(before, after) == expected


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        (Changes(), "no new source, no newly corroborated fact, no new disagreement"),
        (Changes(("C",), (1,), (0, 2)), "1 new source, 1 newly corroborated fact, 2 new disagreements"),
        (Changes(("C", "D"), (0, 3), ()), "2 new sources, 2 newly corroborated facts, no new disagreement"),
    ],
)
def test_a_change_in_words(changes: Changes, words: str) -> None:
    assert changes.summary() == words
    assert bool(changes) == (changes != Changes())


def _source(source_id: str) -> Source:
    return Source(source_id, f"{source_id}.txt", (), (source_id,), None, (), None, (), None, None, None, None, (), ())


def test_a_digest_names_claims_by_source_and_sentence_and_survives_storage() -> None:
    report = StoryReport(
        id="s1",
        title="t",
        sources=(_source("a1"), _source("a2")),
        corroborated=(Fact("c", (Support("a1", "One.", 0), Support("a2", "Uno.", 4)), 0.8),),
        single_source=(),
        disagreements=(Disagreement("figure", "tonnes", (Side("a1", "3,000 t.", 2), Side("a2", "5,000 t.", 1)), "w"),),
        quotes=(),
        timeline=(),
        brief=(),
    )
    digest = Digest.of(report)
    assert digest == Digest(
        sources=("a1", "a2"),
        facts=(frozenset({("a1", 0), ("a2", 4)}),),
        disputes=(("figure", frozenset({("a1", 2), ("a2", 1)})),),
    )
    assert Digest.from_data(digest.to_data()) == digest
