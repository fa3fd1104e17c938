"""Adding articles in a real headless browser (Debian's chromium, driven by Playwright) against the real server:
an article pasted into the form and a file uploaded each run as a background job whose page follows its progress,
then joins its story; the story's page then says what is new since the last visit. A script planted in the pasted
text never runs, the form fits a 390-px phone and is usable from the keyboard, and no request leaves 127.0.0.1.

Needs /usr/bin/chromium (`apt-get install -y chromium`); `.ci/run` installs it. Never `playwright install`.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from tests.conftest import EXAMPLES
from tests.serve.browser import Watch, launch, serving
from tests.test_report_browser import DESKTOP, MISSING, PHONE, past_the_edges

from corroborate.pipeline import PipelineOptions
from corroborate.serve import create_app
from corroborate.store import Library

OPTIONS = PipelineOptions(embeddings=False)
SPILL = "Namibia orders US shipowner to pay for Walvis Bay oil spill"
FIRST = ("harbour-herald.html", "coastal-times-wire.txt", "riverside-festival.txt")
"""The library before the browser adds anything: the spill story told by two sources, and the festival."""
PASTED = EXAMPLES / "daily-ledger.txt"
"""Pasted into the form: a third source of the spill story."""
UPLOADED = EXAMPLES / "northshore-post-wire.json"
"""Uploaded: a re-publication of the wire story the library holds (one source with it)."""
PLANTED = '<script>window.__pwned = true; alert("pasted")</script>'
JOB_DONE = 120_000
"""Milliseconds a job may take, from the form to its page saying done (the models load on the first job)."""


@pytest.fixture(autouse=True, scope="module")
def _chromium_is_installed() -> None:
    if MISSING:
        pytest.fail(MISSING, pytrace=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("adding") / "library.db"
    with Library(db, OPTIONS) as library, contextlib.chdir(EXAMPLES.parent):
        list(library.add([f"{EXAMPLES.name}/{name}" for name in FIRST]))
    with serving(create_app(str(db), options=OPTIONS, allowed_hosts=["127.0.0.1", "localhost"])) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@pytest.fixture(scope="module")
def context(browser: Browser, server: str) -> Iterator[tuple[BrowserContext, Watch]]:
    """One browser for the module's steps, in order: its visits are what "new since your last visit" counts from."""
    context = browser.new_context(viewport=DESKTOP)
    watch = Watch(context, server)
    yield context, watch
    context.close()


def _finish_job(page: Page) -> None:
    """From the form just sent: the job's page, followed until it says done (it refreshes itself, no script)."""
    page.wait_for_url(re.compile(r"/jobs/j[0-9a-f]+$"))
    page.get_by_role("heading", name="Adding articles: done").wait_for(timeout=JOB_DONE)


def _sources(page: Page) -> int:
    return page.locator(".report .source").count()


def test_1_a_first_visit_to_the_story_says_nothing_is_new(context, server: str) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(server)
    page.get_by_role("link", name=SPILL).click()
    assert _sources(page) == 2
    assert page.get_by_text("New since your last visit").count() == 0
    watch.check(page)


def test_2_pasted_text_joins_its_story_which_then_says_what_is_new(context, server: str) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(server)
    page.get_by_role("link", name="Add articles").click()
    text = PASTED.read_text(encoding="utf-8").replace("\n\n", f"\n\nA reader wrote {PLANTED} here.\n\n", 1)
    page.get_by_label("An article's text").fill(text)
    page.get_by_label("Outlet").fill("Daily Ledger")
    page.get_by_role("button", name="Add").click()
    _finish_job(page)
    outcome = page.locator("ul.outcomes li.outcome-placed")
    assert outcome.count() == 1 and "pasted text" in outcome.inner_text() and "new story" not in outcome.inner_text()
    outcome.get_by_role("link", name=SPILL).click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]+$"))
    assert _sources(page) == 3, "the pasted article is the story's third source"
    news = page.locator("section.news")
    assert news.get_by_text("New since your last visit").count() == 1
    assert news.get_by_role("link").count() >= 1, "the new source, linked to its place in the report"
    assert page.locator(".report .new").count() >= 1, "what is new is marked in the report"
    assert page.get_by_text("A reader wrote <script>", exact=False).count() >= 1, "the planted script, as text"
    watch.check(page)


def test_3_an_uploaded_file_joins_the_story_as_a_republication(context, server: str, tmp_path: Path) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(f"{server}/add")
    page.get_by_label("HTML, text or JSON files").set_input_files(str(UPLOADED))
    page.get_by_role("button", name="Add").click()
    _finish_job(page)
    placed = page.locator("ul.outcomes li.outcome-placed")
    assert placed.count() == 1 and UPLOADED.name in placed.inner_text()
    placed.get_by_role("link", name=SPILL).click()
    assert _sources(page) == 3, "a re-publication of a wire story the story holds is no new source"
    assert page.get_by_text(UPLOADED.name).count() >= 1, "listed among its source's articles"
    watch.check(page)


def test_a_bad_file_gets_the_command_lines_message(context, server: str, tmp_path: Path) -> None:
    browser_context, watch = context
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page = browser_context.new_page()
    page.goto(f"{server}/add")
    page.get_by_label("HTML, text or JSON files").set_input_files(str(empty))
    page.get_by_role("button", name="Add").click()
    _finish_job(page)
    assert page.locator("ul.outcomes li.outcome-error").inner_text().endswith("empty.txt: empty file")
    watch.check(page)


def test_the_form_fits_a_phone_and_the_keyboard_fills_it(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    watch = Watch(context, server)
    page = context.new_page()
    page.goto(f"{server}/add")
    assert past_the_edges(page) == []
    stops = []
    for _ in range(30):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.name || document.activeElement.innerText"))
        if stops[-1] == "Add":
            break
    fields = [stop for stop in stops if stop in ("links", "text", "title", "outlet", "published", "files", "Add")]
    assert list(dict.fromkeys(fields)) == ["links", "text", "title", "outlet", "published", "files", "Add"]
    watch.check(page)
    context.close()
