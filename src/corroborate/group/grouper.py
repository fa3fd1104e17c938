"""Placing articles into stories, one at a time, and the corpus step built on it.

An article first looks for the wire story it re-publishes (MinHash LSH, then a containment test on the
candidates): a re-publication joins its original's story and source. Otherwise blocking keys lead it to a few
candidate stories within its time window; it joins the one whose profile it fits best, when that fit is high
enough, and founds a story of its own when none does. Because the fit is to the whole story's profile, one
article that mentions two events never chains them together.

Articles arrive in any order, so a story founded early may turn out to be half of another. After a batch,
`refine` looks only at the stories the batch changed: it merges two stories whose profiles fit each other and
moves a source to a story it fits better than its own, through the state's `move` and `drop`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from corroborate.group.blocking import article_keys, keys_of
from corroborate.group.options import GroupingOptions
from corroborate.group.profile import article_profile, combine, fit, share_a_name, window
from corroborate.group.signature import MINHASH_SCHEME, MINHASH_SEED
from corroborate.group.state import GroupingState, MemoryState
from corroborate.models import Placement, Signature, Story, StoryProfile


def story_id_for(article_id: str) -> str:
    """A story is named after the article that founded it: the same founder, the same id, on every run."""
    return "s" + article_id.removeprefix("a")


class Grouper:
    """Places articles into the stories of `state`; the state is the only memory, so a grouper is cheap."""

    def __init__(self, state: GroupingState, options: GroupingOptions | None = None) -> None:
        self.state = state
        self.options = options or GroupingOptions()

    def place(self, signature: Signature) -> Placement:
        """Put one article in its story (an existing one, or a new one it founds) and remember it."""
        state, options = self.state, self.options
        known = state.story_of(signature.article)
        if known is not None:  # placed before: placing is idempotent
            return Placement(signature.article, known, state.source_of(signature.article) or "", False, 1.0)
        minhash = self._minhash(signature)
        item = article_profile(signature, "")
        keys = article_keys(item, signature.embedding, options)
        original = self._original(signature, minhash) if minhash is not None else None
        if original is not None:
            story_id, source, score = state.story_of(original) or "", state.source_of(original) or original, 1.0
        else:
            best = self.best_story(item, keys)
            story_id, score = best if best and best[1] >= options.join else (story_id_for(signature.article), 1.0)
            source = signature.article
        current = state.profiles([story_id]).get(story_id)
        new_story = current is None
        profile = (
            article_profile(signature, story_id)
            if current is None
            else combine(current, item, story_id, options.profile_keys)
        )
        state.save(signature, story_id, source, profile, keys)
        if minhash is not None:
            state.lsh.insert(signature.article, minhash)
        return Placement(signature.article, story_id, source, new_story, round(score, 4))

    def refine(self, story_ids: Iterable[str]) -> dict[str, Placement]:
        """Merge the pieces of one event among the stories a batch changed (refine.py). Returns the new placements
        of the articles that changed story. Call it after a batch of `place` calls with the stories they returned."""
        from corroborate.group.refine import refine

        return refine(self, set(story_ids))

    # Re-publications.

    def _minhash(self, signature: Signature):
        if signature.shingles < self.options.min_shingles or not signature.minhash:
            return None
        from datasketch import MinHash

        return MinHash(seed=MINHASH_SEED, hashvalues=signature.minhash, scheme=MINHASH_SCHEME)

    def _original(self, signature: Signature, minhash) -> str | None:
        """The placed article this one re-publishes (the most contained, then the first id), or None."""
        candidates = sorted(self.state.lsh.query(minhash))
        best, best_score = None, self.options.same_source
        for candidate in self.state.signatures(candidates).values():
            if candidate.shingles < self.options.min_shingles:
                continue
            score = containment(signature, candidate)
            if score >= best_score and (best is None or score > best_score):
                best, best_score = candidate.article, score
        return best

    # Stories.

    def best_story(self, item: StoryProfile, keys: Sequence[str]) -> tuple[str, float] | None:
        """The story an article fits best among the candidates its keys lead to, with the fit; None without any."""
        scored = sorted(
            (
                (story, fit(item, profile))
                for story, profile in self._candidates(item, keys, None).items()
                if share_a_name(item, profile, self.options.names)
            ),
            key=lambda pair: (-pair[1], pair[0]),
        )
        return scored[0] if scored else None

    def candidates(self, profile: StoryProfile, exclude: str | None = None) -> dict[str, StoryProfile]:
        """The stories a story's keys lead to (within its window, `exclude` left out), by id."""
        return self._candidates(profile, keys_of(profile, self.options), exclude)

    def _candidates(self, profile: StoryProfile, keys: Sequence[str], exclude: str | None) -> dict[str, StoryProfile]:
        """The profiles of the stories sharing most of `keys` that are not too common to tell anything."""
        state, options = self.state, self.options
        spread = state.key_spread(keys)
        usable = [key for key in keys if 0 < spread[key] <= options.max_spread]
        if not usable:
            return {}
        found = state.stories_sharing(usable, window(profile, options.window_days), options.candidates + 1)
        found.pop(exclude or "", None)
        return state.profiles(list(found)[: options.candidates])


def containment(a: Signature, b: Signature) -> float:
    """How much of the smaller shingle set is in the other (0-1), from the MinHash estimate of their Jaccard index."""
    same = sum(x == y for x, y in zip(a.minhash, b.minhash, strict=True))
    jaccard = same / len(a.minhash)
    union = (a.shingles + b.shingles) / (1 + jaccard)
    return min(1.0, jaccard * union / max(1, min(a.shingles, b.shingles)))


def group_signatures(
    signatures: Sequence[Signature], options: GroupingOptions | None = None, state: GroupingState | None = None
) -> tuple[list[Story], list[Placement]]:
    """Group a corpus: the same grouper over a fresh `MemoryState` (or the state given), fed by earliest date then
    article id, then refined once, as a library adds a batch. Stories come largest first (by sources, then
    articles), placements in the order of `signatures`."""
    options = options or GroupingOptions()
    state = state if state is not None else MemoryState(options)
    grouper = Grouper(state, options)
    placements = {}
    for signature in sorted(signatures, key=arrival):
        placements[signature.article] = grouper.place(signature)
    placements |= grouper.refine({placement.story for placement in placements.values()})
    story_ids = {story_id for article in placements if (story_id := state.story_of(article))}
    stories = [story for story_id in sorted(story_ids) if (story := state.story(story_id))]
    stories.sort(key=lambda story: (-len(story.sources), -len(story.articles), story.id))
    return stories, [placements[signature.article] for signature in signatures]


def arrival(signature: Signature) -> tuple[date, str]:
    """The order a corpus is fed in: earliest known date (undated last), then article id; a library places its
    waiting articles in the same order."""
    return (signature.published or signature.earliest or date.max, signature.article)
