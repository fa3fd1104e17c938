"""A story's profile, how well an article fits it, and what merging two stories would cost.

An article is a unit vector of its terms, each weighted by how rare the word is in English (signature.py). A
story's profile sums its articles' vectors: its direction is the story's centroid. An article joins a story
because it fits that centroid (their cosine), the whole story, not because it resembles one member, so one
article that mentions two events cannot chain them together. Two stories merge when Ward's criterion allows it:
the growth of the within-story sum of squares, small for two pieces of one event, large for two look-alike
events of several articles each, whose centroids differ in who, where and when.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from corroborate.models import Signature, StoryProfile, WeightedKey


def article_profile(signature: Signature, story_id: str) -> StoryProfile:
    """The profile of a story of one article."""
    return StoryProfile(
        id=story_id,
        size=1,
        earliest=signature.published,
        latest=signature.published,
        entities=signature.entities,
        terms=signature.terms,
    )


def combine(a: StoryProfile, b: StoryProfile, story_id: str, keep: int) -> StoryProfile:
    """The profile of `a` and `b` together, named `story_id`; the `keep` heaviest terms and entities kept."""
    return StoryProfile(
        id=story_id,
        size=a.size + b.size,
        earliest=min((day for day in (a.earliest, b.earliest) if day), default=None),
        latest=max((day for day in (a.latest, b.latest) if day), default=None),
        entities=_add(a.entities, b.entities, keep),
        terms=_add(a.terms, b.terms, keep),
    )


def window(profile: StoryProfile, days: int) -> tuple[date, date] | None:
    """The days within which a story of this profile is looked for; None when it is not dated."""
    if profile.earliest is None or profile.latest is None:
        return None
    return profile.earliest - timedelta(days=days), profile.latest + timedelta(days=days)


def fit(article: StoryProfile, story: StoryProfile) -> float:
    """How well an article (or a story) fits a story: the cosine of their term sums, 0 to 1."""
    norms = article.term_norm * story.term_norm
    return _dot(article.term_weights, story.term_weights) / norms if norms else 0.0


def ward(a: StoryProfile, b: StoryProfile) -> float:
    """Ward's distance between two stories: sqrt(2 * n_a * n_b / (n_a + n_b) * |centroid_a - centroid_b|^2),
    the scale of sklearn's ward linkage. Centroids are the term sums over the sizes."""
    dot = _dot(a.term_weights, b.term_weights)
    square = (a.term_norm / a.size) ** 2 + (b.term_norm / b.size) ** 2 - 2 * dot / (a.size * b.size)
    return math.sqrt(max(0.0, 2 * a.size * b.size / (a.size + b.size) * square))


def _pairs(keys: Iterable[WeightedKey]) -> Iterable[tuple[str, float]]:
    return ((key.key, key.weight) for key in keys)


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # only the shared keys, in `a`'s order: the same sum as over every key of `a`, without the zeros
    return sum(weight * b[key] for key, weight in a.items() if key in b)


def _add(a: tuple[WeightedKey, ...], b: tuple[WeightedKey, ...], keep: int) -> tuple[WeightedKey, ...]:
    sums = dict(_pairs(a))
    for key, weight in _pairs(b):
        sums[key] = sums.get(key, 0.0) + weight
    kept = sorted(sums.items(), key=lambda pair: (-pair[1], pair[0]))[:keep]
    return tuple(WeightedKey(key, round(weight, 6)) for key, weight in kept)


def share_a_name(a: StoryProfile, b: StoryProfile, heaviest: int) -> bool:
    """Do two stories that both name someone (or somewhere) share one of the heaviest names of either?"""
    if heaviest <= 0 or not a.entities or not b.entities:
        return True
    return any(name in b.names for name in a.heaviest_names[:heaviest]) or any(
        name in a.names for name in b.heaviest_names[:heaviest]
    )
