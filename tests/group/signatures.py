"""Hand-built signatures for the grouping tests: an invented article's text, its people and places.

The terms are read from the text as `sign` reads them (`key_terms`); the embedding is a small made-up vector (any
length works for grouping), or none: grouping must work without it.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date

from corroborate.group.options import GroupingOptions
from corroborate.group.signature import key_terms, minhash_values, word_shingles
from corroborate.models import Signature, WeightedKey

OPTIONS = GroupingOptions()


def signature(
    text: str,
    entities: dict[str, float],
    published: date | None = None,
    embedding: tuple[float, ...] = (),
    name: str | None = None,
) -> Signature:
    """A signature as `sign` would make it for an article with this text and these entities."""
    shingles = word_shingles(text, OPTIONS.shingle)
    article = "a" + hashlib.sha256((name or text).encode()).hexdigest()[:15]
    norm = math.sqrt(sum(value * value for value in embedding)) or 1.0
    return Signature(
        article=article,
        source=name or article,
        published=published,
        earliest=None,
        latest=None,
        wire=None,
        minhash=minhash_values(shingles, OPTIONS.num_perm),
        shingles=len(shingles),
        entities=tuple(WeightedKey(key, weight) for key, weight in sorted(entities.items())),
        terms=key_terms([text], OPTIONS.terms),
        days=(published,) if published else (),
        embedding=tuple(value / norm for value in embedding),
    )
