"""Which stories a list shows: the library's own listing (newest first, or best match for a search), filtered
and cut into pages. The request's parameters are read here; the filters run in the library's SQL
(`StoryFilter`), so a page costs what it shows.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from corroborate.models import StoryFilter, StorySummary
from corroborate.store import Library

PAGE_SIZE = 20
MAX_PAGE = 10_000


class QueryError(ValueError):
    """A filter the user gave cannot be read; the message says which and how to write it."""


@dataclasses.dataclass(frozen=True)
class ListingParams:
    """The list's request parameters as typed (empty means unset): the page shows them back in its form, and
    `query` reads them. One record for the page and the API, so both take the same parameters."""

    search: str = ""
    since: str = ""
    until: str = ""
    outlet: str = ""
    sources: str = ""
    disagreements: str = ""
    page: str = ""

    def query(self) -> StoryQuery:
        return StoryQuery.parse(
            self.search, self.since, self.until, self.outlet, self.sources, self.page, self.disagreements
        )


@dataclasses.dataclass(frozen=True)
class StoryQuery:
    """What the user asked for: search words, filters and a page (1 is the first)."""

    search: str = ""
    since: date | None = None
    until: date | None = None
    outlet: str = ""
    min_sources: int = 0
    page: int = 1
    has_disagreements: bool = False

    @classmethod
    def parse(
        cls,
        search: str = "",
        since: str = "",
        until: str = "",
        outlet: str = "",
        sources: str = "",
        page: str = "",
        disagreements: str = "",
    ) -> StoryQuery:
        """The query from a request's parameters, as typed (empty means unset); a QueryError names a bad one."""
        return cls(
            search=search.strip(),
            since=_date("since", since),
            until=_date("until", until),
            outlet=outlet.strip(),
            min_sources=_count("sources", sources, 0, 10_000),
            page=_count("page", page, 1, MAX_PAGE) or 1,
            has_disagreements=_flag("disagreements", disagreements),
        )

    def params(self, **changes: object) -> dict[str, str]:
        """The query as request parameters (unset ones left out), with `changes` applied: for links to pages."""
        query = dataclasses.replace(self, **changes)  # type: ignore[arg-type]
        values = {
            "search": query.search,
            "since": query.since.isoformat() if query.since else "",
            "until": query.until.isoformat() if query.until else "",
            "outlet": query.outlet,
            "sources": str(query.min_sources) if query.min_sources else "",
            "disagreements": "1" if query.has_disagreements else "",
            "page": str(query.page) if query.page > 1 else "",
        }
        return {key: value for key, value in values.items() if value}

    def filters(self) -> StoryFilter:
        return StoryFilter(self.since, self.until, self.outlet, self.min_sources, self.has_disagreements)


@dataclasses.dataclass(frozen=True)
class StoryPage:
    stories: list[StorySummary]
    has_next: bool


def find_stories(library: Library, query: StoryQuery, size: int = PAGE_SIZE) -> StoryPage:
    """The page of stories the query asks for, in the library's order."""
    start = (query.page - 1) * size
    found = library.stories(query.search or None, limit=size + 1, offset=start, where=query.filters())
    return StoryPage(stories=found[:size], has_next=len(found) > size)  # one more than the page: a next page?


def _date(name: str, text: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise QueryError(f"{name}: {text!r} is not a date of the form YYYY-MM-DD") from None


FLAGS = {"": False, "0": False, "false": False, "off": False, "1": True, "true": True, "on": True, "yes": True}
"""How a yes/no filter may be written: a checked checkbox sends "on"."""


def _flag(name: str, text: str) -> bool:
    try:
        return FLAGS[text.strip().lower()]
    except KeyError:
        raise QueryError(f"{name}: {text[:40]!r} is not yes or no (write 1 or 0)") from None


def _count(name: str, text: str, low: int, high: int) -> int:
    if not text.strip():
        return low
    try:
        value = int(text.strip())
    except ValueError:
        raise QueryError(f"{name}: {text!r} is not a whole number") from None
    if not low <= value <= high:
        raise QueryError(f"{name}: {value} is out of range ({low} to {high})")
    return value
