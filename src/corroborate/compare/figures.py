"""When two figures agree: each stands for an interval, and they agree when the intervals meet.

"34 years" and "more than three decades" agree (34 is at least 30); "nearly 3,000" and "2,950" agree
(about 3,000 covers 2,700 to 3,300); "125 seats" and "123 seats" do not.
"""

from __future__ import annotations

import math

from corroborate.models import Figure

APPROXIMATE = 0.10
""""about 400" covers 360 to 440: the slack of "nearly", "some", "about" in news copy."""
EXACT = 0.005


def figures_agree(a: Figure, b: Figure) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a


def interval(figure: Figure) -> tuple[float, float]:
    value = figure.value
    if figure.bound == "about":
        return value * (1 - APPROXIMATE), value * (1 + APPROXIMATE)
    if figure.bound == "at least":
        return value, math.inf
    if figure.bound == "at most":
        return -math.inf, value
    return value * (1 - EXACT), value * (1 + EXACT)


def interval_text(figure: Figure) -> str:
    low, high = interval(figure)
    unit = figure.unit
    if figure.bound == "exact":
        return f"{figure.value:,.0f} {unit}"
    if math.isinf(high):
        return f"at least {low:,.0f} {unit}"
    if math.isinf(low):
        return f"at most {high:,.0f} {unit}"
    return f"{low:,.0f} to {high:,.0f} {unit}"
