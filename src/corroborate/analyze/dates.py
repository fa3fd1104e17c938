"""Temporal expressions of an article, found and resolved against its date.

The rules of date_rules.py find "Nov. 26", "last July", "the third quarter", "a year earlier", "last summer",
"the 1990s", "1957-58", "90 days", "annually", "now"; what spaCy tags as a date or a time and no rule knows is
handed to dateparser, at the granularity it reads ("May" is the month). A number alone ("people 65 and older",
"Linda, 35,") is not a date. Each expression is resolved with what the text says around it: whether it speaks of
the past or of what is to come (read off the verb it hangs on), and the dates it gave before ("a year earlier").
A time of day ("before dawn") takes its day from the text around it. What cannot be resolved keeps its words and
says why; durations, recurrences and references to the present, past or future keep their kind and no dates.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.calendar import Range, granularity, month_range, week_range, year_range
from corroborate.analyze.date_resolvers import Context, Reference
from corroborate.analyze.date_rules import EVENT, RESOLVING, RULES, TIME_OF_DAY, Rule
from corroborate.analyze.references import Focus
from corroborate.models import Article, Confidence, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Reference", "find_dates", "redate", "reference_of", "resolve"]

_CONFIDENCE_ORDER = ("unresolved", "low", "medium", "high", "exact")
_MONTH_OR_WEEKDAY = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
_TEMPORAL_WORD = re.compile(
    rf"{_MONTH_OR_WEEKDAY}|"
    r"\b(?:1[5-9]|20)\d\d\b|'\d0s|\b\d0s\b|\d[:.]\d\d|\b[ap]\.?m\b|"
    r"\b(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?|seasons?|spring|summer|"
    r"fall|autumn|winter|morning|afternoon|evening|night|tonight|today|tomorrow|yesterday|noon|midnight|dawn|dusk|"
    r"weekend|fiscal|christmas|easter|thanksgiving|now|recent(?:ly)?|future|past|time)\b",
    re.IGNORECASE,
)
"""What makes spaCy's DATE or TIME words temporal: a bare number ("65 and older", an age) is not."""
_STRETCH = re.compile(r"\b(?:years|months|weeks|days|hours|minutes|decades|centuries)\b(?!\s+ago)", re.IGNORECASE)
_AGE = re.compile(r"\b(?:year|month|week|day)s?[-\s]old\b|\baged?\b", re.IGNORECASE)
"""An age ("a 6-year-old boy", "52 years old") is how old someone is, not a time: spaCy calls it a date."""
_CALENDAR_WORD = re.compile(
    rf"{_MONTH_OR_WEEKDAY}|\b(?:1[5-9]|20)\d\d\b|\b(?:today|tonight|tomorrow|yesterday)\b", re.IGNORECASE
)
"""What dateparser needs to see before its reading is trusted: given a bare "65" it answers 1965."""
_FUTURE_CUES = frozenset(
    "plan expect schedule due set intend aim hope prepare propose slate payable upcoming pending going "
    "anticipate project forecast".split()
)
"""Words that put what they govern ahead of the writing: "plans to stay until 2028", "payable Dec. 15",
"is due out in May", "the talks, set to resume Monday"."""
_FUTURE_VERBS = frozenset("plan schedule intend slate".split())
"""Verbs whose own date is ahead of the writing: "protesters planned a march on Saturday"; with "for", the
other cues too: "a summit set for April" (but "a record set on Aug. 6" is past)."""


_DEADLINE = re.compile(r"\b(?:until|till|through|as soon as)\s*$", re.IGNORECASE)
_DEADLINE_LEAD = re.compile(r"(?:until|till)\b", re.IGNORECASE)
"""Words before a date that a past verb does not put in the past: "stayed until Tuesday" has happened, but what
was postponed, extended or granted "until Tuesday" may still be to come."""
_DEFERRING_VERBS = frozenset("postpone delay defer extend give grant allow adjourn suspend".split())
"""Verbs whose "until" date is ahead of the act: "postponed the vote until Tuesday" (the coming Tuesday)."""


def reference_of(article: Article) -> Reference | None:
    """What an article's relative dates are read against: its date, else the earliest its text allows."""
    if article.published:
        return Reference(article.published, estimated=False)
    if article.reference_date:
        return Reference(article.reference_date, estimated=True)
    return None


@dataclass(frozen=True)
class _Found:
    expression: TimeExpression
    paragraph: int
    start: int
    end: int


class _Discourse:
    """The dates the text has given so far, for the expressions resolved against them: the last date, and the
    last quarter or half named with its sentence ("the third quarter ... the year-ago quarter")."""

    def __init__(self) -> None:
        self.previous: Range | None = None
        self.period: Range | None = None
        self.period_sentence = -10

    def context(self, reference: Reference | None, future: bool | None, sentence: int) -> Context:
        nearby = 0 <= sentence - self.period_sentence <= 1
        return Context(reference, future, self.previous, self.period, nearby)

    def note(self, expression: TimeExpression, rule: Rule | None) -> None:
        """Count later expressions from this one, if it is a date the text gives (not one counted from another);
        a period named again ("the quarter") is near what follows it all the same."""
        if expression.kind != "date" or expression.start is None or expression.end is None:
            return
        span = (expression.start, expression.end)
        if granularity(span) in ("quarter", "half"):
            self.period_sentence = expression.sentence
        if rule is not None and not rule.anchors:
            return
        self.previous = span
        if granularity(span) in ("quarter", "half"):
            self.period = span


def find_dates(body: Body, focus: Focus) -> list[TimeExpression]:
    reference = reference_of(body.article)
    found: list[_Found] = []
    discourse = _Discourse()
    for paragraph in body.paragraphs:
        doc = paragraph.doc
        text = doc.text  # built anew on every access: read it once
        for start, end, rule in _spans(doc, text):
            words = text[start:end]
            sentence = body.sentence_at(paragraph.offset + start)
            anchor, owner = _anchor(doc, start, end, focus, paragraph.index, sentence)
            future = tense(doc, start, end)
            context = discourse.context(reference, future, sentence)
            match = rule.pattern.fullmatch(words) if rule is not None else None
            if match is None:
                expression, rule = _words(words, context, sentence)
            else:
                expression = _expression(words, rule, match, context, sentence)
            expression = replace(expression, anchor=anchor, owner=owner, future=future)
            discourse.note(expression, rule)
            found.append(_Found(expression, paragraph.index, start, end))
    return _times_of_day(body, found)


def resolve(
    text: str,
    future: bool | None,
    reference: Reference | None,
    sentence: int,
    anchor: str | None = None,
    owner: str | None = None,
) -> TimeExpression:
    """An expression's dates against `reference`, read from its words alone (an expression that counts from
    an earlier date of the text counts from `reference` here: `redate` resolves a whole article's in order)."""
    expression, _rule = _words(text, Context(reference, future), sentence)
    return replace(expression, anchor=anchor, owner=owner, future=future)


def redate(expressions: Sequence[TimeExpression], reference: Reference | None) -> list[TimeExpression]:
    """An article's expressions, in the order of its text, resolved again against another `reference` (the
    compare stage's date for a story): each with the dates the text gave before it, as `find_dates` does.
    Durations, recurrences and references to the present, past or future have no dates and are kept."""
    discourse = _Discourse()
    result = []
    for expression in expressions:
        if expression.kind != "date":
            result.append(expression)
            continue
        context = discourse.context(reference, expression.future, expression.sentence)
        again, rule = _words(expression.text, context, expression.sentence)
        again = replace(again, anchor=expression.anchor, owner=expression.owner, future=expression.future)
        discourse.note(again, rule)
        result.append(again)
    return result


def _spans(doc: Doc, text: str) -> list[tuple[int, int, Rule | None]]:
    """Where the paragraph's temporal expressions are: the longest match of any rule wherever one starts (the
    earlier rule on a tie), then spaCy's dates and times where no rule matched, if they hold a temporal word."""
    candidates: list[tuple[int, int, int, Rule]] = []
    for order, rule in enumerate(RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.start() + len(match.group(0)) - len(match.group(0).lstrip()), match.end()
            if end > start and (rule.gate is None or rule.gate(match, text)):
                candidates.append((start, -(end - start), order, rule))
    chosen: list[tuple[int, int, Rule | None]] = []
    for start, negative_length, _order, rule in sorted(candidates, key=lambda c: (c[0], c[1], c[2])):
        end = start - negative_length
        if not any(s < end and start < e for s, e, _ in chosen):
            chosen.append((start, end, rule))
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or not _TEMPORAL_WORD.search(ent.text) or _AGE.search(ent.text):
            continue
        if not any(s < ent.end_char and ent.start_char < e for s, e, _ in chosen):
            chosen.append((ent.start_char, ent.end_char, None))
    return sorted(chosen, key=lambda span: span[0])


def _words(text: str, context: Context, sentence: int) -> tuple[TimeExpression, Rule | None]:
    """The expression its words make on their own: the first rule that reads them all, else dateparser."""
    for rule in RESOLVING:
        match = rule.pattern.fullmatch(text)
        if match:
            return _expression(text, rule, match, context, sentence), rule
    return _fallback(text, context, sentence), None


def _expression(
    text: str, rule: Rule | None, match: re.Match[str] | None, context: Context, sentence: int
) -> TimeExpression:
    if rule is None or match is None:
        return _fallback(text, context, sentence)
    if rule.resolve is None:
        return TimeExpression(text, None, None, "unresolved", sentence, rule.note, kind=rule.kind)
    try:
        result = rule.resolve(match, context)
    except (ValueError, OverflowError):  # "February 30", or a date pushed off the calendar ("9999 years later")
        return TimeExpression(text, None, None, "unresolved", sentence, "not a date of the calendar")
    reference = context.reference
    if result is None:
        note = "relative to the publication date, which is unknown" if reference is None else "could not be resolved"
        if any(rule.pattern is pattern for pattern in TIME_OF_DAY):
            note = "a time of day: the text does not say which day"
        return TimeExpression(text, None, None, "unresolved", sentence, note)
    (start, end), confidence, note = result
    if reference and reference.estimated and confidence in ("high", "medium"):
        confidence = "low"
        note = f"{note}; against the estimated publication date {reference.day.isoformat()}"
    return TimeExpression(text, start, end, confidence, sentence, note)


def _fallback(text: str, context: Context, sentence: int) -> TimeExpression:
    """Words spaCy found and no rule knows: dateparser's reading, as a range at the granularity it reads (a
    month for "May 1998"), when they name a month, a weekday, a year or a day near the article's date. Units
    of time counted in the plural and naming none of these ("the last hours of the voyage", "the early years")
    are a stretch of time: a duration."""
    if _STRETCH.search(text) and not _CALENDAR_WORD.search(text):
        return TimeExpression(
            text, None, None, "unresolved", sentence, "a duration: how long, not when", kind="duration"
        )
    reference = context.reference
    if reference is None:
        return TimeExpression(text, None, None, "unresolved", sentence, "no publication date to resolve against")
    if not _CALENDAR_WORD.search(text):
        return TimeExpression(text, None, None, "unresolved", sentence, "could not be resolved")
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime.combine(reference.day, datetime.min.time()),
        "PREFER_DATES_FROM": "future" if context.future else "past",  # its own word for our tense
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
        if data.date_obj is None:
            return TimeExpression(text, None, None, "unresolved", sentence, "could not be resolved")
        day = data.date_obj.date()
        period = data.period if data.period in ("week", "month", "year") else "day"
        span = {"year": year_range(day.year), "month": month_range(day.year, day.month), "week": week_range(day)}.get(
            period, (day, day)
        )
    except (ValueError, OverflowError):  # a date off the calendar, relative to a reference near its ends
        return TimeExpression(text, None, None, "unresolved", sentence, "not a date of the calendar")
    return TimeExpression(text, span[0], span[1], "low", sentence, f"read by dateparser (a {period})")


def tense(doc: Doc, start: int, end: int) -> bool | None:
    """Does the expression speak of what is still to come (True), of what has happened (False), or not say
    (None)? Read off the verb it hangs on: "will meet on Friday", "plans to stay until 2028" and "payable Dec. 15"
    are to come; "published on Wednesday" and "has risen since May" have happened; "the meeting is on Friday",
    and a date that qualifies a thing ("the Jan. 14 deadline") rather than an event, do not say."""
    if re.search(r"\b(?:next|coming|upcoming)\b", doc.text[start:end], re.IGNORECASE):
        return True
    tokens = [token for token in doc if start <= token.idx < end]
    root = next((t for t in tokens if not start <= t.head.idx < end or t.head.i == t.i), None)
    if root is None or root.head.i == root.i:
        return None
    token = root.head
    if root.dep_ in ("compound", "poss", "amod", "nmod", "nummod") and token.pos_ in ("NOUN", "PROPN"):
        return None  # the date of a thing ("the Jan. 14 deadline"), not of the verb's event
    for _step in range(6):
        if token.lemma_.lower() in _FUTURE_CUES and token.pos_ != "VERB":
            return None if _past(token.head) else True  # "payable Dec. 15", "due out in May"; "had been due"
        if token.pos_ == "ADJ":
            return None  # "created an office, effective Feb. 1": the verb's tense is not the date's
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if token.pos_ not in ("VERB", "AUX"):
        return None
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lemma_ in ("will", "shall", "would") or aux.lower_ in ("'ll", "wo") for aux in auxiliaries):
        return True
    governor = token.head if token.dep_ in ("xcomp", "ccomp") and token.head.i != token.i else None
    booked = root.head.lower_ == "for" and root.head.head.i == token.i  # "a summit set for April"
    booked |= token.dep_ == "acl" and any(child.lower_ == "for" for child in token.children)  # "set for Rome in May"
    scheduled = token.lemma_.lower() in _FUTURE_VERBS or (booked and token.lemma_.lower() in _FUTURE_CUES)
    if scheduled or (governor is not None and governor.lemma_.lower() in _FUTURE_CUES):
        return True
    if any(aux.tag_ == "MD" or aux.tag_ == "TO" for aux in auxiliaries):
        return None  # "must be returned by Jan. 14", "to be published in early November"
    if _past(token) or (token.tag_ == "VBN" and not auxiliaries):
        if _DEADLINE.search(doc.text[max(0, start - 16) : start]) or _DEADLINE_LEAD.match(doc.text[start:end]):
            # "postponed until Tuesday", "gave them until mid-November": a past act, a date to come
            return True if token.lemma_.lower() in _DEFERRING_VERBS else None
        return False  # "a letter published on Wednesday"
    return None


def _past(token: Token) -> bool:
    """Is the verb in a past tense ("published", "was published", "has risen", "had been")?"""
    auxiliaries = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    return token.tag_ == "VBD" or any(aux.tag_ == "VBD" or aux.lemma_ == "have" for aux in auxiliaries)


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


# Times of day ------------------------------------------------------------------------------------------------------


def _times_of_day(body: Body, found: list[_Found]) -> list[TimeExpression]:
    """A time of day takes its day from the text around it: "before dawn" is on the day of the date before it
    in the paragraph (or in its own sentence), "on the night of the grounding" on the day of the sentence that
    dated the grounding. One right next to its day ("at 10am on Friday") adds nothing and is left out; one
    with no day to take stays unresolved, with its words."""
    result: list[TimeExpression] = []
    days = [
        (number, item)
        for number, item in enumerate(found)
        if item.expression.start is not None
        and item.expression.start == item.expression.end
        and not _is_time_of_day(item.expression.text)
    ]
    for number, item in enumerate(found):
        expression = item.expression
        if not _is_time_of_day(expression.text):
            result.append(expression)
            continue
        event = EVENT.search(expression.text)
        source: TimeExpression | None
        if event:
            source = _event_day(body, event.group("event"), expression.sentence, (d for _, d in days))
            why = f"the {event.group('part').lower()} of the {event.group('event').lower()}"
        else:
            beside = [
                other for other in found if other.expression.sentence == expression.sentence and other is not item
            ]
            if any(_adjacent(body, item, other) for other in beside):
                continue  # "at 10am on Friday": the day is its own expression
            same = [d for _, d in days if d.expression.sentence == expression.sentence]
            earlier = [d for n, d in days if n < number and d.paragraph == item.paragraph]
            nearest = min(same, key=lambda d: abs(d.start - item.start)) if same else None
            source = nearest.expression if nearest else earlier[-1].expression if earlier else None
            why = "a time of day"
        if source is None:
            result.append(replace(expression, note=f"{why}: the text does not say which day"))
            continue
        confidence = typing.cast(Confidence, min(source.confidence, "medium", key=_CONFIDENCE_ORDER.index))
        note = f'{why}, on the day of "{source.text}" ({source.start.isoformat() if source.start else ""})'
        result.append(replace(expression, start=source.start, end=source.end, confidence=confidence, note=note))
    return result


def _adjacent(body: Body, item: _Found, other: _Found) -> bool:
    text = body.paragraphs[item.paragraph].doc.text
    gap = text[item.end : other.start] if other.start >= item.end else text[other.end : item.start]
    return other.paragraph == item.paragraph and re.fullmatch(r"\s*(?:on|of|,|at)?\s*", gap) is not None


def _event_day(body: Body, event: str, sentence: int, days: Iterable[_Found]) -> TimeExpression | None:
    """The date of the nearest sentence before `sentence` that tells of the event: a word sharing its stem
    ("the grounding": "ran aground ... in the early hours of March 2")."""
    stem = re.sub(r"(?:ings?|ions?|ments?|als?|ures?|s)$", "", event.lower())
    if len(stem) < 4:
        return None
    days = list(days)
    for number in range(sentence - 1, -1, -1):
        dated = [item.expression for item in days if item.expression.sentence == number]
        if dated and any(stem in token.lower_ for token in body.spans[number]):
            return dated[0]
    return None


def _is_time_of_day(text: str) -> bool:
    return any(pattern.fullmatch(text) for pattern in TIME_OF_DAY)
