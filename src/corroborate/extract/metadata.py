"""Who and where, read off the classified lines: wire agency, authors, credits, dateline.

The wire behind a story is not the agency of its photos: an AP story can carry a Reuters photo. So the
wire is read from the lines that speak for the story (dateline, byline, "Source: AP", the agency's
copyright), never from captions or photo credits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from corroborate.extract import patterns as p
from corroborate.models import Credit, Line

_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b|&)\s*")


@dataclass(frozen=True)
class Dateline:
    """The opening of a wire story: "PHNOM PENH (Reuters) - " gives the place, maybe a date and the agency."""

    place: str
    date_text: str | None
    agency: str | None
    length: int


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline that opens `paragraph`, if any."""
    match = p.DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match.group("place"))) < 3:
        return None
    agency = match.group("agency")
    if agency and p.wire_name(agency) is None:
        return None
    return Dateline(
        place=match.group("place").strip(),
        date_text=match.group("date"),
        agency=p.wire_name(agency) if agency else None,
        length=match.end(),
    )


def find_wire(lines: Sequence[Line], dateline: Dateline | None) -> str | None:
    """The agency the story comes from: its dateline, a "Source:" line, a byline, or its copyright notice."""
    if dateline and dateline.agency:
        return dateline.agency
    for line in lines:
        if line.kind == "wire":
            match = p.WIRE_LINE.match(line.text)
            named = (match.group("source") or match.group("agency")) if match else None
            if named and (agency := _agency_in(named)):
                return agency
            if copyright_match := p.WIRE_COPYRIGHT.search(line.text):
                return p.wire_name(copyright_match.group("agency"))
        if line.kind == "byline" and (match := p.BYLINE.match(line.text)):
            for name in _SPLIT_NAMES.split(match.group("names")):
                if agency := p.wire_name(name):
                    return agency
            if match.group("rest") and (agency := p.wire_name(match.group("rest"))):
                return agency
    return None


def find_outlet(lines: Sequence[Line]) -> str | None:
    """The publishing outlet when the text names it: "Source: Al Jazeera and news agencies", "© 2026 The Gazette"."""
    for line in lines:
        if line.kind == "wire" and (match := p.WIRE_LINE.match(line.text)) and match.group("source"):
            first = re.split(r"\s*(?:,|\band\b|&|/)\s*", match.group("source"))[0].strip(" .")
            if first and p.wire_name(first) is None and "agenc" not in first.lower():
                return first
        if line.kind == "boilerplate" and line.why == "copyright notice":
            match = p.OUTLET_COPYRIGHT.search(line.text)
            outlet = re.split(r"\.\s", match.group("outlet"))[0].strip(" .") if match else ""
            if outlet and p.wire_name(outlet) is None:
                return outlet
    return None


def find_authors(lines: Sequence[Line]) -> tuple[str, ...]:
    """The people of the byline, in order, without agencies ("By Reuters" names no author) or jobs ("Staff Writer")."""
    names: list[str] = []
    for line in lines:
        if line.kind == "byline" and (match := p.BYLINE.match(line.text)):
            names.extend(_SPLIT_NAMES.split(match.group("names")))
    return clean_authors(names)


def clean_authors(names: Iterable[str]) -> tuple[str, ...]:
    """Each name that names a person, cleaned (`clean_author`), once, in order."""
    people: list[str] = []
    for name in names:
        if (person := clean_author(name)) and person not in people:
            people.append(person)
    return tuple(people)


def clean_author(name: str) -> str | None:
    """The person `name` names, as a byline or a page's metadata gives it: "View all posts by Pia Holm", "Tom
    Berg Games Editor", "Anna Maria Lind July", "Pia Holm Edited by Marta Quist" each name one person,
    without the link's words, the job, the date or the editor. None for a team, a role, a form's label or an agency
    ("Our Editors", "Staff Writer", "Username", "Reuters")."""
    name = p.AUTHOR_PREFIX.sub("", " ".join(name.split()).strip(" .,;:|-"))
    if (tail := p.AUTHOR_TAIL.search(name)) and len(name[: tail.start()].split()) >= 2:
        name = name[: tail.start()]
    if job := p.JOB_WORDS.search(name):
        head = name[: job.start()]
        before = (head[: head.rindex(",")] if "," in head else head).split()  # "Pia Holm, Harbour Correspondent"
        while before and before[-1].lower().strip(",") in p.JOB_QUALIFIERS:
            before.pop()
        name = " ".join(before).strip(" ,") if len(before) >= 2 else ""
    name = name.strip(" .,;:|-")
    if (
        not name
        or not any(character.isalpha() for character in name)
        or p.NOT_A_PERSON.match(name)
        or p.wire_name(name) is not None
        or re.search(r"\d|@|https?:|www\.", name)
        or len(name.split()) > _NAME_WORDS
    ):
        return None
    return _title_case(name)


_NAME_WORDS = 5
"""A person's name as bylines write it runs up to five words ("Maria del Carmen Ruiz Lopez"); longer, it is a
sentence or a title that a page's metadata put in the author field."""


def find_credits(lines: Sequence[Line]) -> tuple[Credit, ...]:
    """Writing, reporting and editing credits, and the photographers of captions and photo credits."""
    credits: list[Credit] = []
    for line in lines:
        if line.kind == "credit":
            credits.extend(_work_credits(line.text))
        elif line.kind in ("caption", "photo_credit"):
            credits.extend(photo_credits(line.text))
    unique: dict[tuple[str, str], Credit] = {}
    for credit in credits:
        unique.setdefault((credit.role, credit.name), credit)
    return tuple(unique.values())


def _work_credits(text: str) -> list[Credit]:
    credits = []
    inner = text.strip().strip("()").strip()
    for match in p.CREDIT_PART.finditer(inner):
        role = match.group("role").lower().replace("written", "writing").replace("edited", "editing")
        for name in _SPLIT_NAMES.split(match.group("names")):
            name = re.sub(r"\s+(?:in|from|at)\s+[A-Z].*$", "", name).strip(" .)")
            if name and p.NAME_PART.fullmatch(name):
                credits.append(Credit(role=role, name=name))
    contributed = re.match(r"^(?:(?P<agency>.+?)\s+writers?\s+)?(?P<names>.+?)\s+contributed\b", inner)
    if not credits and contributed:
        for name in _SPLIT_NAMES.split(contributed.group("names")):
            name = name.strip(" .")
            if name and p.NAME_PART.fullmatch(name):
                agency = p.wire_name(contributed.group("agency") or "")
                credits.append(Credit(role="contributing", name=name, agency=agency))
    return credits


# A photographer's name: capitalised words, with the particles of names like "Leon van Wyk".
_PERSON = r"[A-Z][\w.'-]*(?:\s+(?:(?:van|von|de|der|den|da|du|la|le|al|bin|el)\s+)*[A-Z][\w.'-]*){0,3}"
_SLASH_CREDIT = re.compile(
    rf"(?P<agency>REUTERS|Reuters|AP Photo|AFP Photo|AFP|EPA-EFE|EPA|XINHUA|Xinhua|ANADOLU)\s*/\s*(?P<name>{_PERSON})"
)
_NAME_SLASH_AGENCY = re.compile(rf"(?P<name>{_PERSON})\s*(?:/|\bvia\b|\bfor\b)\s*(?P<agency>{p.PHOTO_AGENCIES})")
_LABELLED = re.compile(rf"(?i:photo|photograph|picture|image|credit)s?\s*(?i::|by)\s*(?P<name>{_PERSON})")
_NOT_A_NAME = re.compile(
    r"^(?:File(?: Photo)?|Photo|Handout|Pool|Staff|Reuters|AP|AFP|Getty Images|Supplied)$", re.IGNORECASE
)


def photo_credits(text: str) -> list[Credit]:
    """The photographers a caption or credit line names, each with the photo agency when given."""
    found: list[Credit] = []
    for pattern in (_SLASH_CREDIT, _NAME_SLASH_AGENCY, _LABELLED):
        for match in pattern.finditer(text):
            name = re.sub(r"^(?:File|Photo)\s*:\s*", "", match.group("name")).strip()
            if not name or _NOT_A_NAME.match(name):
                continue
            agency_text = match.groupdict().get("agency")
            agency = _photo_agency(agency_text) if agency_text else None
            if all(credit.name != name for credit in found):
                found.append(Credit(role="photo", name=name, agency=agency))
        if found:
            break
    return found


def strip_photo_credit(caption: str) -> str:
    """A caption without its trailing credit and "FILE PHOTO:" label: the words that describe the photo."""
    match = p.CAPTION_CREDIT.search(caption)
    text = caption[: match.start()] if match else caption
    text = p.CAPTION_START.sub("", text)
    return text.strip(" -–—|")


def _photo_agency(text: str) -> str:
    cleaned = re.sub(r"\s+Photo$", "", text.strip(), flags=re.IGNORECASE)
    return p.wire_name(cleaned) or cleaned


def _agency_in(text: str) -> str | None:
    match = p.AGENCY.search(text)
    return p.wire_name(match.group(0)) if match else None


def _title_case(name: str) -> str:
    """ "PRAK CHAN THUL" as "Prak Chan Thul"; names already in mixed case stay as written."""
    return name.title() if name.isupper() else name
