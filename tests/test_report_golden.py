"""Golden files: the JSON and Markdown reports of the seeds and of our examples, held word for word.

A change to any stage that changes a report shows here as a diff to read. To accept one, regenerate with
`CORROBORATE_UPDATE_GOLDEN=1 make test` and review the diff of tests/golden/ before committing it.

The seeds' text must not be copied into the project, so in their golden files every run of five or more
words taken from a seed is replaced by a digest of those words: the files still change when any of it does.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import pytest
from tests.conftest import AP_SEED, EXAMPLES, REUTERS_SEED, ROOT, SEEDS

from corroborate.extract.normalize import normalize_text
from corroborate.models import Report
from corroborate.report.jsonout import render_json
from corroborate.report.markdown import render_markdown

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("CORROBORATE_UPDATE_GOLDEN") == "1"
RUN = 5
_WORD = re.compile(r"[\w']+")
_GAP = re.compile(r"[ ,.;:()'\-]*")
"""What may separate words of one redacted stretch: not a line break, a quote mark or markup."""


def _seed_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in (AP_SEED, REUTERS_SEED):
        words = _WORD.findall(normalize_text(path.read_text(encoding="utf-8")).lower())
        runs.update(tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return runs


def redact_seed_text(text: str, runs: set[tuple[str, ...]]) -> str:
    """`text` with every stretch of words that comes from a seed replaced by a digest of it."""
    tokens = list(_WORD.finditer(text))
    covered = [False] * len(tokens)
    for i in range(len(tokens) - RUN + 1):
        if tuple(t.group(0).lower() for t in tokens[i : i + RUN]) in runs:
            covered[i : i + RUN] = [True] * RUN
    pieces, position, i = [], 0, 0
    while i < len(tokens):
        if not covered[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and covered[j + 1] and _GAP.fullmatch(text[tokens[j].end() : tokens[j + 1].start()]):
            j += 1
        start, end = tokens[i].start(), tokens[j].end()
        digest = hashlib.sha1(text[start:end].encode()).hexdigest()[:10]
        pieces += [text[position:start], f"<seed text: {j - i + 1} words, sha1 {digest}>"]
        position, i = end, j + 1
    return "".join(pieces) + text[position:]


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path} did not exist and was written: review it and run the tests again")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed: regenerate with CORROBORATE_UPDATE_GOLDEN=1"


def _relative(text: str, folder: Path, label: str) -> str:
    return text.replace(str(folder) + "/", f"{label}/")


@pytest.mark.parametrize("form", ["json", "md"])
def test_seeds_report(seeds_report: Report, form: str) -> None:
    text = render_json(seeds_report) if form == "json" else render_markdown(seeds_report, show_noise=True)
    text = redact_seed_text(_relative(text, SEEDS, "seeds"), _seed_runs())
    _check(f"seeds.{form}", text)


@pytest.mark.parametrize("form", ["json", "md"])
def test_examples_report(examples_report: Report, form: str) -> None:
    text = render_json(examples_report) if form == "json" else render_markdown(examples_report, show_noise=True)
    _check(f"examples.{form}", _relative(text, EXAMPLES, "examples"))


def test_redaction_leaves_no_run_of_seed_words() -> None:
    runs = _seed_runs()
    sample = " ".join(_WORD.findall(normalize_text(AP_SEED.read_text(encoding="utf-8"))))[:400]
    redacted = redact_seed_text(f"before {sample} after", runs)
    words = _WORD.findall(redacted.lower())
    assert not any(tuple(words[i : i + RUN]) in runs for i in range(len(words) - RUN + 1))
    assert redacted.startswith("before <seed text:") and redacted.endswith(" after")
