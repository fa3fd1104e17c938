"""Quality gate: grouping the ECB+ dev split (real news, each topic two look-alike events) must keep its B-cubed F1
above the floor pinned in tests/data/grouping_baseline.json, with every article placed.

The readings are built here from ../shared (ingest, extract, analyze, then `sign` with the embedding model), once
for the module; the options were calibrated on train and dev, and bench/grouping.py reports all three splits.
"""

from __future__ import annotations

import json

import pytest
from bench.grouping import ECBPLUS, load_corpus, new_grouping, score, scorer
from tests.conftest import ROOT

from corroborate.group import GroupingOptions, sign

BASELINE = json.loads((ROOT / "tests" / "data" / "grouping_baseline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev() -> tuple[dict, bool]:
    if not (ECBPLUS / "stories.json").is_file():
        pytest.skip(f"ECB+ is not in {ECBPLUS} (set CORROBORATE_SHARED to the shared folder)")
    corpus = load_corpus(("dev",))
    docs = corpus.splits["dev"]
    options = GroupingOptions()
    signatures = dict(zip(docs, sign([corpus.readings[doc] for doc in docs], True, options), strict=True))
    predicted, all_placed = new_grouping(corpus, docs, signatures, options)
    return score({doc: corpus.gold[doc] for doc in docs}, predicted, scorer()), all_placed


def test_every_dev_article_is_placed(dev: tuple[dict, bool]) -> None:
    assert dev[1]


@pytest.mark.parametrize("metric", sorted(BASELINE["floors"]))
def test_dev_grouping_keeps_its_floor(dev: tuple[dict, bool], metric: str) -> None:
    figures, _ = dev
    assert figures[metric] >= BASELINE["floors"][metric], (
        f"{metric} {figures[metric]:.3f} fell under its floor {BASELINE['floors'][metric]} "
        f"(measured {BASELINE['measured'][metric]}); run bench/grouping.py to see every split"
    )
