"""Shared fixtures: where the seeds and examples are, and a way to run the command line in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CORROBORATE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
AP_SEED = SEEDS / "000_e3cb2b40a588c175.txt"
REUTERS_SEED = SEEDS / "001_af29bae670319c4e.txt"
EXAMPLES = ROOT / "examples"
BENCHMARK = SHARED / "bench-data" / "article-extraction-benchmark"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the seeds are missing: expected them in {SEEDS} (set CORROBORATE_SHARED to shared/)")
    return SEEDS


@pytest.fixture(scope="session")
def seeds_report(seeds):
    """The report of the two seeds, read as they come (no --date), built once for every test that needs it."""
    from corroborate.store import report_inputs

    report, _outcomes = report_inputs([str(AP_SEED), str(REUTERS_SEED)])
    return report


@pytest.fixture(scope="session")
def examples_report():
    from bench.comparison import examples_report as build

    return build(embeddings=True)
