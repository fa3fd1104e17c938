"""What changed in a story between two of its versions, told from their reports' digests.

A digest keeps only ids: the story's sources, and each corroborated fact and each disagreement as the claims
it rests on, each claim named by (source id, sentence index). So a fact is recognised across versions however
its wording was chosen, and a digest is small enough to keep for every version of every story.

A fact is newly corroborated when none of its claims supported a fact before (a claim one source made alone,
now backed by another; or claims that did not align before). A disagreement is new when none of its claims
was disputed before in the same way (a third source joining a known dispute is not a new one).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from corroborate.models import StoryReport

ClaimKey = tuple[str, int | None]
"""A claim across versions: the id of its source and the index of its sentence."""


@dataclasses.dataclass(frozen=True)
class Digest:
    """The ids of a story version's report: `facts` and `disputes` in the report's order."""

    sources: tuple[str, ...]
    facts: tuple[frozenset[ClaimKey], ...]
    disputes: tuple[tuple[str, frozenset[ClaimKey]], ...]

    @classmethod
    def of(cls, report: StoryReport) -> Digest:
        return cls(
            sources=tuple(source.id for source in report.sources),
            facts=tuple(
                frozenset((support.source, support.sentence_index) for support in fact.support)
                for fact in report.corroborated
            ),
            disputes=tuple(
                (item.kind, frozenset((side.source, side.sentence_index) for side in item.sides))
                for item in report.disagreements
            ),
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "sources": list(self.sources),
            "facts": [sorted(fact, key=_order) for fact in self.facts],
            "disputes": [{"kind": kind, "claims": sorted(claims, key=_order)} for kind, claims in self.disputes],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Digest:
        return cls(
            sources=tuple(data["sources"]),
            facts=tuple(frozenset((source, index) for source, index in fact) for fact in data["facts"]),
            disputes=tuple(
                (item["kind"], frozenset((source, index) for source, index in item["claims"]))
                for item in data["disputes"]
            ),
        )


@dataclasses.dataclass(frozen=True)
class Changes:
    """What a later version brings: new sources (ids), and the positions (from 0) in its report of the newly
    corroborated facts and of the new disagreements."""

    sources: tuple[str, ...] = ()
    facts: tuple[int, ...] = ()
    disputes: tuple[int, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.sources or self.facts or self.disputes)

    def summary(self) -> str:
        """In words, for a feed: "1 new source, 2 newly corroborated facts, no new disagreement"."""
        return ", ".join(
            (
                _counted(len(self.sources), "new source", "new sources"),
                _counted(len(self.facts), "newly corroborated fact", "newly corroborated facts"),
                _counted(len(self.disputes), "new disagreement", "new disagreements"),
            )
        )


def changes_between(before: Digest, after: Digest) -> Changes:
    """What `after` brings that `before` did not have."""
    supported = frozenset().union(*before.facts)
    disputed = {kind: frozenset[ClaimKey]() for kind, _ in before.disputes}
    for kind, claims in before.disputes:
        disputed[kind] |= claims
    return Changes(
        sources=tuple(source for source in after.sources if source not in before.sources),
        facts=tuple(n for n, fact in enumerate(after.facts) if not fact & supported),
        disputes=tuple(
            n for n, (kind, claims) in enumerate(after.disputes) if not claims & disputed.get(kind, frozenset())
        ),
    )


def _order(claim: ClaimKey) -> tuple[str, int]:
    return claim[0], -1 if claim[1] is None else claim[1]


def _counted(count: int, one: str, many: str) -> str:
    return f"no {one}" if count == 0 else f"{count} {one if count == 1 else many}"
