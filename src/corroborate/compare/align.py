"""Claim alignment: which claims of different sources state the same thing, gathered into facts.

Each candidate pair of claims is scored (pairs.py: the chance that they state one fact). Two claims are aligned
when each is the other's best match in its source and the chance clears the bar; the aligned pairs then gather
into facts, each holding one claim per source that is close to the fact's other claims on average.

Only candidate pairs are scored: claims that share a rare key (an entity, a figure's unit, a content word
used by few claims of the story). Cost follows the pairs that can align, not all pairs of all sentences.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from corroborate.analyze.embeddings import embed
from corroborate.compare.options import CompareOptions
from corroborate.compare.pairs import Item, PairScorer
from corroborate.compare.similarity import content_words
from corroborate.models import Reading

__all__ = ["Alignment", "Item", "align", "fullest_reading", "score_of", "story_items"]


@dataclass
class Alignment:
    """Facts: groups of items that say the same thing (each spanning two or more sources), the aligned pairs
    they came from, the scores of the pairs that were scored, and how (embeddings or word overlap)."""

    groups: list[list[int]]
    scores: dict[tuple[int, int], float]
    """Every pair scored, by (smaller index, larger index): the candidates, and the claims of each fact."""
    method: str
    candidate_pairs: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)
    scorer: PairScorer | None = None
    """The model that scored the pairs, for questions other than alignment (disagreements.py)."""


def story_items(
    readings: Sequence[Reading],
    sources: Sequence[tuple[str, ...]],
    statements: Mapping[tuple[str, int, str], int] | None = None,
) -> list[Item]:
    """The claims of each source, taken from its fullest article (re-publications repeat it). `statements`
    numbers the story's quotations, by (article id, sentence, quotation text): quotes.statement_numbers."""
    by_id = {reading.id: reading for reading in readings}
    statements = statements or {}
    items: list[Item] = []
    for members in sources:
        present = [by_id[member] for member in members if member in by_id]
        if not present or not any(reading.analysed for reading in present):
            continue
        fullest = fullest_reading(present)
        for claim in fullest.claims:
            sentence = fullest.sentences[claim.sentence].text
            dates = tuple(d for d in fullest.dates if d.sentence == claim.sentence and d.text in claim.text)
            figures = tuple(f for f in fullest.figures if f.sentence == claim.sentence and f.text in claim.figures)
            carried = frozenset(
                number
                for quote in fullest.quotes
                if quote.sentence == claim.sentence
                and quote.text in claim.text
                and (number := statements.get((fullest.id, quote.sentence, quote.text))) is not None
            )
            items.append(Item(members[0], fullest.id, claim, sentence, dates, figures, carried))
    return items


def fullest_reading(readings: Sequence[Reading]) -> Reading:
    """The fullest of a source's articles: re-publications of a wire story trim it, never add to it."""
    return max(readings, key=lambda reading: (len(reading.article.paragraphs), len(reading.article.text)))


def align(items: Sequence[Item], options: CompareOptions | None = None) -> Alignment:
    """Aligned pairs (mutual best matches that clear the bar) gathered into facts."""
    options = options or CompareOptions()
    items = list(items)
    candidates = _candidates(items, options)
    vectors = embed([item.claim.text for item in items], use_model=options.embeddings) if candidates else None
    score = PairScorer(items, vectors, options)
    scores = {(i, j): score(i, j) for i, j in candidates if score.comparable(i, j)}
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), value in scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, items[b].source)
            if key not in best or value > best[key][0]:
                best[key] = (value, b)
    pairs = []
    for (i, j), value in scores.items():
        forward, backward = best[(i, items[j].source)][1] == j, best[(j, items[i].source)][1] == i
        bar = options.same_fact if forward and backward else options.one_sided if forward or backward else None
        if bar is not None and value >= bar:
            pairs.append((i, j))
    pairs.sort()
    return Alignment(
        groups=_facts(items, pairs, score, options),
        scores=score.scores,
        method="embeddings" if vectors is not None else "lexical",
        candidate_pairs=len(candidates),
        pairs=pairs,
        scorer=score,
    )


def score_of(alignment: Alignment, i: int, j: int) -> float:
    return alignment.scores.get((min(i, j), max(i, j)), 0.0)


def _keys(item: Item) -> set[str]:
    keys = {f"entity:{name.lower()}" for name in item.claim.entities}
    keys |= {f"word:{_stem(word)}" for word in content_words(item.claim.text) if len(word) > 3}
    keys |= {f"figure:{figure.unit}" for figure in item.figures}
    keys |= {f"statement:{number}" for number in item.statements}
    return keys


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 5 else word


def _candidates(items: Sequence[Item], options: CompareOptions) -> list[tuple[int, int]]:
    """Pairs of claims of different sources that share something few claims of the story have: an entity,
    a figure's unit, a content word or a quotation. A key held by more claims than a few per source blocks
    nothing."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in _keys(item):
            postings[key].append(index)
    limit = max(2, min(int(options.common_key_share * len(items)), options.max_posting))
    shared: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > limit:
            continue
        shared.update((i, j) for i, j in combinations(members, 2) if items[i].source != items[j].source)
    return sorted(shared)


def _facts(
    items: Sequence[Item], pairs: list[tuple[int, int]], score: PairScorer, options: CompareOptions
) -> list[list[int]]:
    """Aligned pairs gathered into facts, strongest first, each fact holding one claim per source.

    A claim joins the fact of its partner when that fact has no claim of its source yet and the claim is close
    to the fact's claims on average; two facts of different sources merge the same way. When the fact already
    has a claim of the partner's source, the partner either restates that claim (and adds nothing) or states
    something else: a sentence that says two things ("a letter dated Nov. 26 thanked him for assurances ...")
    supports two facts that another source states apart, so the pair becomes a fact of its own, if it is strong
    (`CompareOptions.second_fact`).
    """
    facts: list[list[int]] = []
    home: dict[int, list[int]] = {}
    for i, j in sorted(pairs, key=lambda pair: -score(*pair)):
        if i in home and j in home:
            first, second = home[i], home[j]
            if first is not second and _fits(first, second, items, score, options):
                first.extend(second)
                facts = [fact for fact in facts if fact is not second]
                home.update(dict.fromkeys(second, first))
            continue
        if i not in home and j not in home:
            fact = [i, j]
            facts.append(fact)
            home[i] = home[j] = fact
            continue
        placed, new = (i, j) if i in home else (j, i)
        fact = home[placed]
        twin = next((member for member in fact if items[member].source == items[new].source), None)
        if twin is not None:
            if score(new, twin) >= options.same_fact or score(placed, new) < options.second_fact:
                continue  # the source says it twice (the fact already has it), or the link is too weak to split
            fact = [placed, new]  # the partner states something else: a fact of its own
            facts.append(fact)
        elif _fits(fact, [new], items, score, options):
            fact.append(new)
        else:
            continue
        home[new] = fact
    return [sorted(fact) for fact in facts]


def _fits(fact: list[int], other: list[int], items: Sequence[Item], score: PairScorer, options: CompareOptions) -> bool:
    """Can `other` (a claim, or a fact) join `fact`: no source in both, and close to its claims on average?"""
    if {items[i].source for i in fact} & {items[j].source for j in other}:
        return False
    links = [score(i, j) for i in fact for j in other]
    return sum(links) / len(links) >= options.join
