"""Figures: numbers with what they count, their unit and how exact they are.

"nearly $10bn" is about 10,000,000,000 USD; "all 125 parliamentary seats" is exactly 125 seats; "more than
three decades" is at least 30 years. The number and its qualifier come from the text, the thing counted
from the parse (the noun the number modifies). Numbers that are part of a date are dates, not figures.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Literal

from corroborate.analyze.body import Body
from corroborate.analyze.quotes import SPEECH_VERBS
from corroborate.models import Figure, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Token

Bound = Literal["exact", "about", "at least", "at most"]
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a thousand": 1000,
    "a dozen": 12, "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2_000_000, "half": 0.5,
}  # fmt: skip
VAGUE = {"dozens": "at least", "hundreds": "at least", "thousands": "at least", "millions": "at least"}
SCALES = {
    "bn": 1e9,
    "billion": 1e9,
    "b": 1e9,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "k": 1e3,
    "thousand": 1e3,
    "tn": 1e12,
    "trillion": 1e12,
}
CURRENCIES = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yuan": "CNY",
    "yen": "JPY",
    "riel": "KHR",
    "rupees": "INR",
}
BOUNDS: dict[str, Bound] = {
    **dict.fromkeys(["nearly", "almost", "about", "around", "roughly", "some", "approximately", "an estimated",
                     "close to", "estimated", "approx."], "about"),
    **dict.fromkeys(["more than", "over", "at least", "upwards of", "just over", "in excess of", "above"], "at least"),
    **dict.fromkeys(["less than", "under", "fewer than", "at most", "up to", "just under", "below"], "at most"),
}  # fmt: skip
MEASURES = {
    singular: f"{singular}s"
    for singular in (
        "metre", "meter", "kilometre", "kilometer", "centimetre", "centimeter", "millimetre", "millimeter", "mile",
        "yard", "tonne", "ton", "gallon", "litre", "liter", "ounce", "kilogram", "gram", "acre", "hectare", "storey",
        "megawatt", "kilowatt", "gigawatt", "watt", "volt", "degree", "megapixel", "knot",
    )
} | {"foot": "feet", "inch": "inches", "story": "stories"}  # fmt: skip
"""Units of measure as written in a compound adjective ("a 190-metre ship"), with the plural they stand for."""
TIME_UNITS = {
    "decade": ("years", 10),
    "decades": ("years", 10),
    "year": ("years", 1),
    "years": ("years", 1),
    "month": ("months", 1),
    "months": ("months", 1),
    "week": ("weeks", 1),
    "weeks": ("weeks", 1),
    "day": ("days", 1),
    "days": ("days", 1),
    "century": ("years", 100),
    "centuries": ("years", 100),
}
_TIME_UNIT = r"(?:decades?|centur(?:y|ies)|years?|months?|weeks?|days?)\b"
_BOUND = "|".join(sorted((re.escape(bound) for bound in BOUNDS), key=len, reverse=True))
_WORDS = "|".join(sorted((re.escape(word) for word in WORD_NUMBERS), key=len, reverse=True))
FIGURE = re.compile(
    rf"(?:\b(?P<bound>{_BOUND})\s+)?(?:\b(?P<all>all|every one of the|each of the|all of the)\s+)?"
    rf"(?P<currency>US\$|[$€£¥])?\s?"
    rf"(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{_WORDS})\b|\ban?\b(?=\s+{_TIME_UNIT}))"
    rf"(?!\d|(?:st|nd|rd|th)\b)"  # not "25th", an ordinal
    rf"(?:\s?(?P<scale>bn|billion|mn|million|trillion|tn|thousand|m|k|b)\b)?"
    rf"(?:\s?(?P<percent>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)


def find_figures(body: Body, dates: list[TimeExpression]) -> list[Figure]:
    figures: list[Figure] = []
    for paragraph in body.paragraphs:
        doc = paragraph.doc
        text = doc.text
        date_spans = _date_spans(body, paragraph.index, dates)
        for match in FIGURE.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in date_spans):
                continue
            figure = _figure(match, doc, body.sentence_at(paragraph.offset + start))
            if figure is not None:
                figures.append(figure)
    return figures


def _figure(match: re.Match[str], doc, sentence: int) -> Figure | None:
    number_text = match.group("number").lower()
    if number_text in ("a", "an") and not match.group("bound"):
        return None  # "more than a decade" is a figure; "a year" alone is mostly a rate ("$1bn a year")
    value = 1.0 if number_text in ("a", "an") else float(WORD_NUMBERS.get(number_text) or number_text.replace(",", ""))
    if not math.isfinite(value * 1e12):  # "999...9 dollars", 400 digits long: past what a float can count
        return None
    if match.group("scale"):
        scale = match.group("scale").lower()
        if scale in ("m", "b") and not match.group("currency"):
            return None  # "5m" is five metres as often as five million
        value *= SCALES[scale]
    bound: Bound = BOUNDS.get((match.group("bound") or "").lower(), VAGUE.get(number_text, "exact"))  # type: ignore[arg-type]
    token = _token_at(doc, match.end("number") - 1)
    if token is None or (token.ent_type_ in ("DATE", "TIME", "ORDINAL") and not _counts_time(token)):
        return None
    if number_text == "one" and _unnamed_speaker(token):
        return None  # "one port official said": a way of not naming a source, not a count
    currency_word = _currency_after(match, doc)
    unit, what = _unit(match, token, currency_word)
    if unit is None:
        return None
    if unit in ("decades", "centuries") or unit in TIME_UNITS:
        unit, factor = TIME_UNITS[unit]
        value *= factor
    elif unit in MEASURES and _hyphenated(token) and value != 1:
        unit = MEASURES[unit]  # "a 190-metre ship" is 190 metres long
    text = f"{match.group(0).strip()} {currency_word.text}" if currency_word else _with_counted_noun(match, token)
    return Figure(text=text, value=value, unit=unit, approx=bound != "exact", bound=bound, what=what, sentence=sentence)


def _currency_after(match: re.Match[str], doc) -> Token | None:
    """ "1.2 billion dollars": the currency named by the word after the number and its scale."""
    if match.group("currency") or match.group("percent"):
        return None
    last = _token_at(doc, match.end() - 1)
    following = doc[last.i + 1] if last is not None and last.i + 1 < len(doc) else None
    return following if following is not None and following.lower_ in CURRENCIES else None


def _unnamed_speaker(token: Token) -> bool:
    noun = token.head
    return (
        token.dep_ == "nummod"
        and noun.tag_ == "NN"
        and noun.dep_ == "nsubj"
        and noun.head.lemma_.lower() in SPEECH_VERBS
        and not any(child.dep_ == "prep" and child.lower_ == "of" for child in noun.children)
    )


def _strong(token: Token) -> Token | None:
    """ "a 23-strong crew": the number counts the noun that "strong" describes."""
    head = token.head
    if head.lower_ == "strong" and head.i == token.i + 2 and token.nbor(1).text == "-" and head.head.pos_ == "NOUN":
        return head.head
    return None


def _hyphenated(token: Token) -> bool:
    return token.i + 2 < len(token.doc) and token.nbor(1).text == "-" and token.head.i == token.i + 2


def _with_counted_noun(match: re.Match[str], token: Token) -> str:
    """The figure's words with the noun it counts when that follows closely: "all 125 parliamentary seats"."""
    text = match.group(0).strip()
    head = _strong(token) or token.head
    if match.group("currency") or match.group("percent"):
        return text
    counts = token.dep_ in ("nummod", "quantmod") or _strong(token) is not None
    if counts and head.i > token.i and head.i - token.i <= 4 and head.pos_ == "NOUN":
        doc = token.doc
        start = doc[token.i].idx + len(doc[token.i].text)
        return f"{text}{doc.text[start : head.idx + len(head.text)]}"
    return text


def _counts_time(token: Token) -> bool:
    """ "34 years", "three decades": spaCy calls them dates, but they are durations, which are figures."""
    head = token.head if token.dep_ in ("nummod", "quantmod") else token
    return head.lower_ in TIME_UNITS and not any(child.lower_ == "ago" for child in head.children)


def _unit(match: re.Match[str], token: Token, currency_word: Token | None) -> tuple[str | None, str | None]:
    """The unit and the thing counted: the currency, "percent", or the noun the number modifies."""
    head = token.head if token.dep_ in ("nummod", "quantmod", "compound", "amod") else token
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i != head.i and head.pos_ == "NUM":
        head = head.head
    head = _strong(token) or head
    if match.group("percent"):
        share = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in share.children if c.dep_ == "pobj"), None) if share is not None else None
        if whole is not None:  # "80 percent of Namibia's oysters"
            return "percent", _noun_phrase(whole)
        return "percent", _noun_phrase(head) if head.pos_ == "NOUN" and head.i != token.i else None
    currency = match.group("currency") or ""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if currency_word is not None:
        after = currency_word.lower_
    if currency or after in CURRENCIES:
        code = CURRENCIES.get(currency.lower() or after, "USD")
        thing = _worth(head)
        return code, thing
    if head.i == token.i or head.pos_ not in ("NOUN", "PROPN"):
        return None, None
    if head.lower_ in ("one", "ones") or (token.lower_ == "one" and head.pos_ != "NOUN"):
        return None, None
    return head.lower_, _what(head)


def _worth(head: Token) -> str | None:
    """ "$10bn worth of products": what the money is spent on, if the text says."""
    for token in head.subtree:
        if (token.lower_ == "of" and token.head.lower_ in ("worth", "value")) or (
            token.lower_ in ("for", "on") and token.head.i == head.i
        ):
            target = next((child for child in token.children if child.dep_ == "pobj"), None)
            if target is not None:
                return _noun_phrase(target)
    if head.pos_ == "NOUN" and head.lower_ not in ("bn", "billion", "million", "m"):
        return _noun_phrase(head)
    return None


def _what(noun: Token) -> str:
    """The counted thing, with the verb that governs it when there is one: "people employed", "seats won"."""
    phrase = _noun_phrase(noun)
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass", "attr") else None
    if verb is not None and verb.pos_ == "VERB":
        participle = verb.text if verb.tag_ in ("VBN", "VBD") else _participle(verb.lemma_)
        return f"{phrase} {participle}"
    holder = noun.head.head if noun.dep_ == "pobj" else None
    if holder is not None and holder.pos_ == "NOUN":
        context = (
            f"{holder.head.text} {holder.text}"
            if holder.dep_ == "pobj" and holder.head.dep_ == "prep"
            else f"of {holder.text}"
        )
        return context if noun.lower_ in TIME_UNITS else f"{phrase} {context}"  # "in power", "countries of friendship"
    return phrase


def _participle(lemma: str) -> str:
    if lemma.endswith("e"):
        return f"{lemma}d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return f"{lemma[:-1]}ied"
    return f"{lemma}ed"


def _noun_phrase(noun: Token) -> str:
    words = [noun]
    for token in reversed(list(noun.doc[max(0, noun.i - 4) : noun.i])):
        if token.dep_ not in ("amod", "compound") or token.pos_ == "NUM" or token.i not in {t.i for t in noun.subtree}:
            break
        if any(child.pos_ == "NUM" for child in token.children):
            break  # "23-strong": the figure itself, not what it counts
        words.insert(0, token)
    return (
        " ".join(t.text for t in words).lower()
        if all(t.text.islower() for t in words)
        else " ".join(t.text for t in words)
    )


def _token_at(doc, char: int):
    """The token holding the character at `char` (None on whitespace), found by spaCy's binary search."""
    span = doc.char_span(char, char + 1, alignment_mode="expand") if char >= 0 else None
    token = span[0] if span is not None and len(span) else None
    return token if token is not None and token.idx <= char < token.idx + len(token.text) else None


def _date_spans(body: Body, paragraph: int, dates: list[TimeExpression]) -> list[tuple[int, int]]:
    """Character spans, within the paragraph, of its dates (which hold numbers that are not figures)."""
    text = body.paragraphs[paragraph].doc.text
    spans = []
    for expression in dates:
        if expression.kind != "date" or body.sentences[expression.sentence].paragraph != paragraph:
            continue  # a duration ("34 years") is a figure too
        start = text.find(expression.text)
        while start != -1:
            spans.append((start, start + len(expression.text)))
            start = text.find(expression.text, start + 1)
    return spans
