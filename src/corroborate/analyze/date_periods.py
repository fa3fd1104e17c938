"""Periods longer than a month named in words: quarters and halves ("the third quarter", "the first half of
1990"), seasons ("last summer"), weekends, the end or beginning of a period ("the end of the year"), decades
("the 1990s") and centuries ("the 20th century").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from corroborate.analyze.calendar import Range, months_range, part_of, quarter_range, season_range, shift, week_range
from corroborate.analyze.date_resolvers import (
    CENTURY_WORDS,
    ORDINAL,
    PARTS,
    Context,
    Result,
    pick,
    qualifier,
    unit_containing,
)


def quarter(match: re.Match[str], context: Context) -> Result:
    """ "the third quarter", "the 1988 second quarter", "the current quarter", "next year's first quarter";
    a half ("the first half of 1990", "the first two quarters of 1990") the same way."""
    half = match.group("unit").lower() == "half" or bool(match.group("two"))
    count, name = (2, "half") if half else (4, "quarter")
    ordinal = (match.group("ordinal") or "").lower()
    number = min(ORDINAL[ordinal], count) if ordinal else None
    which = re.sub(r"\s+", " ", (match.group("which") or "").lower())
    of_year = (match.group("whichyear") or match.group("ofyear") or "").lower()
    if number is None and which == "last" and (match.group("year") or match.group("year2") or of_year):
        number = count  # "the last half of 1989"
    if match.group("year") or match.group("year2"):
        year = int(match.group("year") or match.group("year2"))
        return _nth(year, number or 1, half), "exact", f"a {name} of {year}"
    if context.reference is None:
        return None
    reference = context.reference.day
    if number and of_year:
        year = reference.year + {"last": -1, "next": 1}.get(of_year, 0)
        return _nth(year, number, half), "medium", f"a {name} of {year}"
    if number:
        options = [_nth(year, number, half) for year in range(reference.year - 1, reference.year + 2)]
        if context.future:  # results to come are reported after the quarter ends: one just ended still counts
            span = next(o for o in options if o[1] >= reference - timedelta(days=92))
        else:  # quarters reported on: the last of that number to have begun
            span = next(o for o in reversed(options) if o[0] <= reference)
        return span, "medium", f"the {ordinal} {name} from {reference.isoformat()}"
    step = (
        -1
        if which in ("last", "previous", "past", "latest", "most recent")
        else 1
        if which in ("next", "coming")
        else 0
    )
    index = reference.year * count + (reference.month - 1) * count // 12 + step
    return _nth(index // count, index % count + 1, half), "medium", f"the {which} {name} from {reference.isoformat()}"


def _nth(year: int, number: int, half: bool) -> Range:
    return months_range(year, 6 * number - 5, 6) if half else quarter_range(year, number)


def season(match: re.Match[str], context: Context) -> Result:
    season = match.group("season").lower()
    if match.group("year"):
        return (
            part_of(season_range(int(match.group("year")), season), qualifier(match)),
            "exact",
            f"the {season} of a year",
        )
    if context.reference is None:
        return None
    reference = context.reference.day
    which = re.sub(r"\s+", " ", (match.group("which") or "").lower())
    # A winter is named by the year of its December; "last winter" in February is the one that just ended.
    options = [season_range(year, season) for year in range(reference.year - 2, reference.year + 2)]
    if which in ("last", "this past", "past"):
        span = next(o for o in reversed(options) if o[1] < reference or (which == "this past" and o[0] <= reference))
    elif which in ("next", "this coming", "coming"):
        span = next(o for o in options if o[0] > reference)
    elif which == "this":
        span = season_range(reference.year - (season == "winter" and reference.month <= 2), season)
    else:
        span = pick(options, reference, context.future)
    return part_of(span, qualifier(match)), "medium", f"{which or 'the'} {season} from {reference.isoformat()}"


def weekend(match: re.Match[str], context: Context) -> Result:
    if context.reference is None:
        return None
    reference = context.reference.day
    which = (match.group("which") or "").lower()
    saturday = week_range(reference)[0] + timedelta(days=5)
    options = [(saturday + timedelta(weeks=w), saturday + timedelta(weeks=w, days=1)) for w in (-1, 0, 1)]
    if which == "this":
        span = options[1]
    elif which in ("next", "coming"):
        span = options[2] if reference.weekday() >= 5 else options[1]
    elif which in ("last", "past"):
        span = next(o for o in reversed(options) if o[1] < reference)
    elif context.future:
        span = next(o for o in options if o[1] >= reference)
    else:
        span = next(o for o in reversed(options) if o[0] <= reference)
    return span, "medium", f"the weekend from {reference.isoformat()}"


def edge(match: re.Match[str], context: Context) -> Result:
    """ "the end of the year", "the beginning of next month", "year-end": a part of the unit that holds the
    article's date (or of the next or last one; a year-end told in the past tense is the last one)."""
    if context.reference is None:
        return None
    reference = context.reference.day
    unit = (match.group("unit") or match.group("unit2")).lower()
    edge = (match.group("edge") or match.group("edge2")).lower()
    which = (match.group("which") or "").lower()
    step = {"next": 1, "last": -1}.get(which, -1 if context.future is False and match.group("edge2") else 0)
    span = unit_containing(shift(reference, unit, step), unit)
    if unit == "decade":
        span = (date(span[0].year // 10 * 10, 1, 1), date(span[0].year // 10 * 10 + 9, 12, 31))
    elif unit == "century":
        span = (date(span[0].year // 100 * 100, 1, 1), date(span[0].year // 100 * 100 + 99, 12, 31))
    return part_of(span, PARTS[edge]), "medium", f"the {edge} of the {unit}, from {reference.isoformat()}"


def decade(match: re.Match[str], _context: Context) -> Result:
    words = match.group("decade").lower().lstrip("'")
    decade = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70}.get(words)
    decade = decade or {"eighties": 80, "nineties": 90}.get(words) or int(words)
    if decade < 100:
        decade += 1900 if decade >= 30 or not words.isdigit() else 2000
    if decade % 100 == 0 and decade != 2000:  # "the 1800s" is a century
        return (date(decade, 1, 1), date(decade + 99, 12, 31)), "exact", f"the {decade}s"
    span = part_of((date(decade, 1, 1), date(decade + 9, 12, 31)), qualifier(match))
    return span, "medium" if qualifier(match) else "exact", f"the {decade}s"


def century(match: re.Match[str], context: Context) -> Result:
    words = match.group("nth").lower() if match.group("nth") else ""
    if words:
        number = CENTURY_WORDS.get(words) or int(re.sub(r"\D", "", words))
        start = (number - 1) * 100
    elif context.reference is None:
        return None
    else:
        which = match.group("which").lower()
        start = context.reference.day.year // 100 * 100 + {"last": -100, "next": 100}.get(which, 0)
    span = part_of((date(start, 1, 1), date(start + 99, 12, 31)), qualifier(match))
    return span, "exact" if words else "medium", f"the century of {start}s"
