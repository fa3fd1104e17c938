"""Temporal expressions, class by class: (text, the article's date, the words, what they resolve to).

Every sentence here is invented. A date is (start, end); a duration, a recurrence or a reference to the present,
past or future has its kind and no dates.
"""

from __future__ import annotations

from datetime import date

import pytest
from tests.records import article

from corroborate.analyze import analyze_one
from corroborate.analyze.dates import Reference, redate, resolve
from corroborate.models import Article, TimeExpression


def _article(text: str, published: date | None) -> Article:
    return article(*text.split("\n\n"), published=published, language="en")


def _dates(text: str, published: date | None) -> list[TimeExpression]:
    return list(analyze_one(_article(text, published)).dates)


def _one(text: str, published: date, words: str) -> TimeExpression:
    found = [expression for expression in _dates(text, published) if expression.text == words]
    assert found, f"{words!r} not found in {[e.text for e in _dates(text, published)]}"
    return found[-1]


def _span(expression: TimeExpression) -> tuple[str | None, str | None]:
    return (expression.start and expression.start.isoformat(), expression.end and expression.end.isoformat())


OCT_26_1989 = date(1989, 10, 26)  # a Thursday
NOV_27_2019 = date(2019, 11, 27)  # a Wednesday

DATES = [
    # Quarters and halves: the last quarter of that number to have begun, or the one a text of the future names.
    (
        "Profit at the brewer fell 8% in the third quarter.",
        OCT_26_1989,
        "the third quarter",
        "1989-07-01",
        "1989-09-30",
    ),
    ("Third-quarter sales rose 4% at the toy maker.", OCT_26_1989, "Third-quarter", "1989-07-01", "1989-09-30"),
    (
        "The chain expects to report a loss for the fourth quarter.",
        OCT_26_1989,
        "the fourth quarter",
        "1989-10-01",
        "1989-12-31",
    ),
    (
        "The miller will report its third-quarter results next week.",
        OCT_26_1989,
        "third-quarter",
        "1989-07-01",
        "1989-09-30",
    ),
    (
        "Orders slowed in the current quarter, the bakery said.",
        OCT_26_1989,
        "the current quarter",
        "1989-10-01",
        "1989-12-31",
    ),
    (
        "Margins should recover in the first half of 1990.",
        OCT_26_1989,
        "the first half of 1990",
        "1990-01-01",
        "1990-06-30",
    ),
    (
        "Shipments stalled in the first two quarters of 1990.",
        OCT_26_1989,
        "the first two quarters of 1990",
        "1990-01-01",
        "1990-06-30",
    ),
    (
        "The 1988 fourth quarter was the weakest in a decade.",
        OCT_26_1989,
        "The 1988 fourth quarter",
        "1988-10-01",
        "1988-12-31",
    ),
    # Dates counted from another date of the text.
    (
        "The ferry line earned $4 million in the third quarter. A year earlier it had lost $1 million.",
        OCT_26_1989,
        "A year earlier",
        "1988-07-01",
        "1988-09-30",
    ),
    (
        "Net income rose in the third quarter, compared with a loss in the year-ago quarter.",
        OCT_26_1989,
        "the year-ago quarter",
        "1988-07-01",
        "1988-09-30",
    ),
    (
        "Revenue grew 3% in the third quarter from $12 million a year ago.",
        OCT_26_1989,
        "a year ago",
        "1988-07-01",
        "1988-09-30",
    ),
    (
        "The mill opened in 1995. The following year it doubled its output.",
        NOV_27_2019,
        "The following year",
        "1996-01-01",
        "1996-12-31",
    ),
    (
        "The climbers reached the summit on March 3, 2001. Two days later they were back at the camp.",
        NOV_27_2019,
        "Two days later",
        "2001-03-05",
        "2001-03-05",
    ),
    (
        "The festival moved to the river bank in 2012, and that year it sold out.",
        NOV_27_2019,
        "that year",
        "2012-01-01",
        "2012-12-31",
    ),
    # Seasons.
    ("The reservoir ran dry last summer.", NOV_27_2019, "last summer", "2019-06-01", "2019-08-31"),
    ("Snow closed the pass this winter.", date(2020, 1, 15), "this winter", "2019-12-01", "2020-02-29"),
    ("The bridge was built in the spring of 2004.", NOV_27_2019, "the spring of 2004", "2004-03-01", "2004-05-31"),
    # A month named with "last", "this" or a preposition, May included.
    ("The council approved the budget last May.", NOV_27_2019, "last May", "2019-05-01", "2019-05-31"),
    ("The board met in June last year.", NOV_27_2019, "June last year", "2018-06-01", "2018-06-30"),
    # The end, beginning or middle of a period.
    ("The line should reopen by the end of the year.", NOV_27_2019, "the end of the year", "2019-09-01", "2019-12-31"),
    (
        "The plant will close at the beginning of next month.",
        NOV_27_2019,
        "the beginning of next month",
        "2019-12-01",
        "2019-12-10",
    ),
    # Centuries and spans of years.
    ("The chapel dates from the 12th century.", NOV_27_2019, "the 12th century", "1100-01-01", "1199-12-31"),
    (
        "Rail freight peaked early in the twentieth century.",
        NOV_27_2019,
        "the twentieth century",
        "1900-01-01",
        "1999-12-31",
    ),
    ("The club won the league in 1957-58.", NOV_27_2019, "1957-58", "1957-01-01", "1958-12-31"),
    # Years in words, as broadcast transcripts write them.
    (
        "The mill shut down in nineteen ninety-one.",
        date(1998, 2, 27),
        "nineteen ninety-one",
        "1991-01-01",
        "1991-12-31",
    ),
    (
        "The dam was finished in March nineteen eighty-four.",
        date(1998, 2, 27),
        "March nineteen eighty-four",
        "1984-03-01",
        "1984-03-31",
    ),
    (
        "Planners are already looking to the year two thousand.",
        date(1998, 2, 27),
        "the year two thousand",
        "2000-01-01",
        "2000-12-31",
    ),
    # "for the year": the year under discussion.
    ("For the year, the brewer's volume was flat.", OCT_26_1989, "the year", "1989-01-01", "1989-12-31"),
    ("In 1986 the mill lost money; for the year, output fell 9%.", OCT_26_1989, "the year", "1986-01-01", "1986-12-31"),
    ("Exports fell during 2009-2010.", NOV_27_2019, "2009-2010", "2009-01-01", "2010-12-31"),
    # What is to come: a date ahead of the article is not put in the year before.
    ("The co-operative declared a dividend payable Dec. 15.", date(2019, 11, 5), "Dec. 15", "2019-12-15", "2019-12-15"),
    ("The new tractor is due out in May.", date(2020, 3, 10), "May", "2020-05-01", "2020-05-31"),
    ("The minister will visit the harbour Thursday.", date(2019, 11, 25), "Thursday", "2019-11-28", "2019-11-28"),
    ("A summit set for April will discuss the dam.", date(2020, 3, 12), "April", "2020-04-01", "2020-04-30"),
    (
        "The guidelines are to be published in early November.",
        date(2019, 10, 30),
        "early November",
        "2019-11-01",
        "2019-11-10",
    ),
    (
        "A regional summit set for Lisbon in June will debate the quotas.",
        date(2020, 5, 4),
        "June",
        "2020-06-01",
        "2020-06-30",
    ),
    # A past act that defers to a date ("postponed until Tuesday") puts the date ahead; "stayed until" does not.
    ("The council postponed the vote until Tuesday.", date(2000, 3, 30), "Tuesday", "2000-04-04", "2000-04-04"),
    (
        "The regulator gave the bidder until mid-November to improve its offer.",
        date(1989, 10, 30),
        "mid-November",
        "1989-11-11",
        "1989-11-20",
    ),
    ("The ferry service ran until Tuesday.", date(2000, 3, 30), "Tuesday", "2000-03-28", "2000-03-28"),
    # ... and what has happened stays in the past.
    ("Sales in December rose 5%.", date(2020, 3, 10), "December", "2019-12-01", "2019-12-31"),
    ("The ferry sank on Tuesday, the coastguard said.", NOV_27_2019, "Tuesday", "2019-11-26", "2019-11-26"),
    ("The mayor said the market had closed on Dec. 15.", date(2019, 11, 5), "Dec. 15", "2018-12-15", "2018-12-15"),
    # "... ago" at the granularity of its unit: a year is known, not a day.
    ("The orchard was planted four years ago.", NOV_27_2019, "four years ago", "2015-01-01", "2015-12-31"),
    ("The road was resurfaced two months ago.", NOV_27_2019, "two months ago", "2019-09-01", "2019-09-30"),
    ("The warning came two weeks ago.", NOV_27_2019, "two weeks ago", "2019-11-11", "2019-11-17"),
    ("The storm hit three days ago.", NOV_27_2019, "three days ago", "2019-11-24", "2019-11-24"),
    (
        "The licence was renewed less than four months ago.",
        NOV_27_2019,
        "less than four months ago",
        "2019-07-27",
        "2019-11-27",
    ),
    # A weekday with its date pins the year; the weekend; parts of a day.
    ("The editorial ran on Saturday, April 25.", date(1998, 4, 24), "Saturday, April 25", "1998-04-25", "1998-04-25"),
    (
        "Traders squared their positions over the weekend.",
        date(1989, 10, 30),
        "the weekend",
        "1989-10-28",
        "1989-10-29",
    ),
    (
        "Shares were up 2 pence at mid-afternoon yesterday.",
        NOV_27_2019,
        "mid-afternoon yesterday",
        "2019-11-26",
        "2019-11-26",
    ),
]


@pytest.mark.parametrize(("text", "published", "words", "start", "end"), DATES, ids=[row[2] for row in DATES])
def test_dates(text: str, published: date, words: str, start: str, end: str) -> None:
    expression = _one(text, published, words)
    assert (expression.kind, *_span(expression)) == ("date", start, end), expression.note


NOT_DATES = [
    # Durations: how long, not when.
    ("The dispute has run for a decade.", "a decade", "duration"),
    ("The lab has 90 days to file its findings.", "90 days", "duration"),
    ("Prices doubled over the past two years.", "the past two years", "duration"),
    ("After a two-hour meeting the talks broke up.", "two-hour", "duration"),
    ("The rebels have held the town for years.", "years", "duration"),
    # Recurrences: how often.
    ("The fair is held annually on the common.", "annually", "recurrence"),
    ("The bus runs each season from the station.", "each season", "recurrence"),
    ("The choir rehearses every Wednesday.", "every Wednesday", "recurrence"),
    ("The port handles $2bn a year in cargo.", "a year", "recurrence"),
    # References to the present, the past or the future, with no date.
    ("The museum now opens on Sundays.", "now", "present"),
    ("The firm currently employs 300 people.", "currently", "present"),
    ("The mayor, who was abroad at the time, declined to comment.", "at the time", "past"),
    ("Rents have risen sharply in recent years.", "recent years", "past"),
    ("The mine closed several years ago.", "several years ago", "past"),
    ("The council may revisit the plan in the future.", "the future", "future"),
]


@pytest.mark.parametrize(("text", "words", "kind"), NOT_DATES, ids=[row[1] for row in NOT_DATES])
def test_durations_recurrences_and_references_have_a_kind_and_no_dates(text: str, words: str, kind: str) -> None:
    expression = _one(text, NOV_27_2019, words)
    assert (expression.kind, expression.start, expression.end, expression.confidence) == (
        kind,
        None,
        None,
        "unresolved",
    )


NO_EXPRESSION = [
    ("The tax break is for people 65 and older.", "65"),
    ("Maria Lopez, 35, runs the bakery on the square.", "35"),
    ("A 44-year-old fisherman was rescued off the point.", "44-year-old"),
    ("The index closed at 2082.1, down 4.5%.", "2082"),
    ("Jan Kowalski, the harbour master, said the crane had failed.", "Jan"),
    ("The farm sold nineteen hundred sheep last spring.", "nineteen hundred"),
    ("Some two thousand fans waited outside.", "two thousand"),
]


@pytest.mark.parametrize(("text", "number"), NO_EXPRESSION, ids=[row[1] for row in NO_EXPRESSION])
def test_ages_and_numbers_alone_are_not_dates(text: str, number: str) -> None:
    assert [e.text for e in _dates(text, NOV_27_2019) if number in e.text] == []


def test_resolving_words_again_counts_from_the_date_before_them() -> None:
    """The compare stage resolves an article's dates again against a story's date: `redate` goes through them in
    order, so "a year earlier" is still a year before the quarter just named; `resolve`, words alone, counts from
    the reference it is given."""
    expressions = _dates(
        "The ferry line earned $4 million in the third quarter. A year earlier it had lost $1 million.", None
    )
    again = redate(expressions, Reference(date(1990, 10, 25), estimated=True))
    assert [(e.text, *_span(e)) for e in again] == [
        ("the third quarter", "1990-07-01", "1990-09-30"),
        ("A year earlier", "1989-07-01", "1989-09-30"),
    ]
    alone = resolve("a year earlier", None, Reference(NOV_27_2019, estimated=False), 0)
    assert (_span(alone), alone.confidence) == (("2018-11-27", "2018-11-27"), "low")


def test_a_duration_is_kept_as_a_figure() -> None:
    reading = analyze_one(_article("The family has farmed the valley for 34 years.", NOV_27_2019))
    assert [(e.text, e.kind) for e in reading.dates] == [("34 years", "duration")]
    assert [(f.text, f.value, f.unit) for f in reading.figures] == [("34 years", 34, "years")]
