"""When was it written? Explicit dates in the text bound the publication date when the page gives none.

An article cannot be older than the latest past event it reports with a date: a letter "dated Nov. 26",
a photo taken "November 9, 2019". Explicit years fix the year of dates written without one. A date in a
future context ("until 2028") bounds it from above. The result is a range with its evidence, never a guess.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from corroborate.models import DateEstimate

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
EXPLICIT_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?|(?P<day2>[0-3]?\d)\s+(?P<month2>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|"
    rf"Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    rf"(?:,?\s+(?P<year2>(?:19|20)\d\d))?|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))\b(?!,?\s*\d)"
)
YEAR = re.compile(r"(?<![\d,.$£€])\b(?P<year>(?:19|20)\d\d)\b(?!\s*(?:%|percent|people|-\d))(?!s\b)")
_FUTURE = re.compile(
    r"\b(?:until|till|will|would|plans?|planned|aims?|expects?|expected|scheduled|due|next|upcoming|"
    r"intends?|coming)\b[^.;]{0,40}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    """A date the text states, possibly without its year, and whether its context puts it in the future."""

    text: str
    year: int | None
    month: int | None
    day: int | None
    future: bool


def date_mentions(texts: Iterable[str]) -> list[DateMention]:
    """Explicit dates ("Nov. 26", "November 9, 2019", "2019-11-26") and bare years of the texts."""
    found: list[DateMention] = []
    for text in texts:
        spans: list[tuple[int, int]] = []
        for match in EXPLICIT_DATE.finditer(text):
            mention = _explicit(match, text)
            if mention:
                found.append(mention)
                spans.append(match.span())
        for match in YEAR.finditer(text):
            if not any(start <= match.start() < end for start, end in spans):
                found.append(
                    DateMention(match.group(0), int(match.group("year")), None, None, _is_future(text, match.start()))
                )
    return found


def estimate(texts: Iterable[str]) -> DateEstimate | None:
    """The range the publication date must lie in, given the dates the texts mention, with the evidence."""
    mentions = date_mentions(texts)
    past_years = [m for m in mentions if m.year and not m.future]
    year_source = max(past_years, key=lambda m: m.year or 0, default=None)
    year = year_source.year if year_source else None
    lower: list[tuple[date, str]] = []
    upper: list[tuple[date, str]] = []
    for mention in mentions:
        when = _as_date(mention, year)
        if when is None:
            continue
        if mention.future:
            bound = when if mention.month else date(when.year, 12, 31)
            upper.append((bound, f'"{mention.text}" is still to come: not after {bound.isoformat()}'))
        else:
            assumed = f' (the year from "{year_source.text}")' if mention.year is None and year_source else ""
            lower.append((when, f'"{mention.text}" has happened: not before {when.isoformat()}{assumed}'))
    earliest = max(lower, default=None)
    latest = min((bound for bound in upper if earliest is None or bound[0] >= earliest[0]), default=None)
    if earliest is None and latest is None:
        return None
    return DateEstimate(
        earliest=earliest[0] if earliest else None,
        latest=latest[0] if latest else None,
        evidence=tuple(bound[1] for bound in (earliest, latest) if bound is not None),
    )


def _as_date(mention: DateMention, year: int | None) -> date | None:
    """The day a mention names, its year taken from the text when it has none; Jan 1 for a bare year."""
    if mention.month is None or mention.day is None:
        return date(mention.year, 1, 1) if mention.year else None
    try:
        return date(mention.year or year or 0, mention.month, mention.day) if mention.year or year else None
    except ValueError:
        return None


def _explicit(match: re.Match[str], text: str) -> DateMention | None:
    future = _is_future(text, match.start())
    if match.group("iso"):
        year, month, day = (int(part) for part in match.group("iso").split("-"))
        return DateMention(match.group(0), year, month, day, future)
    month_name = match.group("month") or match.group("month2")
    day = int(match.group("day") or match.group("day2"))
    year_text = match.group("year") or match.group("year2")
    if not 1 <= day <= 31:
        return None
    return DateMention(
        match.group(0),
        int(year_text) if year_text else None,
        MONTHS[month_name.lower().rstrip(".")],
        day,
        future,
    )


def _is_future(text: str, position: int) -> bool:
    return bool(_FUTURE.search(text[max(0, position - 60) : position]))


_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?", re.IGNORECASE)
_LABELS = re.compile(
    r"\b(?P<updated>(?:last )?(?:updated|modified|edited|revised|amended))\b|"
    r"\b(?:first )?(?:published|posted|created|issued)\b",
    re.IGNORECASE,
)


def stated_publication(text: str) -> date | None:
    """The full date a timestamp states as the publication: the first date not labelled as an update. "Published
    January 1, 2026, 8:00 AM · Updated January 3" and "Updated Jan. 3, 2026; first published Jan. 1, 2026" both say
    January 1. Clock times are dropped first: "January 3, 2026, 10:04 AM" is a date and a time."""
    text = _CLOCK.sub(" ", text)
    bounds = [(match.start(), bool(match.group("updated"))) for match in _LABELS.finditer(text)]
    starts = [0, *(start for start, _updated in bounds)]
    updated = [False, *(flag for _start, flag in bounds)]
    for start, end, is_update in zip(starts, [*starts[1:], len(text)], updated, strict=True):
        if is_update:
            continue
        for mention in date_mentions([text[start:end]]):
            if mention.year and mention.month and mention.day:
                try:
                    return date(mention.year, mention.month, mention.day)
                except ValueError:
                    continue
    return None
