"""Who a subject stands for: "he", "the president", "the pontiff", "the letter", resolved to a named entity.

"he" and "she" mean the nearest person before them that they can mean: first someone made the subject earlier in
the same sentence, then the people the story made the subject of its sentences, latest first, skipping anyone the
article shows to be of the other gender (gender.py). Subjects inside quotation marks are the speaker's words, not
the story's, so they never become what the story is about; nor does someone whose words another reports ("Reyes
said that Brandt has conceded"). A surname the entity model missed counts as a person once the story has them speak
("says Acs"). A definite title ("the president") means the person the article gave that title; a description no
one was given ("the pontiff", "the head of the church") is read like a pronoun. A document ("the letter") means its
author. Quotations and claims both need this, so it lives here.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.analyze.entities import DOCUMENTS, PRONOUNS, EntityIndex
from corroborate.analyze.gender import Gender, genders, noun_gender, pronoun_gender
from corroborate.analyze.speech import is_quoted, quoted_ranges, speech_verb, subject

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

WRITING_VERBS = frozenset({"write", "send", "sign", "address"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# Nouns that describe one person of the story when it has already been named: "the pontiff said", "the head of
# the church said", "the billionaire told the crowd". Read on PolNeAR's training split, where these stand as the
# subject of a verb of saying after the person was named; titles the article gives someone ("the senator" after
# "Senator Ann Holt") are found from the article itself (EntityIndex.roles) and need not be here.
DESCRIPTIONS = frozenset("""
    pontiff pope president senator governor mayor candidate nominee billionaire businessman businesswoman mogul
    tycoon congressman congresswoman lawmaker leader chief head frontrunner front-runner host anchor star actor
    actress singer judge prosecutor chairman chairwoman director secretary minister premier chancellor king queen
    prince princess founder executive owner coach author pastor preacher bishop cardinal archbishop rabbi imam cleric
    monarch dictator hopeful contender challenger incumbent veteran speaker spokesman spokeswoman spokesperson
    president-elect nominee democrat republican independent senator-elect commander general admiral sheriff
    attorney lawyer businessman developer investor
""".split())  # fmt: skip


class Focus:
    """Who "he" and "she" are at each place: the people the story made its subjects, in text order."""

    def __init__(self, body: Body, index: EntityIndex) -> None:
        self.body = body
        self.index = index
        self.genders: dict[str, Gender] = genders(body, index)
        self.at: list[str | None] = []
        self.document_author: list[dict[str, str]] = []
        self.quoted = [quoted_ranges(paragraph.doc.text) for paragraph in body.paragraphs]
        self._subjects: list[tuple[int, int, str]] = []  # (paragraph, offset, person), in text order
        self.written: set[str] = set()  # speakers named only by a surname the entity model missed
        self.people: list[list[str]] = []  # the people each sentence is about, by sentence
        focus: str | None = None
        authors: dict[str, str] = {}
        for number, span in enumerate(body.spans):
            self.at.append(focus)
            self.document_author.append(dict(authors))
            self.people.append([])
            paragraph = body.sentences[number].paragraph
            for token in span:
                if token.lemma_.lower() in DOCUMENTS and token.pos_ == "NOUN":
                    author = self._author_of(token, paragraph, focus)
                    if author:
                        authors[token.lemma_.lower()] = author
            for told, speaks in self._told(span, paragraph):
                person = self.resolve(told, paragraph, focus, authors)
                if person is None and speaks:  # "says Acs": someone the entity model missed, by the surname
                    person = written_name(told)
                    if person:
                        self.written.add(person)
                if self.index.is_person(person) or person in self.written:
                    focus = person
                    self._subjects.append((paragraph, told.idx, str(person)))
                    self.people[-1].append(str(person))
                if person and told.head.lemma_.lower() in WRITING_VERBS:
                    authors["letter"] = person  # "Kavari wrote on Tuesday to Whitcombe": the letter is hers

    def _told(self, span: Span, paragraph: int) -> list[tuple[Token, bool]]:
        """Who a sentence is about, in text order: the subject of its main clause and whoever it has speak ("Trump,
        Sexton said, has ...": both), outside quotations; with whether they speak."""
        quoted = self.quoted[paragraph]
        told = [t for t in span if t.dep_ in ("nsubj", "nsubjpass") and not is_quoted(t, quoted)]
        main = next((t for t in told if t.head.dep_ == "ROOT"), None) or next(iter(told), None)
        found = {main.i: (main, False)} if main is not None else {}
        for token in span:
            reported = token.dep_ == "ccomp" and token.head.i != token.i  # "Dunwoody noted that Sanders has conceded"
            said_by = subject(token) if speech_verb(token) and not reported and not is_quoted(token, quoted) else None
            if said_by is not None and not is_quoted(said_by, quoted):
                found[said_by.i] = (said_by, True)
        return [found[i] for i in sorted(found)]

    def about(self, sentence: int) -> list[str]:
        """The people a sentence makes its subjects, outside quotations."""
        return self.people[sentence] if 0 <= sentence < len(self.people) else []

    def before(self, sentence: int) -> str | None:
        return self.at[sentence] if sentence < len(self.at) else None

    def authors_before(self, sentence: int) -> dict[str, str]:
        return self.document_author[sentence] if sentence < len(self.document_author) else {}

    def resolve(self, token: Token, paragraph: int, focus: str | None, authors: dict[str, str]) -> str | None:
        """The entity a subject token stands for, or None. `focus` is who the story was about before the token's
        sentence; a pronoun looks nearer, at the subjects before it in its own sentence, and skips people of the
        other gender."""
        named = self.index.name_at(paragraph, token.idx, token.idx + len(token.text))
        if named is None and token.pos_ == "PROPN":  # "Jr." after the name the model found
            around = self.index.name_at(paragraph, *phrase(token))
            # a person only: the organisation in "United Auto Workers Secretary-Treasurer Gary Casteel" is not him
            named = around if self.index.is_person(around) else None
        if named and _is_description(token, named):
            named = None  # "the Pontiff": a title in capitals, not a name
        if named and self.index.labels.get(named) == "NORP" and indefinite(token):
            return None  # "one senior Democrat", "a Republican involved in the planning": someone unnamed
        if named and (self.index.labels.get(named) in ("PERSON", "ORG", "GPE", "NORP")):
            return named
        if named is None and _may_be_a_surname(token):
            named = self.by_surname(token.text, paragraph, token.idx)
            if named:
                return named
        for appositive in (child for child in token.children if child.dep_ == "appos"):
            named = self.index.name_at(paragraph, appositive.idx, appositive.idx + len(appositive.text))
            if self.index.is_person(named):  # "The ship's master, Captain Rolando Magsino, radioed ..."
                return named
        lower = token.lower_
        if lower in PLURAL_PRONOUNS:
            return None  # "they" are several people or an organisation, never the one person of the story
        if lower in PRONOUNS:
            return self._nearest(token, paragraph, pronoun_gender(lower), focus)
        if token.lemma_.lower() in DOCUMENTS:
            return self._author_of(token, paragraph, focus) or authors.get(token.lemma_.lower())
        determiner = next((child.lower_ for child in token.children if child.dep_ in ("det", "poss")), None)
        if determiner == "the" and token.pos_ in ("NOUN", "PROPN"):
            modifiers = {child.text for child in token.children if child.dep_ in ("amod", "compound", "poss")}
            compound = next((c.lower_ for c in token.children if c.dep_ == "compound"), None)
            titled = (
                compound and self.index.person_for_role(f"{compound} {lower}", modifiers)
            ) or self.index.person_for_role(lower, modifiers)
            if titled or lower not in DESCRIPTIONS:
                return titled
            return self._nearest(token, paragraph, noun_gender(lower), focus)
        return None

    def by_surname(self, word: str, paragraph: int, start: int) -> str | None:
        """The person a bare surname means ("PENCE:", "Ebeling said"): the one person of the article with that
        surname, else the one of them written last before it. The small model often tags a surname that opens a
        sentence as a common noun and finds no name there."""
        surname = word.lower().removesuffix("'s").strip(".,:")
        full = [(name, label) for name, label in self.index.labels.items() if " " in name]
        matching = [name for name, label in full if label == "PERSON" and name.lower().split()[-1] == surname]
        if not matching:  # the entity model often calls a person an organisation ("Carly Fiorina" as ORG)
            matching = [name for name, label in full if label == "ORG" and name.lower().split()[-1] == surname]
        if len(matching) <= 1:
            return matching[0] if matching else None
        earlier = [
            (m.paragraph, m.start, self.index.by_key[m.key])
            for m in self.index.mentions
            if self.index.by_key.get(m.key) in matching and (m.paragraph, m.start) < (paragraph, start)
        ]
        return max(earlier)[2] if earlier else None

    def _nearest(self, token: Token, paragraph: int, gender: Gender | None, focus: str | None) -> str | None:
        """The nearest person before `token` it can mean: a subject earlier in its sentence, else the people the
        story was about, latest first; one of the other gender is skipped."""
        quoted = self.quoted[paragraph] if paragraph < len(self.quoted) else []
        earlier = [
            t
            for t in token.sent
            if t.i < token.i
            and t.dep_ in ("nsubj", "nsubjpass")
            and t.lower_ not in PRONOUNS
            and not is_quoted(t, quoted)
        ]
        for candidate in reversed(earlier):
            person = self.index.name_at(paragraph, *phrase(candidate))
            if self.index.is_person(person) and self._fits(str(person), gender):
                return person
        place = bisect.bisect_left(self._subjects, (paragraph, token.idx, ""))
        for _, _, person in reversed(self._subjects[:place]):
            if self._fits(person, gender):
                return person
        return focus if place == 0 and focus and self._fits(focus, gender) else None

    def _fits(self, person: str, gender: Gender | None) -> bool:
        known = self.genders.get(person)
        return gender is None or known is None or known == gender

    def owner_of(self, noun: Token, paragraph: int, sentence: int) -> str | None:
        """Whose thing a noun is: "his letter" is the letter of the sentence's subject (or of the story's
        focus), "Hun Sen's letter" and "a letter from Hun Sen" are Hun Sen's."""
        focus = self.before(sentence)
        clause = noun
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        subject = next(
            (t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in PRONOUNS), None
        )
        if subject is not None:
            named = self.index.name_at(paragraph, *phrase(subject))
            if self.index.is_person(named):
                focus = named
        return self._author_of(noun, paragraph, focus)

    def _author_of(self, document: Token, paragraph: int, focus: str | None) -> str | None:
        """Who wrote a document the text mentions: "Hun Sen's letter", "his letter", "a letter (dated ...) from X"."""
        holders = [document, *(child for child in document.children if child.dep_ == "acl")]
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "poss" and holder is document:
                    if child.lower_ in PRONOUNS:
                        return focus
                    return self.index.name_at(paragraph, *phrase(child))
                if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                    target = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if target is not None:
                        return self.index.name_at(paragraph, *phrase(target))
        if document.dep_ == "pobj" and document.head.lower_ == "in" and document.head.head.pos_ == "VERB":
            speaker = next((t for t in document.head.head.children if t.dep_ == "nsubj"), None)
            if speaker is not None:  # "Brannock said in a statement": the statement is Brannock's
                return self.resolve(speaker, paragraph, focus, {})
        return None


def phrase(token: Token) -> tuple[int, int]:
    """Character offsets of a noun phrase around its head token, clauses left out."""
    left = [t for t in token.subtree if t.i <= token.i]
    right = [t for t in token.subtree if t.i > token.i and t.dep_ not in ("relcl", "acl", "prep", "punct", "appos")]
    first = left[0] if left else token
    last = token
    for t in right:
        if t.i == last.i + 1:
            last = t
    return first.idx, last.idx + len(last.text)


def _is_description(token: Token, named: str) -> bool:
    """ "the Pontiff", "the President": a one-word title written in capitals after "the", which the entity model
    may take for a name."""
    return (
        len(named.split()) == 1
        and any(child.dep_ == "det" and child.lower_ == "the" for child in token.children)
        and token.lower_ in DESCRIPTIONS
    )


def written_name(token: Token) -> str | None:
    """A surname alone that the article never writes in full ("Hannity said", "says Acs"), as written: when the
    tagger reads it as a proper noun or a person, or when it is capitalised though it does not open its sentence
    (the small model tags "said Skelly" as an adverb). A plural ("Pollsters"), a group or a place ("Democrat",
    "Texas") and an indefinite ("one Republican") are no one's name."""
    if not _may_be_a_surname(token) or token.tag_ in ("NNS", "NNPS") or token.text.isupper() or indefinite(token):
        return None
    if token.ent_type_ not in ("", "PERSON", "ORG") or token.lower_ in PRONOUNS:
        return None
    opens = all(t.is_punct for t in token.doc[token.sent.start : token.i])
    return token.text if token.tag_ == "NNP" or token.ent_type_ == "PERSON" or not opens else None


def indefinite(token: Token) -> bool:
    """Whether a noun phrase is indefinite: "a Democrat", "one Republican", "another senior Democrat"."""
    return any(
        child.dep_ in ("det", "nummod") and child.lower_ in ("a", "an", "one", "another", "some")
        for child in token.children
    )


def _may_be_a_surname(token: Token) -> bool:
    """A capitalised word standing alone as a noun phrase, which the entity model did not read as a name."""
    return (
        token.text[:1].isupper()
        and token.pos_ in ("PROPN", "NOUN", "VERB", "ADV", "ADJ")
        and token.lower_ not in PRONOUNS
        and not any(child.dep_ in ("det", "poss", "amod") for child in token.children)
    )
