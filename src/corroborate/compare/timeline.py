"""The dated events of a story, in order, each with its sources and the words each date came from."""

from __future__ import annotations

from collections.abc import Sequence

from corroborate.compare.similarity import lexical_similarity
from corroborate.models import Reading, Side, TimeExpression, TimelineEntry

SAME_EVENT = 0.5
"""Word overlap above which two sources' dated sentences for overlapping dates tell one event."""


def build_timeline(readings: Sequence[Reading], source_of: dict[str, str]) -> list[TimelineEntry]:
    entries: list[TimelineEntry] = []
    seen: set[tuple[str, str, int]] = set()
    for reading in readings:
        source = source_of[reading.id]
        for expression in reading.dates:
            if expression.start is None or expression.end is None:
                continue
            key = (source, expression.text, expression.sentence)
            if key in seen:
                continue
            seen.add(key)
            event = _event(reading, expression)
            match = next((entry for entry in entries if _same_event(entry, expression, event)), None)
            side = Side(source, expression.text, expression.sentence)
            if match is None:
                entries.append(
                    TimelineEntry(
                        date=expression.start,
                        end=expression.end,
                        event=event,
                        sources=(source,),
                        expressions=(side,),
                        confidence=expression.confidence,
                    )
                )
            elif (side.source, side.text) not in {(known.source, known.text) for known in match.expressions}:
                index = entries.index(match)
                entries[index] = TimelineEntry(
                    date=max(match.date, expression.start),
                    end=min(match.end, expression.end),
                    event=match.event,
                    sources=tuple(dict.fromkeys((*match.sources, source))),
                    expressions=(*match.expressions, side),
                    confidence=match.confidence,
                )
    return sorted(entries, key=lambda entry: (entry.date, entry.end, entry.event))


def _event(reading: Reading, expression: TimeExpression) -> str:
    """The shortest claim of the date's sentence that holds it, or the sentence."""
    claims = [
        claim.text
        for claim in reading.claims
        if claim.sentence == expression.sentence and expression.text in claim.text
    ]
    return min(claims, key=len) if claims else reading.sentences[expression.sentence].text


def _same_event(entry: TimelineEntry, expression: TimeExpression, event: str) -> bool:
    assert expression.start is not None and expression.end is not None
    overlaps = entry.date <= expression.end and expression.start <= entry.end
    return overlaps and lexical_similarity(entry.event, event) >= SAME_EVENT
