"""Verbs told without a model (corroborate/extract/verbs.py): only the listed forms, when words that end like an
inflected verb may be plural nouns. Every line is invented; the inflected cases are in test_news.py."""

from __future__ import annotations

import pytest

from corroborate.extract.verbs import has_verb

# (line, a verb with inflections counted, a verb with only the listed forms counted)
LINES = [
    ("Chocolate chip cookies", True, False),
    ("Honey roasted almonds", True, False),
    ("Maxwell's Equations", True, False),
    ("Lemon drizzle cake", False, False),
    ("Ferry fares rise again", True, True),
    ("Harbour master says the wall will hold", True, True),
    ("Council hasn't decided", True, True),
    ("Police arrested two men", True, False),
]


@pytest.mark.parametrize(("line", "inflected", "listed"), LINES)
def test_only_listed_forms_when_inflections_are_ambiguous(line: str, inflected: bool, listed: bool) -> None:
    assert has_verb(line) is inflected
    assert has_verb(line, inflected=False) is listed
