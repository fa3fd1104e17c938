"""Temporal expressions, each resolved to a day or a range of days against the article's date.

"November 1", "Nov. 26", "last July", "earlier this month", "less than four months ago", "late 2017",
"in the 1990s", "next year", "Wednesday", "until 2028": the patterns below find them, the rules beside
them resolve them, and anything spaCy tags as a date that they miss is handed to dateparser. A time of day
("before dawn", "shortly after 2am on the night of the grounding") takes its day from the text around it.
Durations ("34 years", "more than three decades") are figures, and rates ("every day", "a weekly service")
are neither. What cannot be resolved keeps its words and says why.
"""

from __future__ import annotations

import calendar
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.references import Focus
from corroborate.extract.dates import MONTHS
from corroborate.models import Article, Confidence, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc

Range = tuple[date, date]
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
_NUMBER_WORDS |= {"a": 1, "an": 1, "a few": 3, "several": 3, "a couple of": 2}
_QUANTITY = r"(?:\d+|a few|a couple of|several|" + "|".join(w for w in _NUMBER_WORDS if " " not in w) + ")"
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650}
_FUTURE = re.compile(
    r"\b(?:will|would|shall|next|plans?|planned|expects?|expected|scheduled|due|intends?|upcoming|"
    r"coming|aims?|to be held|is set to|are set to)\b",
    re.IGNORECASE,
)


def _is_future(doc: Doc, position: int, text: str) -> bool:
    """Does the expression speak of what is still to come? Read off the verb it hangs on: "will meet on
    Friday", "plans to stay until 2028"; a verb in the past ("published on Wednesday") says no."""
    if re.search(r"\b(?:next|coming|upcoming)\b", text, re.IGNORECASE):
        return True
    span = doc.char_span(position, position + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    steps = 0
    while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < 6:
        token, steps = token.head, steps + 1
    if token is None or token.pos_ not in ("VERB", "AUX"):
        return False
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if token.tag_ in ("VBD", "VBN") or any(aux.tag_ == "VBD" for aux in auxiliaries):
        return False
    if any(aux.lemma_ in ("will", "shall") for aux in auxiliaries):
        return True
    governor = token.head if token.dep_ == "xcomp" else None
    return bool(governor is not None and _FUTURE.search(governor.text))


@dataclass(frozen=True)
class Reference:
    """The day expressions are resolved against, and whether it is a known date or an estimate."""

    day: date
    estimated: bool


def reference_of(article: Article) -> Reference | None:
    """What an article's relative dates are read against: its date, else the earliest its text allows."""
    if article.published:
        return Reference(article.published, estimated=False)
    if article.reference_date:
        return Reference(article.reference_date, estimated=True)
    return None


def find_dates(body: Body, focus: Focus) -> list[TimeExpression]:
    reference = reference_of(body.article)
    found: list[tuple[TimeExpression, int, int, int]] = []  # with its paragraph and offsets
    for paragraph in body.paragraphs:
        doc = paragraph.doc
        paragraph_text = doc.text  # built anew on every access: read it once
        spans: list[tuple[int, int]] = []
        for pattern, _resolve in RULES:
            for match in pattern.finditer(paragraph_text):
                if _RECURRING.search(paragraph_text[max(0, match.start() - 12) : match.start()]):
                    continue  # "every Wednesday" names no day
                if not any(start < match.end() and match.start() < end for start, end in spans):
                    spans.append(match.span())
        for ent in doc.ents:
            overlaps = any(start < ent.end_char and ent.start_char < end for start, end in spans)
            if (
                ent.label_ == "DATE"
                and not overlaps
                and not _DURATION.match(ent.text)
                and not _FREQUENCY.match(ent.text)
                and re.search(r"\w", ent.text)
            ):
                spans.append((ent.start_char, ent.end_char))
        for start, end in sorted(spans):
            text = paragraph_text[start:end].strip()
            sentence = body.sentence_at(paragraph.offset + start)
            anchor, owner = _anchor(doc, start, end, focus, paragraph.index, sentence)
            expression = resolve(text, _is_future(doc, start, text), reference, sentence, anchor, owner)
            found.append((expression, paragraph.index, start, end))
    return _times_of_day(body, found)


_RECURRING = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)
_FREQUENCY = re.compile(
    r"^(?:(?:every|each|per)\b.*|daily|weekly|monthly|yearly|annual(?:ly)?|hourly|nightly|fortnightly|quarterly|"
    r"bi-?weekly|bi-?monthly|bi-?annual(?:ly)?|(?:once|twice|\w+ times) (?:a|an|per) \w+|"
    r"(?:a|an|per) (?:day|week|month|year|hour))$",
    re.IGNORECASE,
)
"""Rates and recurrences ("every day", "a weekly service"): they say how often, not when."""
_CONFIDENCE_ORDER = ("unresolved", "low", "medium", "high", "exact")


def _times_of_day(body: Body, found: list[tuple[TimeExpression, int, int, int]]) -> list[TimeExpression]:
    """A time of day takes its day from the text around it: "before dawn" is on the day of the date before it
    in the paragraph (or in its own sentence), "on the night of the grounding" on the day of the sentence that
    dated the grounding. One right next to its day ("at 10am on Friday") adds nothing and is left out; one
    with no day to take stays unresolved, with its words."""
    result: list[TimeExpression] = []
    days = [
        (number, item)
        for number, item in enumerate(found)
        if item[0].start is not None and item[0].start == item[0].end and not _is_time_of_day(item[0].text)
    ]
    for number, (expression, paragraph, start, end) in enumerate(found):
        if not _is_time_of_day(expression.text):
            result.append(expression)
            continue
        event = _EVENT.search(expression.text)
        if event:
            source = _event_day(body, event.group("event"), expression.sentence, days)
            why = f"the {event.group('part').lower()} of the {event.group('event').lower()}"
        else:
            beside = [item for item in found if item[0].sentence == expression.sentence and item[2] != start]
            if any(_adjacent(body, paragraph, start, end, item) for item in beside):
                continue  # "at 10am on Friday": the day is its own expression
            same = [item for _, item in days if item[0].sentence == expression.sentence]
            earlier = [item for n, item in days if n < number and item[1] == paragraph]
            nearest = min(same, key=lambda item: abs(item[2] - start)) if same else None
            source = nearest[0] if nearest else earlier[-1][0] if earlier else None
            why = "a time of day"
        if source is None:
            result.append(replace(expression, note=f"{why}: the text does not say which day"))
            continue
        confidence = min(source.confidence, "medium", key=_CONFIDENCE_ORDER.index)
        note = f'{why}, on the day of "{source.text}" ({source.start.isoformat() if source.start else ""})'
        result.append(replace(expression, start=source.start, end=source.end, confidence=confidence, note=note))
    return result


def _adjacent(body: Body, paragraph: int, start: int, end: int, item: tuple[TimeExpression, int, int, int]) -> bool:
    _, other_paragraph, other_start, other_end = item
    text = body.paragraphs[paragraph].doc.text
    gap = text[end:other_start] if other_start >= end else text[other_end:start]
    return other_paragraph == paragraph and re.fullmatch(r"\s*(?:on|of|,|at)?\s*", gap) is not None


def _event_day(
    body: Body, event: str, sentence: int, days: list[tuple[int, tuple[TimeExpression, int, int, int]]]
) -> TimeExpression | None:
    """The date of the nearest sentence before `sentence` that tells of the event: a word sharing its stem
    ("the grounding": "ran aground ... in the early hours of March 2")."""
    stem = re.sub(r"(?:ings?|ions?|ments?|als?|ures?|s)$", "", event.lower())
    if len(stem) < 4:
        return None
    for number in range(sentence - 1, -1, -1):
        dated = [item[0] for _, item in days if item[0].sentence == number]
        if dated and any(stem in token.lower_ for token in body.spans[number]):
            return dated[0]
    return None


def _is_time_of_day(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in _TIME_OF_DAY)


def resolve(
    text: str,
    future: bool,
    reference: Reference | None,
    sentence: int,
    anchor: str | None = None,
    owner: str | None = None,
) -> TimeExpression:
    """An expression's dates against `reference`; the compare stage calls it again with a story's date."""
    for pattern, rule in RULES:
        match = pattern.fullmatch(text)
        if match:
            expression = _expression(match, rule, reference, future, sentence)
            break
    else:
        expression = _fallback(text, reference, sentence)
    return replace(expression, anchor=anchor, owner=owner, future=future)


def _anchor(
    doc: Doc, start: int, end: int, focus: Focus, paragraph: int, sentence: int
) -> tuple[str | None, str | None]:
    """What the date dates, and whose it is: "last July's general election" dates an election; "a letter
    dated Nov. 26 from Hun Sen" dates Hun Sen's letter; "was released earlier this month" dates a release."""
    tokens = [t for t in doc if start <= t.idx < end]
    if not tokens:
        return None, None
    root = next((t for t in tokens if not start <= t.head.idx < end or t.head.i == t.i), tokens[0])
    head = root.head
    if root.dep_ in ("poss", "compound", "nummod", "amod", "nmod", "npadvmod") and head.pos_ == "NOUN":
        return head.lemma_.lower(), focus.owner_of(head, paragraph, sentence)
    if root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if head.dep_ == "acl" and head.head.pos_ == "NOUN":  # "a letter dated Nov. 26", "a letter published on Wednesday"
        noun = head.head
        return f"{noun.lemma_.lower()} {head.lemma_.lower()}", focus.owner_of(noun, paragraph, sentence)
    if head.pos_ in ("VERB", "AUX"):
        return head.lemma_.lower(), None
    if head.pos_ == "NOUN":
        return head.lemma_.lower(), focus.owner_of(head, paragraph, sentence)
    return None, None


def _expression(
    match: re.Match[str], rule: Resolver, reference: Reference | None, future: bool, sentence: int
) -> TimeExpression:
    text = match.group(0).strip()
    result = rule(match, reference, future)
    if result is None:
        note = "relative to the publication date, which is unknown" if reference is None else "could not be resolved"
        if rule is _time_of_day:
            note = "a time of day: the text does not say which day"
        return TimeExpression(text, None, None, "unresolved", sentence, note)
    (start, end), confidence, note = result
    if reference and reference.estimated and confidence in ("high", "medium"):
        confidence = "low"
        note = f"{note}; against the estimated publication date {reference.day.isoformat()}"
    return TimeExpression(text, start, end, typing.cast(Confidence, confidence), sentence, note)


def _fallback(text: str, reference: Reference | None, sentence: int) -> TimeExpression:
    """An expression spaCy found and the rules do not know: dateparser's reading, or unresolved."""
    if re.search(r"\brecent\b|\bpast\b|\bdecades\b|\byears\b|\bmonths\b", text, re.IGNORECASE):
        return TimeExpression(text, None, None, "unresolved", sentence, "a vague period with no date")
    if reference is None:
        return TimeExpression(text, None, None, "unresolved", sentence, "no publication date to resolve against")
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime.combine(reference.day, datetime.min.time()),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return TimeExpression(text, None, None, "unresolved", sentence, "could not be resolved")
    return TimeExpression(text, parsed.date(), parsed.date(), "low", sentence, "read by dateparser")


Result = tuple[Range, str, str] | None
Resolver = Callable[[re.Match[str], Reference | None, bool], Result]
_DURATION = re.compile(
    rf"^(?:(?:more|less|fewer) than |nearly |almost |about |around |some |over |under |"
    rf"the (?:past|last|next) )?(?:(?:{_QUANTITY}|many)\s+)?(?:years?|months?|weeks?|days?|decades?|"
    rf"centuries|hours?|minutes?)(?: old| long)?$",
    re.IGNORECASE,
)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _month_range(year: int, month: int) -> Range:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year_range(year: int) -> Range:
    return date(year, 1, 1), date(year, 12, 31)


def _full_date(match: re.Match[str], _given: Reference | None, _future: bool) -> Result:
    year = int(match.group("year"))
    day = date(year, _month(match.group("month")), int(match.group("day")))
    return (day, day), "exact", "a full date"


def _month_day(match: re.Match[str], given: Reference | None, future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    month, day_number = _month(match.group("month")), int(match.group("day"))
    year = reference.year
    candidate = date(year, month, min(day_number, calendar.monthrange(year, month)[1]))
    if not future and candidate > reference + timedelta(days=31):
        candidate = candidate.replace(year=year - 1)
    elif future and candidate < reference - timedelta(days=31):
        candidate = candidate.replace(year=year + 1)
    return (candidate, candidate), "high", f"day and month; the year {candidate.year} from the article's date"


def _month_year(match: re.Match[str], _given: Reference | None, _future: bool) -> Result:
    return _month_range(int(match.group("year")), _month(match.group("month"))), "exact", "a month of a year"


def _relative_month(match: re.Match[str], given: Reference | None, future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    which = (match.group("which") or "").lower()
    month = _month(match.group("month"))
    if which == "last":
        year = reference.year if month < reference.month else reference.year - 1
    elif which == "next":
        year = reference.year if month > reference.month else reference.year + 1
    elif which == "this":
        year = reference.year
    elif future:
        year = reference.year if month >= reference.month else reference.year + 1
    else:
        year = reference.year if month <= reference.month else reference.year - 1
    start, end = _month_range(year, month)
    qualifier = (match.group("part") or "").lower().rstrip("-")
    start, end = _part_of(start, end, qualifier)
    return (start, end), "medium", f'"{which or "in"} {match.group("month")}" before or after {reference.isoformat()}'


def _part_of(start: date, end: date, qualifier: str) -> Range:
    """The early, mid or late part of a range: thirds of a year by months (late 2017 is September to
    December), thirds of anything else by days."""
    if not qualifier:
        return start, end
    index = {"early": 0, "mid": 1, "late": 2}[qualifier]
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        first, last = 1 + 4 * index, 4 + 4 * index
        return date(start.year, first, 1), date(start.year, last, calendar.monthrange(start.year, last)[1])
    third = ((end - start).days + 1) // 3
    part_start = start + timedelta(days=third * index)
    return part_start, end if index == 2 else part_start + timedelta(days=third - 1)


def _this_period(match: re.Match[str], given: Reference | None, _future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    which = match.group("which").lower()
    unit = match.group("unit").lower()
    shift = {"last": -1, "previous": -1, "the previous": -1, "past": -1, "next": 1, "coming": 1, "the coming": 1}
    step = shift.get(which.replace("earlier this", "this").replace("later this", "this"), 0)
    if unit == "year":
        start, end = _year_range(reference.year + step)
    elif unit == "month":
        month_index = reference.year * 12 + reference.month - 1 + step
        start, end = _month_range(month_index // 12, month_index % 12 + 1)
    else:  # week, Monday to Sunday
        monday = reference - timedelta(days=reference.weekday()) + timedelta(weeks=step)
        start, end = monday, monday + timedelta(days=6)
    if which.startswith("earlier"):
        end = min(end, reference)
    elif which.startswith("later"):
        start = max(start, reference)
    qualifier = (match.group("part") or "").lower().rstrip("-")
    start, end = _part_of(start, end, qualifier)
    return (start, end), "medium", f"{which} {unit}, from {reference.isoformat()}"


def _ago(match: re.Match[str], given: Reference | None, _future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    amount = match.group("amount").lower()
    count = int(amount) if amount.isdigit() else _NUMBER_WORDS.get(amount, 1)
    unit = match.group("unit").lower().rstrip("s")
    days = count * _UNIT_DAYS[unit]
    point = _shift(reference, unit, -count)
    bound = (match.group("bound") or "").lower()
    if bound.startswith(("less", "fewer", "under", "within")):
        return (point, reference), "medium", f"within {count} {unit}s before {reference.isoformat()}"
    if bound.startswith(("more", "over")):
        earlier = _shift(reference, unit, -(count + 1)) if days < 3650 else point - timedelta(days=days)
        return (earlier, point), "medium", f"more than {count} {unit}s before {reference.isoformat()}"
    if bound:
        slack = max(1, days // 10)
        return (
            (point - timedelta(days=slack), point + timedelta(days=slack)),
            "medium",
            f"about {count} {unit}s before {reference.isoformat()}",
        )
    return (point, point), "medium", f"{count} {unit}s before {reference.isoformat()}"


def _shift(day: date, unit: str, count: int) -> date:
    if unit in ("month", "year", "decade"):
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        index = day.year * 12 + day.month - 1 + months
        year, month = index // 12, index % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return day + timedelta(days=count * _UNIT_DAYS[unit])


def _year(match: re.Match[str], _given: Reference | None, _future: bool) -> Result:
    year = int(match.group("year"))
    start, end = _year_range(year)
    qualifier = (match.group("part") or "").lower().rstrip("-")
    start, end = _part_of(start, end, qualifier)
    confidence = "medium" if qualifier else "exact"
    lead = (match.group("lead") or "").lower()
    note = {"until": "the year a period ends", "by": "a deadline", "since": "the year a period began"}.get(
        lead, "a year"
    )
    return (start, end), confidence, f"{qualifier} {note}".strip() if qualifier else note


def _decade(match: re.Match[str], _given: Reference | None, _future: bool) -> Result:
    decade = int(match.group("decade").lstrip("'"))
    if decade < 100:
        decade += 1900 if decade >= 30 else 2000
    start, end = date(decade, 1, 1), date(decade + 9, 12, 31)
    qualifier = (match.group("part") or "").lower().rstrip("-")
    start, end = _part_of(start, end, qualifier)
    return (start, end), "medium" if qualifier else "exact", f"the {decade}s"


def _weekday(match: re.Match[str], given: Reference | None, future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    weekday = list(calendar.day_name).index(match.group("weekday").capitalize())
    which = (match.group("which") or "").lower()
    if given.estimated and not future and not which:
        return _nearest_weekday(weekday, reference)
    if which == "next" or (future and which != "last"):
        days = (weekday - reference.weekday()) % 7
        if which == "next" and days == 0:  # "next Wednesday" on a Wednesday; a bare "Wednesday" is that day
            days = 7
        day = reference + timedelta(days=days)
        after = "after" if which == "next" else "on or after"
        return (day, day), "medium", f"the {calendar.day_name[weekday]} {after} {reference.isoformat()}"
    days = (reference.weekday() - weekday) % 7
    if which == "last" and days == 0:
        days = 7
    day = reference - timedelta(days=days)
    return (day, day), "medium", f"the {calendar.day_name[weekday]} on or before {reference.isoformat()}"


def _nearest_weekday(weekday: int, earliest: date) -> Result:
    """A weekday read against an estimated date, which is only a lower bound: the nearest such day to it
    ("published on Wednesday" in an article written on or after Tuesday Nov. 26 is Wednesday Nov. 27)."""
    ahead = (weekday - earliest.weekday()) % 7
    day = earliest + timedelta(days=ahead) if ahead <= 3 else earliest - timedelta(days=7 - ahead)
    return (day, day), "medium", f"the {calendar.day_name[weekday]} nearest to {earliest.isoformat()}"


def _deictic(match: re.Match[str], given: Reference | None, _future: bool) -> Result:
    if given is None:
        return None
    reference = given.day
    word = match.group(0).lower()
    offset = -1 if "yesterday" in word or "last night" in word else 1 if "tomorrow" in word else 0
    day = reference + timedelta(days=offset)
    return (day, day), "medium", f"{word}, from {reference.isoformat()}"


def _time_of_day(_match: re.Match[str], _given: Reference | None, _future: bool) -> Result:
    """ "before dawn", "shortly after 2am": no day of their own; `find_dates` gives them the day of the text
    around them."""
    return None


def _rule(pattern: str, resolve: Resolver, flags: int = 0) -> tuple[re.Pattern[str], Resolver]:
    return re.compile(pattern, flags), resolve


_PART = r"(?:(?P<part>early|late|mid-?)\s*)?"
_CLOCK = r"\d{1,2}(?:[:.]\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)"
_DAYBREAK = r"(?:dawn|daybreak|sunrise|first light|sunset|dusk|nightfall|midnight|noon|midday)"
_OF_EVENT = r"on\s+the\s+(?P<part>night|day|morning|evening|afternoon|eve)\s+of\s+the\s+(?P<event>[a-z]+)\b"
_TIME_OF_DAY = [
    re.compile(
        rf"\b(?:(?:shortly|just|soon|well|long|hours|minutes)\s+)?(?:before|after|at|around|about|by|until|till)\s+"
        rf"(?:{_CLOCK}|{_DAYBREAK})(?!\w)(?:\s+{_OF_EVENT})?",
        re.IGNORECASE,
    ),
    re.compile(rf"\b{_OF_EVENT}", re.IGNORECASE),
]
_EVENT = re.compile(_OF_EVENT, re.IGNORECASE)
RULES: list[tuple[re.Pattern[str], Resolver]] = [
    _rule(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", _full_date),
    _rule(
        rf"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH}),?\s+(?P<year>(?:19|20)\d\d)\b",
        _full_date,
    ),
    _rule(rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|people|per))", _month_day),
    _rule(rf"\b(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b", _month_year),
    _rule(
        rf"\b{_PART}(?:(?P<which>last|next|this)\s+)?(?P<month>January|February|"
        rf"March|April|June|July|August|September|October|November|December)(?:'s)?\b(?!\s+\d)",
        _relative_month,
    ),
    _rule(
        r"\b(?:(?P<part>early|late|mid-?)\s+)?(?P<which>earlier this|later this|this|last|next|the previous|"
        r"the past|previous|the coming)\s+(?P<unit>week|month|year)\b",
        _this_period,
        re.IGNORECASE,
    ),
    _rule(
        rf"\b(?P<bound>(?:less|fewer|more) than|under|over|about|around|nearly|almost|some|just)?\s*"
        rf"(?P<amount>{_QUANTITY})\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago\b",
        _ago,
        re.IGNORECASE,
    ),
    _rule(
        r"(?:\b(?:in\s+)?the\s+)?(?:(?P<part>early|late|mid-?)\s*)?(?P<decade>\b(?:1[89]|20)\d0|'\d0)s\b",
        _decade,
        re.IGNORECASE,
    ),
    _rule(
        r"(?:\b(?P<lead>until|till|by|since|in|from|before|after)\s+)?\b(?:(?P<part>early|late|mid-?)\s*)?"
        r"(?P<year>(?:19|20)\d\d)\b(?![-/]\d)(?!\s*(?:%|percent|people|per))",
        _year,
        re.IGNORECASE,
    ),
    _rule(rf"\b(?:(?P<which>last|next|this)\s+)?(?P<weekday>{_WEEKDAY})\b", _weekday, re.IGNORECASE),
    _rule(r"\b(?:yesterday|today|tomorrow|tonight|last night)\b", _deictic, re.IGNORECASE),
    *((pattern, _time_of_day) for pattern in _TIME_OF_DAY),
]
