"""A corpus of hostile inputs, generated on demand: every kind of bad input issue 9 names, as files.

Each `Case` is one input as a hostile (or merely unlucky) user would hand it over: JSON fields of the wrong type
or size, numbers and dates no calendar holds, broken gzip, names too long for the system, a paragraph of a
million characters, rich markup and terminal escape sequences in the text and in the file name. The tests
run every command over them, alone and in a batch beside a good article, and expect one line per unusable
input, no traceback, and the good article reported in full.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corroborate.cli import main

GOOD_BODY = (
    "The harbour authority of Port Elmsley closed the northern channel on Tuesday after a cargo ship ran "
    "aground on a sandbank, officials said.\n\n"
    '"We expect the channel to reopen by Friday," harbour master Joan Okafor told reporters on Wednesday.\n\n'
    "The ship, carrying 4,000 tonnes of grain, was refloated at high tide with the help of three tugs, and no "
    "one was hurt, the authority said in a statement.\n\n"
    "Fishing boats were diverted through the southern channel, adding about two hours to their trips."
)
GOOD_TITLE = "Port Elmsley channel closed after grain ship runs aground"
GOOD_ARTICLE = f"{GOOD_TITLE}\n\n{GOOD_BODY}\n"

ESC = "\x1b"
TERMINAL_ESCAPES = (
    f"{ESC}[2J{ESC}[H",  # clear the screen
    f"{ESC}]0;pwned{ESC}\\",  # set the window title
    f"{ESC}]8;;https://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\",  # an OSC 8 link
    f"{ESC}[31mred{ESC}[0m",
    "\x07\x08\x9b2J",  # bell, backspace, a C1 control sequence introducer
)
RICH_MARKUP = ("[/]", "[/bold]", "[bold red]loud[/bold red]", "[link=https://evil.example]x[/link]", "[@click]")


@dataclass(frozen=True)
class Case:
    """One hostile input: a file name (relative to the corpus folder) and its bytes, of a named class."""

    kind: str
    name: str
    data: bytes


def _article(title: str = GOOD_TITLE, body: str = GOOD_BODY) -> str:
    return f"{title}\n\n{body}\n"


def _json(record: object) -> bytes:
    return json.dumps(record).encode()


def _record(**fields: object) -> bytes:
    return _json({"text": GOOD_BODY, "title": "A record", **fields})


def _json_field_cases() -> list[Case]:
    odd_values: dict[str, object] = {
        "true": True,
        "number": 42,
        "float": 1.5,
        "null": None,
        "list_of_numbers": [1, 2, 3],
        "list_of_lists": [["a"], ["b"]],
        "object": {"name": "Joan"},
        "empty_string": "",
        "huge_string": "x" * 200_000,
    }
    cases = [
        Case("json-field", f"{field}-{label}.json", _record(**{field: value}))
        for field in ("authors", "title", "url", "outlet", "published")
        for label, value in odd_values.items()
    ]
    cases += [
        Case("json-field", f"text-{label}.json", _json({"text": value, "title": "x"}))
        for label, value in odd_values.items()
        if label != "huge_string"
    ]
    digits = "9" * 5000
    cases += [
        Case("json-number", "5000-digit-int.json", f'{{"text": {json.dumps(GOOD_BODY)}, "n": {digits}}}'.encode()),
        Case(
            "json-number",
            "5000-digit-author.json",
            f'{{"text": {json.dumps(GOOD_BODY)}, "authors": {digits}}}'.encode(),
        ),
        Case("json-number", "5000-digit-float.json", f'{{"text": {json.dumps(GOOD_BODY)}, "n": 0.{digits}}}'.encode()),
        Case("json-number", "1e400.json", f'{{"text": {json.dumps(GOOD_BODY)}, "published": 1e400}}'.encode()),
        Case("json-number", "nan.json", f'{{"text": {json.dumps(GOOD_BODY)}, "published": NaN}}'.encode()),
        Case(
            "json-number",
            "infinity-authors.json",
            f'{{"text": {json.dumps(GOOD_BODY)}, "authors": -Infinity}}'.encode(),
        ),
        Case("json-date", "published-year-1.json", _record(published="0001-01-01")),
        Case("json-date", "published-year-9999.json", _record(published="9999-12-31")),
        Case("json-date", "published-year-0.json", _record(published="0000-01-01")),
        Case("json-date", "published-feb-30.json", _record(published="2024-02-30")),
        Case("json-date", "published-garbage.json", _record(published="yesterday-ish")),
        Case("json-date", "published-timestamp.json", _record(published="2024-03-01T25:99:00Z")),
        Case("json-deep", "deep-arrays.json", b"[" * 100_000 + b"]" * 100_000),
        Case("json-deep", "deep-objects.json", b'{"a":' * 100_000 + b"1" + b"}" * 100_000),
        Case("json-deep", "deep-in-record.json", b'{"text": "x", "more": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
        Case("json-deep", "deep-lines.jsonl", b"[" * 50_000 + b"]" * 50_000 + b"\n" + _record() + b"\n"),
        Case("json-shape", "list-of-strings.json", _json(["a", "b"])),
        Case("json-shape", "null.json", b"null"),
        Case("json-shape", "number.json", b"12"),
        Case("json-shape", "string.json", b'"text"'),
        Case("json-shape", "empty-list.json", b"[]"),
        Case("json-shape", "empty-object.json", b"{}"),
        Case("json-shape", "duplicate-keys.json", b'{"text": 1, "text": ' + _json(GOOD_BODY) + b"}"),
        Case("json-shape", "lone-surrogate.json", b'{"text": "caf\\ud800 ' + _json(GOOD_BODY)[1:] + b"}"),
        Case("json-shape", "nul-in-text.json", b'{"text": "a\\u0000b ' + _json(GOOD_BODY)[1:] + b"}"),
        Case("json-shape", "trailing-garbage.json", _record() + b"}}}"),
        Case("json-shape", "truncated.jsonl", _record() + b"\n" + _record()[:40]),
        Case("json-shape", "bom-and-crlf.jsonl", b"\xef\xbb\xbf" + _record() + b"\r\n" + _record() + b"\r\n"),
        Case("json-shape", "html-field-number.json", _json({"html": 5, "text": GOOD_BODY})),
        Case("json-shape", "html-field-script.json", _json({"html": "<script>alert(1)</script>" * 3})),
    ]
    return cases


def _text_cases() -> list[Case]:
    sentences = {
        "1e400-dollars": "The company lost 1e400 dollars on the deal, officials said.",
        "10-to-the-400": "The fund is worth 10^400 euros, the minister said on Tuesday.",
        "400-digit-number": f"The bank moved {'9' * 400} dollars overnight, it said.",
        "400-digit-grouped": f"The bank moved {','.join(['999'] * 140)} dollars overnight, it said.",
        "huge-ordinal": f"It was the {'9' * 300}th time the ship ran aground, they said.",
        "feb-30": "The vote was held on February 30, 2024, and again on 31 April 2023.",
        "year-99999": "By the year 99999 the channel will be dry, the scientist said.",
        "year-zero": "In the year 0 and on January 1, 0001, nothing happened, the historian said.",
        "day-zero": "The meeting of 0 March 2024 was moved to March 0, officials said.",
        "far-relative": "The works will end 9999999 days from now, and began 9999999 years ago, they said.",
        "centuries": "In the 99999th century the harbour will close, and in the 1st century BC it opened.",
        "decade-overflow": "In the 99990s the tide rose, and in the 0s it fell, a study said.",
        "percent-huge": f"Prices rose {'9' * 350} percent in a week, the central bank said.",
        "fractions": "About 1/0 of the fleet and 0/0 of the crew were lost, the navy said.",
    }
    cases = [
        Case("text-number-date", f"{name}.txt", _article(body=f"{sentence}\n\n{GOOD_BODY}").encode())
        for name, sentence in sentences.items()
    ]
    giant = " ".join([GOOD_BODY.replace("\n\n", " ")] * 2_100)  # over 1,000,000 characters, English
    cases.append(Case("size", "giant-paragraph.txt", _article(body=giant).encode()))
    cases.append(Case("size", "giant-sentence-no-spaces.txt", _article(body="x" * 1_100_000).encode()))
    cases.append(
        Case(
            "size",
            "giant-html-paragraph.html",
            f"<html><body><h1>{GOOD_TITLE}</h1><p>{'word ' * 210_000}</p></body></html>".encode(),
        )
    )
    cases.append(
        Case("size", "many-paragraphs.txt", _article(body="\n\n".join(["A short paragraph here."] * 2_000)).encode())
    )
    cases.append(Case("size", "one-long-line.txt", ("word " * 210_000).encode()))
    return cases


def _file_cases() -> list[Case]:
    good = _article().encode()
    compressed = gzip.compress(good)
    return [
        Case("file", "truncated.txt.gz", compressed[: len(compressed) // 2]),
        Case("file", "corrupt.txt.gz", compressed[:10] + b"\x00" * 40 + compressed[50:]),
        Case("file", "gzip-header-only.txt.gz", b"\x1f\x8b"),
        Case("file", "gzip-of-binary.txt.gz", gzip.compress(bytes(range(256)) * 10)),
        Case("file", "gzip-bomb.txt.gz", gzip.compress(b"a" * 30_000_000)),
        Case(
            "file",
            "unknown-charset.html",
            b'<html><head><meta charset="x-no-such-charset"></head><body><h1>T\xe9l\xe9</h1><p>'
            + GOOD_BODY.encode("latin-1", "replace")
            + b"\xe9</p></body></html>",
        ),
        Case(
            "file",
            "unknown-charset-utf8.html",
            b'<html><head><meta charset="klingon"></head><body><h1>'
            + GOOD_TITLE.encode()
            + b"</h1><p>"
            + GOOD_BODY.encode()
            + b"</p></body></html>",
        ),
        Case(
            "file",
            "charset-utf7.html",
            b'<html><head><meta charset="utf-7"></head><body><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-'
            + GOOD_BODY.encode()
            + b"\xff</p></body></html>",
        ),
        Case(
            "file",
            "charset-utf16-declared.html",
            b'<html><head><meta charset="utf-16"></head><body><p>' + GOOD_BODY.encode() + b"\xff</p></body></html>",
        ),
        Case(
            "file",
            "xml-encoding.html",
            b'<?xml version="1.0" encoding="x-bogus"?><html><body><p>' + GOOD_BODY.encode() + b"</p></body></html>",
        ),
        Case("file", "utf16-odd-length.txt", b"\xff\xfe" + GOOD_ARTICLE.encode("utf-16-le") + b"\x00"),
        Case("file", "nul-bytes.txt", good.replace(b" ", b"\x00")),
        Case("file", "deep-html.html", b"<html><body>" + b"<div>" * 50_000 + GOOD_BODY.encode() + b"</body></html>"),
        Case("file", "only-tags.html", b"<html><body>" + b"<br>" * 10_000 + b"</body></html>"),
        Case("file", "json-named-txt.txt", _record()),
        Case("file", "html-named-json.json", b"<html><body><p>" + GOOD_BODY.encode() + b"</p></body></html>"),
    ]


def _markup_cases() -> list[Case]:
    cases = []
    for index, markup in enumerate(RICH_MARKUP):
        title = f"Port Elmsley {markup} channel closed"
        body = f"The authority {markup} closed the channel on Tuesday, officials said.\n\n{GOOD_BODY}"
        cases.append(Case("markup", f"markup-{index}.txt", _article(title, body).encode()))
        cases.append(
            Case(
                "markup",
                f"markup-{index}.json",
                _record(title=title, authors=[f"Joan {markup}"], outlet=markup, text=body),
            )
        )
    for index, escape in enumerate(TERMINAL_ESCAPES):
        title = f"Port Elmsley {escape} channel closed"
        body = f"The authority {escape} closed the channel on Tuesday, officials said.\n\n{GOOD_BODY}"
        cases.append(Case("escape", f"escape-{index}.txt", _article(title, body).encode()))
        cases.append(
            Case("escape", f"escape-{index}.json", _record(title=title, authors=[f"Joan {escape}"], text=body))
        )
        cases.append(
            Case(
                "escape",
                f"escape-caption-{index}.html",
                f"<html><body><h1>{title}</h1><figure><img src=a.jpg><figcaption>A ship {escape} aground."
                f"</figcaption></figure><p>{body}</p></body></html>".encode(),
            )
        )
    cases.append(Case("markup", "name[/]in-a-folder.txt", good_bytes()))  # a folder "name[", a file "]in..."
    cases.append(Case("markup", "x[/bold]y.txt", good_bytes()))
    cases.append(Case("markup", "[link=file:evil.example]x[/link].txt", good_bytes()))
    cases.append(Case("escape", "name-\x1b[2J-clear.txt", good_bytes()))
    cases.append(Case("escape", "name-\x1b]0;title\x07.txt", good_bytes()))
    cases.append(Case("escape", "bidi-\u202e-txt.exe.txt", good_bytes()))
    cases.append(Case("escape", "two\nlines.txt", good_bytes()))
    cases.append(
        Case(
            "markup",
            "html-injection.json",
            _record(
                title='<script>alert(1)</script> <a href="javascript:alert(2)">x</a>',
                text='<p onclick="x">Hi</p> [click](javascript:alert(3)) ' + GOOD_BODY,
            ),
        )
    )
    return cases


@dataclass(frozen=True)
class Run:
    status: int
    stdout: str
    stderr: str


def run_main(*argv: str) -> Run:
    """The command line in-process: its exit status and what it wrote; an exception is a failed test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return Run(status, out.getvalue(), err.getvalue())


def good_bytes() -> bytes:
    return GOOD_ARTICLE.encode()


def corpus() -> list[Case]:
    """Every hostile input, each with a unique file name."""
    cases = _json_field_cases() + _text_cases() + _file_cases() + _markup_cases()
    assert len({case.name for case in cases}) == len(cases)
    return cases


def write_corpus(folder: Path, select: Callable[[Case], bool] = lambda case: True) -> list[Path]:
    """The corpus written into `folder`, one file per case; the paths, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for case in filter(select, corpus()):
        path = folder / case.name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(case.data)
        paths.append(path)
    return paths
