"""The signature of an article: the little grouping keeps of it, made once, when the article is read.

Re-publications are found by MinHash over word shingles (hash values kept as ints, with the shingle count, so
that containment can be estimated: a trimmed copy is contained in its original). Events are told apart by their
words: every content word and number of the title and text, weighted by how often the article uses it and how
rare it is in English (wordfreq's frequencies, the same for every library, so a word weighs the same in the
first article and the millionth): the names of people and places, the rare nouns of what happened, the figures.
Entities and a sentence embedding of the title and lead lead an article to its candidate stories.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date

from corroborate.group.options import GroupingOptions
from corroborate.models import Reading, Signature, WeightedKey

MINHASH_SEED = 7
MINHASH_SCHEME = "affine32"
"""Every signature of a library must use the same permutations (seed and datasketch's hashing scheme): never
change them for an existing library."""
_SHINGLE_WORD = re.compile(r"[a-z0-9]+")
_TERM = re.compile(r"[a-z0-9][a-z0-9'\-]*[a-z0-9]|[a-z0-9]")
_NAME_NOISE = re.compile(r"[^\w\s-]+")
_RELIABLE = frozenset({"exact", "high"})
"""Dates read with a year from the text itself; "medium" ones count too when the publication date is known,
and "low" ones (resolved against an estimated date) never."""


def sign(
    readings: Sequence[Reading], embeddings: bool = True, options: GroupingOptions | None = None
) -> list[Signature]:
    """The signatures of the readings, in order; embeddings computed in one batched call (left empty when the
    model is unavailable or `embeddings` is false: grouping then goes by entities, terms and dates)."""
    from corroborate.analyze.embeddings import embed

    options = options or GroupingOptions()
    vectors = embed([embedding_text(reading, options.embed_words) for reading in readings], use_model=embeddings)
    signatures = []
    for index, reading in enumerate(readings):
        vector = () if vectors is None else tuple(round(float(value), 5) for value in vectors[index])
        signatures.append(_sign_one(reading, vector, options))
    return signatures


def _sign_one(reading: Reading, embedding: tuple[float, ...], options: GroupingOptions) -> Signature:
    article = reading.article
    shingles = word_shingles(article.text, options.shingle)
    estimate = article.published_estimate
    return Signature(
        article=reading.id,
        source=article.source,
        published=article.published,
        earliest=estimate.earliest if estimate else None,
        latest=estimate.latest if estimate else None,
        wire=article.wire,
        minhash=minhash_values(shingles, options.num_perm),
        shingles=len(shingles),
        entities=story_entities(reading),
        terms=key_terms([article.title or "", *article.paragraphs], options.terms),
        days=dated(reading),
        embedding=embedding,
    )


def embedding_text(reading: Reading, words: int) -> str:
    """The title and the lead, up to `words` words: what the article is about, said first."""
    article = reading.article
    parts = [article.title] if article.title else []
    parts += article.paragraphs
    return " ".join(" ".join(parts).split()[:words])


def word_shingles(text: str, size: int) -> set[str]:
    words = _SHINGLE_WORD.findall(text.lower())
    return {" ".join(words[start : start + size]) for start in range(max(1, len(words) - size + 1))}


def minhash_values(shingles: Iterable[str], num_perm: int) -> tuple[int, ...]:
    from datasketch import MinHash

    minhash = MinHash(num_perm=num_perm, seed=MINHASH_SEED, scheme=MINHASH_SCHEME)
    minhash.update_batch([shingle.encode("utf-8", "surrogatepass") for shingle in shingles])
    return tuple(int(value) for value in minhash.hashvalues)


def entity_key(name: str) -> str:
    """One spelling for an entity across articles: lower case, no punctuation, no leading "the"."""
    key = " ".join(_NAME_NOISE.sub(" ", name.lower()).split())
    return key.removeprefix("the ")


def story_entities(reading: Reading) -> tuple[WeightedKey, ...]:
    """The people, organisations and places the article is about (never its reporters), weighted by how often
    the text names them (any of their spellings)."""
    article = reading.article
    text = "\n".join([article.title or "", *article.paragraphs])
    counts: Counter[str] = Counter()
    for entity in reading.entities:
        if entity.role != "story" or not (key := entity_key(entity.name)):
            continue
        spellings = sorted({entity.name, *entity.mentions}, key=len, reverse=True)
        counts[key] += max(1, len(re.findall(_any_of(spellings), text)))
    return tuple(WeightedKey(key, float(count)) for key, count in sorted(counts.items()))


def _any_of(spellings: Sequence[str]) -> str:
    return r"(?<!\w)(?:" + "|".join(re.escape(spelling) for spelling in spellings) + r")(?!\w)"


def key_terms(texts: Iterable[str], limit: int) -> tuple[WeightedKey, ...]:
    """The article's `limit` heaviest terms as a unit vector: each content word or number weighted by
    (1 + log of its count) times its rarity in English (`rarity`)."""
    from spacy.lang.en.stop_words import STOP_WORDS  # the one English stop list the project uses

    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(token for token in _TERM.findall(text.lower()) if token not in STOP_WORDS and len(token) > 1)
    weights = {term: (1 + math.log(count)) * rarity(term) for term, count in counts.items()}
    kept = sorted(((term, weight) for term, weight in weights.items() if weight > 0), key=lambda tw: (-tw[1], tw[0]))
    kept = kept[:limit]
    norm = math.sqrt(sum(weight * weight for _, weight in kept))
    return tuple(WeightedKey(term, round(weight / norm, 6)) for term, weight in kept) if norm else ()


COMMONEST = 8.0
"""wordfreq's Zipf scale tops out near 8 ("the" is 7.7): a word's rarity is how far below that it stands."""


@functools.lru_cache(maxsize=200_000)
def rarity(term: str) -> float:
    """How much a word tells about what an article is about: 8 minus its Zipf frequency in English (wordfreq:
    "said" 2.0, "earthquake" 3.7, a surname never seen 8). Unlike an idf over the library, it is known for the
    first article as for the millionth, so grouping does not depend on what was added before."""
    from wordfreq import zipf_frequency

    return max(0.0, COMMONEST - zipf_frequency(term, "en"))


def dated(reading: Reading) -> tuple[date, ...]:
    """The days the text dates to the day, with a year it gives itself (or the publication date's)."""
    article = reading.article
    reliable = _RELIABLE | ({"medium"} if article.published else set())
    days: set[date] = {article.published} if article.published else set()
    for expression in reading.dates:
        if expression.start and expression.start == expression.end and expression.confidence in reliable:
            days.add(expression.start)
    return tuple(sorted(days))
