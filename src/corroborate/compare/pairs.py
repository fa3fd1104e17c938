"""How likely two claims state one fact: a small logistic model of what they share, 0 to 1.

"in power for 34 years" and "in power for more than three decades" share few words; sentence embeddings see the
same meaning. Embeddings also rate two sentences alike when they share a name or a phrase and say different
things of it ("She spoke to the 83-year-old bishop" / "The 83-year-old bishop winced"), and so does any word
count that lets a shared phrase weigh its length. So the model weighs the embeddings' cosine with how much of the
two claims is shared, a phrase counted once, and with a figure or a date they agree on; a name they share is
not evidence (its fitted weight was nil: claims about one person state many facts). Weights: CompareOptions.

Quotations are compared as quotations: two claims that are mostly someone's quoted words state one fact when
they quote one statement (quotes.py decides, wordings and translations included), and never otherwise (two
people quoted on one subject are two claims).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from corroborate.compare.figures import figures_agree
from corroborate.compare.options import CompareOptions
from corroborate.compare.similarity import phrase_overlap
from corroborate.models import Claim, Figure, TimeExpression

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True)
class Item:
    """A claim of a story, with the source (its id) and the article (its id) it comes from, and its exact sentence.

    `statements` are the quotations it carries, by their number among the story's quotations (quotes.py): two
    claims carrying one number quote one statement, however each source worded it.
    """

    source: str
    article: str
    claim: Claim
    sentence: str
    dates: tuple[TimeExpression, ...]
    figures: tuple[Figure, ...]
    statements: frozenset[int] = frozenset()


class PairScorer:
    """The chance that two items state one fact, computed once per pair. `vectors` are the items' unit-length
    embeddings (None: the model without them)."""

    def __init__(self, items: list[Item], vectors: np.ndarray | None, options: CompareOptions) -> None:
        self.items = items
        self.vectors = vectors
        self.options = options
        self.scores: dict[tuple[int, int], float] = {}

    def __call__(self, i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in self.scores:
            self.scores[key] = self._score(*key)
        return self.scores[key]

    def comparable(self, i: int, j: int) -> bool:
        return comparable(self.items[i], self.items[j], self.options)

    def if_figures_agreed(self, i: int, j: int) -> float:
        """The chance that two claims giving figures of one unit state one fact, were their figures to agree.

        Used to tell whether two claims whose figures differ speak of the same thing: the difference is what is
        being judged, so it must not count against them ("3,200 tonnes of fuel on board" / "2,300 tonnes")."""
        a, b = self.items[i], self.items[j]
        if not {x.unit for x in a.figures} & {y.unit for y in b.figures}:
            return self(i, j)
        return self._score(min(i, j), max(i, j), figures_agree_anyway=True)

    def _score(self, i: int, j: int, figures_agree_anyway: bool = False) -> float:
        a, b = self.items[i], self.items[j]
        o = self.options
        overlap = phrase_overlap(a.claim.text, b.claim.text)
        figure = float(
            figures_agree_anyway or any(figures_agree(x, y) for x in a.figures for y in b.figures if x.unit == y.unit)
        )
        date = float(any(overlap_days(x, y) for x in a.dates for y in b.dates))
        if self.vectors is not None:
            cosine = float(self.vectors[i] @ self.vectors[j])
            logit = o.bias + o.cosine * cosine + o.overlap * overlap + o.figure * figure + o.date * date
        else:
            logit = o.lexical_bias + o.lexical_overlap * overlap + o.lexical_figure * figure + o.lexical_date * date
        chance = 1 / (1 + math.exp(-logit))
        if a.statements & b.statements and mostly_quoted(a) and mostly_quoted(b):
            chance = max(chance, o.same_fact)  # one statement quoted twice is one fact, however it is worded
        return chance


def comparable(a: Item, b: Item, options: CompareOptions) -> bool:
    """Can the two claims state the same fact at all? An aside ("the ship, built in 2004") only matches a
    claim with a figure of its unit or a date that meets its date; two claims that are mostly quotation only
    when they quote one statement."""
    if a.claim.aside or b.claim.aside:
        same_unit = any(x.unit == y.unit for x in a.figures for y in b.figures)
        if not (same_unit or any(overlap_days(x, y, days=3660) for x in a.dates for y in b.dates)):
            return False
    if mostly_quoted(a) and mostly_quoted(b):
        if a.statements and b.statements:
            return bool(a.statements & b.statements)
        return fuzz.token_set_ratio(quoted(a.claim.text), quoted(b.claim.text)) >= 100 * options.same_quote
    return True


def mostly_quoted(item: Item) -> bool:
    """Is a claim mostly someone's quoted words (rather than a report that quotes a few of them)?"""
    return len(quoted(item.claim.text).split()) >= 0.6 * len(item.claim.text.split())


def quoted(text: str) -> str:
    return " ".join(part for part in re.findall(r'"([^"]+)"?', text) if len(part.split()) > 2)


def overlap_days(a: TimeExpression, b: TimeExpression, days: int = 31) -> bool:
    """Do two dates meet, both precise to `days` or better?"""
    if not (a.start and a.end and b.start and b.end):
        return False
    return a.start <= b.end and b.start <= a.end and (a.end - a.start).days <= days and (b.end - b.start).days <= days
