"""The grouping corroborate had before story grouping was rebuilt (issue 7), kept for bench/grouping.py to measure
the new one against ("before"): it scores every pair of articles, single-link, so it cannot grow.

Stage 4, group: which articles tell the same event, and which are the same source.

Two kinds of sameness matter. Re-publications of one wire story share most of their text: MinHash over
word shingles (datasketch) finds them, and they count as one source, never as two corroborations.
Different outlets telling one event share its people, places and organisations and its words: articles
linked that way form a story; an article linked to none is set apart as a story of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from corroborate.models import Reading

SHINGLE = 5
NUM_PERM = 128
SAME_SOURCE = 0.6
"""Share of the shorter article's shingles found in the other: a trimmed re-publication keeps well above this."""
SAME_STORY = 0.18
"""Overlap of entities and content words above which two articles tell one event (calibrated on the seeds and
examples: articles of one event score 0.25 and more, unrelated ones under 0.08)."""
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "the a an of to in on at for by with from and or but as is are was were be been has have had it its this that "
    "said says will would could also than which who their his her they he she not after over more about into".split()
)  # fmt: skip


@dataclass(frozen=True)
class LegacyStory:
    """The readings of one event, and their partition into independent sources (lists of readings' sources)."""

    readings: tuple[Reading, ...]
    sources: tuple[tuple[str, ...], ...]


def group_stories(readings: Sequence[Reading]) -> list[LegacyStory]:
    """The stories the readings tell, largest first; each reading in exactly one story."""
    if not readings:
        return []
    signatures = [_minhash(reading) for reading in readings]
    sizes = [len(_shingles(reading)) for reading in readings]
    same_source = _Partition(len(readings))
    same_story = _Partition(len(readings))
    profiles = [_profile(reading) for reading in readings]
    for i in range(len(readings)):
        for j in range(i + 1, len(readings)):
            if not (readings[i].analysed and readings[j].analysed):
                continue
            if _containment(signatures[i], signatures[j], sizes[i], sizes[j]) >= SAME_SOURCE:
                same_source.union(i, j)
                same_story.union(i, j)
            elif _overlap(profiles[i], profiles[j]) >= SAME_STORY:
                same_story.union(i, j)
    stories = []
    for members in same_story.groups():
        sources = [
            tuple(readings[i].article.source for i in group) for group in same_source.groups() if group[0] in members
        ]
        stories.append(LegacyStory(readings=tuple(readings[i] for i in members), sources=tuple(sources)))
    return sorted(stories, key=lambda story: (-len(story.sources), story.readings[0].article.source))


def _shingles(reading: Reading) -> set[str]:
    words = _WORD.findall(reading.article.text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def _minhash(reading: Reading):
    from datasketch import MinHash

    signature = MinHash(num_perm=NUM_PERM, seed=7)
    signature.update_batch([shingle.encode() for shingle in _shingles(reading)])
    return signature


def _containment(a, b, size_a: int, size_b: int) -> float:
    """How much of the smaller shingle set is in the other, from the MinHash estimate of their Jaccard index."""
    jaccard = a.jaccard(b)
    union = (size_a + size_b) / (1 + jaccard) if jaccard < 1 else max(size_a, size_b)
    return min(1.0, jaccard * union / max(1, min(size_a, size_b)))


def _profile(reading: Reading) -> tuple[Counter[str], Counter[str]]:
    """What an article is about: its story entities, and its content words, with counts."""
    entities = Counter(
        {entity.name.lower(): len(entity.mentions) for entity in reading.entities if entity.role == "story"}
    )
    words = Counter(
        word
        for word in _WORD.findall(reading.article.text.lower())
        if len(word) > 3 and word not in _STOP and not word.isdigit()
    )
    return entities, words


def _overlap(a: tuple[Counter[str], Counter[str]], b: tuple[Counter[str], Counter[str]]) -> float:
    """Weighted Jaccard of entities and of content words, averaged: shared people and shared vocabulary."""
    return (_weighted_jaccard(a[0], b[0]) + _weighted_jaccard(a[1], b[1])) / 2


def _weighted_jaccard(a: Counter[str], b: Counter[str]) -> float:
    keys = a.keys() | b.keys()
    if not keys:
        return 0.0
    return sum(min(a[key], b[key]) for key in keys) / sum(max(a[key], b[key]) for key in keys)


class _Partition:
    """Union-find over indexes: groups in order of their first member."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        roots = sorted((self.find(a), self.find(b)))
        self.parent[roots[1]] = roots[0]

    def groups(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for item in range(len(self.parent)):
            groups.setdefault(self.find(item), []).append(item)
        return list(groups.values())
