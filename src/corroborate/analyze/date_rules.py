"""The rules for temporal expressions: a pattern for each shape of expression, with what resolves it.

Recurrences come first ("every Wednesday" names no Wednesday), then calendar dates, then the dates counted from
another date of the text, then what is temporal but not a date: durations ("90 days", "the past two years"),
recurrences ("annually", "each season") and references to the present, past or future with no date ("now", "at
the time", "in the future"), each with its kind and no resolver. Where several rules match, `find_dates` keeps the
longest match (the earlier rule on a tie); `resolve` reads words alone with the first rule that matches them whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from corroborate.analyze import date_periods as periods
from corroborate.analyze import date_relative as relative
from corroborate.analyze import date_resolvers as dates
from corroborate.analyze.date_resolvers import (
    AFTER_PREPOSITION,
    FULL_MONTH,
    MONTH,
    NUMBER,
    PART,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    Resolver,
)
from corroborate.models import Kind


@dataclass(frozen=True)
class Rule:
    """A shape of temporal expression. `kind` is what it is ("date" ones have a resolver); `gate`, when given,
    must accept the match in its paragraph for the words to count (a bare "May" or "fall" is a date only after
    "in", "since", ...); a rule that is `found_only` needs that context to be told apart and is not used when
    words are resolved again on their own; a rule that does not `anchor` gives dates that later expressions do
    not count from ("a year earlier" again is a year before the same date, not two)."""

    pattern: re.Pattern[str]
    resolve: Resolver | None
    kind: Kind = "date"
    note: str = ""
    gate: Callable[[re.Match[str], str], bool] | None = None
    found_only: bool = False
    anchors: bool = True


def _rule(pattern: str, resolve: Resolver | None, flags: int = re.IGNORECASE, **options: object) -> Rule:
    return Rule(re.compile(pattern, flags), resolve, **options)  # type: ignore[arg-type]


def _before(pattern: str, width: int = 24) -> Callable[[re.Match[str], str], bool]:
    """A gate: the words just before the match end with `pattern`."""
    compiled = re.compile(rf"(?:{pattern})\s*$", re.IGNORECASE)

    def gate(match: re.Match[str], text: str) -> bool:
        return compiled.search(text[max(0, match.start() - width) : match.start()]) is not None

    return gate


_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)"
_DAYBREAK = r"(?:dawn|daybreak|sunrise|first light|sunset|dusk|nightfall|midnight|noon|midday)"
_OF_EVENT = r"on\s+the\s+(?P<part>night|day|morning|evening|afternoon|eve)\s+of\s+the\s+(?P<event>[a-z]+)\b"
TIME_OF_DAY = [
    re.compile(
        rf"\b(?:(?:shortly|just|soon|well|long|hours|minutes)\s+)?(?:before|after|at|around|about|by|until|till)\s+"
        rf"(?:{_CLOCK}|{_DAYBREAK})(?!\w)(?:\s+{_OF_EVENT})?",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_OF_EVENT}", re.IGNORECASE),
]
EVENT = re.compile(_OF_EVENT, re.IGNORECASE)
_YEAR = r"(?:1[5-9]|20)\d\d"
_NOT_COUNT = r"(?!\s*(?:%|percent|per\b|people|-year-old))"


def _plainly_a_year(words: str) -> bool:
    """ "nineteen ninety-six" is a year wherever it stands; "nineteen hundred" and "two thousand" are more often
    counts, and are years only after "in", "the year", a month, ..."""
    return not re.search(r"thousand|hundred$", words, re.IGNORECASE)


RULES: list[Rule] = [
    # Recurrences first: "every Wednesday" names no Wednesday.
    _rule(
        rf"\b(?:every|each)\s+(?:other\s+|single\s+)?(?:(?:{NUMBER})\s+)?(?:{UNIT}|{WEEKDAY}s?|{FULL_MONTH}|"
        r"season|spring|summer|fall|autumn|winter|morning|evening|night|weekend)\b",
        None,
        kind="recurrence",
        note="a recurrence: how often, not when",
    ),
    _rule(
        r"\b(?:daily|weekly|monthly|yearly|annually|hourly|nightly|fortnightly|bi-?weekly|bi-?monthly|"
        r"semi-?annually|(?:once|twice|three times|\d+ times)\s+(?:a|an|per|each)\s+(?:day|week|month|year|hour))\b"
        r"|\bper\s+(?:day|week|month|year|hour|annum)\b",
        None,
        kind="recurrence",
        note="a recurrence: how often, not when",
    ),
    _rule(
        rf"\b{WEEKDAY}s\b|\b{WEEKDAY}\s+(?:mornings|afternoons|evenings|nights)\b",
        None,
        kind="recurrence",
        note="a recurrence: how often, not when",
        flags=0,
    ),
    _rule(  # "$1bn a year", "358,000 a month": a rate, after an amount
        r"\b(?:an?)\s+(?:day|week|month|year|hour|quarter)\b(?!\s+(?:ago|earlier|later|before|after|or|and))",
        None,
        kind="recurrence",
        note="a rate: how often, not when",
        found_only=True,
        gate=_before(
            r"(?:\d[\d,.]*\s*(?:%|percent|[a-z]+)?|cents?|dollars?|thousand|million|billion|times|"
            r"hundred|[a-z]+s)"
        ),
    ),
    _rule(rf"\b(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>{_YEAR})\b", dates.full_date, 0),
    _rule(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH}),?\s+(?P<year>{_YEAR})\b",
        dates.full_date,
        0,
    ),
    _rule(
        rf"\b(?:(?P<which>(?i:last|this|next))\s+)?(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b{_NOT_COUNT}",
        dates.month_day,
        0,
    ),
    _rule(rf"\b(?P<month>{MONTH}),?\s+(?:of\s+)?(?P<year>{_YEAR})\b", dates.month_year, 0),
    _rule(
        rf"\b{PART}(?:(?P<which>(?i:last|next|this))\s+)?(?P<month>{FULL_MONTH}\b|(?:Sept|Oct|Nov|Dec|Jan|Feb|Aug)\.)"
        rf"(?:'s\b)?(?:\s+(?P<ofyear>(?i:this|last|next))\s+(?i:year)\b)?(?!\.?\s+\d)",
        dates.relative_month,
        0,
        gate=lambda m, text: (
            not m.group("month").startswith("May")
            or bool(m.group("part") or m.group("which"))
            or _before(AFTER_PREPOSITION)(m, text)
        ),
    ),
    _rule(
        r"\b(?:(?P<which>last|next|this)\s+)?(?P<holiday>Thanksgiving(?: Day)?|Easter(?: Sunday)?|"
        r"Christmas(?: Eve| Day)?|New Year's(?: Day| Eve))\b",
        dates.holiday,
        0,
    ),
    _rule(
        rf"\b{PART}(?P<which>earlier this|later this|earlier in the|later in the|this|last|next|the previous|the past|"
        r"previous|the coming|the current|this past|this coming|the full|the whole|the entire|the latest|"
        r"the most recent|the(?=\s+fiscal\b))\s+(?:fiscal\s+)?(?P<unit>week|month|year)\b(?!\s*-)",
        dates.this_period,
    ),
    _rule(
        rf"\b{PART}(?:the\s+)?(?:(?P<year>{_YEAR})\s+|(?P<whichyear>last|next|this)\s+year's\s+|"
        r"(?P<which>last|next|this|current|latest|previous|past|coming|most\s+recent)\s+)?(?:fiscal[-\s]+)?"
        r"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th)(?:[-\s]+(?P<two>two))?[-\s]+)?(?P<unit>quarter|half)(?(two)s)\b(?(ordinal)|(?(which)|(?!)))"
        rf"(?:\s+of\s+(?:(?P<year2>{_YEAR})|(?:fiscal\s+)?(?P<ofyear>the|this|next|last)\s+(?:fiscal\s+)?year)\b)?(?!\s+of\b)",
        periods.quarter,
    ),
    _rule(
        rf"\b{PART}(?:(?P<which>last|next|this|this past|this coming|past|coming|the)\s+)?"
        rf"(?P<season>spring|summer|fall|autumn|winter)\b(?:\s+of\s+(?P<year>{_YEAR}))?(?!\s+of\s+\D)",
        periods.season,
        gate=lambda m, text: bool(
            m.group("part")
            or m.group("year")
            or (m.group("which") and m.group("which").lower() != "the")
            or _before(r"\b(?:in|during|over|through|until|by|since|this)")(m, text)
        ),
    ),
    _rule(r"\b(?:(?P<which>this|next|last|past|coming)\s+|the\s+)weekend\b", periods.weekend),
    _rule(
        r"\b(?:(?:the\s+)?(?P<edge>end|beginning|start|middle)\s+of\s+(?P<which>the|this|next|last|the current)\s+"
        r"(?:fiscal\s+)?(?P<unit>year|month|week|quarter|decade|century)|(?:the\s+)?(?P<unit2>year|month)(?:'s\s+|-|\s+)(?P<edge2>end))\b",
        periods.edge,
    ),
    _rule(
        rf"\b(?:a few|several|many|some)\s+{UNIT}\s+ago\b",
        None,
        kind="past",
        note="some time before the writing: the text does not say how long",
    ),
    _rule(
        rf"\b(?P<bound>(?:less|fewer|more) than|under|over|about|around|nearly|almost|some|just|roughly|only)?\s*"
        rf"(?P<amount>{NUMBER})\s+(?P<unit>days?|weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?)(?:\s+or\s+so)?\s+ago\b",
        dates.ago,
        anchors=False,
    ),
    _rule(
        r"(?:\b(?:in\s+)?the\s+)?(?:(?P<part>early|late|mid-?)\s*)?(?P<decade>\b(?:1[5-9]|20)\d0|'\d0)s\b",
        periods.decade,
    ),
    _rule(
        r"\b(?:the\s+)?(?:(?P<part>early|late|mid-?)\s*)?(?P<decade>twenties|thirties|forties|fifties|sixties|seventies|"
        r"eighties|nineties)\b",
        periods.decade,
        gate=lambda m, text: m.group(0).lower().startswith("the") or _before(r"\b(?:early|late|mid-?)")(m, text),
    ),
    _rule(
        rf"\b{PART}(?:the\s+|a\s+)?(?:(?P<nth>\d{{1,2}}(?:st|nd|rd|th)|eighteenth|nineteenth|twentieth|twenty[-\s]first)|"
        r"(?P<which>this|last|next|the last|the next|the current))\s+century\b",
        periods.century,
    ),
    _rule(rf"\b(?P<year>{_YEAR})\s?[-–/]\s?(?P<to>(?:{_YEAR})|\d\d)\b(?![-/]\d)", dates.years),
    _rule(
        rf"(?:\b(?P<lead>until|till|by|since|in|from|before|after)\s+)?\b{PART}"
        rf"(?<![\d$.,])(?P<year>{_YEAR})\b(?![-/.,]\d)(?!\s*(?:%|percent|people|per\b))",
        dates.year,
    ),
    _rule(  # "in nineteen ninety-six", "the year two thousand"; not a count ("nineteen hundred shares")
        rf"\b{PART}(?:(?P<month>{FULL_MONTH})\s+)?(?P<year>the\s+year\s+)?(?P<spelled>{SPELLED_YEAR})\b(?!-)"
        r"(?!\s+(?:percent|per\b|people|(?!(?:was|is|has|as|this|its|his|thus|always)\b)[a-z]+s\b))",
        dates.spelled_year,
        gate=lambda m, text: (
            _plainly_a_year(m.group("spelled"))
            or bool(m.group("year") or m.group("month") or m.group("part"))
            or _before(r"\b(?:in|since|by|until|before|after|from)")(m, text)
        ),
    ),
    _rule(
        rf"\b(?:(?:(?:at|by|until|before|after|around|about)\s+)?(?:{_CLOCK}|noon|midnight)(?:\s+[A-Z]{{3}})?\s+)?"
        r"(?:(?:early|late)\s+)?(?:(?P<which>last|next|this(?: coming)?)\s+)?"
        rf"(?P<weekday>{WEEKDAY})(?:,?\s+(?P<month>{MONTH})\s+(?P<day>[0-3]?\d)\b(?:,?\s+{_YEAR}\b)?)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?\b",
        dates.weekday,
    ),
    _rule(
        r"\b(?:(?:(?:early|late|mid-?)\s*(?:morning|afternoon|evening)\s+)?(?:yesterday|today|tomorrow)"
        r"(?:\s+(?:morning|afternoon|evening|night))?|tonight|last night|"
        r"(?:(?:early|later|earlier)\s+)?this (?:morning|afternoon|evening))\b(?!'s\b)",
        dates.deictic,
    ),
    *(Rule(pattern, dates.time_of_day) for pattern in TIME_OF_DAY),
    # Relative to another date of the text.
    _rule(
        rf"\b(?:(?P<amount>{NUMBER})\s+(?P<unit>days?|weeks?|months?|years?|decades?|quarters?)\s+"
        r"(?:earlier|later)|(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)(?:\s+(?:third |fourth |first |second )?"
        r"(?:quarter|period|nine months|six months|half))?|(?:the\s+)?(?:corresponding|comparable|same)\s+"
        r"(?:quarter|period)\s+(?:last year|a year (?:ago|earlier))|last year's\s+(?:quarter|period))\b",
        relative.earlier_later,
        anchors=False,
    ),
    _rule(
        r"\b(?:(?:later|earlier)\s+)?(?:that|the same|that same|the following|the next|the previous|the preceding)\s+"
        r"(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)\b|\b(?:later|earlier)\s+in\s+the\s+(?P<unit3>day)\b|"
        r"\bthe\s+(?P<unit2>day|year)\s+(?:before|after)\b(?!\s+(?:the|a|an|his|her|its|their)\b)",
        relative.that_unit,
        anchors=False,
    ),
    _rule(  # "sales fell 4% for the year"; "for the year ended June 30" is how long, not which year
        r"\bthe\s+year\b(?!\s*(?:-|'s\b|ended|ending|earlier|later|before|after|ago|to\b|through|of\s+(?![$#£€\d])|\d))",
        relative.the_year,
        anchors=False,
        gate=_before(r"\b(?:for|during)"),
        found_only=True,
    ),
    _rule(rf"\bthe\s+(?P<year>{_YEAR})\s+(?:period|quarter|half|fiscal year)\b", relative.year_period, anchors=False),
    _rule(rf"\bthe\s+(?:previous|preceding)\s+(?P<weekday>{WEEKDAY})\b", relative.that_weekday, anchors=False),
    _rule(
        r"\b(?:the|that)\s+(?:latest\s+|same\s+|comparable\s+)?(?:quarter|period)\b(?!\s+of\b)",
        relative.the_period,
        anchors=False,
    ),
    # Durations: how long, not when (after vague stretches: "the past several quarters", "the next few days").
    _rule(
        rf"\bthe\s+(?:next|coming)\s+(?:few|several|many)\s+{UNIT}",
        None,
        kind="future",
        note="a vague time after the writing, with no date",
    ),
    _rule(
        rf"\bthe\s+(?:past|last|previous)\s+(?:few|several|many)\s+{UNIT}",
        None,
        kind="past",
        note="a vague time before the writing, with no date",
    ),
    _rule(
        rf"\b(?:(?:(?:more|less|fewer) than|nearly|almost|about|around|some|over|under|up to|at least|at most|within|"
        rf"just over|just under|roughly|only|another|an additional|the (?:past|last|next|first|final|previous|coming|"
        rf"following|latest)|the|these|those|its|their)\s+)?(?!(?:an?|one|three)[-\s]+quarters?\b)"
        rf"(?:{NUMBER})(?:\s+(?:hundred|thousand|million))?(?:\s+(?:or|to)\s+(?:{NUMBER}))?"
        rf"(?:\s+(?:more|full|straight|consecutive|trading|business|working|calendar))?[-\s]+{UNIT}(?:\s+and\s+a\s+half)?"
        r"(?:-long|\s+long)?\b(?!-(?:old|ago|earlier|end)|\s+old)",
        None,
        kind="duration",
        note="a duration: how long, not when",
    ),
    _rule(
        r"\b(?:decades|centuries|years|months|weeks|days|hours)\b(?!\s+(?:ago|earlier|later))",
        None,
        kind="duration",
        note="a duration: how long, not when",
        gate=_before(r"\b(?:for|in|over|within|of|after|took|takes)"),
    ),
    # References to the present, the past or the future, with no date.
    _rule(
        r"\b(?:right now|just now|now|currently|current(?!\s+account)|at present|presently|these days|nowadays|"
        r"at this time)\b",
        None,
        kind="present",
        note="the present: the time of writing",
    ),
    _rule(
        r"\b(?:recent\s+(?:days|weeks|months|years|decades|quarters|times)|past\s+(?:years|decades)|recently|"
        r"recent|previously|formerly|the past|at the time|at that time|long ago|years ago)\b"
        r"(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|quarters?|century|centuries|summers|winters)\b)",
        None,
        kind="past",
        note="a vague time before the writing, with no date",
    ),
    _rule(
        r"\b(?:the\s+(?:near\s+|distant\s+)?future|future|soon(?!\s+(?:after|afterwards?|thereafter))|"
        r"as soon as possible|the (?:near|short|long) term|(?:the\s+)?coming\s+(?:days|weeks|months|years|quarters))\b",
        None,
        kind="future",
        note="a vague time after the writing, with no date",
    ),
]
RESOLVING = [rule for rule in RULES if not rule.found_only]
