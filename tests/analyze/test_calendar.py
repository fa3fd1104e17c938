"""Calendar arithmetic: what unit a range is, and ranges moved by whole units keeping their granularity."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.analyze.calendar import granularity, part_of, season_range, shift_range

D = date

GRANULARITY = [
    ((D(2019, 11, 27), D(2019, 11, 27)), "day"),
    ((D(2019, 11, 25), D(2019, 12, 1)), "week"),
    ((D(2019, 2, 1), D(2019, 2, 28)), "month"),
    ((D(1989, 7, 1), D(1989, 9, 30)), "quarter"),
    ((D(2019, 6, 1), D(2019, 8, 31)), "season"),
    ((D(1990, 1, 1), D(1990, 6, 30)), "half"),
    ((D(2015, 1, 1), D(2015, 12, 31)), "year"),
    ((D(1990, 1, 1), D(1999, 12, 31)), "decade"),
    ((D(1900, 1, 1), D(1999, 12, 31)), "century"),
    ((D(2019, 11, 1), D(2019, 11, 27)), None),
]


@pytest.mark.parametrize(("span", "unit"), GRANULARITY, ids=[str(unit) for _, unit in GRANULARITY])
def test_granularity(span: tuple[date, date], unit: str | None) -> None:
    assert granularity(span) == unit


SHIFTS = [
    ((D(1989, 7, 1), D(1989, 9, 30)), "year", -1, (D(1988, 7, 1), D(1988, 9, 30))),
    ((D(2000, 2, 1), D(2000, 2, 29)), "year", -1, (D(1999, 2, 1), D(1999, 2, 28))),
    ((D(2001, 3, 3), D(2001, 3, 3)), "day", 2, (D(2001, 3, 5), D(2001, 3, 5))),
    ((D(2019, 1, 31), D(2019, 1, 31)), "month", 1, (D(2019, 2, 28), D(2019, 2, 28))),
]


@pytest.mark.parametrize(("span", "unit", "count", "moved"), SHIFTS)
def test_shift_range_keeps_the_granularity(
    span: tuple[date, date], unit: str, count: int, moved: tuple[date, date]
) -> None:
    assert shift_range(span, unit, count) == moved


def test_parts_and_seasons() -> None:
    assert part_of((D(2017, 1, 1), D(2017, 12, 31)), "late") == (D(2017, 9, 1), D(2017, 12, 31))
    assert season_range(2019, "winter") == (D(2019, 12, 1), D(2020, 2, 29))
