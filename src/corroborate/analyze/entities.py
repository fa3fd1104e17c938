"""The people, organisations and places of an article, each merged from all the ways it is written.

spaCy finds the mentions; this module decides which mentions are one entity: "Hun Sen", "Hun Sen's";
"Cambodian People's Party" and the abbreviation in brackets after it; "US", "U.S.", "the United States",
and "Washington" where it acts as the government. It also keeps what later stages need to resolve "he",
"the president" and "the letter" to a name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from corroborate.analyze.body import Body
from corroborate.models import Article, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "LAW"})
ALIASES = {  # keys lower-case, without dots: "U.S." is looked up as "us"
    **dict.fromkeys(["us", "usa", "united states", "united states of america", "america"], "United States"),
    **dict.fromkeys(["uk", "britain", "great britain", "united kingdom"], "United Kingdom"),
    **dict.fromkeys(["eu", "european union"], "European Union"),
    **dict.fromkeys(["un", "united nations"], "United Nations"),
    **dict.fromkeys(["uae", "united arab emirates"], "United Arab Emirates"),
}  # fmt: skip
# A capital that acts ("Washington has long criticised ...") stands for its country's government.
CAPITALS = {
    "washington": "United States", "beijing": "China", "moscow": "Russia", "london": "United Kingdom",
    "paris": "France", "berlin": "Germany", "tokyo": "Japan", "new delhi": "India", "seoul": "South Korea",
    "pyongyang": "North Korea", "tehran": "Iran", "kyiv": "Ukraine", "ankara": "Turkey", "canberra": "Australia",
    "ottawa": "Canada", "brussels": "European Union", "phnom penh": "Cambodia", "hanoi": "Vietnam",
    "bangkok": "Thailand", "jakarta": "Indonesia", "manila": "Philippines", "lisbon": "Portugal", "madrid": "Spain",
    "rome": "Italy", "athens": "Greece", "warsaw": "Poland", "ottawa's": "Canada",
}  # fmt: skip
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
DOCUMENTS = frozenset(
    {
        "letter",
        "statement",
        "message",
        "note",
        "email",
        "e-mail",
        "post",
        "tweet",
        "memo",
        "communique",
        "communiqué",
        "declaration",
        "speech",
        "release",
        "announcement",
        "report",
    }
)
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "they", "them", "their"})
_ABBREVIATION = re.compile(r"\(\s*([A-Z][A-Z&.\-]{1,9})\s*\)")
_NAME_BEFORE = re.compile(
    r"((?:[A-Z][\w'.-]*|of|for|and|the|de|du|la)(?:\s+(?:[A-Z][\w'.-]*|of|for|and|the|de|du|la))*)\s*$"
)


@dataclass
class Mention:
    text: str
    label: str
    paragraph: int
    start: int
    end: int
    key: str


@dataclass
class Role:
    person: str
    modifiers: frozenset[str]


@dataclass
class EntityIndex:
    """The merged entities of one article, and the lookups speaker resolution needs."""

    entities: list[Entity]
    mentions: list[Mention]
    by_key: dict[str, str]
    labels: dict[str, str]
    roles: dict[str, list[Role]] = field(default_factory=dict)
    counts: Counter[str] = field(default_factory=Counter)

    def name_at(self, paragraph: int, start: int, end: int) -> str | None:
        """The entity a span of a paragraph names (the longest mention overlapping it)."""
        best: Mention | None = None
        for mention in self.mentions:
            overlaps = mention.paragraph == paragraph and mention.start < end and start < mention.end
            if overlaps and (best is None or mention.end - mention.start > best.end - best.start):
                best = mention
        return self.by_key.get(best.key) if best else None

    def names_in(self, paragraph: int, start: int, end: int) -> list[str]:
        names = [self.by_key[m.key] for m in self.mentions if m.paragraph == paragraph and start <= m.start < end]
        return list(dict.fromkeys(names))

    def is_person(self, name: str | None) -> bool:
        return name is not None and self.labels.get(name) == "PERSON"

    def person_for_role(self, noun: str, modifiers: set[str]) -> str | None:
        """Who "the <noun>" is: the person the article gave that title, matched on its modifiers, else the
        most mentioned one ("The Cambodian leader" -> Hun Sen, "Cambodia's authoritarian leader")."""
        candidates = self.roles.get(noun.lower(), [])
        if not candidates:
            return None
        matching = [role for role in candidates if any(_related(m, r) for m in modifiers for r in role.modifiers)]
        pool = matching or candidates
        return max(pool, key=lambda role: self.counts[role.person]).person


def find_entities(article: Article, body: Body) -> EntityIndex:
    mentions = _mentions(body)
    by_key, labels = _merge(mentions)
    counts: Counter[str] = Counter(by_key[mention.key] for mention in mentions)
    forms: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        name = by_key[mention.key]
        if mention.text not in forms[name]:
            forms[name].append(mention.text)
    entities = [Entity(name=name, label=labels[name], mentions=tuple(forms[name]), role="story") for name in forms]
    story_names = {entity.name.lower() for entity in entities}
    credited = [*article.authors, *(credit.name for credit in article.credits)]
    for name in dict.fromkeys(credited):
        if name.lower() not in story_names:
            entities.append(Entity(name=name, label="PERSON", mentions=(name,), role="credit"))
    index = EntityIndex(entities=entities, mentions=mentions, by_key=by_key, labels=labels, counts=counts)
    index.roles = _roles(body, index)
    return index


def _mentions(body: Body) -> list[Mention]:
    mentions: list[Mention] = []
    for paragraph in body.paragraphs:
        doc = paragraph.doc
        for ent in doc.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            text = _clean(ent.text)
            if not text or not any(character.isupper() for character in text):
                continue
            mentions.append(Mention(text, ent.label_, paragraph.index, ent.start_char, ent.end_char, _key(text, ent)))
        mentions.extend(_abbreviations(doc.text, paragraph.index, mentions))
    return _with_surnames(body, mentions)


def _with_surnames(body: Body, mentions: list[Mention]) -> list[Mention]:
    """ "Kavari told reporters": a surname alone, which the model may miss, is a mention of the person
    named in full elsewhere in the article (when only one person has that surname)."""
    surnames: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        words = mention.text.split()
        if mention.label == "PERSON" and len(words) > 1:
            surnames[words[-1]].add(mention.key)
    covered = {(m.paragraph, m.start) for m in mentions}
    extra = []
    for paragraph in body.paragraphs:
        for token in paragraph.doc:
            keys = surnames.get(token.text.removesuffix("'s"))
            if (
                token.pos_ == "PROPN"
                and keys
                and len(keys) == 1
                and not any(m.paragraph == paragraph.index and m.start <= token.idx < m.end for m in mentions)
            ) and (paragraph.index, token.idx) not in covered:
                extra.append(
                    Mention(
                        token.text,
                        "PERSON",
                        paragraph.index,
                        token.idx,
                        token.idx + len(token.text),
                        next(iter(keys)),
                    )
                )
    return mentions + extra


def _key(text: str, ent: Span) -> str:
    lowered = text.lower()
    if lowered.replace(".", "") in ALIASES:
        return ALIASES[lowered.replace(".", "")].lower()
    if lowered in CAPITALS and ent.root.dep_ in ACTING_DEPS and ent.label_ == "GPE":
        return f"capital:{lowered}"
    return lowered


def _abbreviations(text: str, paragraph: int, mentions: list[Mention]) -> list[Mention]:
    """ "Cambodian People's Party (CCP)": the bracketed letters are another name of what comes before them."""
    found = []
    for match in _ABBREVIATION.finditer(text):
        before = next((m for m in mentions if m.paragraph == paragraph and 0 <= match.start() - m.end <= 2), None)
        if before is None:
            name = _NAME_BEFORE.search(text[: match.start()])
            if not name or sum(word[:1].isupper() for word in name.group(1).split()) < 2:
                continue
            long_text = name.group(1).removeprefix("the ").removeprefix("The ")
            before = Mention(
                long_text,
                "ORG",
                paragraph,
                match.start() - len(name.group(1)) - 1,
                match.start() - 1,
                long_text.lower(),
            )
            found.append(before)
        found.append(Mention(match.group(1), before.label, paragraph, match.start(1), match.end(1), before.key))
    return found


def _merge(mentions: list[Mention]) -> tuple[dict[str, str], dict[str, str]]:
    """Which key belongs to which entity name, and each entity's label."""
    abbreviations = {m.text.lower(): m.key for m in mentions if m.text.isupper() and m.key != m.text.lower()}
    for mention in mentions:
        if mention.key in abbreviations:
            mention.key = abbreviations[mention.key]
    keys_present = {mention.key for mention in mentions}
    for mention in mentions:
        if mention.key.startswith("capital:"):
            country = CAPITALS[mention.key.removeprefix("capital:")].lower()
            mention.key = country if country in keys_present else mention.text.lower()
    label_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        label_votes[mention.key][mention.label] += 1
    people = [key for key, votes in label_votes.items() if votes["PERSON"] and len(key.split()) > 1]
    bodies = [key for key, votes in label_votes.items() if votes["ORG"] and len(key.split()) > 1]
    target: dict[str, str] = {}
    for key in label_votes:
        words = key.split()
        containing = [person for person in people if person != key and _is_part_of_name(words, person.split())]
        if not containing and len(words) == 1:  # "Brannock" for "Brannock Shipping Lines"
            containing = [body for body in bodies if body.split()[0] == key]
        target[key] = containing[0] if len(containing) == 1 else key
    merged_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for key, votes in label_votes.items():
        merged_votes[target[key]].update(votes)
    names: dict[str, str] = {}
    for key in merged_votes:
        forms = [m.text for m in mentions if (target[m.key] == key and not m.text.isupper()) or m.key == key]
        canonical = next((value for value in ALIASES.values() if value.lower() == key), None)
        names[key] = canonical or max(forms, key=lambda form: (len(form.split()), len(form)))
    by_key = {key: names[target[key]] for key in label_votes}
    labels = {}
    for key, votes in merged_votes.items():
        label = "PERSON" if votes["PERSON"] and len(key.split()) > 1 else votes.most_common(1)[0][0]
        labels[names[key]] = label
    return by_key, labels


def _is_part_of_name(words: list[str], name: list[str]) -> bool:
    return len(words) < len(name) and all(word in name for word in words)


def _roles(body: Body, index: EntityIndex) -> dict[str, list[Role]]:
    """The titles the article gives people: "US President Donald Trump", "its leader, Kem Sokha"."""
    roles: dict[str, list[Role]] = defaultdict(list)
    for paragraph in body.paragraphs:
        for ent in paragraph.doc.ents:
            name = index.by_key.get(_clean(ent.text).lower())
            if (ent.label_ != "PERSON" and not index.is_person(name)) or name is None:
                continue
            root = ent.root
            titles = [t for t in root.lefts if t.dep_ == "compound" and t.i < ent.start and t.pos_ in ("NOUN", "PROPN")]
            context = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("poss", "amod", "compound")]
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                titles.append(root.head)
                context.extend(t for t in root.head.lefts if t.dep_ in ("poss", "amod", "compound"))
            modifiers = frozenset(t.text for t in context if t not in titles)
            for title in titles:
                role = Role(person=name, modifiers=modifiers)
                roles[title.lower_].append(role)
                if title.dep_ == "compound" and title.head.i == root.i and title.i > 0:
                    previous = title.doc[title.i - 1]
                    if previous.dep_ == "compound" and previous.pos_ == "PROPN" and previous.text[0].isupper():
                        roles[f"{previous.lower_} {title.lower_}"].append(role)
    return roles


def _related(word: str, other: str) -> bool:
    """ "Cambodian" and "Cambodia", "US" and "American" are related modifiers; "opposition" and "its" are not."""
    a, b = word.lower().strip("'s"), other.lower().strip("'s")
    if a in ("its", "his", "her", "their", "the") or b in ("its", "his", "her", "their", "the"):
        return False
    return a == b or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def _clean(text: str) -> str:
    text = re.sub(r"(?:'s|')$", "", text.strip(' ,;:"()[]'))
    if text.endswith(".") and not re.search(r"\b\w\.\w\.$", text):  # "U.S." keeps its dot, "Cambodia." does not
        text = text[:-1]
    return re.sub(r"^(?:the|The)\s+", "", text).strip()


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, following conjunctions ("... and later wrote")."""
    for candidate in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
            if child.dep_ == "agent":
                return next((grandchild for grandchild in child.children if grandchild.dep_ == "pobj"), None)
    return None
