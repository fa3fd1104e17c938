"""Who said it: quotation speakers measured on real US political news, PolNeAR's training split.

PolNeAR (Newell, Margolin and Ruths, LREC 2018; https://github.com/networkdynamics/PolNeAR) is 1,008 articles from
seven US outlets about the 2016 campaign, every attribution annotated by hand as source, cue and content spans
(brat standoff files, character offsets into the article's text), with CoreNLP's automatic parse and coreference
beside them. The repository has no licence file; its accompanying software declares the MIT licence
(software/setup.py) and the data's terms are not stated, so the data is used here to measure, read where it lies
and never copied into this repository. Only the training split (840 articles) is read, for development and for the
figures reported: the dev and test splits are left unseen.

Gold direct quotations: every run of words between quotation marks (a quotation left open at a paragraph's end runs
to it) of at least three words (SCARE_MAX_WORDS: one or two words in quotes are scare quotes, which nobody is quoted
as saying), lying at least half inside an attribution's content. Its gold speaker is that attribution's source
span, read as names: the proper name at the head of the span ("Trump spokeswoman Hope Hicks" is Hope Hicks, "the
Clinton campaign" is nobody's name), else, for "he" or "the pontiff", the names of CoreNLP's coreference chain
through the span. Attributions whose source is not written ("Attribution-no-source") are gold quotations with no
speaker. An article annotated by several annotators is scored on the first annotator's file (sorted by id).

Our quotations: each article goes through the product's own stages (ingest as text, extract with the title and
publication date of PolNeAR's metadata, as a feed or a page would give them, so that the title line is set apart as
it is in real use, analyze); the spaCy docs are cached (`--cache`) so that a rerun only re-applies our rules.
A quotation of ours matches a gold one when one's words contain the other's (after normalising marks and case), the
nearest in the text when several do. Gold quotations in lines extraction sets apart (the title, captions) are
counted apart and left out of coverage: the analysis never sees them.

    speaker precision  of our quotations that name a speaker and match a gold quotation whose source the judge can
                       read (a name, or nobody named: "a campaign aide", counted wrong), the share whose speaker is
                       that source (same surname, and same first name when both give one)
    coverage           of gold quotations whose source names someone (written, or resolved by the judge), the share
                       we find with a speaker named: the quotations that have a speaker to find
    right coverage     of the same, the share we find with the right speaker
    any source         of all gold quotations with a source, the share we find with a speaker named: this counts as
                       missed the quotations whose source names nobody ("a campaign aide", which the analysis rightly
                       leaves unknown) or that the judge cannot resolve ("he" with no coreference to confirm it)
    no speaker         of our quotations (scare quotes left out), the share with no speaker

Where the data lies: `--data DIR` or $CORROBORATE_POLNEAR, default ../scratch/quotes/data beside the project; DIR
holds PolNeAR's `data/` folder as the repository has it, at least `train/text/`, `train/attributions/`,
`metadata.tsv` and, for coreference, `train/corenlp/`:

    git clone https://github.com/networkdynamics/PolNeAR /tmp/PolNeAR && cp -r /tmp/PolNeAR/data DIR

    .venv/bin/python bench/quotes.py                    # the figures, before and after
    .venv/bin/python bench/quotes.py --show wrong       # also every wrong speaker (missed, unknown: the others)
    .venv/bin/python bench/quotes.py --limit 100 --json out.json
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import describe_machine, machine  # noqa: E402

from corroborate.analyze.quotes import SCARE_MAX_WORDS  # noqa: E402
from corroborate.models import Article, Failure, Given, Quote, RawDocument  # noqa: E402

DATA = Path(os.environ.get("CORROBORATE_POLNEAR") or ROOT.parent / "scratch" / "quotes" / "data")
CACHE = Path(os.environ.get("CORROBORATE_QUOTES_CACHE") or ROOT.parent / "scratch" / "quotes" / "cache")
BEFORE = {  # bench/quotes.py on the code before the speaker work (quotes.py and references.py as in commit 31f329a),
    # same data, same extraction (the cached articles), same matching and judge; measured 2026-11-30
    "precision": 0.921,
    "precision_written": 0.965,
    "coverage": 0.825,
    "right_coverage": 0.779,
    "coverage_any": 0.768,
    "no_speaker": 0.280,
}
_WORD = re.compile(r"\w+")
_POINTING = frozenset(
    "he she they it i we you him her them his hers their its our my the this that these those who which".split()
)
_MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'"})


# Gold --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    source: str | None  # the source span as written; None when the attribution has none
    names: tuple[str, ...]  # the names the source stands for (empty: nobody named)
    nominal: bool = True  # whether the source span holds a noun or a pronoun at all

    @property
    def kind(self) -> str:
        """ "named" (a name written), "resolved" (pointing back to a name); "unresolved" when the source points back
        ("he", "the pontiff") and the judge cannot tell to whom, or when the annotation marks no noun as the source
        (a slip: the cue "said" marked as the source), both not judged; "anonymous" when it names nobody ("a
        campaign aide", "officials")."""
        first = _words(self.source or "")[:1]
        pointing = bool(first) and first[0] in _POINTING
        if not self.nominal:
            return "unresolved"
        if self.names:
            return "resolved" if pointing else "named"
        return "unresolved" if pointing else "anonymous"


@dataclass
class GoldArticle:
    name: str
    text: str
    published: date | None
    title: str | None
    quotes: list[GoldQuote] = field(default_factory=list)


@dataclass(frozen=True)
class Attribution:
    source: tuple[tuple[int, int], ...]
    content: tuple[tuple[int, int], ...]


def missing_data(data: Path) -> str | None:
    """Why the data cannot be read, saying how to get it; None when it is there."""
    needed = [data / "train" / "text", data / "train" / "attributions", data / "metadata.tsv"]
    absent = [str(path) for path in needed if not path.exists()]
    if not absent:
        return None
    return (
        f"PolNeAR is missing: {', '.join(absent)} not found. Put PolNeAR's data/ folder there "
        f"(git clone https://github.com/networkdynamics/PolNeAR and copy its data/ to {data}), "
        "or point --data or $CORROBORATE_POLNEAR at it"
    )


def load_split(data: Path, cache: Path, split: str = "train", limit: int | None = None) -> list[GoldArticle]:
    with (data / "metadata.tsv").open(encoding="utf-8") as handle:
        metadata = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    annotations: dict[str, Path] = {}
    for path in sorted((data / split / "attributions").glob("*.ann")):
        annotations.setdefault(path.stem.rsplit("_", 1)[0], path)
    articles = []
    for path in sorted((data / split / "text").glob("*.txt"))[:limit]:
        name = path.stem
        text = path.read_text(encoding="utf-8")
        row = metadata.get(name, {})
        published = date.fromisoformat(row["publication_date"]) if row.get("publication_date") else None
        article = GoldArticle(name, text, published, row.get("title"))
        parse = corenlp(data / split / "corenlp" / f"{name}.txt.xml", cache)
        attributions = read_brat(annotations[name]) if name in annotations else []
        article.quotes = gold_quotes(text, attributions, parse)
        articles.append(article)
    return articles


def read_brat(path: Path) -> list[Attribution]:
    """The attributions of a brat standoff file: `T` lines give spans ("Source 10 20;25 30"), `E` lines tie them."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if re.fullmatch(r"T\d+", parts[0]) and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            pieces = tuple((int(a), int(b)) for a, b in (piece.split() for piece in where.split(";")))
            spans[parts[0]] = (kind, pieces)
        elif re.fullmatch(r"E\d+", parts[0]) and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split() if ":" in role))
    attributions = []
    for event in events:
        source = spans.get(event.get("Source", ""), ("", ()))[1]
        content = tuple(
            piece for role in ("Content", "Content2") for piece in spans.get(event.get(role, ""), ("", ()))[1]
        )
        attributions.append(Attribution(source, content))
    return attributions


def quoted_runs(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the words between quotation marks, paragraph by paragraph; curly marks say which way they face,
    straight ones alternate; a quotation open at a paragraph's end runs to it."""
    for paragraph in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        for mark in re.finditer(r"[“”\"]", paragraph.group()):
            at = paragraph.start() + mark.start()
            closing = mark.group() == "”" or (mark.group() == '"' and opened is not None)
            if closing and opened is not None:
                yield opened, at
                opened = None
            elif not closing:
                opened = at + 1
        if opened is not None:
            yield opened, paragraph.end()


def gold_quotes(text: str, attributions: list[Attribution], parse: Parse) -> list[GoldQuote]:
    quotes = []
    sources = sorted(item.source for item in attributions if item.source)
    for start, end in quoted_runs(text):
        words = _words(text[start:end])
        if len(words) <= SCARE_MAX_WORDS:
            continue
        inside = [(sum(max(0, min(end, b) - max(start, a)) for a, b in item.content), item) for item in attributions]
        overlap, attribution = max(inside, key=lambda pair: pair[0], default=(0, None))
        if attribution is None or overlap * 2 < end - start:
            continue
        source = " ".join(text[a:b] for a, b in attribution.source) or None
        names = source_names(text, attribution.source, parse, sources) if source else ()
        spanned = [t for t in parse.tokens if attribution.source and _inside(t, attribution.source)]
        nominal = not spanned or any(t[2].startswith(("NN", "PRP", "CD", "WP", "DT")) for t in spanned)
        quotes.append(GoldQuote(start, end, text[start:end], source, names, nominal))
    return quotes


def _inside(token: tuple[int, int, str, str], pieces: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= token[0] and token[1] <= end for start, end in pieces)


@dataclass
class Parse:
    """CoreNLP's reading of one article, as PolNeAR ships it: tokens (offsets, part of speech, named-entity
    class) and coreference chains (each a list of the (start, end) offsets of its mentions)."""

    tokens: list[tuple[int, int, str, str]] = field(default_factory=list)
    chains: list[list[tuple[int, int]]] = field(default_factory=list)


def corenlp(path: Path, cache: Path) -> Parse:
    if not path.exists():
        return Parse()
    cached = cache / "corenlp" / f"{path.stem}.json"
    if cached.exists():
        data = json.loads(cached.read_text())
        return Parse([tuple(t) for t in data["tokens"]], [[tuple(m) for m in c] for c in data["chains"]])
    root = ElementTree.parse(path).getroot()
    where: dict[tuple[int, int], int] = {}
    parse = Parse()
    for sentence in root.iter("sentence"):
        for token in sentence.iter("token"):
            where[(int(sentence.get("id", 0)), int(token.get("id", 0)))] = len(parse.tokens)
            begin, end = (int(token.findtext(tag) or 0) for tag in ("CharacterOffsetBegin", "CharacterOffsetEnd"))
            parse.tokens.append((begin, end, token.findtext("POS") or "", token.findtext("NER") or "O"))
    for chain in root.iter("coreference"):
        mentions = []
        for mention in chain.findall("mention"):
            number = int(mention.findtext("sentence") or 0)
            first = where[(number, int(mention.findtext("start") or 0))]
            last = where[(number, int(mention.findtext("end") or 0) - 1)]
            mentions.append((parse.tokens[first][0], parse.tokens[last][1]))
        if mentions:
            parse.chains.append(mentions)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps({"tokens": parse.tokens, "chains": parse.chains}))
    return parse


_MODIFIER_START = frozenset({",", "(", "-LRB-", "--", "—", "–", ":", "WP", "WDT"})


def _proper(token: tuple[int, int, str, str], text: str) -> bool:
    word = text[token[0] : token[1]]
    return (
        token[2] in ("NNP", "NNPS")
        or token[3] in ("PERSON", "ORGANIZATION")
        or (word[:1].isupper() and word.lower() not in _POINTING and token[2] not in ("PRP", "PRP$", "DT"))
    )


def head_name(text: str, tokens: list[tuple[int, int, str, str]]) -> str | None:
    """The proper name a noun phrase is headed by, from CoreNLP's tags in context: "Spokeswoman Haley Morris" ->
    "Haley Morris", "Huma Abedin, vice chair of ..." and "Sen. Ann Lee of Ohio" -> the person; None when its head is
    not a name ("he", "the Clinton campaign", "Trump spokeswoman")."""
    kept: list[tuple[int, int, str, str]] = []
    for token in tokens:
        word = text[token[0] : token[1]]
        person_before = any(item[3] == "PERSON" for item in kept)
        if kept and (token[2] in _MODIFIER_START or word in _MODIFIER_START or (token[2] == "IN" and person_before)):
            break
        kept.append(token)
        if token[2] == "POS" or word in ("'s", "’s"):  # "Clinton 's campaign manager": the head follows the possessor
            kept = []
    if not kept or not _proper(kept[-1], text):
        return None
    run: list[tuple[int, int, str, str]] = []
    for token in reversed(kept):
        if not _proper(token, text):
            break
        run.insert(0, token)
    named = [token for token in run if token[3] in ("PERSON", "ORGANIZATION")]
    chosen = named if named and named[-1] is run[-1] else run
    return " ".join(text[token[0] : token[1]] for token in chosen)


def _name_of(text: str, start: int, end: int, parse: Parse) -> str | None:
    inside = [token for token in parse.tokens if start <= token[0] and token[1] <= end]
    if not inside:  # no CoreNLP parse: the capitalised words before any clause
        head = re.split(r",|\(| who | which ", text[start:end])[0]
        words = [word for word in head.split() if word[:1].isupper() and word.lower() not in _POINTING]
        return " ".join(words) or None
    return head_name(text, inside)


_WRITINGS = frozenset("letter tweet tweets email statement memo post op-ed column book speech remarks".split())


def _document_owner(text: str, tokens: list[tuple[int, int, str, str]]) -> str | None:
    """The person whose writing a source is: "Hoff's letter", "Sanders' fundraising email", or whose words a source
    marked as a possessor alone stands for ("Quintanilla's")."""
    for number, token in enumerate(tokens):
        after = tokens[number + 1 :]
        if token[2] != "POS" or (after and not any(text[t[0] : t[1]].lower() in _WRITINGS for t in after)):
            continue  # the source may be the possessor alone: "Clinton's" in "Clinton's 'claim of right'"
        run: list[str] = []
        for item in reversed(tokens[:number]):
            if not _proper(item, text):
                break
            run.insert(0, text[item[0] : item[1]])
        return " ".join(run) or None
    return None


def _appositive_person(text: str, tokens: list[tuple[int, int, str, str]]) -> str | None:
    """The person a description is followed by, after a comma or "named" (a title word or two may come first:
    "Clinton's introducer, actress Jamie Lee Curtis")."""
    for number, token in enumerate(tokens):
        if text[token[0] : token[1]] not in (",", "named"):
            continue
        following = tokens[number + 1 : number + 4]
        start = next((i for i, item in enumerate(following) if item[3] == "PERSON"), None)
        if start is None:
            continue
        run = []
        for item in tokens[number + 1 + start :]:
            if item[3] != "PERSON":
                break
            run.append(text[item[0] : item[1]])
        return " ".join(run)
    return None


def source_names(
    text: str, pieces: tuple[tuple[int, int], ...], parse: Parse, sources: list[tuple[tuple[int, int], ...]]
) -> tuple[str, ...]:
    """The name a source span stands for: the proper name it is headed by; for "he" or "the pontiff", the person
    both CoreNLP's coreference chain and the nearest earlier named source in the annotation give (either alone is
    wrong too often to judge by: about half the time each on a sample read by hand), else nobody."""
    start, end = pieces[0][0], pieces[-1][1]
    inside = [token for token in parse.tokens if start <= token[0] and token[1] <= end]
    people = [token for token in inside if token[3] == "PERSON"]
    joined = [i for i, token in enumerate(inside) if text[token[0] : token[1]] == "and"]
    proper = [token for token in inside if _proper(token, text)]
    if joined and proper and proper[0][0] < inside[joined[0]][0] < proper[-1][0]:  # "Phil Berger and Tim Moore"
        parts = [inside[: joined[0]], inside[joined[0] + 1 :]]
        names = tuple(name for part in parts if (name := head_name(text, part)))
        if len(names) > 1:
            return names
    head = _name_of(text, start, end, parse)
    indefinite = _words(text[start:end])[:1] in (["a"], ["an"], ["another"], ["one"], ["some"], ["several"])
    # "an Iowa Democrat", "a spokesman": nobody named, whatever the tagger says of "Democrat"; but "an angry
    # Hollande" is Hollande
    head_person = bool(head) and any(text[a:b] in str(head).split() for a, b, _, _ in people)
    appositive = _appositive_person(text, inside)
    if head and (head_person or not appositive) and (not indefinite or head_person):
        return (head,)
    # "Trump's attorney, Alan Garten,", "an academic named Eric Kingson", "The leader of the Anti-Defamation League,
    # Jonathan Greenblatt," (a person, not the organisation the description ends on)
    if appositive:
        return (appositive,)
    if indefinite:
        return ()
    owner = _document_owner(text, inside)
    if owner:  # "Hoff's letter", "Trump's tweet": the writer's words
        return (owner,)
    if text[start:end].lower() in ("who", "that", "which"):  # "Holt, who said": the name before the comma
        before = [token for token in parse.tokens if token[1] <= start][-6:]
        while before and text[before[-1][0] : before[-1][1]] in (",", "—"):
            before.pop()
        run: list[tuple[int, int, str, str]] = []
        while before and _proper(before[-1], text):
            run.insert(0, before.pop())
        return (" ".join(text[a:b] for a, b, _, _ in run),) if run else ()
    chained: list[str] = []
    for chain in parse.chains:
        if any(start <= a and b <= end for a, b in chain):
            chained.extend(name for a, b in chain if (name := _name_of(text, a, b, parse)))
    earlier = (_name_of(text, item[0][0], item[-1][1], parse) for item in reversed(sources) if item[-1][1] <= start)
    previous = next((name for name in earlier if name), None)
    return (previous,) if previous and same_person(previous, chained) else ()


# Ours --------------------------------------------------------------------------------------------------------


def our_quotes(articles: list[GoldArticle], cache: Path) -> dict[str, Ours]:
    """Each article read by the product's stages; the spaCy docs of its paragraphs cached by text and model."""
    from spacy.tokens import DocBin

    from corroborate.analyze.body import Body
    from corroborate.analyze.entities import find_entities
    from corroborate.analyze.nlp import english
    from corroborate.analyze.quotes import find_quotes
    from corroborate.analyze.references import Focus

    nlp = english()
    model = f"{nlp.meta['name']}-{nlp.meta['version']}"
    documents = [
        RawDocument(
            source=item.name, text=item.text, format="text", given=Given(title=item.title, published=item.published)
        )
        for item in articles
    ]
    result = {}
    for extracted in _extracted(documents, cache):
        if isinstance(extracted, Failure):
            print(f"  not read: {extracted.source}: {extracted.reason}", file=sys.stderr)
            continue
        digest = hashlib.sha1(f"{model}\n{extracted.text}".encode()).hexdigest()[:16]
        path = cache / "docs" / f"{extracted.source}.{digest}.spacy"
        if path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        else:
            docs = list(nlp.pipe(extracted.paragraphs))
            path.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs, store_user_data=True).to_disk(path)
        body = Body(extracted, docs)
        index = find_entities(extracted, body)
        quotes = find_quotes(body, index, Focus(body, index))
        result[extracted.source] = Ours(extracted.text, quotes, [sentence.start for sentence in body.sentences])
    return result


def _extracted(documents: list[RawDocument], cache: Path) -> Iterator[Article | Failure]:
    """The extracted articles, kept in the cache: the figures before and after a change to the analysis are
    measured on the same text even while extraction changes (delete the cache to read with today's extraction)."""
    from corroborate.models import from_dict, to_dict
    from corroborate.pipeline import extract_articles

    for document in documents:
        digest = hashlib.sha1(f"{document.given.title}\n{document.text}".encode()).hexdigest()[:16]
        path = cache / "articles" / f"{document.source}.{digest}.json"
        if path.exists():
            yield from_dict(Article, json.loads(path.read_text()))
            continue
        (extracted,) = extract_articles([document])
        if not isinstance(extracted, Failure):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(to_dict(extracted)))
        yield extracted


# Matching and scoring ---------------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return _WORD.findall(text.translate(_MARKS).lower())


class Words:
    """A text as its words, to find a run of words again (marks, case and spacing aside) with its offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(_WORD.finditer(text.translate(_MARKS).lower()))
        self.offsets = [(match.start(), match.end()) for match in found]
        self.joined = ""
        self.at: dict[int, int] = {}  # character of `joined` where a word starts -> its number
        for number, match in enumerate(found):
            self.at[len(self.joined) + 1] = number
            self.joined += " " + match.group()
        self.joined += " "

    def find(self, text: str, near: float) -> tuple[int, int] | None:
        """Offsets of the occurrence of `text`'s words nearest to `near` (a share of the text's length)."""
        words = _words(text)
        if not words:
            return None
        needle = " " + " ".join(words) + " "
        hits = []
        position = self.joined.find(needle)
        while position >= 0:
            first = self.at[position + 1]
            hits.append((self.offsets[first][0], self.offsets[first + len(words) - 1][1]))
            position = self.joined.find(needle, position + 1)
        return min(hits, key=lambda hit: abs(hit[0] / max(1, len(self.text)) - near), default=None)


@dataclass
class Ours:
    """Our reading of one article: its clean text, its quotations and where each quotation's sentence starts."""

    text: str
    quotes: list[Quote]
    starts: list[int]


def match(ours: Ours, gold: GoldArticle, words: Words) -> dict[int, list[int]]:
    """For each of our quotations (by number), the gold quotations it holds at least half of, best first: our words
    are found again in PolNeAR's text, at the occurrence nearest to where they stand in ours."""
    result: dict[int, list[int]] = {}
    for number, quote in enumerate(ours.quotes):
        if quote.scare:
            continue
        place = words.find(quote.text, ours.starts[quote.sentence] / max(1, len(ours.text)))
        if place is None:
            continue
        overlaps = [(min(place[1], item.end) - max(place[0], item.start), i) for i, item in enumerate(gold.quotes)]
        held = [(overlap, i) for overlap, i in overlaps if overlap * 2 >= gold.quotes[i].end - gold.quotes[i].start]
        result[number] = [i for _, i in sorted(held, reverse=True)]
    return result


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def same_person(speaker: str, names: Sequence[str]) -> bool:
    """Our speaker is one of the gold names: the same surname and, when both give more, another word in common
    ("Spokeswoman Haley Morris" is Haley Morris; Bill Clinton is not Hillary Clinton); or a first name alone and a
    full name that starts with it ("Hillary" is Hillary Clinton)."""
    ours = _name_words(speaker)
    for name in names:
        theirs = _name_words(name)
        if not ours or not theirs:
            continue
        if ours[-1] == theirs[-1] and (len(ours) == 1 or len(theirs) == 1 or set(ours[:-1]) & set(theirs[:-1])):
            return True
        if min(len(ours), len(theirs)) == 1 and max(len(ours), len(theirs)) > 1 and ours[0] == theirs[0]:
            return True
    return False


def _name_words(name: str) -> list[str]:
    return [word for word in _words(name.replace("'s", "")) if word not in _SUFFIXES]


@dataclass
class Tally:
    named: int = 0  # ours with a speaker, matched to a gold quotation whose source is a name or nobody named
    right: int = 0
    anonymous_named: int = 0  # ... of which the gold source names nobody ("a campaign aide"): counted wrong
    unresolved_named: int = 0  # ours with a speaker whose gold source ("he") coreference does not name: not judged
    unmatched_named: int = 0  # ours with a speaker that match no gold quotation with a source
    written: int = 0  # ... of which the gold source is a name as written
    written_right: int = 0
    gold: int = 0  # gold quotations with a source, in the text the analysis read
    gold_named: int = 0  # ... whose source is named
    covered: int = 0  # ... found with a speaker named
    covered_named: int = 0  # ... found with a speaker named (of gold_named)
    covered_right: int = 0  # ... found with the right speaker (of gold_named)
    gold_unread: int = 0  # gold quotations in lines extraction set apart
    ours: int = 0  # our quotations, scare quotes left out
    unknown: int = 0
    missed_kinds: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unknowns: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        return {
            "precision": round(self.right / self.named, 3) if self.named else 1.0,
            "precision_written": round(self.written_right / self.written, 3) if self.written else 1.0,
            "coverage": round(self.covered_named / self.gold_named, 3) if self.gold_named else 0.0,
            "coverage_any": round(self.covered / self.gold, 3) if self.gold else 0.0,
            "right_coverage": round(self.covered_right / self.gold_named, 3) if self.gold_named else 0.0,
            "no_speaker": round(self.unknown / self.ours, 3) if self.ours else 0.0,
        }


def score(articles: list[GoldArticle], read: dict[str, Ours]) -> Tally:
    tally = Tally()
    for gold in articles:
        if gold.name not in read:
            continue
        ours = read[gold.name]
        words = Words(gold.text)
        matches = match(ours, gold, words)
        clean = Words(ours.text)
        for number, quote in enumerate(ours.quotes):
            if quote.scare:
                continue
            tally.ours += 1
            found = [gold.quotes[i] for i in matches.get(number, []) if gold.quotes[i].source]
            if quote.speaker is None:
                tally.unknown += 1
                tally.unknowns.append(f"{gold.name}: ({quote.how}): {quote.text}")
                continue
            if not found:
                tally.unmatched_named += 1
                continue
            target = found[0]
            if target.kind == "unresolved":
                tally.unresolved_named += 1
                continue
            tally.named += 1
            tally.anonymous_named += target.kind == "anonymous"
            right = same_person(quote.speaker, target.names)
            tally.written += target.kind == "named"
            tally.written_right += right and target.kind == "named"
            if right:
                tally.right += 1
            else:
                tally.wrong.append(f"{gold.name}: {quote.speaker!r} for {target.source!r} ({quote.how}): {quote.text}")
        for i, item in enumerate(gold.quotes):
            if item.source is None:
                continue
            if clean.find(item.text, 0.0) is None:
                tally.gold_unread += 1
                continue
            tally.gold += 1
            tally.gold_named += item.kind in ("named", "resolved")
            holders = [ours.quotes[n] for n, found in matches.items() if i in found]
            named = [quote for quote in holders if quote.speaker]
            tally.covered += bool(named)
            tally.covered_named += bool(named) and item.kind in ("named", "resolved")
            tally.covered_right += any(same_person(quote.speaker or "", item.names) for quote in named)
            if not named:
                how = holders[0].how if holders else "not found"
                tally.missed_kinds[item.kind] += 1
                tally.missed.append(f"{gold.name}: {item.source!r} [{item.kind}] ({how}): {item.text}")
    return tally


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help=f"PolNeAR's data/ folder (default {DATA})")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"parsed docs kept here (default {CACHE})")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--show", choices=("wrong", "missed", "unknowns"), action="append", default=[])
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    args = parser.parse_args(argv)
    problem = missing_data(args.data)
    if problem:
        print(f"bench/quotes.py: error: {problem}", file=sys.stderr)
        return 2
    print(describe_machine(machine()))
    articles = load_split(args.data, args.cache, "train", args.limit)
    tally = score(articles, our_quotes(articles, args.cache))
    figures = tally.figures()
    print(
        f"PolNeAR train: {len(articles)} articles, "
        f"{tally.gold + tally.gold_unread} gold direct quotations with a source"
    )
    print(f"  {tally.gold_unread} in lines extraction set apart (title, captions): left out of coverage")
    print(
        f"  {tally.ours} quotations of ours (scare quotes left out); {tally.unmatched_named} named ones match no gold"
    )
    print(f"  {tally.anonymous_named} named ones whose gold source names nobody (counted wrong)")
    kinds = ", ".join(f"{count} {kind}" for kind, count in tally.missed_kinds.most_common())
    print(f"  gold quotations with a source we give no speaker, by their source: {kinds}")
    print(f"{'':16}{'before':>8}{'after':>8}")
    for key, label in (
        ("precision", "precision"),
        ("precision_written", "  name written"),
        ("coverage", "coverage"),
        ("right_coverage", "right coverage"),
        ("coverage_any", "any source"),
        ("no_speaker", "no speaker"),
    ):
        before = BEFORE.get(key)
        print(f"{label:16}{f'{before:.3f}' if before is not None else '-':>8}{figures[key]:>8.3f}")
    for kind in args.show:
        print(f"\n{kind}:")
        for line in getattr(tally, kind):
            print(f"  {line}")
    if args.json:
        args.json.write_text(json.dumps({"before": BEFORE, "after": figures}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
