"""A brief a person reads in a minute: corroborated claims first, then single-source ones, marked as such.

Every sentence is the exact words of one source's claim (no text is invented) with the sources behind it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from corroborate.compare.similarity import lexical_similarity
from corroborate.models import BriefSentence, Fact, SingleClaim

MAX_WORDS = 120
REPEAT = 0.6
"""Word overlap above which a sentence would tell the brief's reader again what it already said."""
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|his|her|its|their|this|that|these|those)\b", re.IGNORECASE)


def build_brief(
    facts: Sequence[Fact], singles: Sequence[SingleClaim], order: dict[str, int], unfit: frozenset[str] = frozenset()
) -> list[BriefSentence]:
    """`order` ranks claims by where they stand in their article: a lead outranks a last paragraph. `unfit`
    claims support facts but cannot stand in a brief: asides ("Hun Sen, in power for 34 years") and claims
    whose wording a disagreement disputes."""
    candidates: list[tuple[tuple[int, int], BriefSentence, frozenset[tuple[str, str]]]] = []
    for fact in facts:
        rank = (-len(fact.support), order.get(fact.claim, 999))
        sentence = BriefSentence(_sentence(fact.claim), tuple(s.source for s in fact.support), True)
        candidates.append((rank, sentence, frozenset((s.source, s.sentence) for s in fact.support)))
    for single in singles:
        sentence = BriefSentence(_sentence(single.claim), (single.source,), False)
        candidates.append(
            ((0, order.get(single.claim, 999) + 5), sentence, frozenset({(single.source, single.sentence)}))
        )
    brief: list[BriefSentence] = []
    told: set[tuple[str, str]] = set()
    words = 0
    for _, sentence, behind in sorted(candidates, key=lambda item: item[0]):
        length = len(sentence.text.split())
        if (
            _PRONOUN_START.match(sentence.text)
            or '"' in sentence.text
            or length < 5
            or sentence.text.rstrip(".") in unfit
        ):
            continue  # a brief sentence must stand on its own: no dangling "he", no quotation out of context
        if (
            words + length > MAX_WORDS
            or behind & told
            or any(lexical_similarity(sentence.text, kept.text) >= REPEAT for kept in brief)
        ):
            continue  # too long, or told already (from the same sentences, or in nearly the same words)
        brief.append(sentence)
        told |= behind
        words += length
    return brief


def _sentence(claim: str) -> str:
    text = claim.strip()
    text = text[0].upper() + text[1:] if text else text
    return text if text.endswith((".", "!", "?")) else f"{text}."
