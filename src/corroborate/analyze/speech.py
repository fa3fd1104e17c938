"""How news says who spoke: verbs of saying, speech tags, colons, dashes and transcript labels around a quotation.

A quotation's speaker is written in one of a few constructions, each read here off the parse:

- a speech tag beside it, `"...," Okafor confessed.`, `"...," scolded the judge.`, `Okafor agreed: "..."`:
  the construction itself says the verb reports speech, so any verb will do and no word list is needed;
- a verb of saying whose clause holds it, `Okafor warned that the plan was "dead on arrival"`: a word list
  (`SPEECH_VERBS`), since most verbs that take a clause do not report words;
- a name after a dash, `"..." ― Maria Lind`, or a transcript label before it, `HOST: Let me ask you ...`.

Quotations.py decides the order; this module only finds each construction.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from corroborate.analyze.entities import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Lemmas of verbs that report words when their clause or object holds a quotation. Checked against the cue
# verbs of direct quotations in PolNeAR's training split (the verbs it marks as cues of quoted content), with the
# ones that report no words there ("be", "have", "find") left out.
SPEECH_VERBS = frozenset("""
    say tell write add read state note declare warn ask reply respond insist argue claim explain acknowledge announce
    conclude continue counsel urge thank recall concede stress emphasise emphasize complain deny admit predict vow
    pledge promise suggest recount quote refer describe call comment observe remark tweet post assure accuse criticise
    criticize praise welcome confirm maintain contend testify caution plead demand agree confess scold elaborate
    exclaim gush deride counter retort quip joke boast brag lament muse scoff sneer shout yell scream whisper mutter
    proclaim assert allege charge point reiterate repeat report inform advise instruct beg implore blog text email
    retweet speak talk answer wonder question interject opine posit theorize theorise speculate surmise reason guess
    confide disclose reveal pronounce decree swear threaten alert remind reassure guarantee forecast propose recommend
    advocate appeal request grumble gripe whine moan protest object dispute contradict rebut refute dismiss slam blast
    attack condemn denounce decry lambaste mock taunt ridicule chide berate rebuke reprimand hail laud commend applaud
    congratulate greet apologize apologise clarify characterize characterise label dub term brand summarize summarise
    mention cite inquire enquire tout concur vent lash fire hit shoot push chime weigh riff pen publish headline
    caption sign message inscribe preach lecture recite sing chant
""".split())  # fmt: skip
# Nouns for what someone said: "That was Okafor's message to the unions."
UTTERANCES = frozenset(
    "message word words statement comment remark reply response answer warning verdict promise pledge view line "
    "claim retort".split()
)
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
DASHES = "—–―"
# The words of a noun phrase in a speech tag: what may stand between a quotation and its verb ("the city's
# police chief, Dana Ruiz,").
_PHRASE_POS = frozenset({"PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM", "PUNCT", "ADP", "CCONJ", "PART", "ADV", "SYM"})
_INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "dative", "oprd", "appos", "nsubjpass"})
_ENDS_TAG = frozenset({".", "!", "?", ";", ":", '"'})
_LABEL = re.compile(r"([A-Z][A-Za-z.'\-]*(?: [A-Z][A-Za-z.'\-]*){0,3}):\s")
_DASH_NAME = re.compile(rf"\s*[,.]?\s*(?:[{DASHES}]|--?)\s*(?=[A-Z])")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Where a paragraph's double-quoted words lie (marks excluded); a quotation still open at the end runs to it."""
    marks = [match.start() for match in re.finditer('"', text)]
    ranges = [(marks[i] + 1, marks[i + 1]) for i in range(0, len(marks) - 1, 2)]
    if len(marks) % 2:
        ranges.append((marks[-1] + 1, len(text)))
    return ranges


def is_quoted(token: Token, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= token.idx < end for start, end in ranges)


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that the parse makes the head of a clause with a subject: the
    small model tags "says" in `"...," Trump says of it.` as a plural noun, yet gives it "Trump" as its subject."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    return token.pos_ == "NOUN" and token.tag_ == "NNS" and any(child.dep_ == "nsubj" for child in token.children)


def speech_verb(token: Token) -> bool:
    """A verb of saying: "say", "tell", ..., and phrasal ones ("point out", "fire back", "go on")."""
    if not acts_as_verb(token):
        return False
    lemma = token.lemma_.lower()
    if lemma == "go":
        return any(child.dep_ == "prt" and child.lower_ == "on" for child in token.children)
    return lemma in SPEECH_VERBS


def subject(verb: Token) -> Token | None:
    """Who does what a verb says, looking past the clause it stands in: "who said" is the person the clause is
    about; "saying", "adding", "calling" in a participle clause have the subject of the verb they hang from; "a
    statement saying" is said by whoever gave the statement ("posted a statement saying ...")."""
    found = subject_of(verb)
    if found is not None:
        if found.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return found
    head = verb
    for _ in range(4):
        if head.dep_ not in ("advcl", "xcomp", "conj", "acl", "pcomp", "relcl", "prep") or head.head.i == head.i:
            return None
        parent = head.head
        if parent.pos_ in ("NOUN", "PROPN") and head.dep_ in ("acl", "relcl"):
            if parent.lemma_.lower() not in UTTERANCES and parent.lemma_.lower() not in _DOCUMENT_LIKE:
                return parent  # "a spokesman saying ...": the noun itself
            owner = next((child for child in parent.children if child.dep_ == "poss"), None)
            if owner is not None:
                return owner
            while parent.pos_ not in ("VERB", "AUX") and parent.head.i != parent.i:
                parent = parent.head
        parent = _reporting(parent)  # "X says Y took the money, insisting ...": the insisting is X's
        found = subject_of(parent) if parent.pos_ in ("VERB", "AUX") else None
        if found is not None:
            return verb.head.head if found.lower_ in RELATIVE_PRONOUNS and parent.dep_ == "relcl" else found
        head = parent
    return None


_DOCUMENT_LIKE = frozenset(
    "letter statement note email e-mail post tweet memo communique communiqué declaration speech release "
    "announcement report video ad advertisement interview op-ed editorial column essay book message".split()
)


def _reporting(verb: Token) -> Token:
    """The verb of saying whose reported clause `verb` stands in ("X says Y took the money and ..."), else `verb`."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "ccomp" and speech_verb(clause.head) else verb


def tag_after(doc: Doc, end: int, quoted: list[tuple[int, int]]) -> tuple[Token, Token | None] | None:
    """The speech tag right after a quotation whose closing mark is at character `end`: `"...," Okafor
    confessed`, `"...," scolded the judge`, `"...," Ruiz, who leads the inquiry, said Monday`. (verb, subject)"""
    text = doc.text
    if not (text[end - 1 : end] in (",", "!", "?", "-") or text[end - 1 : end] in DASHES) and not text[
        end + 1 :
    ].lstrip().startswith(","):
        return None  # only a comma (or ! and ?) hands a quotation over to its tag
    window = _window(doc, end + 1, forward=True, quoted=quoted)
    if not window:
        return None
    first = window[0]
    if first.pos_ == "VERB" and first.lemma_.lower() != "be":  # inverted: "said Okafor", "added a spokesman"
        found = subject_of(first) or next(
            (t for t in first.rights if t.dep_ in _INVERTED_DEPS and t.pos_ in ("PROPN", "NOUN", "PRON")), None
        )
        # a capitalised word is a name whatever its tag: the small model reads "said Skelly," as an adverb
        nominal = next((t for t in window[1:] if t.pos_ in ("PROPN", "NOUN", "PRON") or _capitalised(t)), None)
        while nominal is not None and nominal.dep_ == "compound" and nominal.head.i > nominal.i:
            nominal = nominal.head  # "said Jim Bopp, a member of ...": the parse may tie Bopp to anything
        if found is None and first.tag_ == "VBD" and nominal is not None and nominal.i == _after_determiners(first):
            found = nominal
        person = _first_person(window[1:])
        if person is not None and (found is None or found.ent_type_ != "PERSON"):
            found = person  # "said Air Force 1st Lt. Tyler Livingston": the parse makes "1st" the subject
        return first, found or subject(first)
    for position, token in enumerate(window):
        nested = _inside_clause(token, window)
        if token.dep_ in ("amod", "compound"):
            continue  # a participle as an adjective: "Texas-based", "newly elected"
        if acts_as_verb(token) and token.pos_ != "AUX" and token.lemma_.lower() != "be" and not nested:
            before = window[:position]
            if not all(
                t.pos_ in _PHRASE_POS or t.dep_ in ("amod", "compound") or _inside_clause(t, window) for t in before
            ):
                return None
            heads = [t for t in before if t.pos_ in ("PROPN", "NOUN", "PRON") and not _inside_clause(t, window)]
            if not heads:
                return None
            found = subject_of(token)
            if found is None or not window[0].i <= found.i < token.i:
                found = next((t for t in heads if t.head.i == token.i), None) or _last_of_first_phrase(heads)
            return token, found
        if token.pos_ in ("VERB", "AUX") and not nested:
            return None
    return None


def tag_before(doc: Doc, start: int, quoted: list[tuple[int, int]]) -> tuple[Token | None, Token] | None:
    """The clause that introduces a quotation opening at character `start` (its mark at `start - 1`) with a comma
    or a colon: `Okafor agreed: "..."`, `Holt scolded, "..."`, or a bare name before a colon, `Okafor: "..."`.
    (verb, or None for a bare name; subject)"""
    before = doc.text[: max(0, start - 1)].rstrip()
    if not before.endswith((",", ":")):
        return None
    window = _window(doc, len(before) - 1, forward=False, quoted=quoted)
    if not window:
        return None
    colon = before.endswith(":")  # "She is sure: ..." introduces words as well as "she said:" does
    verbs = [
        t
        for t in window
        if (t.pos_ == "VERB" or (colon and t.pos_ == "AUX" and t.dep_ == "ROOT"))
        and (colon or t.lemma_.lower() != "be")
        and not _inside_clause(t, window)
    ]
    if not verbs:
        if before.endswith(":") and len(window) <= 4 and all(t.pos_ in ("PROPN", "PUNCT") for t in window):
            return None, window[-1]  # "Okafor:", a name standing as a label
        return None
    verb = verbs[-1]
    if before.endswith(",") and not speech_verb(verb):
        objects = [child for child in verb.children if child.dep_ in ("dobj", "ccomp", "xcomp") and child.i > verb.i]
        subordinate = verb.dep_ not in ("ROOT", "conj", "parataxis") or any(c.dep_ == "mark" for c in verb.children)
        if objects or subordinate:
            return None  # "Holt left the room, ..." and "once the vote ends, ..." are no speech tags
    found = subject(verb)
    return (verb, found) if found is not None else None


def dash_name(text: str, end: int) -> tuple[int, int] | None:
    """Where the name after a quotation's dash lies: `"..." ― Maria Lind` (the closing mark at `end`)."""
    match = _DASH_NAME.match(text, end + 1)
    if not match:
        return None
    name = re.match(r"[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}", text[match.end() :])
    return (match.end(), match.end() + len(name.group())) if name else None


def label(text: str, start: int, capitals: bool = False) -> tuple[int, int] | None:
    """Where a transcript label lies: `HOST: Let me ask you` (a label opening the quotation at `start`, or the
    paragraph before the quotation's mark); `capitals`: only a label in capitals ("OKAFOR:"), as transcripts write
    them, not a title-case word that may open a sentence ("First: ...")."""
    for at in (start, 0):
        match = _LABEL.match(text, at)
        if not match or (capitals and not match.group(1).isupper()):
            continue
        if at == start or text[: start - 1].strip() == text[: match.end()].strip():
            return match.start(1), match.end(1)
    return None


def _window(doc: Doc, at: int, forward: bool, quoted: list[tuple[int, int]]) -> list[Token]:
    """The tokens of the clause beside a quotation mark at character `at`: up to the sentence's end, another
    quotation or a stop, the comma or colon next to the mark left out."""
    if forward:
        candidates = [t for t in doc if t.idx >= at]
    else:
        candidates = [t for t in reversed(doc) if t.idx + len(t.text) <= at + 1]
    tokens: list[Token] = []
    for number, token in enumerate(candidates):
        if number == 0 and token.text in (",", ":", '"'):
            continue
        if is_quoted(token, quoted) or token.text in _ENDS_TAG or token.text in DASHES:
            break
        if tokens and token.sent.start != tokens[0].sent.start:
            break
        tokens.append(token)
    return tokens if forward else list(reversed(tokens))


def _inside_clause(token: Token, window: list[Token]) -> bool:
    """Whether a token stands in a relative clause or an appositive within the window ("Ruiz, who leads the
    inquiry,")."""
    low, high = window[0].i, window[-1].i
    for ancestor in (token, *token.ancestors):
        if not low <= ancestor.i <= high:
            return False
        if ancestor.dep_ in ("relcl", "appos", "acl"):
            return True
    return False


def _after_determiners(verb: Token) -> int:
    """The index of the first word after a verb and the determiners, adjectives and names that open its noun phrase
    ("said a longtime adviser" -> adviser's first word is "a" ...): where an inverted tag's speaker starts."""
    position = verb.i + 1
    doc = verb.doc
    while position < len(doc) and doc[position].pos_ in ("DET", "ADJ", "NUM", "PUNCT") and doc[position].text != ",":
        position += 1
    while position + 1 < len(doc) and doc[position].dep_ == "compound":
        position += 1
    return position


def _first_person(tokens: list[Token]) -> Token | None:
    """The person whose name ends the noun phrase that opens `tokens` (up to a comma or a preposition), when a name
    ends it: "Air Force Lt. Tyler Livingston", not "a senior Cruz adviser" nor "a person close to the Clintons"."""
    phrase: list[Token] = []
    for token in tokens:
        if token.text == "," or token.pos_ in ("ADP", "VERB", "AUX") or token.dep_ in ("relcl", "acl", "appos"):
            break
        phrase.append(token)
    last = next((t for t in reversed(phrase) if not t.is_punct), None)
    return last if last is not None and last.ent_type_ == "PERSON" else None


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and token.pos_ not in ("DET", "PRON", "ADP", "CCONJ")


def _last_of_first_phrase(heads: list[Token]) -> Token:
    """The head word of the first noun phrase among `heads`: the last of a run of adjacent tokens."""
    last = heads[0]
    for token in heads[1:]:
        if token.i != last.i + 1:
            break
        last = token
    return last
