"""Dates of one story, resolved with the evidence of all its sources.

An article with no date of its own is dated from its text (a range with evidence). Within a story its
sources can do better: other sources fix a year the article leaves open (the AP seed says "November 26"
but never the year, the Reuters seed dates its caption November 9, 2019), and a dated re-publication of
the same wire story dates one whose text gives nothing at all. Every date expression is then resolved again against
that day, and the note says where the day came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from corroborate.analyze.dates import Reference, redate, reference_of
from corroborate.models import Reading


@dataclass(frozen=True)
class Dating:
    """The day an article's relative dates are read against within its story, and why."""

    reference: Reference | None
    note: str | None


def date_story(
    readings: Sequence[Reading], sources: Sequence[tuple[str, ...]]
) -> tuple[list[Reading], dict[str, Dating]]:
    """The story's readings with their dates resolved against the story's evidence, and each one's dating (by
    article id). `sources` partitions the article ids into independent sources."""
    own = {reading.id: reference_of(reading.article) for reading in readings}
    source_of = {member: members for members in sources for member in members}
    datings: dict[str, Dating] = {}
    for reading in readings:
        article = reading.article
        reference = own[article.id]
        dating = Dating(reference, None)
        if article.published is None:
            siblings = [
                reading_
                for reading_ in readings
                if reading_.id in source_of[article.id] and reading_.article.published is not None
            ]
            others = [ref.day for member, ref in own.items() if ref and member not in source_of[article.id]]
            if reference is None and siblings:
                sibling = min(siblings, key=lambda r: r.article.published or date.max)
                day = sibling.article.published
                assert day is not None
                dating = Dating(
                    Reference(day, estimated=True),
                    f"on or before {day.isoformat()}: the same wire story ran in {sibling.article.source} that day",
                )
            elif reference is not None and others:
                shifted = _year_from_others(reading, reference.day, max(others))
                if shifted is not None:
                    dating = Dating(
                        Reference(shifted, estimated=True),
                        f"on or after {shifted.isoformat()}: the text gives no year for its dates; "
                        "the year comes from the story's other sources",
                    )
        datings[article.id] = dating
    return [_redated(reading, datings[reading.id]) for reading in readings], datings


def _year_from_others(reading: Reading, earliest: date, others_latest: date) -> date | None:
    """The article's earliest possible day moved by whole years towards the other sources' date, when its text
    allows it (no later bound in the way)."""
    estimate = reading.article.published_estimate
    latest = estimate.latest if estimate else None
    shifted = None
    for year in range(earliest.year + 1, others_latest.year + 1):
        try:
            candidate = earliest.replace(year=year)
        except ValueError:
            continue
        if candidate <= others_latest and (latest is None or candidate <= latest):
            shifted = candidate
    return shifted


def _redated(reading: Reading, dating: Dating) -> Reading:
    own = reference_of(reading.article)
    if dating.note is None or dating.reference == own:
        return reading
    dates = [
        replace(again, note=f"{again.note} ({dating.note})" if again.note else dating.note or "")
        if again.kind == "date"
        else again
        for again in redate(reading.dates, dating.reference)
    ]
    return replace(reading, dates=tuple(dates))
