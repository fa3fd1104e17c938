"""Direct quotations and who said them.

Quotation marks are found on the text (after extraction every quote mark is ASCII), including a quotation
carried over into the next paragraph and single quotes inside double ones. The speaker is read off the
parse, the constructions tried from the most to the least telling (speech.py finds each): a speech tag or a
colon beside the quotation (any verb will do there: "confessed", "scolded"), a name after a dash or a
transcript label, the nearest verb of saying in its sentence, the next sentence, the quotation it continues,
and, for a quotation standing alone as a sentence, the person the sentence before is about. The subject found
is resolved to a named entity when it is a pronoun ("he wrote"), a title ("the president counselled"), a
description ("the pontiff told") or a document ("the letter read") (references.py), or kept as written when it
is a surname the entity model missed ("Hannity said"). When none of that gives a name, the speaker is
unknown: never a guess ("a campaign aide said" names no one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corroborate.analyze import speech
from corroborate.analyze.body import Body
from corroborate.analyze.entities import DOCUMENTS, PRONOUNS, EntityIndex
from corroborate.analyze.references import Focus, indefinite, phrase, written_name
from corroborate.analyze.speech import SPEECH_VERBS, UTTERANCES, speech_verb, subject
from corroborate.models import Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["SPEECH_VERBS", "UTTERANCES", "find_quotes"]

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
        if carried is not None and (not text.startswith('"') or speech.label(text, 1, capitals=True)):
            carried = None  # a new speaker's label ("OKAFOR: ...") opens a new quotation
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
    verb = next((t for t in reversed(before) if speech_verb(t)), None)
    said_by = subject(verb) if verb is not None else None
    if verb is None or said_by is None:
        return None, None, None, "its speaker is not named"
    speaker = focus.resolve(said_by, span.paragraph, focus.before(sentence), focus.authors_before(sentence))
    written = paragraph.doc.text[slice(*phrase(said_by))]
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


Attribution = tuple[str | None, str | None, str | None, str]  # speaker, cue, speaker as written, how it was found


def _attribute(
    body: Body,
    index: EntityIndex,
    focus: Focus,
    span: QuoteSpan,
    spans: list[QuoteSpan],
    number: int,
    quotes: list[Quote],
) -> Attribution:
    """(speaker, cue, speaker as written, how it was found) for one quotation, the constructions tried from the
    most to the least telling: a speech tag or a colon beside it, a dash or a transcript label, a verb of saying
    in its sentence, the next sentence, the quotation it continues, the person the sentence before is about."""
    quoted = {p.index: speech.quoted_ranges(p.doc.text) for p in body.paragraphs}
    first_paragraph, first_start, _ = span.pieces[0]
    last_paragraph, _, last_end = span.pieces[-1]
    last_doc = body.paragraphs[last_paragraph].doc
    first_doc = body.paragraphs[first_paragraph].doc
    tags: list[tuple[Token | None, Token | None, int]] = []
    if last_doc.text[last_end : last_end + 1] == '"' and not _is_partial(body, span):  # a fragment hands over nothing
        tags.append((*(speech.tag_after(last_doc, last_end, quoted[last_paragraph]) or (None, None)), last_paragraph))
    tags.append(
        (*(speech.tag_before(first_doc, first_start, quoted[first_paragraph]) or (None, None)), first_paragraph)
    )
    if (
        first_start == 1
        and first_paragraph > 0
        and body.paragraphs[first_paragraph - 1].doc.text.rstrip().endswith(":")
    ):
        previous = body.paragraphs[first_paragraph - 1].doc  # "Okafor said:" closing the paragraph before
        found = speech.tag_before(previous, len(previous.text.rstrip()) + 1, quoted[first_paragraph - 1])
        tags.append((*(found or (None, None)), first_paragraph - 1))
    for verb, said_by, paragraph in tags:
        if said_by is None:
            continue
        attribution = _speaker_of(body, index, focus, verb, said_by, paragraph)
        if attribution[0] is not None or (verb is not None and speech_verb(verb)):
            return attribution
    named = _named_beside(body, index, focus, span)
    if named is not None:
        return named
    for paragraph, start, end in span.pieces:
        cue = _speech_verb(body, paragraph, start, end, spans)
        if cue is not None:
            said_by = subject(cue)
            if said_by is None:
                return None, cue.text, None, f'"{cue.text}" has no subject'
            return _speaker_of(body, index, focus, cue, said_by, paragraph)
    governed = _governing_clause(body, index, focus, span) if _is_partial(body, span) else None
    if governed is not None:
        return governed
    sentence = body.sentence_at(body.paragraphs[last_paragraph].offset + last_end)
    following = sentence + 1
    if (
        following < len(body.spans)
        and body.sentences[following].paragraph == last_paragraph
        and '"' not in body.spans[following].text
    ):
        verb = next((t for t in body.spans[following] if t.pos_ == "VERB" and speech_verb(t)), None)
        said_by = subject(verb) if verb is not None else None
        if verb is not None and said_by is not None:
            speaker, said, written, _how = _speaker_of(body, index, focus, verb, said_by, last_paragraph)
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
    previous_quote = _previous_attributed(quotes, spans, number, body)
    if previous_quote is not None:
        return (
            previous_quote.speaker,
            previous_quote.cue,
            previous_quote.speaker_text,
            "continues the quotation before it",
        )
    sentence = body.sentence_at(body.paragraphs[first_paragraph].offset + first_start)
    people = set(focus.about(sentence - 1))
    if len(people) == 1 and _opens_sentence_alone(body, span):
        (person,) = people  # "Valastro praised the governor. / "We need someone who gets things done.""
        return person, None, None, "the person the sentence before is about"
    return None, None, None, "no attribution found"


def _opens_sentence_alone(body: Body, span: QuoteSpan) -> bool:
    """Whether a quotation is a sentence of its own, opening it, with nothing of the writer's before it: words a
    story sets after a sentence about someone are that person's."""
    paragraph, start, _ = span.pieces[0]
    doc = body.paragraphs[paragraph].doc
    first = next((t for t in doc if t.idx >= start), None)
    if first is None or _is_partial(body, span):
        return False
    return all(t.is_punct or t.is_space for t in doc[first.sent.start : first.i])


def _named_beside(body: Body, index: EntityIndex, focus: Focus, span: QuoteSpan) -> Attribution | None:
    """A name after the quotation's dash (`"..." ― Maria Lind`, or a paragraph of its own: `― Lind.`), or a
    transcript label opening it (`"HOST: Let me ask you ...`, `LIND: ...`)."""
    last_paragraph, _, last_end = span.pieces[-1]
    text = body.paragraphs[last_paragraph].doc.text
    place = speech.dash_name(text, last_end) if text[last_end : last_end + 1] == '"' else None
    paragraph = last_paragraph
    if place is None and last_end >= len(text.rstrip()) - 1 and last_paragraph + 1 < len(body.paragraphs):
        following = body.paragraphs[last_paragraph + 1].doc.text
        if len(following.split()) <= 6 and following.lstrip()[:1] in (*speech.DASHES, "-"):
            place, paragraph = speech.dash_name(" " + following, 0), last_paragraph + 1
            place = (place[0] - 1, place[1] - 1) if place else None
    if place is not None:
        speaker = _name(body, index, focus, paragraph, *place)
        if speaker:
            written = body.paragraphs[paragraph].doc.text[slice(*place)]
            return speaker, None, written, f'named after a dash: "{written}"'
    first_paragraph, first_start, _ = span.pieces[0]
    text = body.paragraphs[first_paragraph].doc.text
    place = speech.label(text, first_start)
    if place is not None:
        speaker = _name(body, index, focus, first_paragraph, *place)
        if speaker:
            written = text[slice(*place)]
            return speaker, None, written, f'a transcript label: "{written}"'
    return None


def _governing_clause(body: Body, index: EntityIndex, focus: Focus, span: QuoteSpan) -> Attribution | None:
    """A fragment woven into a clause about a person is that person's words even when the verb is not one of saying:
    `Holt anticipated that the hardest part would be "finding the money"`, `Reyes rails against its "endless red
    tape"`. Titles in quotes ("Gone With the Wind") are left alone: every word capitalised."""
    paragraph, start, end = span.pieces[0]
    doc = body.paragraphs[paragraph].doc
    words = doc.text[start:end].split()
    if all(word[:1].isupper() for word in words if word[:1].isalpha()):
        return None
    inside = next((t for t in doc if t.idx >= start), None)
    if inside is None:
        return None
    for ancestor in inside.ancestors:
        if ancestor.idx >= start and ancestor.idx < end:
            continue
        if ancestor.pos_ not in ("VERB", "AUX"):
            continue
        said_by = subject(ancestor)
        if said_by is None:
            continue
        attribution = _speaker_of(body, index, focus, ancestor, said_by, paragraph)
        if attribution[0] is not None and index.is_person(attribution[0]):
            return attribution
        if said_by.pos_ in ("PRON", "PROPN") or attribution[0] is not None:
            return None  # the clause is someone's the article does not name: stop there
    return None


def _name(body: Body, index: EntityIndex, focus: Focus, paragraph: int, start: int, end: int) -> str | None:
    """The person or organisation written at a place: a name the article knows (a label in capitals matched on
    its surname, "RUIZ"), a title it gave someone ("HOST"), else a full name as written."""
    named = index.name_at(paragraph, start, end)
    if named and index.labels.get(named) in ("PERSON", "ORG", "NORP"):
        return named
    written = body.paragraphs[paragraph].doc.text[start:end].strip(" .,")
    words = written.split()
    by_surname = focus.by_surname(words[-1], paragraph, start) if words else None
    if by_surname:
        return by_surname
    role = index.person_for_role(written.lower(), set())
    if role:
        return role
    capitalised = [word for word in written.split() if word[:1].isupper() and not word.isupper()]
    span = body.paragraphs[paragraph].doc.char_span(start, end, alignment_mode="expand")
    tokens: list[Token] = list(span) if span is not None else []
    proper = all(token.pos_ == "PROPN" for token in tokens)
    if proper and len(capitalised) >= 2 and len(capitalised) == len(words):
        return written
    alone = len(tokens) == 1 and len(capitalised) == 1 and len(words) == 1
    return written_name(tokens[0]) if alone else None


def _speech_verb(body: Body, paragraph: int, start: int, end: int, spans: list[QuoteSpan]) -> Token | None:
    """The verb of saying nearest to a quotation, in its sentence, outside every quotation."""
    doc: Doc = body.paragraphs[paragraph].doc
    quoted = [(s, e) for span in spans for p, s, e in span.pieces if p == paragraph]
    sentence_start = body.spans[body.sentence_at(body.paragraphs[paragraph].offset + start)]
    sentence_end = body.spans[body.sentence_at(body.paragraphs[paragraph].offset + max(start, end - 1))]
    window = doc[sentence_start.start : sentence_end.end]
    candidates = [token for token in window if speech_verb(token) and not any(s <= token.idx < e for s, e in quoted)]
    if not candidates:
        return None
    return min(candidates, key=lambda token: min(abs(token.idx - start), abs(token.idx - end)))


def _speaker_of(
    body: Body, index: EntityIndex, focus: Focus, verb: Token | None, said_by: Token, paragraph: int
) -> Attribution:
    """Who the subject of a verb of saying is: a name, a pronoun or title resolved to one, or a proper name the
    entity model missed ("Viguerie notes")."""
    cue = verb.text if verb is not None else None
    start, end = phrase(said_by)
    written = said_by.doc.text[start:end]
    sentence = body.sentence_of(said_by, paragraph)
    speaker = focus.resolve(said_by, paragraph, focus.before(sentence), focus.authors_before(sentence))
    if (
        speaker is None
        and said_by.pos_ in ("PROPN", "NOUN", "VERB", "ADV", "ADJ")
        and said_by.text[:1].isupper()
        and not any(c.dep_ == "det" for c in said_by.children)
        and not indefinite(said_by)
    ):  # the small model tags "Pence" opening a sentence as a common noun, "said Skelly" as an adverb
        speaker = _name(body, index, focus, paragraph, *_proper_run(said_by))
    if speaker is None:
        return None, cue, written, f'"{written}" names no one the article identifies'
    if said_by.lower_ in PRONOUNS:
        how = f'"{written}" is {speaker}, the person the sentences before are about'
    elif said_by.lemma_.lower() in DOCUMENTS:
        how = f'"{written}" is by {speaker}'
    elif speaker in (said_by.text, written):  # a name as written, which the entity model missed
        how = "named"
    elif index.name_at(paragraph, start, end) is None and said_by.pos_ != "PROPN":
        how = f'"{written}" is {speaker}, by the title the article gave'
    else:
        how = "named"
    return speaker, cue, written, how


def _proper_run(token: Token) -> tuple[int, int]:
    """The characters of a proper name around its head: "Stan Pate" in "Luther Stan Pate said"."""
    first = token
    while first.i > 0 and first.doc[first.i - 1].pos_ in ("PROPN",) and first.doc[first.i - 1].head.i == token.i:
        first = first.doc[first.i - 1]
    return first.idx, token.idx + len(token.text)


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
