"""Dates counted from another date of the text: "a year earlier", "two days later", "the year-ago quarter", "the
following year", "that day", "the 1988 period", "the previous Friday". The `Context` carries the last date the
text gave and the last quarter or half it named; without them, they count from the article's date.
"""

from __future__ import annotations

import calendar
import re
from datetime import timedelta

from corroborate.analyze.calendar import quarter_of, quarter_range, shift, shift_range, year_range
from corroborate.analyze.date_resolvers import Context, Result, amount, unit_containing


def earlier_later(match: re.Match[str], context: Context) -> Result:
    """ "a year earlier", "two days later", "the year-ago quarter": the date just mentioned (the period just named,
    for a quarter), moved; counted from the article's date when the text gave none before."""
    words = match.group(0).lower()
    unit = (match.group("unit") or "year").lower().rstrip("s")
    count = amount(match.group("amount") or "a") * (1 if re.search(r"later|after|following|next", words) else -1)
    wants_period = bool(re.search(r"quarter|period|half|months|year-|last year", words)) or (
        unit == "year" and abs(count) == 1 and context.period_nearby
    )
    anchor = context.period if wants_period else context.previous
    if anchor is None:
        if context.reference is None:
            return None
        day = context.reference.day
        anchor = quarter_range(day.year, quarter_of(day) - 1) if wants_period and day.month > 3 else (day, day)
        return shift_range(anchor, unit, count), "low", "no earlier date in the text: counted from the article's date"
    return (
        shift_range(anchor, unit, count),
        "medium",
        f"{abs(count)} {unit}s {'after' if count > 0 else 'before'} the date before it",
    )


def that_unit(match: re.Match[str], context: Context) -> Result:
    """ "that year", "the same day", "the following year", "the next morning": the unit holding the date just
    mentioned (the article's date when there is none), or the one after or before it."""
    words = match.group(0).lower()
    unit = (match.group("unit") or match.group("unit2") or match.group("unit3")).lower()
    unit = "day" if unit in ("morning", "afternoon", "evening", "night") else unit
    anchor = context.previous or (
        (context.reference.day, context.reference.day) if context.reference and unit == "day" else None
    )
    if anchor is None:
        return None
    step = (
        1 if re.search(r"following|next|after", words) else -1 if re.search(r"previous|preceding|before", words) else 0
    )
    if unit == "day" and anchor[0] != anchor[1]:
        return anchor, "low", "a day of the date before it; the text does not say which"
    day = shift(anchor[0], unit, step)
    return unit_containing(day, unit), "medium", f"the {unit} of the date before it{', moved' if step else ''}"


def the_year(_match: re.Match[str], context: Context) -> Result:
    """ "for the year": the year under discussion, that of the date just mentioned, else of the article's date
    ("sales rose 4% for the year", "a high for the year")."""
    if context.previous is not None:
        year = context.previous[1].year
        return year_range(year), "medium", "the year of the date before it"
    if context.reference is None:
        return None
    return year_range(context.reference.day.year), "low", "the year of the article's date"


def year_period(match: re.Match[str], context: Context) -> Result:
    """ "the 1988 period", "the 1988 quarter": the period just named, in that year."""
    year = int(match.group("year"))
    if context.period is None:
        return year_range(year), "low", "a period of the year; the text does not say which"
    start, _end = context.period
    return shift_range(context.period, "year", year - start.year), "medium", "the period just named, in that year"


def the_period(_match: re.Match[str], context: Context) -> Result:
    """ "the quarter", "the latest period": the period just named, else the last quarter before the article."""
    if context.period is not None:
        return context.period, "medium", "the period just named"
    if context.reference is None:
        return None
    day = context.reference.day
    index = day.year * 4 + (day.month - 1) // 3 - 1
    return (
        quarter_range(index // 4, index % 4 + 1),
        "low",
        "no period named before: the last quarter before the article",
    )


def that_weekday(match: re.Match[str], context: Context) -> Result:
    """ "the previous Friday": the one before the date just mentioned (else before the article's date)."""
    base = context.previous[0] if context.previous else context.reference.day if context.reference else None
    if base is None:
        return None
    weekday = list(calendar.day_name).index(match.group("weekday").capitalize())
    day = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
    return (day, day), "medium", f"the {calendar.day_name[weekday]} before {base.isoformat()}"
