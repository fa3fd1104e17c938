"""Calendar arithmetic for temporal expressions: the days of a month, quarter, season or week, parts of them,
and ranges moved by whole units while keeping their granularity ("the third quarter" a year earlier is the
third quarter of the year before, not the 92 days a year before).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

Range = tuple[date, date]
Unit = Literal["day", "week", "month", "quarter", "half", "season", "year", "decade", "century"]
UNIT_MONTHS = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120, "century": 1200}
SEASON_START = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}
"""Meteorological seasons of the northern hemisphere (where the news we read is mostly written): winter is
December to February, and "the winter of 1994" begins in December 1994."""


def month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def months_range(year: int, first: int, count: int) -> Range:
    """`count` whole months from month `first` of `year` (which may run into the next year)."""
    start = add_months(date(year, 1, 1), first - 1)
    return start, add_months(start, count) - timedelta(days=1)


def year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def quarter_range(year: int, quarter: int) -> Range:
    return months_range(year, 3 * quarter - 2, 3)


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def season_range(year: int, season: str) -> Range:
    return months_range(year, SEASON_START[season], 3)


def week_range(day: date) -> Range:
    """Monday to Sunday, as ISO weeks are."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(day: date, unit: str, count: int) -> date:
    """`day` moved by `count` units (months and longer move by calendar months)."""
    if unit in UNIT_MONTHS:
        return add_months(day, count * UNIT_MONTHS[unit])
    return day + timedelta(days=count * (7 if unit == "week" else 1))


def granularity(span: Range) -> Unit | None:
    """What calendar unit a range is, when it is one (three months from March, June, September or December
    are a season; from January, April, July or October a quarter)."""
    start, end = span
    if start == end:
        return "day"
    if start.weekday() == 0 and end - start == timedelta(days=6):
        return "week"
    months = _whole_months(span)
    if months == 1:
        return "month"
    if months == 3:
        return "quarter" if start.month % 3 == 1 else "season"
    if months == 6 and start.month in (1, 7):
        return "half"
    if start.month != 1:
        return None
    if months == 12:
        return "year"
    if months == 120 and start.year % 10 == 0:
        return "decade"
    if months == 1200 and start.year % 100 == 0:
        return "century"
    return None


def _whole_months(span: Range) -> int:
    """How many whole months a range is (0 when it does not begin on a first or end on a last day)."""
    start, end = span
    if start.day != 1 or (end + timedelta(days=1)).day != 1:
        return 0
    return (end.year - start.year) * 12 + end.month - start.month + 1


def shift_range(span: Range, unit: str, count: int) -> Range:
    """A range moved by `count` units, keeping its own granularity: a month stays a whole month, a quarter a
    whole quarter; a day or a stretch of days moves day for day."""
    start, end = span
    months = _whole_months(span)
    if months:
        new_start = shift(start, unit, count).replace(day=1)
        return new_start, add_months(new_start, months) - timedelta(days=1)
    return shift(start, unit, count), shift(end, unit, count)


def part_of(span: Range, qualifier: str) -> Range:
    """The early, mid or late part of a range: thirds of a year by months (late 2017 is September to December),
    thirds of anything else by days."""
    start, end = span
    if not qualifier:
        return span
    index = {"early": 0, "mid": 1, "late": 2}[qualifier]
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        first, last = 1 + 4 * index, 4 + 4 * index
        return date(start.year, first, 1), date(start.year, last, calendar.monthrange(start.year, last)[1])
    third = ((end - start).days + 1) // 3
    part_start = start + timedelta(days=third * index)
    return part_start, end if index == 2 else part_start + timedelta(days=third - 1)
