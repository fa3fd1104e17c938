"""How records are kept in the library: JSON of `to_dict`, compressed (readings are mostly text)."""

from __future__ import annotations

import json
import zlib
from datetime import date
from typing import Any

from corroborate.models import Reading, Signature, StoryProfile, WeightedKey, from_dict, to_dict


def dump(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def load(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def dump_reading(reading: Reading) -> bytes:
    return dump(reading.to_dict())


def load_reading(blob: bytes) -> Reading:
    return Reading.from_dict(load(blob))


def dump_signature(signature: Signature) -> bytes:
    return dump(to_dict(signature))


def load_signature(blob: bytes) -> Signature:
    return from_dict(Signature, load(blob))


def dump_profile(profile: StoryProfile) -> bytes:
    """A profile as compact JSON: its keys as [key, weight] pairs (profiles are read many times per article
    placed, so they are kept small and quick to read)."""
    return dump(
        {
            "id": profile.id,
            "size": profile.size,
            "earliest": profile.earliest.isoformat() if profile.earliest else None,
            "latest": profile.latest.isoformat() if profile.latest else None,
            "entities": [[key.key, key.weight] for key in profile.entities],
            "terms": [[key.key, key.weight] for key in profile.terms],
        }
    )


def load_profile(blob: bytes) -> StoryProfile:
    data = load(blob)
    return StoryProfile(
        id=data["id"],
        size=data["size"],
        earliest=date.fromisoformat(data["earliest"]) if data["earliest"] else None,
        latest=date.fromisoformat(data["latest"]) if data["latest"] else None,
        entities=tuple(WeightedKey(key, weight) for key, weight in data["entities"]),
        terms=tuple(WeightedKey(key, weight) for key, weight in data["terms"]),
    )
