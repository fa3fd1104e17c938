"""Who wrote it (corroborate/extract/metadata.py): byline entries and page metadata cleaned into people, and what
names no person refused. Every name is invented."""

from __future__ import annotations

import pytest

from corroborate.extract.metadata import clean_author, find_authors
from corroborate.models import Line

# (as a byline or a page's metadata gives it, the person): the person, without what came with the name.
NAMES = [
    ("Pia Holm", "Pia Holm"),
    ("View all posts by Pia Holm", "Pia Holm"),
    ("Posted by Pia Holm", "Pia Holm"),
    ("Author: Pia Holm", "Pia Holm"),
    ("Tom Berg Games Editor", "Tom Berg"),
    ("Jane Roe, Senior Reporter", "Jane Roe"),
    ("Jane Roe, Harbour Correspondent", "Jane Roe"),
    ("Pia Holm Updated Jan 3, 2026", "Pia Holm"),
    ("Pia Holm Published: 3 January", "Pia Holm"),
    ("Anna Maria Lind July", "Anna Maria Lind"),
    ("Karl Venn May 26, 2025", "Karl Venn"),
    ("Pia Holm Edited by Marta Quist", "Pia Holm"),
    ("INES MOLL", "Ines Moll"),
    ("Ruth May", "Ruth May"),  # a month that is a name: one word would be left
    ("Our Editors", None),
    ("Editorial Staff", None),
    ("Staff Writer", None),
    ("Arts Reporter", None),
    ("Username", None),
    ("Follow Author", None),
    ("Reuters", None),
    ("The Associated Press", None),
    ("@saltbygazette", None),
    ("Why the harbour wall matters more than ever to the people of Saltby", None),
]


@pytest.mark.parametrize(("given", "person"), NAMES)
def test_an_author_entry_names_a_person_or_none(given: str, person: str | None) -> None:
    assert clean_author(given) == person


def test_bylines_give_their_people_once_in_order() -> None:
    lines = [
        Line("By Pia Holm and Karl Venn, Staff Writers", "byline", "byline"),
        Line("By Karl Venn", "byline", "byline"),
        Line("By Reuters", "byline", "byline"),
    ]
    assert find_authors(lines) == ("Pia Holm", "Karl Venn")
