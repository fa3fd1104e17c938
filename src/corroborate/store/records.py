"""How records are kept in the library: JSON of `to_dict`, compressed (readings are mostly text)."""

from __future__ import annotations

import json
import zlib
from datetime import date
from typing import Any

from corroborate.models import Reading, Signature, StoryProfile, WeightedKey


def dump(data: Any) -> bytes:
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def load(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def dump_reading(reading: Reading) -> bytes:
    return dump(reading.to_dict())


def load_reading(blob: bytes) -> Reading:
    return Reading.from_dict(load(blob))


def dump_signature(signature: Signature) -> bytes:
    """A signature as `to_dict` writes it, built field by field: the generic walk over its hundreds of numbers
    cost more than placing the article."""
    return dump(
        {
            "article": signature.article,
            "source": signature.source,
            "published": _iso(signature.published),
            "earliest": _iso(signature.earliest),
            "latest": _iso(signature.latest),
            "wire": signature.wire,
            "minhash": list(signature.minhash),
            "shingles": signature.shingles,
            "entities": [{"key": key.key, "weight": key.weight} for key in signature.entities],
            "terms": [{"key": key.key, "weight": key.weight} for key in signature.terms],
            "days": [day.isoformat() for day in signature.days],
            "embedding": list(signature.embedding),
        }
    )


def load_signature(blob: bytes) -> Signature:
    """The signature `dump_signature` (or `to_dict`) wrote, read field by field (what `from_dict` would give)."""
    data = load(blob)
    return Signature(
        article=data["article"],
        source=data["source"],
        published=_day(data["published"]),
        earliest=_day(data["earliest"]),
        latest=_day(data["latest"]),
        wire=data["wire"],
        minhash=tuple(data["minhash"]),
        shingles=data["shingles"],
        entities=tuple(WeightedKey(key["key"], key["weight"]) for key in data["entities"]),
        terms=tuple(WeightedKey(key["key"], key["weight"]) for key in data["terms"]),
        days=tuple(date.fromisoformat(day) for day in data["days"]),
        embedding=tuple(data["embedding"]),
    )


def dump_profile(profile: StoryProfile) -> bytes:
    """A profile as compact JSON: its keys as [key, weight] pairs (profiles are read many times per article
    placed, so they are kept small and quick to read)."""
    return dump(
        {
            "id": profile.id,
            "size": profile.size,
            "earliest": _iso(profile.earliest),
            "latest": _iso(profile.latest),
            "entities": [[key.key, key.weight] for key in profile.entities],
            "terms": [[key.key, key.weight] for key in profile.terms],
        }
    )


def load_profile(blob: bytes) -> StoryProfile:
    data = load(blob)
    return StoryProfile(
        id=data["id"],
        size=data["size"],
        earliest=_day(data["earliest"]),
        latest=_day(data["latest"]),
        entities=tuple(WeightedKey(key, weight) for key, weight in data["entities"]),
        terms=tuple(WeightedKey(key, weight) for key, weight in data["terms"]),
    )


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
