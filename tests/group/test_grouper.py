"""Placing articles into stories (corroborate/group/grouper.py and refine.py), on hand-built signatures of invented
articles: re-publications, look-alike events told apart, an unrelated article, order of arrival, stable ids, and
grouping without embeddings."""

from __future__ import annotations

import dataclasses
import itertools
from datetime import date

import pytest
from tests.group.signatures import signature

from corroborate.group import Grouper, GroupingOptions, MemoryState, containment, group_signatures, story_id_for
from corroborate.models import Signature

WIRE = (
    "Rescue teams searched the rubble of mud-brick villages on the island of Qeshm on Sunday after an earthquake "
    "of magnitude 6.1 killed ten people and injured at least fifty, the provincial governor said. The quake struck "
    "at dawn, when most villagers were asleep, and flattened houses in seven villages on the island. Red Crescent "
    "workers set up tents for families whose homes were destroyed, and the governor said water and bread had "
    "reached every village by nightfall. Aftershocks shook the island through the day."
)


WORDINGS = {
    "herald": "An earthquake struck {place} in {year}, killing people and bringing down houses, {people} said.",
    "post": "Houses collapsed when a powerful quake hit {place} early in {year}, according to {people}.",
    "ledger": "Rescuers dug through rubble in {place} after the {year} earthquake, {people} told reporters.",
    "tribune": "A strong earthquake shook {place} in {year}; {people} said several people died.",
    "times": "The {year} quake in {place} flattened homes, {people} said on state television.",
    "courier": "Villagers in {place} slept outdoors after the {year} earthquake, {people} said.",
}


def quake(
    place: str, year: str, outlet: str, *, people: str = "officials", details=(), embedding=(1.0, 0.3, 0.1, 0.0)
) -> Signature:
    """An outlet's own report of an earthquake at `place` in `year`: the place, people, year and details it names,
    in its own words. Reports of one event share their details; look-alike events share only the kind of event."""
    text = WORDINGS[outlet].format(place=place.title(), year=year, people=people.title())
    text += " " + " ".join(f"The {detail} was hit hard in {place.title()}." for detail in details)
    entities = {place: 2.0, "iran": 1.0} | ({people: 1.0} if people != "officials" else {})
    return signature(text, entities, embedding=embedding, name=f"{outlet}-{place}-{year}")


OUTLETS = ("herald", "post", "ledger")
QESHM_2005 = {"details": ("mud-brick village", "fishing harbour", "date palm grove"), "embedding": (1.0, 0.3, 0.1, 0.0)}
OTHER = {"details": ("oil refinery", "container port", "cement works"), "embedding": (1.0, -0.5, 0.6, 0.3)}


def festival(outlet: str) -> Signature:
    text = (
        f"Reporting for the {outlet}: the riverside music festival in Worcester drew record crowds to hear brass "
        "bands and choirs on the meadows by the Severn."
    )
    entities = {"worcester": 2.0, "severn": 1.0}
    return signature(text, entities, embedding=(0.0, 0.1, 1.0, 0.4), name=f"{outlet}-festival")


def _trimmed(text: str, share: float) -> str:
    words = text.split()
    return " ".join(words[: int(len(words) * share)])


def _partition(stories) -> set[frozenset[str]]:
    return {frozenset(story.articles) for story in stories}


def test_a_wire_story_republished_in_full_and_trimmed_is_one_source() -> None:
    entities = {"qeshm": 4.0, "iran": 1.0}
    original = signature(WIRE, entities, published=date(2005, 11, 27), name="wire")
    copy = signature(WIRE + " Read more: how quakes are measured.", entities, published=date(2005, 11, 28))
    trimmed = signature(_trimmed(WIRE, 0.7), entities, published=date(2005, 11, 29))
    assert containment(trimmed, original) > GroupingOptions().same_source
    stories, placements = group_signatures([original, copy, trimmed])
    assert len(stories) == 1
    assert stories[0].sources == ((original.article, copy.article, trimmed.article),)
    assert {placement.source for placement in placements} == {original.article}
    assert [placement.fit for placement in placements[1:]] == [1.0, 1.0]


def test_articles_that_share_a_few_phrases_are_not_one_source() -> None:
    other = WIRE.replace("Rescue teams searched", "Soldiers cleared").replace("ten people", "two people")
    other = " ".join(f"{word} today" if index % 4 == 0 else word for index, word in enumerate(other.split()))
    first = signature(WIRE, {"qeshm": 4.0}, name="first")
    second = signature(other, {"qeshm": 4.0}, name="second")
    assert containment(first, second) < GroupingOptions().same_source
    stories, _ = group_signatures([first, second])
    assert [len(story.sources) for story in stories] == [2]


# (event a, event b): two look-alike events (two earthquakes in one province), each told by three outlets in their
# own words, that must be two stories. Like real look-alikes they differ in two of who, where and when (when: the
# days they were published); two reports that differ in one name only, everything else alike, are not told apart
# (see the test after).
LOOK_ALIKES = [
    pytest.param(
        [quake("qeshm", "2005", outlet, people="mohsen kazemi", **QESHM_2005) for outlet in OUTLETS],
        [quake("bandar abbas", "2005", outlet, people="ali rezaei", **OTHER) for outlet in OUTLETS],
        id="by place and people",
    ),
    pytest.param(
        [
            dataclasses.replace(quake("qeshm", "2005", outlet, people="mohsen kazemi", **QESHM_2005), published=day)
            for outlet, day in zip(OUTLETS, (date(2005, 11, 27), date(2005, 11, 27), date(2005, 11, 28)), strict=True)
        ],
        [
            dataclasses.replace(
                quake("qeshm", "2008", outlet, people="ali rezaei", **OTHER), published=date(2008, 9, 10)
            )
            for outlet in ("tribune", "times", "courier")
        ],
        id="on one island, years apart",
    ),
    pytest.param(
        [quake("qeshm", "2005", outlet, **QESHM_2005) for outlet in OUTLETS],
        [quake("bandar abbas", "2008", outlet, **OTHER) for outlet in ("tribune", "times", "courier")],
        id="by place and year",
    ),
]


@pytest.mark.parametrize(("first", "second"), LOOK_ALIKES)
def test_look_alike_events_are_told_apart(first: list[Signature], second: list[Signature]) -> None:
    stories, _ = group_signatures(first + second)
    expected = {frozenset(s.article for s in first), frozenset(s.article for s in second)}
    assert _partition(stories) == expected


def test_reports_that_differ_in_one_name_only_are_one_story() -> None:
    """The limit of telling look-alikes apart: same place, year, details and wording, another official quoted."""
    first = [quake("qeshm", "2005", outlet, people="mohsen kazemi", **QESHM_2005) for outlet in OUTLETS]
    second = [quake("qeshm", "2005", outlet, people="ali rezaei", **QESHM_2005) for outlet in ("tribune", "times")]
    stories, _ = group_signatures(first + second)
    assert len(stories) == 1


def test_an_unrelated_article_is_a_story_of_its_own() -> None:
    reports = [quake("qeshm", "2005", outlet, **QESHM_2005) for outlet in OUTLETS]
    other = festival("courier")
    stories, placements = group_signatures([*reports, other])
    assert _partition(stories) == {frozenset(s.article for s in reports), frozenset({other.article})}
    assert placements[-1].new_story and placements[-1].story == story_id_for(other.article)


def test_the_order_of_arrival_does_not_matter_in_a_clear_case() -> None:
    articles = [
        *(quake("qeshm", "2005", outlet, **QESHM_2005) for outlet in ("herald", "post")),
        *(quake("bandar abbas", "2008", outlet, **OTHER) for outlet in ("tribune", "times")),
        festival("courier"),
    ]
    partitions = set()
    for order in itertools.permutations(range(len(articles))):
        state = MemoryState()
        grouper = Grouper(state)
        for index in order:
            grouper.place(articles[index])
        grouper.refine({state.story_of(article.article) or "" for article in articles})
        stories = {state.story_of(article.article) for article in articles}
        partitions.add(frozenset(frozenset(state.story(story).articles) for story in stories if story))  # type: ignore[union-attr]
    assert len(partitions) == 1


def test_story_ids_are_named_after_the_founder_and_stable_across_runs() -> None:
    reports = [quake("qeshm", "2005", outlet, **QESHM_2005) for outlet in ("herald", "post", "ledger")]
    first, _ = group_signatures(reports)
    again, _ = group_signatures(list(reversed(reports)))
    assert [story.id for story in first] == [story.id for story in again]
    founder = min(reports, key=lambda s: s.article)  # undated: fed by article id
    assert first[0].id == story_id_for(founder.article) == "s" + founder.article[1:]


def test_grouping_works_without_embeddings() -> None:
    no_vector = [
        dataclasses.replace(s, embedding=())
        for s in (
            *(quake("qeshm", "2005", outlet, **QESHM_2005) for outlet in ("herald", "post", "ledger")),
            festival("courier"),
            festival("times"),
        )
    ]
    stories, placements = group_signatures(no_vector)
    assert sorted(len(story.articles) for story in stories) == [2, 3]
    assert len(placements) == len(no_vector)


def test_dates_far_apart_keep_stories_apart_when_published_dates_are_known() -> None:
    march = [
        dataclasses.replace(quake("qeshm", "2005", outlet, **QESHM_2005), published=date(2005, 3, day))
        for outlet, day in (("herald", 1), ("post", 2))
    ]
    later = dataclasses.replace(quake("qeshm", "2005", "ledger", **QESHM_2005), published=date(2006, 11, 20))
    stories, _ = group_signatures([*march, later])
    assert _partition(stories) == {frozenset(s.article for s in march), frozenset({later.article})}


def test_placing_an_article_twice_changes_nothing() -> None:
    state = MemoryState()
    grouper = Grouper(state)
    article = quake("qeshm", "2005", "herald", **QESHM_2005)
    first = grouper.place(article)
    second = grouper.place(article)
    assert (second.story, second.source) == (first.story, first.source)
    assert state.story(first.story).articles == (article.article,)  # type: ignore[union-attr]


TEMPLATE = (
    "{company} said on Monday that its quarterly profit rose ten percent as sales of {product} grew, {person} told "
    "analysts."
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("Arvella Foods", "frozen peas", "Dana Osei"), ("Brightmoor Mills", "rye flour", "Tomas Lindqvist")),
        (("Kestrel Air", "regional flights", "Ines Baptiste"), ("Harlow Rail", "season tickets", "Pavel Marek")),
    ],
)
def test_two_events_told_in_one_template_stay_apart_when_every_name_differs(first, second) -> None:
    """Earnings reports, match results, weather: one template, other names. Who and where tell them apart."""
    reports, company_of = [], {}
    for day, (company, product, person) in enumerate((first, first, second, second)):
        text = TEMPLATE.format(company=company, product=product, person=person)
        entities = {company.lower(): 2.0, person.lower(): 1.0}
        reports.append(signature(text, entities, published=date(2026, 3, 2 + day), name=f"{company}-{day}"))
        company_of[reports[-1].article] = company
    stories, _ = group_signatures(reports)
    assert sorted(sorted({company_of[article] for article in story.articles}) for story in stories) == sorted(
        [[first[0]], [second[0]]]
    )
