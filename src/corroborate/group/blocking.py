"""Blocking keys: what leads a new article to the few stories worth comparing it with.

A story is reached through the keys of its articles: its entities ("e:warren jeffs"), its heaviest terms
("t:earthquake") and bands of random-hyperplane hashes of its embedding ("h3:612": the signs of the embedding
against ten fixed random hyperplanes, in band 3). Articles whose embeddings are close agree on most signs, so
they share some band even when they share few words. Keys that lead to too many stories are left out, so the
cost of placing an article follows its candidates, not the size of the library.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from corroborate.group.options import GroupingOptions
from corroborate.models import StoryProfile, WeightedKey

if TYPE_CHECKING:
    import numpy as np

ENTITY = "e:"
TERM = "t:"
"""Prefixes of the blocking keys of entities and terms; embedding bands are "h<band>:<bits>"."""
HYPERPLANE_SEED = 20261201
"""Every library must use the same hyperplanes: never change it for an existing library."""


def keys_of(profile: StoryProfile, options: GroupingOptions) -> list[str]:
    """The blocking keys of a story's profile (or of an article's): its heaviest entities and terms, so that a
    story of many articles looks for its candidates with as few keys as one article does."""
    entities = _heaviest(profile.entities, options.blocking_entities)
    terms = _heaviest(profile.terms, options.blocking_terms)
    return [ENTITY + key.key for key in entities] + [TERM + key.key for key in terms]


def _heaviest(keys: Iterable[WeightedKey], count: int) -> list[WeightedKey]:
    return sorted(keys, key=lambda key: (-key.weight, key.key))[:count]


def article_keys(profile: StoryProfile, embedding: Iterable[float], options: GroupingOptions) -> list[str]:
    """The blocking keys of an article: those of its profile, and the bands of its embedding."""
    return keys_of(profile, options) + band_keys(embedding, options)


def band_keys(embedding: Iterable[float], options: GroupingOptions) -> list[str]:
    """The embedding's random-hyperplane bands, one key per band; none without an embedding."""
    import numpy as np

    vector = np.asarray(tuple(embedding), dtype=np.float32)
    if not vector.size:
        return []
    bits = options.hyperplane_bits
    planes = _hyperplanes(vector.size, options.hyperplane_bands * bits)
    signs = (planes @ vector > 0).reshape(options.hyperplane_bands, bits)
    powers = 1 << np.arange(bits)
    return [f"h{band}:{int(signs[band] @ powers)}" for band in range(options.hyperplane_bands)]


@functools.cache
def _hyperplanes(dimensions: int, count: int) -> np.ndarray:
    import numpy as np

    return np.random.default_rng(HYPERPLANE_SEED).standard_normal((count, dimensions)).astype(np.float32)
