"""The report on the two seeds: what the issue says it must show, and nothing flagged that is not there.

Both seeds are read as they come (no --date): the AP story states no year, so its dates are resolved
with the Reuters story's evidence. Facts are found by the few words the issue itself names.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import AP_SEED, REUTERS_SEED

from corroborate.models import Fact, Report, StoryReport

AP, REUTERS = str(AP_SEED), str(REUTERS_SEED)


@pytest.fixture(scope="module")
def story(seeds_report: Report) -> StoryReport:
    (only,) = seeds_report.stories
    return only


def _fact(story: StoryReport, *words: str) -> Fact:
    for fact in story.corroborated:
        if all(any(word in support.sentence for support in fact.support) for word in words):
            return fact
    raise AssertionError(f"no corroborated fact with {words}: {[f.claim for f in story.corroborated]}")


def _sources(fact: Fact) -> set[str]:
    return {NAMES[support.source] for support in fact.support}


NAMES: dict[str, str] = {}
"""Source id -> input path: the report knows sources by id; these tests name them by file."""


@pytest.fixture(scope="module", autouse=True)
def _names(story: StoryReport) -> None:
    NAMES.update({source.id: source.name for source in story.sources})


def test_both_seeds_are_one_story_of_two_sources(story: StoryReport) -> None:
    # sources in the order they joined the story: the dated Reuters story first, the AP story (no year) after
    assert [source.name for source in story.sources] == [REUTERS, AP]
    assert {source.name: source.wire for source in story.sources} == {AP: "AP", REUTERS: "Reuters"}


@pytest.mark.parametrize("words", [("Nov. 26",), ("assur", "regime change"), ("125",), ("opposition", "banned")])
def test_facts_corroborated_by_both(story: StoryReport, words: tuple[str, ...]) -> None:
    fact = _fact(story, *words)
    assert _sources(fact) == {AP, REUTERS}
    for support in fact.support:  # each source's exact sentence
        source = next(s for s in story.sources if s.id == support.source)
        assert any(support.sentence in paragraph for paragraph in source.paragraphs)


def test_years_in_power_agree_in_different_words(story: StoryReport) -> None:
    fact = _fact(story, "in power")
    assert _sources(fact) == {AP, REUTERS}
    assert not any(d.kind == "figure" for d in story.disagreements)


def test_the_eu_trade_figures_are_ap_only(story: StoryReport) -> None:
    singles = {(NAMES[single.source], single.sentence) for single in story.single_source}
    assert any(source == AP and "$10bn" in sentence for source, sentence in singles)
    assert any(source == AP and "800,000" in sentence for source, sentence in singles)
    assert not any("$10bn" in s.sentence or "800,000" in s.sentence for f in story.corroborated for s in f.support)


def test_kem_sokhas_release_is_reuters_only(story: StoryReport) -> None:
    assert any(
        NAMES[single.source] == REUTERS and "Kem Sokha was released" in single.sentence
        for single in story.single_source
    )


def test_exactly_the_real_disagreements_are_flagged(story: StoryReport) -> None:
    kinds = sorted(disagreement.kind for disagreement in story.disagreements)
    assert kinds == ["date", "name", "quote_wording"]
    wording = next(d for d in story.disagreements if d.kind == "quote_wording")
    assert {NAMES[side.source] for side in wording.sides} == {AP, REUTERS}
    assert "of our own history" in wording.why and "in our history" in wording.why
    name = next(d for d in story.disagreements if d.kind == "name")
    assert '"CCP"' in name.why and "CPP" in name.why
    election = next(d for d in story.disagreements if d.kind == "date")
    assert "election" in election.about
    assert "2019-07" in election.why and "2018" in election.why


def test_hun_sen_speaks_the_letters_quotations(story: StoryReport) -> None:
    letter = [
        quote
        for quote in story.quotes
        if "dark chapters" in quote.text or "thankful" in quote.text or "reassured" in quote.text
    ]
    assert len(letter) == 3
    assert {quote.speaker for quote in letter} == {"Hun Sen"}
    chapters = next(quote for quote in story.quotes if "dark chapters" in quote.text)
    assert {NAMES[source] for source in chapters.sources} == {AP, REUTERS}
    assert len(chapters.variants) == 2  # the two wordings, each with its source


def test_timeline_has_the_two_letters_in_2019(story: StoryReport) -> None:
    days = {entry.date: entry for entry in story.timeline if entry.date == entry.end}
    assert date(2019, 11, 1) in days
    assert date(2019, 11, 26) in days
    assert {NAMES[source] for source in days[date(2019, 11, 26)].sources} == {AP, REUTERS}
    assert [entry.date for entry in story.timeline] == sorted(entry.date for entry in story.timeline)


def test_the_ap_year_comes_from_the_reuters_evidence_and_says_so(story: StoryReport) -> None:
    ap = next(source for source in story.sources if source.name == AP)
    assert ap.published is None
    assert ap.reference_date == date(2019, 11, 26)
    assert "other sources" in (ap.date_note or "")
    november_1 = next(entry for entry in story.timeline if entry.date == date(2019, 11, 1))
    assert [side.text for side in november_1.expressions] == ["November 1"]


def test_brief_is_short_and_every_sentence_is_a_sources_own_words(story: StoryReport) -> None:
    assert 0 < sum(len(sentence.text.split()) for sentence in story.brief) <= 120
    for sentence in story.brief:
        assert sentence.sources
        words = sentence.text[1:].rstrip(".")  # the first letter may have been capitalised
        source = next(s for s in story.sources if s.id == sentence.sources[0])  # whose words they are
        assert words in " ".join(source.paragraphs)
    assert story.brief[0].corroborated
