"""The quotations of a story, speaker by speaker: each once, with the sources that carry it.

Sources quote the same words with small differences ("dark chapters of our own history" and "dark
chapters in our history"), quote a fragment of what another quotes in full, or give one statement in other
words or in another translation ("I am sorry for the poor example yesterday" / "I apologise for the bad example
I gave yesterday"). Each is one quotation; the wording of each source is kept when it differs, so that the
difference can be read. Words alike are one quotation whoever is said to have spoken them (when the speakers
differ, that is a disagreement); a statement in other words only when one speaker said both.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from corroborate.analyze.embeddings import embed
from corroborate.compare.options import CompareOptions
from corroborate.models import Quote, QuoteEntry, Reading, Side

if TYPE_CHECKING:
    import numpy as np

MIN_WORDS = 3
"""A quotation of fewer words is a phrase, not a statement: it is neither listed nor compared."""


@dataclass(frozen=True)
class Quoted:
    """One source's quotation, with the article (its id) and the sentence that carry it (and say who spoke)."""

    source: str
    quote: Quote
    sentence: str
    article: str = ""


def quote_clusters(
    readings: Sequence[Reading], source_of: dict[str, str], options: CompareOptions | None = None
) -> list[list[Quoted]]:
    """Every source's quotations (no scare quotes, no two-word fragments), those that are one quotation together."""
    options = options or CompareOptions()
    quoted: list[Quoted] = []
    seen: set[tuple[str, str]] = set()
    for reading in readings:
        source = source_of[reading.id]
        for quote in reading.quotes:
            key = (source, _plain(quote.text))
            if quote.scare or len(quote.text.split()) < MIN_WORDS or key in seen:
                continue
            seen.add(key)
            quoted.append(Quoted(source, quote, reading.sentences[quote.sentence].text, reading.id))
    vectors = _statement_vectors(quoted, options)
    clusters: list[list[int]] = []
    for index in range(len(quoted)):
        home = next(
            (cluster for cluster in clusters if any(_one(quoted, vectors, index, other, options) for other in cluster)),
            None,
        )
        if home is None:
            clusters.append([index])
        else:
            home.append(index)
    return [[quoted[index] for index in cluster] for cluster in clusters]


def statement_numbers(clusters: Sequence[list[Quoted]]) -> dict[tuple[str, int, str], int]:
    """(article id, sentence, quotation text) -> the number of its quotation in the story, for alignment."""
    return {
        (item.article, item.quote.sentence, item.quote.text): number
        for number, cluster in enumerate(clusters)
        for item in cluster
    }


def quote_table(clusters: Sequence[list[Quoted]], options: CompareOptions | None = None) -> list[QuoteEntry]:
    """One entry per quotation and speaker: a quotation two sources put in different mouths is listed under
    each speaker, with its source (the disagreement says so)."""
    options = options or CompareOptions()
    entries = []
    for cluster in clusters:
        person = speaker_names(cluster)
        named = Counter(person[item.quote.speaker] for item in cluster if item.quote.speaker)
        speakers: list[str | None] = [speaker for speaker, _ in named.most_common()] or [None]
        for rank, speaker in enumerate(speakers):
            members = [
                item
                for item in cluster
                if (item.quote.speaker and person[item.quote.speaker] == speaker)
                or (rank == 0 and item.quote.speaker is None)
            ]
            entries.append(_entry(members, speaker, options))
    return entries


def speaker_names(cluster: Sequence[Quoted]) -> dict[str, str]:
    """Each speaker named in a quotation's cluster -> the fullest name of that person there ("Reyes" -> "Jon
    Reyes"): one person named two ways is one speaker, not two sources disagreeing on who spoke."""
    names = sorted({item.quote.speaker for item in cluster if item.quote.speaker}, key=lambda name: -len(name))
    return {name: next(full for full in names if same_speaker(name, full)) for name in names}


def _entry(members: list[Quoted], speaker: str | None, options: CompareOptions) -> QuoteEntry:
    longest = max((item.quote for item in members), key=lambda quote: len(quote.text))
    sources = tuple(dict.fromkeys(item.source for item in members))
    wordings = {_plain(item.quote.text) for item in members if not is_fragment(item.quote.text, longest.text, options)}
    variants: tuple[Side, ...] = ()
    if len(sources) > 1 and len(wordings) > 1:
        variants = tuple(Side(item.source, item.quote.text, item.quote.sentence) for item in members)
    return QuoteEntry(speaker=speaker, text=longest.text, sources=sources, variants=variants)


def _statement_vectors(quoted: Sequence[Quoted], options: CompareOptions) -> np.ndarray | None:
    """Embeddings of the quotations, when some speaker is quoted by two sources (else none are needed)."""
    speakers: dict[str, set[str]] = {}
    for item in quoted:
        if item.quote.speaker:
            speakers.setdefault(_surname(item.quote.speaker), set()).add(item.source)
    if not any(len(sources) > 1 for sources in speakers.values()):
        return None
    return embed([item.quote.text for item in quoted], use_model=options.embeddings)


def _one(quoted: Sequence[Quoted], vectors: np.ndarray | None, i: int, j: int, options: CompareOptions) -> bool:
    """Are two quotations one: the same words (or a fragment of them), or one speaker's one statement in two
    wordings (their meanings as close as `same_statement`)?"""
    a, b = quoted[i].quote, quoted[j].quote
    if same_words(a.text, b.text, options):
        return True
    return (
        vectors is not None
        and quoted[i].source != quoted[j].source
        and same_speaker(a.speaker, b.speaker)
        and float(vectors[i] @ vectors[j]) >= options.same_statement
    )


def same_words(a: str, b: str, options: CompareOptions | None = None) -> bool:
    """One quotation worded two ways, or a fragment of the other: alike in their characters."""
    options = options or CompareOptions()
    x, y = _plain(a), _plain(b)
    if not x or not y:
        return False
    similar_length = min(len(x), len(y)) / max(len(x), len(y)) >= 0.7
    return (
        (similar_length and fuzz.ratio(x, y) >= 100 * options.same_words)
        or is_fragment(a, b, options)
        or is_fragment(b, a, options)
    )


def same_speaker(a: str | None, b: str | None) -> bool:
    """Both known, and one person: "Zadan" is "Craig Zadan", "James G. Bodiford" is "James Bodiford"."""
    if not a or not b:
        return False
    x, y = set(a.lower().split()), set(b.lower().split())
    return _surname(a) == _surname(b) and (x <= y or y <= x or len(x & y) >= 2)


def _surname(name: str) -> str:
    return name.lower().split()[-1]


def is_fragment(short: str, long: str, options: CompareOptions | None = None) -> bool:
    """Is `short` a piece of `long` (a partial quotation of what another source quotes in full)?"""
    options = options or CompareOptions()
    x, y = _plain(short), _plain(long)
    return len(x) < len(y) and len(x.split()) >= MIN_WORDS and fuzz.partial_ratio(x, y) >= 100 * options.fragment


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
