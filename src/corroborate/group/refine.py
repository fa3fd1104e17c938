"""Refinement after a batch: merge the pieces that placing one article at a time left apart.

Placing is strict (an article joins a story only when it fits its centroid closely), so the articles of one event
that tell it from different angles can found several stories. Refinement merges stories the way Ward's
agglomerative clustering does, cheapest pair first, while the cost stays under `merge`: two small pieces of one
event merge easily; two stories of several articles each merge only when their centroids nearly coincide,
which keeps look-alike events (two earthquakes on one island, years apart) apart. Stories dated more than
`window_days` apart never merge.

It starts from the stories a batch touched and compares each with the candidates its keys lead to, through the
state's lookups by key: a batch's cost follows what it changed, not the size of the library.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from corroborate.group.blocking import keys_of
from corroborate.group.profile import combine, fit, share_a_name, ward, window
from corroborate.models import Placement, StoryProfile

if TYPE_CHECKING:
    from corroborate.group.grouper import Grouper


def refine(grouper: Grouper, touched: set[str]) -> dict[str, Placement]:
    """Merge stories, cheapest first, while Ward's distance stays under `merge`; the new placements of the
    articles that changed story (their fit: the cosine of the two stories' centroids). The larger story keeps
    its id (on a tie, the smaller id)."""
    state, options = grouper.state, grouper.options
    moved: dict[str, Placement] = {}
    queue: list[tuple[float, str, str]] = []
    for story_id in sorted(touched):
        _push(grouper, story_id, queue)
    while queue:
        cost, a, b = heapq.heappop(queue)
        profiles = state.profiles([a, b])
        if a not in profiles or b not in profiles or ward(profiles[a], profiles[b]) != cost:
            continue  # one of them merged since, or grew: its new pairs are queued
        keep, absorbed = sorted(profiles.values(), key=lambda profile: (-profile.size, profile.id))
        story = state.story(absorbed.id)
        assert story is not None
        merged = combine(keep, absorbed, keep.id, options.profile_keys)
        closeness = round(fit(absorbed, keep), 4)
        state.move(story.articles, keep.id, [merged], keys_of(absorbed, options))
        state.drop(absorbed.id)
        for article in story.articles:
            moved[article] = Placement(article, keep.id, state.source_of(article) or article, False, closeness)
        _push(grouper, keep.id, queue)
    return moved


def _push(grouper: Grouper, story_id: str, queue: list[tuple[float, str, str]]) -> None:
    """Queue the merges of `story_id` with its candidates that Ward's criterion allows."""
    profile = grouper.state.profiles([story_id]).get(story_id)
    if profile is None:
        return
    for other in grouper.candidates(profile, exclude=story_id).values():
        if (
            _apart(profile, other, grouper.options.window_days)
            or fit(profile, other) < grouper.options.merge_floor
            or not share_a_name(profile, other, grouper.options.names)
        ):
            continue
        cost = ward(profile, other)
        if cost < grouper.options.merge:
            first, second = sorted((story_id, other.id))
            heapq.heappush(queue, (cost, first, second))


def _apart(a: StoryProfile, b: StoryProfile, days: int) -> bool:
    """Are two dated stories too far apart in time to be one event?"""
    span = window(a, days)
    return (
        span is not None
        and b.earliest is not None
        and b.latest is not None
        and (b.latest < span[0] or b.earliest > span[1])
    )
