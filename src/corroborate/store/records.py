"""How records are kept in the library: JSON of `to_dict`, compressed (readings are mostly text)."""

from __future__ import annotations

import json
import zlib
from typing import Any

from corroborate.models import Reading, Signature, StoryProfile, from_dict, to_dict


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
    return dump(to_dict(profile))


def load_profile(blob: bytes) -> StoryProfile:
    return from_dict(StoryProfile, load(blob))
