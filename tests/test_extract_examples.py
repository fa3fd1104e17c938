"""Extraction on our own examples: every line's kind against the hand-made classification in
tests/data/example_lines.json (for the HTML page, the lines trafilatura extracts, classified by hand)."""

from __future__ import annotations

import json

import pytest
from tests.conftest import EXAMPLES, ROOT

from corroborate.extract import extract
from corroborate.extract.normalize import normalize_line
from corroborate.ingest import IngestOptions, read_path

EXPECTED = json.loads((ROOT / "tests" / "data" / "example_lines.json").read_text(encoding="utf-8"))
FIGURE_CAPTION = "caption of a figure of the page (outside the main text)"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_line_has_the_kind_a_careful_reader_gives_it(name: str) -> None:
    (document,) = read_path(str(EXAMPLES / name), IngestOptions())
    lines = [line for line in extract(document).lines if line.why != FIGURE_CAPTION]
    expected = EXPECTED[name]
    assert len(lines) == len(expected)
    for line, (start, kind) in zip(lines, expected, strict=True):
        assert line.text.startswith(normalize_line(start)[:30]), (line.text, start)
        assert line.kind == kind, f"{name}: {line.text!r} is {line.kind}, a careful reader says {kind}"


def test_figure_captions_outside_the_main_text_are_kept_as_captions() -> None:
    (document,) = read_path(str(EXAMPLES / "harbour-herald.html"), IngestOptions())
    article = extract(document)
    assert any(line.kind == "caption" and line.why == FIGURE_CAPTION for line in article.lines)
    assert ("photo", "Kirsten Vollmer", "AFP") in {(c.role, c.name, c.agency) for c in article.credits}
    assert not any("Kirsten Vollmer" in caption for caption in article.captions)
