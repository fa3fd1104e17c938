"""The report on our own examples, scored against the planted ground truth (tests/data/planted.json).

Every planted disagreement must be found and no false one flagged, kind by kind; corroborated and
single-source facts are held to floors pinned from bench/comparison.py, so that quality never drops silently.
"""

from __future__ import annotations

import json

import pytest
from bench.comparison import KINDS, evaluate, main_story
from bench.comparison import examples_report as build_report
from tests.conftest import ROOT

from corroborate.models import Report, StoryReport

PLANTED = json.loads((ROOT / "tests" / "data" / "planted.json").read_text(encoding="utf-8"))
CORROBORATED_RECALL = 0.8
"""Measured 0.87 (13 of 15 planted facts) with embeddings on 2026-11-23; 0.80 (12 of 15) on 2026-11-30, before
and after issue 8's alignment change (not the same 12): the floor now leaves no room for a miss."""
SINGLE_SOURCE_RECALL = 0.75
LEXICAL_CORROBORATED_RECALL = 0.6


@pytest.fixture(scope="module")
def report(examples_report: Report) -> Report:
    return examples_report


@pytest.fixture(scope="module")
def story(report: Report) -> StoryReport:
    return main_story(report)


def test_the_unrelated_article_is_set_apart_and_named(report: Report) -> None:
    assert len(report.stories) == 2
    apart = next(story for story in report.stories if len(story.sources) == 1)
    assert apart.sources[0].name.endswith("riverside-festival.txt")
    assert "Riverside" in apart.title
    assert not apart.corroborated and not apart.disagreements and not apart.single_source


def test_two_republications_of_one_wire_story_are_one_source(story: StoryReport) -> None:
    assert len(story.sources) == 3
    wire = next(source for source in story.sources if len(source.articles) == 2)
    assert {name.rsplit("/", 1)[-1] for name in wire.articles} == {
        "coastal-times-wire.txt",
        "northshore-post-wire.json",
    }
    assert wire.wire == "AFP"
    everywhere = {s.source for fact in story.corroborated for s in fact.support}
    assert everywhere <= {source.id for source in story.sources}  # sources are known by id, one id per source
    assert wire.article_ids[1] not in everywhere


@pytest.mark.parametrize("kind", KINDS)
def test_every_planted_disagreement_is_found_and_no_false_one(story: StoryReport, kind: str) -> None:
    tally = evaluate(story, PLANTED)[kind]
    assert tally.missed == 0, f"missed {kind}: {tally.missed_examples}"
    assert tally.false == 0, f"false {kind}: {tally.false_examples}"


def test_agreements_within_approximation_are_not_flagged(story: StoryReport) -> None:
    for plant in PLANTED["not_disagreements"]:
        for disagreement in story.disagreements:
            names = {source.id: source.name for source in story.sources}
            files = {names[side.source].rsplit("/", 1)[-1] for side in disagreement.sides}
            texts = [side.text for side in disagreement.sides]
            planted_sides = {
                file for file, text in plant["sides"].items() if any(text in said or said in text for said in texts)
            }
            # Flagged when the disagreement sets exactly these sides against each other; a disagreement that lists
            # them beside a third source, the one that differs, is the planted one ("only the Ledger differs").
            assert not (planted_sides >= set(plant["sides"]) and files == set(plant["sides"])), plant["about"]


def test_corroborated_and_single_source_recall(story: StoryReport) -> None:
    tallies = evaluate(story, PLANTED)
    assert tallies["corroborated"].recall >= CORROBORATED_RECALL, tallies["corroborated"].missed_examples
    assert tallies["single_source"].recall >= SINGLE_SOURCE_RECALL, tallies["single_source"].missed_examples


def test_disputed_facts_are_not_listed_as_corroborated(story: StoryReport) -> None:
    disputed = {
        (side.source, side.text)
        for d in story.disagreements
        if d.kind in ("figure", "date", "quote_speaker")
        for side in d.sides
    }
    for fact in story.corroborated:
        assert len({(s.source, s.sentence) for s in fact.support} & disputed) < 2, fact.claim


def test_without_the_model_alignment_is_lexical_and_says_so() -> None:
    story = main_story(build_report(embeddings=False))
    assert any("word overlap" in note for note in story.notes)
    assert evaluate(story, PLANTED)["corroborated"].recall >= LEXICAL_CORROBORATED_RECALL
