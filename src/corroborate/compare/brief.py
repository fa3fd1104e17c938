"""A brief a person reads in a minute: corroborated claims first, then single-source ones, marked as such.

Every sentence is the exact words of one source's claim (no text is invented) with the sources behind it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corroborate.models import BriefSentence, Fact, SingleClaim

MAX_WORDS = 120
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|his|her|its|their|this|that|these|those)\b", re.IGNORECASE)


def build_brief(
    facts: Sequence[Fact], singles: Sequence[SingleClaim], order: dict[str, int], asides: frozenset[str] = frozenset()
) -> list[BriefSentence]:
    """`order` ranks claims by where they stand in their article: a lead outranks a last paragraph. `asides`
    are claims that are not sentences ("Hun Sen, in power for 34 years"): they support facts, not the brief."""
    candidates: list[tuple[tuple[int, int], BriefSentence]] = []
    for fact in facts:
        rank = (-len(fact.support), order.get(fact.claim, 999))
        candidates.append((rank, BriefSentence(_sentence(fact.claim), tuple(s.source for s in fact.support), True)))
    for single in singles:
        candidates.append(
            ((0, order.get(single.claim, 999) + 5), BriefSentence(_sentence(single.claim), (single.source,), False))
        )
    brief: list[BriefSentence] = []
    words = 0
    for _, sentence in sorted(candidates, key=lambda item: item[0]):
        length = len(sentence.text.split())
        if (
            _PRONOUN_START.match(sentence.text)
            or '"' in sentence.text
            or length < 5
            or sentence.text.rstrip(".") in asides
        ):
            continue  # a brief sentence must stand on its own: no dangling "he", no quotation out of context
        if words + length > MAX_WORDS:
            continue
        brief.append(sentence)
        words += length
    return brief


def _sentence(claim: str) -> str:
    text = claim.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else f"{text}."
