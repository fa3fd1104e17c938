"""Stage 5, compare: what the sources of one story establish together, and where they part ways.

Story ─ dating (one reference day per article, from all sources) ─ claims per source
      ─ align (embeddings + shared substance, mutual best) ─┬─ corroborated facts, single-source claims
                                                            ├─ disagreements (figure, date, name, quote)
                                                            ├─ quotations, speaker by speaker
                                                            └─ timeline, brief
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations

from corroborate.compare.align import Alignment, Item, align, fullest_reading, score_of, story_items
from corroborate.compare.brief import build_brief
from corroborate.compare.dating import Dating, date_story
from corroborate.compare.disagreements import (
    date_disagreements,
    figure_disagreements,
    name_disagreements,
    quote_disagreements,
)
from corroborate.compare.options import CompareOptions
from corroborate.compare.quotes import quote_clusters, quote_table, statement_numbers
from corroborate.compare.similarity import LEXICAL_NOTE, lexical_similarity
from corroborate.compare.timeline import build_timeline
from corroborate.models import (
    SCHEMA_VERSION,
    TEXT_KINDS,
    Disagreement,
    Fact,
    Reading,
    Report,
    SingleClaim,
    Source,
    Story,
    StoryReport,
    Support,
)

__all__ = ["CompareOptions", "compare", "compare_stories"]


def compare_stories(
    stories: Sequence[tuple[Story, Sequence[Reading]]], options: CompareOptions | None = None
) -> Report:
    """The report of every story, each given with its readings."""
    return Report(
        schema_version=SCHEMA_VERSION, stories=tuple(compare(story, readings, options) for story, readings in stories)
    )


def compare(story: Story, readings: Sequence[Reading], options: CompareOptions | None = None) -> StoryReport:
    """What the sources of `story` establish. `readings` are the readings of its articles (by `Story.articles`).

    Sources are known by their id (their first article's id) everywhere in the report; `Source.name` is how
    people see them (the input path or URL of that article).
    """
    options = options or CompareOptions()
    by_id = {reading.id: reading for reading in readings}
    readings = [by_id[article] for article in story.articles if article in by_id]
    readings, datings = date_story(readings, story.sources)
    source_of = {member: members[0] for members in story.sources for member in members}
    names = {members[0]: by_id[members[0]].article.source for members in story.sources if members[0] in by_id}
    clusters = quote_clusters(readings, source_of, options)
    items = story_items(readings, story.sources, statement_numbers(clusters))
    alignment = align(items, options)
    disagreements = []
    if len(story.sources) > 1:
        disagreements = [
            *quote_disagreements(clusters, names, options),
            *figure_disagreements(items, alignment, options),
            *date_disagreements(items, alignment, readings, source_of, names, options),
            *name_disagreements(readings, source_of),
        ]
    unfit = _unfit_for_brief(items, disagreements)
    facts = [fact for fact in _facts(items, alignment, unfit) if not _disputed(fact, disagreements)]
    aligned = {index for group in alignment.groups for index in group}
    singles = []
    if len(story.sources) > 1:
        singles = [
            SingleClaim(item.source, item.claim.text, item.sentence)
            for index, item in enumerate(items)
            if index not in aligned and not _restates(item, items)
        ]
    order = {item.claim.text: item.claim.sentence for item in items}
    notes = [note for note in (_alignment_note(alignment, story), *_reading_notes(readings)) if note]
    return StoryReport(
        id=story.id,
        title=_title(readings),
        sources=tuple(_source(members, readings, datings) for members in story.sources if members[0] in by_id),
        corroborated=tuple(facts),
        single_source=tuple(singles),
        disagreements=tuple(disagreements),
        quotes=tuple(sorted(quote_table(clusters, options), key=lambda q: (q.speaker is None, q.speaker or ""))),
        timeline=tuple(build_timeline(readings, source_of)),
        brief=tuple(build_brief(facts, singles, order, unfit)),
        notes=tuple(notes),
    )


def _unfit_for_brief(items: Sequence[Item], disagreements: Sequence[Disagreement]) -> frozenset[str]:
    """Claims the brief must not state: asides, and claims holding what a disagreement disputes (the words
    its explanation quotes: "CCP", "last July's", "2,300 tonnes"; any claim of a disputed attribution)."""
    unfit = set()
    for item in items:
        disputes = [d for d in disagreements if any(side.text == item.sentence for side in d.sides)]
        if item.claim.aside or any(
            d.kind == "quote_speaker" or any(words in item.claim.text for words in _disputed_words(d)) for d in disputes
        ):
            unfit.add(_capitalised(item.claim.text).rstrip("."))
    return frozenset(unfit)


def _disputed_words(disagreement: Disagreement) -> list[str]:
    """The words a disagreement's explanation quotes; of a wrong abbreviation, only the abbreviation."""
    words = re.findall(r'"([^"]+)"', disagreement.why)
    return words[:1] if disagreement.about.startswith("the abbreviation") else words


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _disputed(fact: Fact, disagreements: Sequence[Disagreement]) -> bool:
    """A fact whose sources disagree on its figure, its date or who said it is not corroborated as stated."""
    sentences = {(support.source, support.sentence) for support in fact.support}
    return any(
        disagreement.kind in ("figure", "date", "quote_speaker")
        and len(sentences & {(side.source, side.text) for side in disagreement.sides}) >= 2
        for disagreement in disagreements
    )


def _restates(item: Item, items: Sequence[Item]) -> bool:
    """An aside ("Hun Sen, in power for 34 years") that its own sentence's main claim already holds."""
    return any(
        other is not item
        and other.article == item.article
        and other.claim.sentence == item.claim.sentence
        and item.claim.text.rstrip(".") in other.claim.text
        for other in items
    )


def _facts(items: list[Item], alignment: Alignment, unfit: frozenset[str]) -> list[Fact]:
    """Each aligned group as a fact, stated in the words of its most central claim that no one disputes.

    A claim states one fact: a sentence that says two things supports two facts (align.py), and the second is
    stated in the words of a claim of its own. The strongest facts choose first."""
    facts = []
    stated: set[str] = set()
    by_sources = sorted(alignment.groups, key=lambda group: -len({items[i].source for i in group}))  # stable
    for group in by_sources:
        free = [i for i in group if _statement(items[i]) not in stated]
        if not free:
            continue  # every claim of it already states a fact
        central = max(
            free,
            key=lambda i: (
                _statement(items[i]) not in unfit,
                sum(score_of(alignment, i, j) for j in group if j != i),
                -len(items[i].claim.text),
            ),
        )
        stated.add(_statement(items[central]))
        support = []
        for index in sorted(group, key=lambda i: (i != central, items[i].source)):  # the claim's words first
            entry = Support(items[index].source, items[index].sentence, items[index].claim.sentence)
            if entry not in support:
                support.append(entry)
        pair_scores = [score_of(alignment, i, j) for i, j in combinations(sorted(group), 2)]
        facts.append(
            Fact(
                claim=items[central].claim.text,
                support=tuple(support),
                score=round(min(pair_scores), 3) if pair_scores else 0.0,
            )
        )
    return sorted(facts, key=lambda fact: (-len({s.source for s in fact.support}), -fact.score))


def _statement(item: Item) -> str:
    """A claim as the report lists it (and as `unfit` knows it)."""
    return _capitalised(item.claim.text).rstrip(".")


def _source(members: tuple[str, ...], readings: Sequence[Reading], datings: dict[str, Dating]) -> Source:
    articles = [reading.article for reading in readings if reading.id in members]
    first = articles[0]
    fullest = fullest_reading([reading for reading in readings if reading.id in members]).article
    dating = datings[first.id]
    return Source(
        id=first.id,
        name=first.source,
        articles=tuple(article.source for article in articles),
        article_ids=tuple(article.id for article in articles),
        title=first.title,
        outlets=tuple(dict.fromkeys(article.outlet for article in articles if article.outlet)),
        wire=next((article.wire for article in articles if article.wire), None),
        authors=tuple(dict.fromkeys(author for article in articles for author in article.authors)),
        published=first.published,
        published_estimate=first.published_estimate,
        reference_date=dating.reference.day if dating.reference else None,
        date_note=dating.note,
        paragraphs=fullest.paragraphs,
        removed=tuple(line for article in articles for line in article.lines if line.kind not in TEXT_KINDS),
    )


def _title(readings: Sequence[Reading]) -> str:
    """The title that shares most with the others: the headline closest to what all sources say."""
    titles = list(dict.fromkeys(reading.article.title for reading in readings if reading.article.title))
    if not titles:
        return readings[0].article.source
    return max(titles, key=lambda title: (sum(lexical_similarity(title, other) for other in titles), -len(title)))


def _alignment_note(alignment: Alignment, story: Story) -> str | None:
    if len(story.sources) < 2:
        return "a single source: nothing to compare it with"
    return LEXICAL_NOTE if alignment.method == "lexical" else None


def _reading_notes(readings: Sequence[Reading]) -> list[str]:
    return [f"{reading.article.source}: {reading.note}" for reading in readings if not reading.analysed]
