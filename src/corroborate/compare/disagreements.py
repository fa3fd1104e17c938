"""Where sources part ways: figures, dates, names and quotations that do not agree.

A disagreement is only flagged when both sides speak of the same thing: figures and dates of claims the
alignment paired, a date of the same named event ("the 2018 election"), one organisation's abbreviation,
one person's name, one quotation. A difference of coverage (a fact only one source has) is never one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from rapidfuzz import fuzz

from corroborate.compare.align import Alignment, Item, score_of
from corroborate.compare.figures import figures_agree, interval_text
from corroborate.compare.options import CompareOptions
from corroborate.compare.quotes import Quoted, is_fragment, speaker_names
from corroborate.models import Disagreement, Reading, Side, TimeExpression

_CONNECTORS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "van", "von", "&"})


def figure_disagreements(
    items: Sequence[Item], alignment: Alignment, options: CompareOptions | None = None
) -> list[Disagreement]:
    """Aligned claims that give the same unit different values, beyond what their approximations allow (only
    claims that speak of the same thing: `CompareOptions.same_thing`, judged as if their figures agreed, since
    the difference is what is in question)."""
    options = options or CompareOptions()
    found: list[Disagreement] = []
    for i, j in alignment.pairs:
        alike = alignment.scorer.if_figures_agreed(i, j) if alignment.scorer else score_of(alignment, i, j)
        if alike < options.same_thing:
            continue
        a, b = items[i], items[j]
        for unit in {f.unit for f in a.figures} & {f.unit for f in b.figures}:
            left = [f for f in a.figures if f.unit == unit]
            right = [f for f in b.figures if f.unit == unit]
            if not any(figures_agree(x, y) for x in left for y in right):
                x, y = left[0], right[0]
                found.append(
                    Disagreement(
                        kind="figure",
                        about=f"{x.what or unit}",
                        sides=(
                            Side(a.source, a.sentence, a.claim.sentence),
                            Side(b.source, b.sentence, b.claim.sentence),
                        ),
                        why=f'"{x.text}" against "{y.text}": {interval_text(x)} and {interval_text(y)} do not meet',
                    )
                )
    return found


def date_disagreements(
    items: Sequence[Item],
    alignment: Alignment,
    readings: Sequence[Reading],
    source_of: dict[str, str],
    names: dict[str, str],
    options: CompareOptions | None = None,
) -> list[Disagreement]:
    """Dates that cannot both be right: the main dates of closely aligned claims, and dates of one named event.
    `names` says how each source (by id) is named in the explanations."""
    options = options or CompareOptions()
    quoted = {(reading.id, quote.sentence, quote.text) for reading in readings for quote in reading.quotes}
    groups = [
        [
            index
            for index in group
            if any(score_of(alignment, index, other) >= options.same_thing for other in group if other != index)
        ]
        for group in alignment.groups
    ]
    found = [_aligned_dates(items, group, quoted, names) for group in groups]
    found.extend(_event_dates(readings, source_of, names))
    return [disagreement for disagreement in found if disagreement is not None]


def _aligned_dates(
    items: Sequence[Item], group: list[int], quoted: set[tuple[str, int, str]], names: dict[str, str]
) -> Disagreement | None:
    """The one day-precise date each aligned claim gives its event (not one inside a quotation: a quoted
    "today" is the speaker's day): flagged when they do not meet."""
    dated = []
    for index in group:
        item = items[index]
        days = [
            d
            for d in item.dates
            if d.start
            and d.end
            and (d.end - d.start).days <= 7
            and not d.future
            and not any(
                source == item.article and sentence == d.sentence and d.text in text
                for source, sentence, text in quoted
            )
        ]
        if len(days) == 1:
            dated.append((item, days[0]))
    if len({item.source for item, _ in dated}) < 2 or not _same_dated_thing([expression for _, expression in dated]):
        return None
    clusters = _date_clusters([expression for _, expression in dated])
    if len(clusters) < 2:
        return None
    sides = tuple(Side(item.source, item.sentence, item.claim.sentence) for item, _ in dated)
    why = "; ".join(
        f'{names[item.source]}: "{expression.text}" is {_span_text(expression)}' for item, expression in dated
    )
    return Disagreement(
        kind="date",
        about=_short(dated[0][0].claim.text),
        sides=sides,
        why=f"the same event, dated differently once resolved: {why}",
    )


def _same_dated_thing(expressions: Sequence[TimeExpression]) -> bool:
    """Do the dates date the same thing? Not when they date different kinds of thing ("letter" against
    "summit"), or things of different owners (Trump's letter against Hun Sen's letter)."""
    nouns = {e.anchor.split()[0] for e in expressions if e.anchor and e.anchor.split()[0] in EVENT_NOUNS}
    owners = {e.owner for e in expressions if e.owner}
    return len(nouns) <= 1 and len(owners) <= 1


EVENT_NOUNS = frozenset(
    "election vote referendum poll summit meeting visit talks letter statement speech interview report decision deal "
    "agreement treaty announcement crackdown coup attack strike protest accident crash spill earthquake storm fire "
    "flood launch ruling verdict trial hearing inauguration ceremony conference collision sale merger acquisition "
    "release arrest".split()
)
"""Nouns that name one dated event of a story: "last July's election", "the Nov. 26 letter"."""


def _event_dates(readings: Sequence[Reading], source_of: dict[str, str], names: dict[str, str]) -> list[Disagreement]:
    """ "last July's election" against "the 2018 election": the same kind of event, owned by the same
    person or by no one, dated in ways that cannot both hold. A source that dates two such events is not
    compared on them (it may be speaking of two elections)."""
    by_anchor: dict[tuple[str, str | None], dict[str, list[tuple[Reading, TimeExpression]]]] = {}
    for reading in readings:
        for expression in reading.dates:
            if expression.anchor not in EVENT_NOUNS or expression.start is None:
                continue
            key = (expression.anchor, expression.owner)
            by_anchor.setdefault(key, {}).setdefault(source_of[reading.id], []).append((reading, expression))
    found = []
    for (anchor, _owner), per_source in sorted(by_anchor.items(), key=lambda item: (item[0][0], item[0][1] or "")):
        single = {
            source: dated[0] for source, dated in per_source.items() if len(_date_clusters([e for _, e in dated])) == 1
        }
        if len(single) < 2:
            continue
        if len(_date_clusters([expression for _, expression in single.values()])) < 2:
            continue
        sides = tuple(
            Side(source, reading.sentences[expression.sentence].text, expression.sentence)
            for source, (reading, expression) in single.items()
        )
        why = "; ".join(
            f'{names[source]}: "{expression.text}" is {_span_text(expression)}'
            for source, (_, expression) in single.items()
        )
        found.append(
            Disagreement(
                kind="date",
                about=f"the date of the {anchor}",
                sides=sides,
                why=f"both speak of the {anchor}, dated in ways that cannot both hold: {why}",
            )
        )
    return found


def _date_clusters(expressions: Sequence[TimeExpression]) -> list[list[TimeExpression]]:
    """Expressions grouped by overlapping ranges: one cluster means they can all be right."""
    clusters: list[list[TimeExpression]] = []
    for expression in sorted(expressions, key=lambda e: e.start or date.min):
        if clusters and any(_meets(expression, other) for other in clusters[-1]):
            clusters[-1].append(expression)
        else:
            clusters.append([expression])
    return clusters


def _meets(a: TimeExpression, b: TimeExpression) -> bool:
    return bool(a.start and a.end and b.start and b.end and a.start <= b.end and b.start <= a.end)


def _span_text(expression: TimeExpression) -> str:
    if expression.start == expression.end:
        return expression.start.isoformat() if expression.start else "unresolved"
    return (
        f"{expression.start.isoformat() if expression.start else '?'} to "
        f"{expression.end.isoformat() if expression.end else '?'}"
    )


def name_disagreements(readings: Sequence[Reading], source_of: dict[str, str]) -> list[Disagreement]:
    return [*_abbreviations(readings, source_of), *_spellings(readings, source_of)]


def _abbreviations(readings: Sequence[Reading], source_of: dict[str, str]) -> list[Disagreement]:
    """ "Cambodian People's Party (CCP)": an abbreviation in brackets whose letters do not fit the name."""
    found = []
    for reading in readings:
        for entity in reading.entities:
            initials = initials_of(entity.name)
            for mention in entity.mentions:
                if not re.fullmatch(r"[A-Z]{2,8}", mention) or not initials or mention == initials:
                    continue
                if not _near_miss(mention, initials):
                    continue
                written = f"{entity.name} ({mention})"
                index, sentence = next(
                    ((n, s.text) for n, s in enumerate(reading.sentences) if f"({mention})" in s.text), (None, written)
                )
                sides = [Side(source_of[reading.id], sentence, index)]
                for other in readings:
                    if source_of[other.id] in {side.source for side in sides}:
                        continue
                    match = next(((n, s.text) for n, s in enumerate(other.sentences) if entity.name in s.text), None)
                    if match:
                        sides.append(Side(source_of[other.id], match[1], match[0]))
                found.append(
                    Disagreement(
                        kind="name",
                        about=f"the abbreviation of {entity.name}",
                        sides=tuple(sides),
                        why=f'"{mention}" does not fit "{entity.name}", whose initials are {initials}',
                    )
                )
    return _unique(found)


def initials_of(name: str) -> str:
    words = [word for word in re.split(r"[\s-]+", name) if word and word.lower() not in _CONNECTORS]
    return "".join(word[0] for word in words if word[0].isupper()) if len(words) > 1 else ""


def _near_miss(abbreviation: str, initials: str) -> bool:
    """Letters swapped or one letter off: a slip, not another name ("ISIS" for "Islamic State" is not a slip)."""
    if sorted(abbreviation) == sorted(initials):
        return True
    return len(abbreviation) == len(initials) and sum(x != y for x, y in zip(abbreviation, initials, strict=True)) == 1


def _spellings(readings: Sequence[Reading], source_of: dict[str, str]) -> list[Disagreement]:
    """One person written two ways by two sources: "Whitcombe" and "Witcombe"."""
    people: dict[str, dict[str, Reading]] = {}
    for reading in readings:
        for entity in reading.entities:
            if entity.label == "PERSON" and entity.role == "story":
                people.setdefault(entity.name, {})[source_of[reading.id]] = reading
    names = sorted(people)
    found = []
    for x, y in ((x, y) for i, x in enumerate(names) for y in names[i + 1 :]):
        if not _variant(x, y) or (set(people[x]) == set(people[y]) and len(people[x]) == 1):
            continue
        sides: list[Side] = []
        for name in (x, y):
            for source, reading in sorted(people[name].items()):
                if any(side.source == source for side in sides):
                    continue
                index, sentence = next(
                    ((n, s.text) for n, s in enumerate(reading.sentences) if _mentions(s.text, name)), (None, name)
                )
                sides.append(Side(source, sentence, index))
        if len({side.source for side in sides}) >= 2:
            found.append(
                Disagreement(
                    kind="name",
                    about=f"the spelling of {x} / {y}",
                    sides=tuple(sides),
                    why=f'"{x}" and "{y}" look like one person spelled two ways',
                )
            )
    return found


def _variant(x: str, y: str) -> bool:
    """Two spellings of one name: same number of words, one word the same and the other nearly so."""
    a, b = x.split(), y.split()
    if len(a) != len(b) or x == y:
        return False
    differing = [(p, q) for p, q in zip(a, b, strict=True) if p != q]
    return (
        len(differing) == 1
        and len(differing[0][0]) >= 4
        and fuzz.ratio(*differing[0]) >= 80
        and differing[0][0][0] == differing[0][1][0]
    )


def _mentions(sentence: str, name: str) -> bool:
    return name in sentence or name.split()[-1] in sentence


def quote_disagreements(
    clusters: Sequence[list[Quoted]], names: dict[str, str], options: CompareOptions | None = None
) -> list[Disagreement]:
    """The same quotation worded differently, or put in different mouths, by different sources (`names` says how
    each source, by id, is named in the explanations)."""
    found = []
    for cluster in clusters:
        longest = max((item.quote.text for item in cluster), key=len)
        whole = [item for item in cluster if not is_fragment(item.quote.text, longest, options)]
        wordings = [Side(item.source, item.quote.text, item.quote.sentence) for item in whole]
        named = {item.source: item for item in cluster if item.quote.speaker}
        person = speaker_names(cluster)
        speakers = {person[item.quote.speaker] for item in named.values() if item.quote.speaker}
        if len({item.source for item in whole}) >= 2 and len({_plain(side.text) for side in wordings}) > 1:
            speaker = next(iter(speakers)) if len(speakers) == 1 else None
            found.append(
                Disagreement(
                    kind="quote_wording",
                    about=f"the words of {speaker or 'one speaker'}",
                    sides=tuple(wordings),
                    why=f"the same quotation, worded differently: {_difference(wordings, names)}",
                )
            )
        if len(speakers) > 1:
            found.append(
                Disagreement(
                    kind="quote_speaker",
                    about=f'who said "{_short(longest, 60)}"',
                    sides=tuple(Side(source, item.sentence, item.quote.sentence) for source, item in named.items()),
                    why="the same quotation attributed to "
                    + " and to ".join(f"{item.quote.speaker} by {names[source]}" for source, item in named.items()),
                )
            )
    return found


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _difference(sides: Sequence[Side], names: dict[str, str]) -> str:
    """The words where two wordings part: "'of our own history' against 'in our history'"."""
    first, second = sides[0].text.split(), sides[1].text.split()
    start = 0
    while start < min(len(first), len(second)) and _plain(first[start]) == _plain(second[start]):
        start += 1
    end = 0
    while end < min(len(first), len(second)) - start and _plain(first[-1 - end]) == _plain(second[-1 - end]):
        end += 1
    left = " ".join(first[max(0, start - 1) : len(first) - end + 1])
    right = " ".join(second[max(0, start - 1) : len(second) - end + 1])
    return f'"{left}" ({names[sides[0].source]}) against "{right}" ({names[sides[1].source]})'


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _unique(found: list[Disagreement]) -> list[Disagreement]:
    seen: set[tuple[str, str]] = set()
    unique = []
    for disagreement in found:
        key = (disagreement.kind, disagreement.about)
        if key not in seen:
            seen.add(key)
            unique.append(disagreement)
    return unique
