"""The quotations of a story, speaker by speaker: each once, with the sources that carry it.

Sources quote the same words with small differences ("dark chapters of our own history" and "dark
chapters in our history"), or quote a fragment of what another quotes in full. Both are one quotation;
the wording of each source is kept when it differs, so that the difference can be read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from corroborate.models import Quote, QuoteEntry, Reading, Side

SAME_WORDS = 75
"""rapidfuzz ratio above which two quotations of similar length are one quotation worded two ways."""
FRAGMENT = 95
"""partial ratio above which a short quotation is a fragment of a longer one."""
MIN_WORDS = 3


@dataclass(frozen=True)
class Quoted:
    """One source's quotation, with the sentence that carries it (and says who spoke)."""

    source: str
    quote: Quote
    sentence: str


def quote_clusters(readings: Sequence[Reading], source_of: dict[str, str]) -> list[list[Quoted]]:
    """Every source's quotations (no scare quotes, no two-word fragments), those that are one quotation together."""
    quoted: list[Quoted] = []
    seen: set[tuple[str, str]] = set()
    for reading in readings:
        source = source_of[reading.id]
        for quote in reading.quotes:
            key = (source, _plain(quote.text))
            if quote.scare or len(quote.text.split()) < MIN_WORDS or key in seen:
                continue
            seen.add(key)
            quoted.append(Quoted(source, quote, reading.sentences[quote.sentence].text))
    clusters: list[list[Quoted]] = []
    for item in quoted:
        home = next(
            (cluster for cluster in clusters if any(_same(item.quote.text, other.quote.text) for other in cluster)),
            None,
        )
        if home is None:
            clusters.append([item])
        else:
            home.append(item)
    return clusters


def quote_table(clusters: Sequence[list[Quoted]]) -> list[QuoteEntry]:
    """One entry per quotation and speaker: a quotation two sources put in different mouths is listed under
    each speaker, with its source (the disagreement says so)."""
    entries = []
    for cluster in clusters:
        named = Counter(item.quote.speaker for item in cluster if item.quote.speaker)
        speakers: list[str | None] = [speaker for speaker, _ in named.most_common()] or [None]
        for rank, speaker in enumerate(speakers):
            members = [
                item for item in cluster if item.quote.speaker == speaker or (rank == 0 and item.quote.speaker is None)
            ]
            entries.append(_entry(members, speaker))
    return entries


def _entry(members: list[Quoted], speaker: str | None) -> QuoteEntry:
    longest = max((item.quote for item in members), key=lambda quote: len(quote.text))
    sources = tuple(dict.fromkeys(item.source for item in members))
    wordings = {_plain(item.quote.text) for item in members if not is_fragment(item.quote.text, longest.text)}
    variants: tuple[Side, ...] = ()
    if len(sources) > 1 and len(wordings) > 1:
        variants = tuple(Side(item.source, item.quote.text) for item in members)
    return QuoteEntry(speaker=speaker, text=longest.text, sources=sources, variants=variants)


def _same(a: str, b: str) -> bool:
    x, y = _plain(a), _plain(b)
    if not x or not y:
        return False
    similar_length = min(len(x), len(y)) / max(len(x), len(y)) >= 0.7
    return (similar_length and fuzz.ratio(x, y) >= SAME_WORDS) or is_fragment(a, b) or is_fragment(b, a)


def is_fragment(short: str, long: str) -> bool:
    """Is `short` a piece of `long` (a partial quotation of what another source quotes in full)?"""
    x, y = _plain(short), _plain(long)
    return len(x) < len(y) and len(x.split()) >= MIN_WORDS and fuzz.partial_ratio(x, y) >= FRAGMENT


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
