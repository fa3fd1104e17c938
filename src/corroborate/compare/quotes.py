"""The quotations of a story, speaker by speaker: each once, with the sources that carry it.

Sources quote the same words with small differences ("dark chapters of our own history" and "dark
chapters in our history"), or quote a fragment of what another quotes in full. Both are one quotation;
the wording of each source is kept when it differs, so that the difference can be read.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz

from corroborate.models import Quote, QuoteEntry, Reading, Side

SAME_WORDS = 75
"""rapidfuzz ratio above which two quotations of similar length are one quotation worded two ways."""
FRAGMENT = 95
"""partial ratio above which a short quotation is a fragment of a longer one."""
MIN_WORDS = 3


def quote_table(
    readings: Sequence[Reading], source_of: dict[str, str]
) -> tuple[list[QuoteEntry], dict[tuple[str, str], str | None]]:
    """The quotation entries, and who each source says spoke each wording."""
    quoted: list[tuple[str, Quote]] = []
    seen: set[tuple[str, str]] = set()
    for reading in readings:
        source = source_of[reading.article.source]
        for quote in reading.quotes:
            key = (source, _plain(quote.text))
            if quote.scare or len(quote.text.split()) < MIN_WORDS or key in seen:
                continue
            seen.add(key)
            quoted.append((source, quote))
    clusters: list[list[tuple[str, Quote]]] = []
    for source, quote in quoted:
        home = next(
            (cluster for cluster in clusters if any(_same(quote.text, other.text) for _, other in cluster)), None
        )
        if home is None:
            clusters.append([(source, quote)])
        else:
            home.append((source, quote))
    speakers = {(source, quote.text): quote.speaker for source, quote in quoted}
    return [_entry(cluster) for cluster in clusters], speakers


def _entry(cluster: list[tuple[str, Quote]]) -> QuoteEntry:
    named = Counter(quote.speaker for _, quote in cluster if quote.speaker)
    speaker = named.most_common(1)[0][0] if named else None
    longest = max((quote for _, quote in cluster), key=lambda quote: len(quote.text))
    sources = tuple(dict.fromkeys(source for source, _ in cluster))
    by_source = {source: quote.text for source, quote in cluster if not is_fragment(quote.text, longest.text)}
    variants: tuple[Side, ...] = ()
    differing = len({_plain(text) for text in by_source.values()}) > 1
    speakers_differ = len(set(named)) > 1
    if len(sources) > 1 and (differing or speakers_differ):
        variants = tuple(Side(source, quote.text) for source, quote in cluster)
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
