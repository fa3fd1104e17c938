"""Story profiles, the fit of an article to one, and Ward's distance between two (corroborate/group/profile.py)."""

from __future__ import annotations

import math
from datetime import date

import pytest
from tests.group.signatures import signature

from corroborate.group import GroupingOptions
from corroborate.group.profile import article_profile, combine, fit, ward, window

OPTIONS = GroupingOptions()
FERRY = "Harbour pilot Anna Kessler guided the crippled ferry Nordlys home to Tromsø after its engine failed."
FERRY_AGAIN = "The ferry Nordlys limped into Tromsø behind pilot Anna Kessler when its engine failed at sea."
FESTIVAL = "Festival crowds heard brass bands and choirs on the riverside meadows of Worcester."


def profile(text: str, story: str = "", published: date | None = None):
    return article_profile(signature(text, {}, published=published), story)


@pytest.mark.parametrize(
    ("article", "story", "low", "high"),
    [
        (FERRY, FERRY, 0.999, 1.001),  # itself
        (FERRY_AGAIN, FERRY, 0.4, 0.999),  # the same event, other words
        (FESTIVAL, FERRY, 0.0, 0.05),  # another event
    ],
)
def test_the_fit_is_a_cosine_of_term_vectors(article: str, story: str, low: float, high: float) -> None:
    assert low <= fit(profile(article), profile(story, "s1")) <= high


def test_a_story_sums_its_articles_and_bounds_their_dates() -> None:
    one = profile(FERRY, "s1", date(2026, 3, 2))
    two = combine(one, profile(FERRY_AGAIN, "", date(2026, 3, 4)), "s1", OPTIONS.profile_keys)
    assert two.size == 2 and (two.earliest, two.latest) == (date(2026, 3, 2), date(2026, 3, 4))
    weights = {key.key: key.weight for key in two.terms}
    assert weights["nordlys"] == pytest.approx(
        sum(k.weight for p in (FERRY, FERRY_AGAIN) for k in profile(p).terms if k.key == "nordlys")
    )


def test_wards_distance_is_small_for_pieces_of_one_event_and_grows_with_their_size() -> None:
    ferry, again, festival = profile(FERRY, "a"), profile(FERRY_AGAIN, "b"), profile(FESTIVAL, "c")
    assert ward(ferry, ferry) == pytest.approx(0.0, abs=1e-6)
    assert ward(ferry, again) < ward(ferry, festival) <= math.sqrt(2) + 1e-6  # two unrelated unit vectors: sqrt 2
    bigger = combine(combine(ferry, ferry, "a", OPTIONS.profile_keys), ferry, "a", OPTIONS.profile_keys)
    others = combine(combine(festival, festival, "c", OPTIONS.profile_keys), festival, "c", OPTIONS.profile_keys)
    assert ward(bigger, others) > ward(ferry, festival)  # three articles against three weigh more than one and one


def test_the_window_of_a_story_is_its_days_widened() -> None:
    story = profile(FERRY, "s1", date(2026, 3, 2))
    assert window(story, 30) == (date(2026, 1, 31), date(2026, 4, 1))
    assert window(profile(FERRY, "s1"), 30) is None
