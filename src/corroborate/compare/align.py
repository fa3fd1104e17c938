"""Claim alignment: which claims of different sources state the same thing.

"in power for 34 years" and "in power for more than three decades" share few words; sentence embeddings
see the same meaning. Embeddings alone also pair claims that merely share a subject, so the score adds
what the claims share in substance (rare entities, a figure's unit, an overlapping date) and word overlap.
Two claims are aligned when each is the other's best match in its source and the score clears the bar.

Only candidate pairs are scored: claims that share a rare key (an entity, a figure's unit, a content word
used by few claims of the story). Cost follows the pairs that can align, not all pairs of all sentences.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz

from corroborate.analyze.embeddings import embed
from corroborate.compare.figures import figures_agree
from corroborate.compare.similarity import content_words, lexical_similarity
from corroborate.models import Claim, Figure, Reading, TimeExpression

EMBEDDING_THRESHOLD = 0.55
LEXICAL_THRESHOLD = 0.6
"""Bars calibrated on the examples' planted facts (tests/data/planted.json): above them nearly every pair is
the same fact told twice, below them different facts about the same people."""
ONE_SIDED = 0.1
"""A pair where only one claim is the other's best match needs this much more: one sentence of one source
can state what another source says in two, but weak one-sided matches are mostly shared subjects."""
JOIN_SLACK = 0.05
SAME_QUOTE = 60
"""rapidfuzz token-set ratio of two quotations' words above which they can be one statement."""
COMMON_KEY_SHARE = 0.34
MIN_SHARED = 1
MAX_POSTING = 60
"""However large the story, a key shared by more claims than this is too common to tell anything."""
"""A key found in more than this share of a story's claims (the ship's name, the minister) blocks nothing."""


@dataclass(frozen=True)
class Item:
    """A claim of a story, with the source (its id) and the article (its id) it comes from, and its exact sentence."""

    source: str
    article: str
    claim: Claim
    sentence: str
    dates: tuple[TimeExpression, ...]
    figures: tuple[Figure, ...]


@dataclass
class Alignment:
    """Groups of items that say the same thing (each group spans two or more sources), and how it was found."""

    groups: list[list[int]]
    scores: dict[tuple[int, int], float]
    method: str
    candidate_pairs: int = 0
    cross_pairs: int = 0
    pairs: list[tuple[int, int]] = field(default_factory=list)


def story_items(readings: Sequence[Reading], sources: Sequence[tuple[str, ...]]) -> list[Item]:
    """The claims of each source, taken from its fullest article (re-publications repeat it)."""
    by_id = {reading.id: reading for reading in readings}
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
            items.append(Item(members[0], fullest.id, claim, sentence, dates, figures))
    return items


def fullest_reading(readings: Sequence[Reading]) -> Reading:
    """The fullest of a source's articles: re-publications of a wire story trim it, never add to it."""
    return max(readings, key=lambda reading: (len(reading.article.paragraphs), len(reading.article.text)))


def align(items: Sequence[Item], use_embeddings: bool = True) -> Alignment:
    candidates = _candidates(items)
    vectors = embed([item.claim.text for item in items], use_model=use_embeddings) if candidates else None
    method = "embeddings" if vectors is not None else "lexical"
    threshold = EMBEDDING_THRESHOLD if vectors is not None else LEXICAL_THRESHOLD
    rarity = _rarity(items)
    scores: dict[tuple[int, int], float] = {}
    for i, j in candidates:
        if not _comparable(items[i], items[j]):
            continue
        lexical = lexical_similarity(items[i].claim.text, items[j].claim.text)
        base = 0.7 * float(vectors[i] @ vectors[j]) + 0.3 * lexical if vectors is not None else lexical
        scores[(i, j)] = base + _shared_substance(items[i], items[j], rarity)
    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (i, j), score in scores.items():
        for a, b in ((i, j), (j, i)):
            key = (a, items[b].source)
            if key not in best or score > best[key][0]:
                best[key] = (score, b)
    pairs = []
    for (i, j), score in scores.items():
        forward, backward = best[(i, items[j].source)][1] == j, best[(j, items[i].source)][1] == i
        if (forward and backward and score >= threshold) or ((forward or backward) and score >= threshold + ONE_SIDED):
            pairs.append((i, j))
    pairs.sort()
    sources = {item.source for item in items}
    cross = (
        sum(1 for i, j in combinations(range(len(items)), 2) if items[i].source != items[j].source)
        if len(sources) > 1
        else 0
    )
    return Alignment(
        groups=_facts(items, pairs, scores, threshold),
        scores=scores,
        method=method,
        candidate_pairs=len(candidates),
        cross_pairs=cross,
        pairs=pairs,
    )


def score_of(alignment: Alignment, i: int, j: int) -> float:
    return alignment.scores.get((min(i, j), max(i, j)), 0.0)


def _keys(item: Item) -> set[str]:
    keys = {f"entity:{name.lower()}" for name in item.claim.entities}
    keys |= {f"word:{_stem(word)}" for word in content_words(item.claim.text) if len(word) > 3}
    keys |= {f"figure:{figure.unit}" for figure in item.figures}
    return keys


def _stem(word: str) -> str:
    return re.sub(r"(?:ing|ed|es|s)$", "", word) if len(word) > 5 else word


def _candidates(items: Sequence[Item]) -> list[tuple[int, int]]:
    """Pairs of claims of different sources that share something few claims of the story have: an entity or
    a figure's unit, or two content words. A key held by more claims than a few per source blocks nothing."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        for key in _keys(item):
            postings[key].append(index)
    limit = max(2, min(int(COMMON_KEY_SHARE * len(items)), MAX_POSTING))
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for key, members in postings.items():
        if len(members) > limit:
            continue
        weight = 1 if key.startswith("word:") else 2
        for i, j in combinations(members, 2):
            if items[i].source != items[j].source:
                shared[(i, j)] += weight
    return sorted(pair for pair, weight in shared.items() if weight >= MIN_SHARED)


def _rarity(items: Sequence[Item]) -> dict[str, float]:
    """Inverse document frequency of each entity over the story's claims: the ship's name is common, a
    port authority's chief is rare."""
    counts: dict[str, int] = defaultdict(int)
    for item in items:
        for name in set(item.claim.entities):
            counts[name] += 1
    return {name: math.log((1 + len(items)) / (1 + count)) for name, count in counts.items()}


def _comparable(a: Item, b: Item) -> bool:
    """Can the two claims state the same fact at all? An aside ("the ship, built in 2004") only matches a
    claim with a figure of its unit or a date that meets its date; two claims that are mostly quotation only
    when the quoted words are alike (two people quoted on one subject are two claims)."""
    if a.claim.aside or b.claim.aside:
        same_unit = any(x.unit == y.unit for x in a.figures for y in b.figures)
        if not (same_unit or any(_overlap(x, y, days=3660) for x in a.dates for y in b.dates)):
            return False
    quoted_a, quoted_b = _quoted(a.claim.text), _quoted(b.claim.text)
    if _mostly(quoted_a, a.claim.text) and _mostly(quoted_b, b.claim.text):
        return fuzz.token_set_ratio(quoted_a, quoted_b) >= SAME_QUOTE
    return True


def _mostly(quoted: str, text: str) -> bool:
    """Is a claim mostly someone's quoted words (rather than a report that quotes a few of them)?"""
    return len(quoted.split()) >= 0.6 * len(text.split())


def _quoted(text: str) -> str:
    return " ".join(part for part in re.findall(r'"([^"]+)"?', text) if len(part.split()) > 2)


def _shared_substance(a: Item, b: Item, rarity: dict[str, float]) -> float:
    shared = set(a.claim.entities) & set(b.claim.entities)
    bonus = min(0.12, 0.03 * sum(min(2.0, rarity.get(name, 0.0)) for name in shared))
    same_unit = [(x, y) for x in a.figures for y in b.figures if x.unit == y.unit]
    if any(figures_agree(x, y) for x, y in same_unit):
        bonus += 0.08
    elif same_unit:
        bonus += 0.04
    if any(_overlap(x, y) for x in a.dates for y in b.dates):
        bonus += 0.04
    return bonus


def _overlap(a: TimeExpression, b: TimeExpression, days: int = 31) -> bool:
    """Do two dates meet, both precise to `days` or better?"""
    if not (a.start and a.end and b.start and b.end):
        return False
    return a.start <= b.end and b.start <= a.end and (a.end - a.start).days <= days and (b.end - b.start).days <= days


def _pair_score(scores: dict[tuple[int, int], float], i: int, j: int) -> float:
    return scores.get((min(i, j), max(i, j)), 0.0)


def _facts(
    items: Sequence[Item], pairs: list[tuple[int, int]], scores: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Aligned pairs gathered into facts, strongest first, each fact holding one claim per source.

    A claim joins the fact of its partner when that fact has no claim of its source yet and the claim is close
    to every claim already in it (no chains of weak links). When the fact has a claim of its source,
    the pair becomes a fact of its own: a sentence that states two things ("a letter dated Nov. 26 thanked
    him for assurances ...") can support two facts that another source states apart.
    """
    facts: list[list[int]] = []
    home: dict[int, list[int]] = {}
    for i, j in sorted(pairs, key=lambda pair: -scores[pair]):
        if i in home and j in home:
            continue
        if i not in home and j not in home:
            fact = [i, j]
            facts.append(fact)
            home[i] = home[j] = fact
            continue
        placed, new = (i, j) if i in home else (j, i)
        fact = home[placed]
        if any(items[member].source == items[new].source for member in fact):
            fact = [placed, new]  # a second statement of the same fact by one source: a fact of its own
            facts.append(fact)
        elif all(_pair_score(scores, new, member) >= threshold - JOIN_SLACK for member in fact):
            fact.append(new)
        else:
            continue
        home[new] = fact
    return [sorted(fact) for fact in facts]
