"""How records are kept (corroborate/store/records.py): a signature written field by field is the JSON `to_dict`
writes (libraries and batch outputs made before read the same), and reads back as `from_dict` reads it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from tests.group.signatures import signature

from corroborate.models import Signature, from_dict, to_dict
from corroborate.store import records

PLAIN = signature("The ferry sailed again on Friday after three days in port.", {"walvis bay": 1.0})
SIGNATURES = {
    "undated, no embedding": PLAIN,
    "dated, with an embedding": dataclasses.replace(
        PLAIN,
        published=date(2026, 3, 2),
        earliest=date(2026, 2, 27),
        latest=date(2026, 3, 2),
        wire="AFP",
        days=(date(2026, 2, 27), date(2026, 3, 2)),
        embedding=(0.25, -0.5, 0.125),
    ),
    "no entities, no terms": dataclasses.replace(PLAIN, entities=(), terms=(), minhash=(), shingles=0),
}


@pytest.mark.parametrize("case", SIGNATURES)
def test_a_signature_is_kept_as_to_dict_writes_it_and_read_back_whole(case: str) -> None:
    kept = SIGNATURES[case]
    blob = records.dump_signature(kept)
    assert records.load(blob) == to_dict(kept)
    assert records.load_signature(blob) == kept == from_dict(Signature, records.load(blob))
    assert records.load_signature(records.dump(to_dict(kept))) == kept
