"""When a page says it was published (corroborate/extract/dates.py, `stated_publication`): the date of a timestamp
that is not labelled as an update. Every timestamp is invented."""

from __future__ import annotations

from datetime import date

import pytest

from corroborate.extract.dates import stated_publication

# (timestamp or byline, publication date)
STAMPS = [
    ("Published January 1, 2026", date(2026, 1, 1)),
    ("Published January 1, 2026, 8:00 AM", date(2026, 1, 1)),
    ("Published January 1, 2026 · Updated January 3, 2026", date(2026, 1, 1)),
    ("Updated January 3, 2026; first published January 1, 2026", date(2026, 1, 1)),
    ("March 2, 2026 at 6:10 am Updated March 4, 2026 at 2:15 pm", date(2026, 3, 2)),
    ("By Pia Holm | 3 March 2026", date(2026, 3, 3)),
    ("Updated: Jan. 3, 2026", None),
    ("Last modified 2026-01-03", None),
    ("Posted on 2026-02-10 09:00", date(2026, 2, 10)),
]


@pytest.mark.parametrize(("stamp", "published"), STAMPS)
def test_the_publication_is_never_the_update(stamp: str, published: date | None) -> None:
    assert stated_publication(stamp) == published
