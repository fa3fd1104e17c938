"""The plain records that flow through the pipeline:

    RawDocument -> Article -> Reading -> Signature -> Story -> StoryReport -> Report
                                     (or a Failure, naming the input and why)

Every stage takes records and returns new ones; nothing is mutated on the way. Each record turns into
JSON-ready data with `to_dict` and back with `from_dict`, so a stage's output can be stored, shipped to a
Dask worker or compared in a test without knowing how it was made. Records refer to each other by stable
ids: an article's id comes from its canonical URL, or from its clean text when it has none; a story's from
the article that founded it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import types
import typing
import urllib.parse
from datetime import date
from typing import Any, Literal, TypeVar, get_args, get_origin

LineKind = Literal[
    "title",
    "standfirst",
    "subheading",
    "body",
    "caption",
    "photo_credit",
    "byline",
    "wire",
    "credit",
    "widget",
    "related_heading",
    "related_headline",
    "boilerplate",
]
LINE_KINDS: tuple[str, ...] = get_args(LineKind)
TEXT_KINDS = frozenset({"title", "standfirst", "subheading", "body"})
"""Kinds that make up the article's own text; captions are kept apart, everything else is noise."""


@dataclasses.dataclass(frozen=True)
class Given:
    """Metadata that came with an input (a JSON record's fields, a page's markup), before any reading."""

    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class RawDocument:
    """One input as read from disk or stdin: decoded text, and whether that text is HTML."""

    source: str
    text: str
    format: Literal["html", "text"]
    given: Given = Given()
    warnings: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Line:
    """One line of the text extraction worked on, with what it is and, for noise, why it was set apart."""

    text: str
    kind: LineKind
    why: str | None = None


@dataclasses.dataclass(frozen=True)
class Credit:
    """A person credited for the work, not a person of the story: photographer, writer, editor."""

    role: str
    name: str
    agency: str | None = None


@dataclasses.dataclass(frozen=True)
class DateEstimate:
    """A publication date inferred from the text, as a range, with the words it rests on."""

    earliest: date | None
    latest: date | None
    evidence: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Article:
    """A clean article: its own text, its captions, its metadata, and every line with its kind."""

    source: str
    title: str | None
    standfirst: str | None
    outlet: str | None
    wire: str | None
    authors: tuple[str, ...]
    credits: tuple[Credit, ...]
    dateline: str | None
    published: date | None
    published_estimate: DateEstimate | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    lines: tuple[Line, ...]
    url: str | None = None
    language: str | None = None
    warnings: tuple[str, ...] = ()
    id: str = ""
    """Stable across runs and machines: from the canonical URL when known, else from the clean text."""

    def __post_init__(self) -> None:
        if not self.id:
            object.__setattr__(self, "id", article_id(self.url, self.text))

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions are read against: the publication date, else its earliest bound."""
        if self.published is not None:
            return self.published
        if self.published_estimate is not None:
            return self.published_estimate.earliest
        return None


def article_id(url: str | None, text: str) -> str:
    """The id of an article: the same page fetched twice, or the same text saved twice, gets the same id."""
    key = f"url:{canonical_url(url)}" if url and canonical_url(url) else "text:" + " ".join(text.split())
    return "a" + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:15]


_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "smid")


def canonical_url(url: str) -> str | None:
    """`url` without what varies between two links to one page: scheme case, host case, `www.`, the fragment,
    tracking parameters, a trailing slash; None when it is not an http(s) address."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    query = urllib.parse.urlencode(
        [
            (key, value)
            for key, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith(_TRACKING)
        ]
    )
    return urllib.parse.urlunsplit(("https", host, parts.path.rstrip("/") or "/", query, ""))


Record = TypeVar("Record")
Day = date
"""`date`, for records with a field of that name (TimelineEntry.date), where the name would hide the type."""


def to_dict(record: Any) -> Any:
    """JSON-ready data for a record: dates as ISO strings, tuples as lists, field order kept."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {field.name: to_dict(getattr(record, field.name)) for field in dataclasses.fields(record)}
    if isinstance(record, tuple | list):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    if isinstance(record, date):
        return record.isoformat()
    return record


def from_dict(cls: type[Record], data: Any) -> Record:
    """The record of type `cls` that `to_dict` turned into `data`."""
    return typing.cast(Record, _convert(cls, data))


def _convert(hint: Any, data: Any) -> Any:
    origin = get_origin(hint)
    if data is None:
        return None
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in get_args(hint) if arg is not type(None)]
        return _convert(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        (item_hint, *_rest) = get_args(hint)
        return tuple(_convert(item_hint, item) for item in data)
    if origin is list:
        return [_convert(get_args(hint)[0], item) for item in data]
    if origin is dict:
        _key_hint, value_hint = get_args(hint)
        return {key: _convert(value_hint, value) for key, value in data.items()}
    if hint is date:
        return date.fromisoformat(data)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints, known = _fields(hint)
        return hint(**{key: _convert(hints[key], value) for key, value in data.items() if key in known})
    return data


@functools.cache
def _fields(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A record type's field hints and the names its constructor takes: read once per type, not per record."""
    hints = typing.get_type_hints(cls)
    return hints, frozenset(field.name for field in dataclasses.fields(cls) if field.init)


# Stage 3, analyze: the reading of one article.


@dataclasses.dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its paragraph and character offsets into `Article.text`."""

    text: str
    paragraph: int
    start: int
    end: int


@dataclasses.dataclass(frozen=True)
class Entity:
    """A person, organisation or place, with every way the article writes it.

    `role` is "story" for the people and bodies the article is about, "credit" for those named only as its
    makers (reporters, photographers, editors).
    """

    name: str
    label: str
    mentions: tuple[str, ...]
    role: Literal["story", "credit"] = "story"


@dataclasses.dataclass(frozen=True)
class Quote:
    """A direct quotation: the exact words, who said them (None when the text does not tell) and how.

    `speaker_text` is the words that name the speaker as written ("he", "the letter", "a Cambodian official");
    `partial` marks a fragment woven into the writer's sentence; `scare` marks one or two words in quotes
    that nobody is quoted as saying ("regime change").
    """

    text: str
    speaker: str | None
    cue: str | None
    partial: bool
    scare: bool
    sentence: int
    speaker_text: str | None = None
    how: str | None = None


Confidence = Literal["exact", "high", "medium", "low", "unresolved"]
Kind = Literal["date", "duration", "recurrence", "present", "past", "future"]


@dataclasses.dataclass(frozen=True)
class TimeExpression:
    """A temporal expression resolved to a day or a range of days, with the words it came from.

    `kind` says what the words are: a "date" (a day or a range of days, when it can be resolved), a "duration"
    ("90 days", "the past two years": how long, not when), a "recurrence" ("annually", "each season": how often),
    or a reference with no date to the "present" ("now", "currently"), the "past" ("at the time", "recently")
    or the "future" ("in the future"). Only a date has a `start` and an `end`; the others have neither, and the
    confidence "unresolved".
    `confidence` is "exact" (a full date), "high" (day and month, year from the article), "medium" (relative
    to the publication date), "low" (vague, or resolved against an estimated date) or "unresolved".
    `anchor` is what the date dates ("election" in "last July's election", "released" in "was released
    earlier this month"), `owner` whose it is ("Hun Sen" for "a letter from Hun Sen dated Nov. 26"), and
    `future` whether the text speaks of something still to come (True), of what has happened (False), or does
    not say (None: a date given without a year, such as "Dec. 15", is then the nearest such day).
    """

    text: str
    start: date | None
    end: date | None
    confidence: Confidence
    sentence: int
    note: str = ""
    anchor: str | None = None
    owner: str | None = None
    future: bool | None = False
    kind: Kind = "date"


@dataclasses.dataclass(frozen=True)
class Figure:
    """A number with what it counts: "nearly $10bn" is about 10,000,000,000 USD.

    `bound` says how the number relates to the truth: "exact", "about", "at least" or "at most"; `approx`
    is true for all but "exact".
    """

    text: str
    value: float
    unit: str
    approx: bool
    bound: Literal["exact", "about", "at least", "at most"]
    what: str | None
    sentence: int


@dataclasses.dataclass(frozen=True)
class Claim:
    """One checkable statement of the body (who did what, when, how many), tied to its sentence.

    `entities`, `dates` and `figures` name what the claim mentions: entity names, and the texts of its time
    expressions and figures, as listed in the same reading. An `aside` is a fact told in passing between
    commas ("Hun Sen, in power for 34 years, ..."), not a clause of its own.
    """

    text: str
    sentence: int
    entities: tuple[str, ...]
    dates: tuple[str, ...]
    figures: tuple[str, ...]
    subject: str | None = None
    aside: bool = False


@dataclasses.dataclass(frozen=True)
class Reading:
    """An article and what the analysis read in it. `analysed` is false, with `note` saying why, when the
    article could not be read (today: any language but English)."""

    article: Article
    analysed: bool
    note: str | None
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def id(self) -> str:
        return self.article.id

    def to_dict(self) -> dict[str, Any]:
        """The extract object, extended with the reading's fields (one flat JSON object per article)."""
        data = to_dict(self.article)
        for field in dataclasses.fields(self):
            if field.name != "article":
                data[field.name] = to_dict(getattr(self, field.name))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reading:
        article_fields = {field.name for field in dataclasses.fields(Article)}
        article = from_dict(Article, {key: value for key, value in data.items() if key in article_fields})
        rest = {key: value for key, value in data.items() if key not in article_fields}
        return from_dict(cls, {**rest, "article": to_dict(article)})


@dataclasses.dataclass(frozen=True)
class Failure:
    """An input, or one article of it, that the pipeline could not use: which one, at which stage, and why.

    `source` names the input as the user gave it (a path, `path#3` for a JSON record, a URL); `reason` is one
    line for people. A failure never stops the rest of a batch.
    """

    source: str
    stage: Literal["ingest", "extract", "analyze", "group"]
    reason: str


# Stage 4, group: the small signature of an article that grouping works on, and the stories it finds.


@dataclasses.dataclass(frozen=True)
class WeightedKey:
    """A term, an entity or a year of an article or a story, and how much it tells about what it is about."""

    key: str
    weight: float


@dataclasses.dataclass(frozen=True)
class Signature:
    """What grouping needs of one article, and nothing more: small enough to keep for millions of articles.

    `minhash` (the hash values of word shingles, datasketch) and `shingles` (how many there were) find
    re-publications of one wire story. `terms` (the article's words weighted by how rare they are in English,
    a unit vector) say which event the article tells: who, what and where, in its own words; `published`,
    `earliest` and `latest` when. `entities` (its people, organisations and places) and `embedding` (empty
    when the model was unavailable) lead it to candidate stories. `days` are the days its text dates.
    """

    article: str
    source: str
    published: date | None
    earliest: date | None
    latest: date | None
    wire: str | None
    minhash: tuple[int, ...]
    shingles: int
    entities: tuple[WeightedKey, ...]
    terms: tuple[WeightedKey, ...]
    days: tuple[date, ...]
    embedding: tuple[float, ...]


@dataclasses.dataclass(frozen=True)
class StoryProfile:
    """What a story is about, summed over its articles: what a new article must fit to join it.

    `terms` is the sum of its articles' term vectors (the heaviest kept), so its direction is the story's
    centroid and adding or merging is exact arithmetic; `entities` sums their entities, which lead other stories
    to it when refining. `earliest` and `latest` bound the days its articles were published (None when none
    is dated): blocking looks for a new article's story among those whose days are near its own.
    """

    id: str
    size: int
    earliest: date | None
    latest: date | None
    entities: tuple[WeightedKey, ...]
    terms: tuple[WeightedKey, ...]

    @functools.cached_property
    def term_weights(self) -> dict[str, float]:
        """`terms` as a mapping, made once: fits and distances look terms up many times per article placed."""
        return {key.key: key.weight for key in self.terms}

    @functools.cached_property
    def term_norm(self) -> float:
        """The length of the term sum (the story's centroid times its size)."""
        return sum(key.weight * key.weight for key in self.terms) ** 0.5

    @functools.cached_property
    def heaviest_names(self) -> tuple[str, ...]:
        """The entities' keys, heaviest first, made once: grouping asks whether two stories share a name."""
        return tuple(key.key for key in sorted(self.entities, key=lambda key: (-key.weight, key.key)))

    @functools.cached_property
    def names(self) -> frozenset[str]:
        return frozenset(self.heaviest_names)


@dataclasses.dataclass(frozen=True)
class Placement:
    """Where grouping put one article: its story, and its source (the first article of the wire story it
    re-publishes, or itself); `fit` (0-1) is how well it fitted the story it joined (1.0 for a re-publication
    or the founder of a story)."""

    article: str
    story: str
    source: str
    new_story: bool
    fit: float


@dataclasses.dataclass(frozen=True)
class Story:
    """The articles that tell one event, by id, and their partition into independent sources: each inner tuple
    is one source, an article and its re-publications, the article that first joined it first."""

    id: str
    articles: tuple[str, ...]
    sources: tuple[tuple[str, ...], ...]


# Stages 4 and 5, group and compare: stories and what their sources establish.

SCHEMA_VERSION = "2.1"
DisagreementKind = Literal["quote_wording", "quote_speaker", "figure", "date", "name"]


@dataclasses.dataclass(frozen=True)
class Source:
    """An independent source of a story: one article, or every re-publication of the same wire story.

    `id` is its first article's id and names the source everywhere in a report (facts, claims, disagreements,
    quotations, timeline, brief); `name` is how people know it: that article's input path or URL.
    `articles` and `article_ids` list all its articles' inputs and ids; `paragraphs` is the clean text of its
    fullest article, `removed` the noise set apart from its articles.
    """

    id: str
    name: str
    articles: tuple[str, ...]
    article_ids: tuple[str, ...]
    title: str | None
    outlets: tuple[str, ...]
    wire: str | None
    authors: tuple[str, ...]
    published: date | None
    published_estimate: DateEstimate | None
    reference_date: date | None
    date_note: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[Line, ...]


@dataclasses.dataclass(frozen=True)
class Support:
    """A source's exact sentence behind a fact (`source` is the source's id, as everywhere in a report), and
    where it is: `sentence_index` numbers the sentences of the source's fullest article (from 0). The pair
    (source, sentence_index) names the claim across versions of a story, whatever its words."""

    source: str
    sentence: str
    sentence_index: int | None = None


@dataclasses.dataclass(frozen=True)
class Fact:
    """A claim that several sources make, in their own words, each with its supporting sentence. The first
    support is the source whose words `claim` is; `score` is the weakest alignment score within the fact."""

    claim: str
    support: tuple[Support, ...]
    score: float


@dataclasses.dataclass(frozen=True)
class SingleClaim:
    """A claim only one source makes."""

    source: str
    claim: str
    sentence: str


@dataclasses.dataclass(frozen=True)
class Side:
    """One source's words in a disagreement, a quotation's variants or a timeline entry, and the index of the
    sentence they are in (in the article they were read from; None in reports built by hand)."""

    source: str
    text: str
    sentence_index: int | None = None


@dataclasses.dataclass(frozen=True)
class Disagreement:
    """Sources that speak of the same thing and do not agree: both sides quoted, the kind, and why."""

    kind: DisagreementKind
    about: str
    sides: tuple[Side, ...]
    why: str


@dataclasses.dataclass(frozen=True)
class QuoteEntry:
    """One quotation, once, with the sources that carry it and each wording when they differ."""

    speaker: str | None
    text: str
    sources: tuple[str, ...]
    variants: tuple[Side, ...]


@dataclasses.dataclass(frozen=True)
class TimelineEntry:
    """A dated event of the story with its sources and the words each date came from."""

    date: Day
    end: Day
    event: str
    sources: tuple[str, ...]
    expressions: tuple[Side, ...]
    confidence: str


@dataclasses.dataclass(frozen=True)
class BriefSentence:
    """A sentence of the brief: the words of one source's claim (the first of `sources`), with every source
    that supports it."""

    text: str
    sources: tuple[str, ...]
    corroborated: bool


@dataclasses.dataclass(frozen=True)
class StoryReport:
    """Everything the report says of one story (`id` is the story's id, stable while its articles stay)."""

    id: str
    title: str
    sources: tuple[Source, ...]
    corroborated: tuple[Fact, ...]
    single_source: tuple[SingleClaim, ...]
    disagreements: tuple[Disagreement, ...]
    quotes: tuple[QuoteEntry, ...]
    timeline: tuple[TimelineEntry, ...]
    brief: tuple[BriefSentence, ...]
    notes: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Report:
    schema_version: str
    stories: tuple[StoryReport, ...]
    notes: tuple[str, ...] = ()


# The library: what adding articles tells, and what listing stories shows.


@dataclasses.dataclass(frozen=True)
class Notice:
    """Something a user should know about an input that was still used: a repaired encoding, a short brief,
    an article in a language that is not analysed."""

    source: str
    message: str


@dataclasses.dataclass(frozen=True)
class Duplicate:
    """An input whose article the library already holds (the same URL, or the same clean text): kept once."""

    source: str
    article: str
    story: str | None


@dataclasses.dataclass(frozen=True)
class StoryFilter:
    """Which stories a listing keeps: those whose articles' dates reach into `since`..`until` (publication dates,
    or for articles without one the earliest day their text allows), that have an article from `outlet` (its
    outlet or wire, ignoring ASCII case), at least `min_sources` sources, and with `disputed`, a disagreement in
    their kept report."""

    since: date | None = None
    until: date | None = None
    outlet: str = ""
    min_sources: int = 0
    disputed: bool = False


@dataclasses.dataclass(frozen=True)
class StorySummary:
    """A story as the library lists it: what it is, how many sources tell it, when, and where it was found.
    `earliest` and `latest` bound its articles' publication dates, or, for articles without one, the earliest
    day their text allows (`estimated` says so). `matches` holds, for a search, the titles of the story's
    articles that match it. `corroborated` and `disagreements` count the facts and disagreements of its kept
    report (None until the story is first reported)."""

    id: str
    title: str | None
    articles: int
    sources: int
    outlets: tuple[str, ...]
    earliest: date | None
    latest: date | None
    estimated: bool
    updated: str
    matches: tuple[str, ...] = ()
    corroborated: int | None = None
    disagreements: int | None = None
