"""What grouping remembers between articles, behind one small interface.

Grouping places one article at a time (`Grouper.place`), so a library of any size grows without regrouping.
What it needs to remember (the re-publication index, which story and source each article is in, each
story's profile and the blocking keys that lead to it) lives behind `GroupingState`: in memory for one run
(`MemoryState`, here), in the library's SQLite file for `corroborate add` (store/). Both hold exactly the same
data, so a batch run and a library give the same stories.

Every read is by key (an article id, a story id, a blocking key), never a scan: the cost of placing an
article follows the number of candidates its keys lead to, not the size of the library. The records kept are
plain: signatures, profiles, (article, story, source) rows, (key, story) postings.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Protocol

from corroborate.group.options import GroupingOptions
from corroborate.models import Signature, Story, StoryProfile

if TYPE_CHECKING:
    from datasketch import MinHashLSH


class GroupingState(Protocol):
    """Where the stories and their indexes live."""

    lsh: MinHashLSH
    """Re-publication index over article ids (datasketch; its storage may be SQLite tables)."""

    def signatures(self, article_ids: Sequence[str]) -> dict[str, Signature]:
        """The stored signatures of these articles (those known)."""
        ...

    def source_of(self, article_id: str) -> str | None:
        """The id of the source (its first article) the article belongs to; None for an unknown article."""
        ...

    def story_of(self, article_id: str) -> str | None:
        """The id of the story the article is in; None for an unknown article."""
        ...

    def story(self, story_id: str) -> Story | None:
        """The story's articles in the order they joined it, and its sources (each with its first article first);
        None for an unknown story."""
        ...

    def stories_sharing(self, keys: Sequence[str], window: tuple[date, date] | None, limit: int) -> dict[str, int]:
        """Up to `limit` stories holding the most of `keys`, with how many each holds (ties: the smaller story id
        first); within `window` (stories whose dates overlap it, or that have no dates) when one is given."""
        ...

    def key_spread(self, keys: Sequence[str]) -> dict[str, int]:
        """In how many stories each key is (0 for a key never seen): a key that leads everywhere blocks nothing."""
        ...

    def stories(self) -> int:
        """How many stories there are."""
        ...

    def profiles(self, story_ids: Sequence[str]) -> dict[str, StoryProfile]:
        """The profiles of these stories (those known)."""
        ...

    def save(
        self, signature: Signature, story_id: str, source_id: str, profile: StoryProfile, new_keys: Sequence[str]
    ) -> None:
        """Remember a placed article: its signature, story and source, the story's updated profile, and the keys
        that now lead to the story (the state ignores those already leading there). The caller inserts the
        article into `lsh` itself."""
        ...

    def move(
        self, article_ids: Sequence[str], story_id: str, profiles: Sequence[StoryProfile], new_keys: Sequence[str]
    ) -> None:
        """Refinement: put these (already placed) articles in `story_id`, keeping their sources, appended to its
        articles in the order given; store `profiles` (the updated profiles of the stories they left and of
        `story_id`, which may be new) and let `new_keys` lead to `story_id`. Keys that led to a story the
        articles left may stay: they cost a candidate, never a wrong placement."""
        ...

    def drop(self, story_id: str) -> None:
        """Refinement: forget a story left empty by `move` (a merge): its profile, record and the keys leading to
        it."""
        ...


def best_first(counts: Mapping[str, int], step: int) -> Iterator[list[tuple[str, int]]]:
    """The stories of `counts` (story -> keys held), most keys first (ties: the smaller id), `step` at a time:
    the first few are picked from thousands without sorting them all; the rest are sorted only when asked for."""
    yield heapq.nsmallest(step, counts.items(), key=_rank)
    if len(counts) > step:
        rest = sorted(counts.items(), key=_rank)[step:]
        yield from (rest[start : start + step] for start in range(0, len(rest), step))


def _rank(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


class MemoryState:
    """`GroupingState` in dictionaries: one batch run (`group_signatures`), or tests."""

    def __init__(self, options: GroupingOptions | None = None) -> None:
        from datasketch import MinHashLSH

        options = options or GroupingOptions()
        self.lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
        self._signatures: dict[str, Signature] = {}
        self._story_of: dict[str, str] = {}
        self._source_of: dict[str, str] = {}
        self._members: dict[str, list[str]] = {}
        self._profiles: dict[str, StoryProfile] = {}
        self._postings: dict[str, set[str]] = {}
        self._keys_of: dict[str, set[str]] = {}

    def signatures(self, article_ids: Sequence[str]) -> dict[str, Signature]:
        return {article: self._signatures[article] for article in article_ids if article in self._signatures}

    def source_of(self, article_id: str) -> str | None:
        return self._source_of.get(article_id)

    def story_of(self, article_id: str) -> str | None:
        return self._story_of.get(article_id)

    def story(self, story_id: str) -> Story | None:
        members = self._members.get(story_id)
        if members is None:
            return None
        sources: dict[str, list[str]] = {}
        for article in members:
            sources.setdefault(self._source_of[article], []).append(article)
        for source, articles in sources.items():  # the source's first article first, then the order they joined
            articles.sort(key=lambda article: article != source)
        return Story(story_id, tuple(members), tuple(tuple(articles) for articles in sources.values()))

    def stories_sharing(self, keys: Sequence[str], window: tuple[date, date] | None, limit: int) -> dict[str, int]:
        counts: Counter[str] = Counter()
        for key in set(keys):
            counts.update(self._postings.get(key, ()))
        ranked = (item for chunk in best_first(counts, 4 * limit) for item in chunk)
        if window is not None:
            ranked = (item for item in ranked if self._within(item[0], window))
        return dict(itertools.islice(ranked, limit))

    def _within(self, story_id: str, window: tuple[date, date]) -> bool:
        profile = self._profiles[story_id]
        if profile.earliest is None or profile.latest is None:
            return True
        return profile.earliest <= window[1] and window[0] <= profile.latest

    def key_spread(self, keys: Sequence[str]) -> dict[str, int]:
        return {key: len(self._postings.get(key, ())) for key in keys}

    def stories(self) -> int:
        return len(self._profiles)

    def profiles(self, story_ids: Sequence[str]) -> dict[str, StoryProfile]:
        return {story: self._profiles[story] for story in story_ids if story in self._profiles}

    def save(
        self, signature: Signature, story_id: str, source_id: str, profile: StoryProfile, new_keys: Sequence[str]
    ) -> None:
        self._signatures[signature.article] = signature
        self._story_of[signature.article] = story_id
        self._source_of[signature.article] = source_id
        self._members.setdefault(story_id, []).append(signature.article)
        self._profiles[story_id] = profile
        self._post(story_id, new_keys)

    def move(
        self, article_ids: Sequence[str], story_id: str, profiles: Sequence[StoryProfile], new_keys: Sequence[str]
    ) -> None:
        for article in article_ids:
            self._members[self._story_of[article]].remove(article)
            self._story_of[article] = story_id
            self._members.setdefault(story_id, []).append(article)
        for profile in profiles:
            self._profiles[profile.id] = profile
        self._post(story_id, new_keys)

    def drop(self, story_id: str) -> None:
        for key in self._keys_of.pop(story_id, ()):
            self._postings[key].discard(story_id)
        self._profiles.pop(story_id, None)
        self._members.pop(story_id, None)

    def _post(self, story_id: str, keys: Sequence[str]) -> None:
        known = self._keys_of.setdefault(story_id, set())
        for key in keys:
            if key not in known:
                known.add(key)
                self._postings.setdefault(key, set()).add(story_id)
