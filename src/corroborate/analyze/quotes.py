"""Direct quotations and who said them.

Quotation marks are found on the text (after extraction every quote mark is ASCII), including a quotation
carried over into the next paragraph and single quotes inside double ones. The speaker is read off the
parse: the subject of the nearest verb of saying outside the quotation, resolved to a named entity when it
is a pronoun ("he wrote"), a title ("the president counselled") or a document ("the letter read"). A quote
with no such verb continues the one before it, or is attributed in the next sentence. When none of that
gives a name, the speaker is unknown: never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.entities import DOCUMENTS, PRONOUNS, EntityIndex, subject_of
from corroborate.analyze.references import Focus, phrase
from corroborate.models import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SPEECH_VERBS = frozenset({
    "say", "tell", "write", "add", "read", "state", "note", "declare", "warn", "ask", "reply", "respond", "insist",
    "argue", "claim", "explain", "acknowledge", "announce", "conclude", "continue", "counsel", "urge", "thank",
    "recall", "concede", "stress", "emphasise", "emphasize", "complain", "deny", "admit", "predict", "vow",
    "pledge", "promise", "suggest", "recount", "quote", "refer", "describe", "call", "comment", "observe", "remark",
    "tweet", "post", "assure", "accuse", "criticise", "criticize", "praise", "welcome", "confirm", "maintain",
    "contend", "testify", "caution", "plead", "demand",
})  # fmt: skip
UTTERANCES = frozenset(
    {
        "message",
        "word",
        "words",
        "statement",
        "comment",
        "remark",
        "reply",
        "response",
        "answer",
        "warning",
        "verdict",
        "promise",
        "pledge",
        "view",
        "line",
        "claim",
        "retort",
    }
)
SCARE_MAX_WORDS = 2
_SINGLE = re.compile(r"(?<![\w'])'(?=\w)([^'\n]{1,200}?[\w.,!?])'(?![\w])")


@dataclass
class QuoteSpan:
    """A quotation's place: paragraph, character offsets of its words (without the marks)."""

    paragraph: int
    start: int
    end: int
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (paragraph, start, end) per paragraph
    nested_in: int | None = None


def find_quotes(body: Body, index: EntityIndex, focus: Focus) -> list[Quote]:
    spans = _quote_spans(body)
    quotes: list[Quote] = []
    for number, span in enumerate(spans):
        text = " ".join(body.paragraphs[p].doc.text[s:e].strip() for p, s, e in span.pieces).strip().rstrip(",").strip()
        sentence = body.sentence_at(body.paragraphs[span.paragraph].offset + span.start)
        words = len(re.findall(r"\w+", text))
        if span.nested_in is not None:
            speaker, cue, written, how = _inner_speaker(body, focus, span, sentence)
            outer = quotes[span.nested_in] if span.nested_in < len(quotes) else None
            reporter = outer.speaker if outer and outer.speaker else "an unknown speaker"
            quotes.append(
                Quote(
                    text=text,
                    speaker=speaker,
                    cue=cue,
                    partial=not speaker,
                    scare=words <= SCARE_MAX_WORDS and not speaker,
                    sentence=sentence,
                    speaker_text=written,
                    how=f"quoted inside a quotation of {reporter}; {how}",
                )
            )
            continue
        partial = _is_partial(body, span)
        if words <= SCARE_MAX_WORDS and partial and not re.search(r"[.!?]$", text):
            quotes.append(  # scare quotes quote nobody, so they are not a fragment of anyone's words
                Quote(
                    text=text,
                    speaker=None,
                    cue=None,
                    partial=False,
                    scare=True,
                    sentence=sentence,
                    how="one or two words in quotation marks: nobody is quoted",
                )
            )
            continue
        speaker, cue, speaker_text, how = _attribute(body, index, focus, span, spans, number, quotes)
        quotes.append(
            Quote(
                text=text,
                speaker=speaker,
                cue=cue,
                partial=partial,
                scare=False,
                sentence=sentence,
                speaker_text=speaker_text,
                how=how,
            )
        )
    return quotes


def _quote_spans(body: Body) -> list[QuoteSpan]:
    """Double-quoted spans in text order, a quotation left open at a paragraph's end carried into the next
    paragraph when that one opens with a quotation mark; single-quoted spans inside and outside them."""
    spans: list[QuoteSpan] = []
    carried: QuoteSpan | None = None
    for paragraph in body.paragraphs:
        text = paragraph.doc.text
        marks = [match.start() for match in re.finditer('"', text)]
        if carried is not None and not text.startswith('"'):
            carried = None
        position = 0
        if carried is not None:
            closing = marks[1] if len(marks) > 1 else None
            end = closing if closing is not None else len(text)
            carried.pieces.append((paragraph.index, 1, end))
            if closing is None:
                continue
            carried = None
            marks = marks[2:]
            position = end + 1
        while len(marks) >= 2:
            opening, closing = marks[0], marks[1]
            spans.append(QuoteSpan(paragraph.index, opening + 1, closing, [(paragraph.index, opening + 1, closing)]))
            marks = marks[2:]
            position = closing + 1
        if marks and marks[0] >= position:
            span = QuoteSpan(paragraph.index, marks[0] + 1, len(text), [(paragraph.index, marks[0] + 1, len(text))])
            spans.append(span)
            carried = span
    return _with_single_quotes(body, spans)


def _with_single_quotes(body: Body, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    result: list[QuoteSpan] = []
    for paragraph in body.paragraphs:
        text = paragraph.doc.text
        in_paragraph = [span for span in doubles if span.paragraph == paragraph.index]
        inside = [piece for span in doubles for piece in span.pieces if piece[0] == paragraph.index]
        singles = []
        for match in _SINGLE.finditer(text):
            start, end = match.start(1), match.end(1)
            holder = next((i for i, piece in enumerate(inside) if piece[1] <= start and end <= piece[2]), None)
            singles.append((start, end, holder))
        merged = sorted(
            [(span.start, span) for span in in_paragraph]
            + [
                (
                    start,
                    QuoteSpan(
                        paragraph.index,
                        start,
                        end,
                        [(paragraph.index, start, end)],
                        nested_in=-1 if holder is not None else None,
                    ),
                )
                for start, end, holder in singles
            ],
            key=lambda item: item[0],
        )
        for _, span in merged:
            if span.nested_in == -1:
                outer = next(
                    (
                        i
                        for i in range(len(result) - 1, -1, -1)
                        if result[i].nested_in is None
                        and any(
                            p[0] == span.paragraph and p[1] <= span.start and span.end <= p[2] for p in result[i].pieces
                        )
                    ),
                    None,
                )
                span.nested_in = outer
            result.append(span)
    return result


def _inner_speaker(
    body: Body, focus: Focus, span: QuoteSpan, sentence: int
) -> tuple[str | None, str | None, str | None, str]:
    """Who speaks a quote inside a quote: the subject of the verb of saying before it, inside the outer
    quotation ("He said only 'we are aground'", he being the story's focus then)."""
    paragraph = body.paragraphs[span.paragraph]
    before = [
        t
        for t in paragraph.doc
        if t.idx < span.start - 1
        and t.sent.start
        == paragraph.doc[next(i for i, t2 in enumerate(paragraph.doc) if t2.idx >= span.start - 1)].sent.start
    ]
    verb = next((t for t in reversed(before) if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")), None)
    subject = subject_of(verb) if verb is not None else None
    if verb is None or subject is None:
        return None, None, None, "its speaker is not named"
    speaker = focus.resolve(subject, span.paragraph, focus.before(sentence), focus.authors_before(sentence))
    written = paragraph.doc.text[slice(*phrase(subject))]
    if speaker is None:
        return None, verb.text, written, f'"{written}" names no one the article identifies'
    return speaker, verb.text, written, f'"{written}" is {speaker}'


def _is_partial(body: Body, span: QuoteSpan) -> bool:
    """A fragment woven into the writer's sentence, not a quoted sentence of its own."""
    text = body.paragraphs[span.paragraph].doc.text
    before = text[: span.start - 1].rstrip()
    inner = text[span.start : span.end].strip()
    opens_sentence = not before or before.endswith((".", "!", "?", ":", '"'))
    after_attribution = before.endswith(",") and inner[:1].isupper()
    return not (opens_sentence or after_attribution) or (not inner[:1].isupper() and not opens_sentence)


def _attribute(
    body: Body,
    index: EntityIndex,
    focus: Focus,
    span: QuoteSpan,
    spans: list[QuoteSpan],
    number: int,
    quotes: list[Quote],
) -> tuple[str | None, str | None, str | None, str]:
    """(speaker, cue, speaker as written, how it was found) for one quotation."""
    for paragraph, start, end in span.pieces:
        cue = _speech_verb(body, paragraph, start, end, spans)
        if cue is not None:
            return _speaker_of(body, index, focus, cue, paragraph)
    last_paragraph, _, last_end = span.pieces[-1]
    sentence = body.sentence_at(body.paragraphs[last_paragraph].offset + last_end)
    following = sentence + 1
    if (
        following < len(body.spans)
        and body.sentences[following].paragraph == last_paragraph
        and '"' not in body.spans[following].text
    ):
        verb = next((t for t in body.spans[following] if t.pos_ == "VERB" and t.lemma_.lower() in SPEECH_VERBS), None)
        if verb is not None:
            speaker, said, written, _how = _speaker_of(body, index, focus, verb, last_paragraph)
            if speaker:
                return speaker, said, written, "attributed in the next sentence"
        for noun in body.spans[following]:  # "That was Graham Witcombe's message to investors."
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if noun.lemma_.lower() in UTTERANCES and owner is not None:
                speaker = focus.resolve(owner, last_paragraph, focus.before(following), {})
                if speaker:
                    return (
                        speaker,
                        noun.text,
                        noun.doc.text[slice(*phrase(owner))],
                        f'attributed in the next sentence: "{owner.text}\'s {noun.text}"',
                    )
    previous = _previous_attributed(quotes, spans, number, body)
    if previous is not None:
        return previous.speaker, previous.cue, previous.speaker_text, "continues the quotation before it"
    return None, None, None, "no attribution found"


def _speech_verb(body: Body, paragraph: int, start: int, end: int, spans: list[QuoteSpan]) -> Token | None:
    """The verb of saying nearest to a quotation, in its sentence, outside every quotation."""
    doc: Doc = body.paragraphs[paragraph].doc
    quoted = [(s, e) for span in spans for p, s, e in span.pieces if p == paragraph]
    sentence_start = body.spans[body.sentence_at(body.paragraphs[paragraph].offset + start)]
    sentence_end = body.spans[body.sentence_at(body.paragraphs[paragraph].offset + max(start, end - 1))]
    window = doc[sentence_start.start : sentence_end.end]
    candidates = [
        token
        for token in window
        if token.lemma_.lower() in SPEECH_VERBS
        and token.pos_ in ("VERB", "AUX")
        and not any(s <= token.idx < e for s, e in quoted)
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda token: min(abs(token.idx - start), abs(token.idx - end)))


def _speaker_of(
    body: Body, index: EntityIndex, focus: Focus, verb: Token, paragraph: int
) -> tuple[str | None, str | None, str | None, str]:
    subject = subject_of(verb)
    cue = verb.text
    if subject is None:
        return None, cue, None, f'"{cue}" has no subject'
    start, end = phrase(subject)
    written = verb.doc.text[start:end]
    sentence = body.sentence_of(subject, paragraph)
    speaker = focus.resolve(subject, paragraph, focus.before(sentence), focus.authors_before(sentence))
    if speaker is None:
        return None, cue, written, f'"{written}" names no one the article identifies'
    if subject.lower_ in PRONOUNS:
        how = f'"{written}" is {speaker}, the person the sentences before are about'
    elif subject.lemma_.lower() in DOCUMENTS:
        how = f'"{written}" is by {speaker}'
    elif index.name_at(paragraph, start, end) is None:
        how = f'"{written}" is {speaker}, by the title the article gave'
    else:
        how = "named"
    return speaker, cue, written, how


def _previous_attributed(quotes: list[Quote], spans: list[QuoteSpan], number: int, body: Body) -> Quote | None:
    """The quotation this one continues: an attributed one earlier in its paragraph or in the one before."""
    paragraph = spans[number].paragraph
    for earlier in range(len(quotes) - 1, -1, -1):
        quote, span = quotes[earlier], spans[earlier]
        if span.nested_in is not None or quote.scare:
            continue
        if span.pieces[-1][0] < paragraph - 1:
            return None
        if span.pieces[-1][0] == paragraph - 1 and not body.paragraphs[paragraph].doc.text.startswith('"'):
            return None
        return quote if quote.speaker else None
    return None
