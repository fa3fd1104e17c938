"""The web app in a real headless browser (Debian's chromium, driven by Playwright) against the real server
(uvicorn on 127.0.0.1, a free port) over a library of the examples and one planted hostile article: the list,
a search, a story; every page readable on a 390-px phone and usable from the keyboard; the planted script never
runs; no request leaves 127.0.0.1. Also makes the README's screenshot of a story page (docs/story-page.png).

Needs /usr/bin/chromium (`apt-get install -y chromium`); `.ci/run` installs it. Never `playwright install`.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from tests.conftest import EXAMPLES, ROOT
from tests.serve.browser import Watch, launch, serving
from tests.test_report_browser import DESKTOP, MISSING, PHONE, past_the_edges

from corroborate.pipeline import PipelineOptions
from corroborate.serve import create_app
from corroborate.store import Library

OPTIONS = PipelineOptions(embeddings=False)
SPILL = "Namibia orders US shipowner to pay for Walvis Bay oil spill"
FESTIVAL = "Riverside Festival crowds dance through the downpour as event marks 25th year"
PLANTED_TITLE = "Kestrel Valley council votes on a new footbridge"
PLANTED = (
    '<script>window.__pwned = true; alert("script")</script>',
    '<img src="x" onerror="window.__pwned = true; alert(\'img\')">',
    '<a href="javascript:window.__pwned = true">see the plans</a>',
)
PLANTED_TEXT = (
    "The Kestrel Valley council voted on Tuesday to build a new footbridge over the river, its leader said. "
    f"{PLANTED[0]} The bridge will cost 2 million pounds and open next spring. {PLANTED[1]} "
    "Residents had asked for a crossing for ten years, the council said, and work will begin in the autumn "
    f"once the plans are approved by the county. {PLANTED[2]}"
)
FILLERS = 20
"""Short briefs, each a story of its own, so that the list has a second page (20 stories a page)."""
PAGES = ("list", "list, page 2", "search", "search, nothing found", "story", "planted story", "docs")
PAGES += ("bad filter", "not found")
SCREENSHOT = ROOT / "docs" / "story-page.png"
SCREENSHOT_SIZE = {"width": 1280, "height": 960}


@pytest.fixture(autouse=True, scope="module")
def _chromium_is_installed() -> None:
    if MISSING:
        pytest.fail(MISSING, pytrace=False)


@pytest.fixture(scope="module")
def library_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples, the planted article and the fillers, added once for the module."""
    folder = tmp_path_factory.mktemp("browser")
    records = [{"title": PLANTED_TITLE, "text": PLANTED_TEXT, "published": "2026-04-01", "outlet": "Kestrel News"}]
    records += [
        {
            "title": f"Harbour number {number} reopens at Port Zed{number:02d}",
            "text": f"Port Zed{number:02d} reopened its harbour on Monday after repairs, the harbourmaster "
            f"Quill{number:02d} said. Ferries will run again from Tuesday.",
            "published": f"2024-01-{number + 1:02d}",
        }
        for number in range(FILLERS)
    ]
    (folder / "planted.json").write_text(json.dumps(records), encoding="utf-8")
    db = folder / "library.db"
    with Library(db, OPTIONS) as library, contextlib.chdir(EXAMPLES.parent):  # the pages name examples/...
        outcomes = list(library.add([EXAMPLES.name, str(folder / "planted.json")]))
        _articles, stories = library.counts()
    assert not [outcome for outcome in outcomes if type(outcome).__name__ == "Failure"], outcomes
    assert stories > 20, "the fillers should make enough stories for a second page"
    return db


@pytest.fixture(scope="module")
def server(library_file: Path) -> Iterator[str]:
    """The app under uvicorn on 127.0.0.1 (a free port), as `corroborate serve` runs it; its base URL."""
    with serving(create_app(str(library_file), options=OPTIONS, allowed_hosts=["127.0.0.1", "localhost"])) as url:
        yield url


@pytest.fixture(scope="module")
def ids(library_file: Path) -> dict[str, str]:
    with Library(library_file) as library:
        return {summary.title or "": summary.id for summary in library.stories(limit=100)}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with launch() as browser:
        yield browser


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[tuple[BrowserContext, Watch]]:
    context = browser.new_context(viewport=DESKTOP)
    watch = Watch(context, server)
    yield context, watch
    context.close()


def _pages(server: str, ids: dict[str, str]) -> dict[str, str]:
    """Every kind of page (PAGES), by name: its URL."""
    return {
        "list": f"{server}/",
        "list, page 2": f"{server}/?page=2",
        "search": f"{server}/?search=oyster+lagoon",
        "search, nothing found": f"{server}/?search=zebra+unicorn",
        "story": f"{server}/stories/{ids[SPILL]}",
        "planted story": f"{server}/stories/{ids[PLANTED_TITLE]}",
        "docs": f"{server}/docs",
        "bad filter": f"{server}/?since=yesterday",
        "not found": f"{server}/stories/sffffffffffffffff",
    }


def _titles(page: Page) -> list[str]:
    return page.locator("ol.stories a.story-title").all_inner_texts()


def test_the_list_shows_the_stories_newest_first(context, server: str, ids: dict[str, str]) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(server)
    titles = _titles(page)
    assert titles[:3] == [PLANTED_TITLE, SPILL, FESTIVAL] and len(titles) == 20
    assert page.get_by_role("link", name="Older").is_visible()
    page.get_by_role("link", name="Older").click()
    assert re.search(r"[?&]page=2\b", page.url)
    assert len(_titles(page)) == len(ids) - 20 and page.get_by_role("link", name="Newer").is_visible()
    watch.check(page)


def test_a_search_finds_its_story_and_opens_it(context, server: str) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(server)
    page.get_by_role("searchbox", name="Words").fill("oyster lagoon")
    page.get_by_role("searchbox", name="Words").press("Enter")
    page.wait_for_url(re.compile(r"search=oyster\+lagoon"))
    assert _titles(page) == [SPILL]
    page.get_by_role("link", name=SPILL).click()
    page.wait_for_url(re.compile(r"/stories/s[0-9a-f]{1,16}$"))
    assert page.get_by_role("heading", level=1).inner_text() == SPILL
    for kind in ("corroborated", "single", "disputed"):
        assert page.locator(f".report .source mark.{kind}").count() > 0, kind
    boxes = [box for box in (source.bounding_box() for source in page.locator(".report .source").all()) if box]
    assert len(boxes) == 3 and len({round(box["y"]) for box in boxes}) == 1, "sources side by side on a desktop"
    watch.check(page)


@pytest.mark.parametrize("name", PAGES)
def test_every_page_fits_a_phone(browser: Browser, server: str, ids: dict[str, str], name: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    watch = Watch(context, server)
    page = context.new_page()
    page.goto(_pages(server, ids)[name])
    assert past_the_edges(page) == []
    cut = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => {
                const style = getComputedStyle(e);
                const hides = ['hidden', 'clip'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
                const visuallyHidden = e.clientWidth <= 1;  // seen by screen readers only (a table's head)
                return hides && !visuallyHidden && e.scrollWidth > e.clientWidth + 1 && e.innerText.trim() !== '';
            })
            .map(e => `${e.tagName}.${e.className}`)"""
    )
    assert cut == [], "text cut off"
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    watch.check(page)
    context.close()


LOW_CONTRAST = """() => {
    // WCAG's contrast ratio of each element's own text against the first opaque background behind it.
    const rgb = (text) => text.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
        const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (e) => {
        for (; e; e = e.parentElement) {
            const color = rgb(getComputedStyle(e).backgroundColor);
            if (color.length < 4 || color[3] === 1) return color.slice(0, 3);
        }
        return [255, 255, 255];
    };
    return [...document.querySelectorAll('body *')]
        .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && e.offsetWidth > 1)
        .map(e => {
            const [a, b] = [luminance(rgb(getComputedStyle(e).color)), luminance(background(e))];
            return [e, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        })
        .filter(([e, ratio]) => ratio < 4.5)
        .slice(0, 10)
        .map(([e, ratio]) => `${e.tagName}.${e.className} ${ratio.toFixed(2)}: ${e.innerText.slice(0, 30)}`);
}"""
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                 && !e.innerText.trim())
    .map(e => e.outerHTML)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_contrast_labels_and_landmarks(
    browser: Browser, server: str, ids: dict[str, str], name: str, scheme: str
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme=scheme)  # type: ignore[arg-type]
    watch = Watch(context, server)
    page = context.new_page()
    page.goto(_pages(server, ids)[name])
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    assert page.evaluate(LOW_CONTRAST) == [], "text below a contrast of 4.5:1"
    assert page.evaluate(UNLABELLED) == [], "a field without a label"
    assert page.get_by_role("banner").count() == 1 and page.get_by_role("main").count() == 1
    assert page.get_by_role("navigation", name="Site").count() == 1
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.evaluate("document.documentElement.lang") == "en"
    watch.check(page)
    context.close()


def _focused(page: Page) -> dict[str, str]:
    """The focused element: what it is, its name, and whether its focus shows (an outline or a ring)."""
    return page.evaluate(
        """() => {
            const e = document.activeElement;
            const style = getComputedStyle(e);
            const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return {
                tag: e.tagName.toLowerCase(),
                name: (e.getAttribute('name') || e.innerText || '').trim(),
                href: e.getAttribute('href') || '',
                shows: String(outline || style.boxShadow !== 'none'),
            };
        }"""
    )


def test_the_keyboard_reaches_everything_in_order(context, server: str, ids: dict[str, str]) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(server)
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        stops.append(_focused(page))
        if stops[-1]["name"] == "Older":
            break
    assert all(stop["shows"] == "true" for stop in stops), [f"{s['name'][:20]}: {s['shows']}" for s in stops]
    names = list(dict.fromkeys(stop["name"] for stop in stops if not stop["href"].startswith("/stories/")))
    stories = [stop["href"] for stop in stops if stop["href"].startswith("/stories/")]
    form = ["search", "since", "until", "outlet", "sources", "disagreements", "Show"]
    assert names[:5] == ["Skip to the content", "corroborate", "Stories", "Add articles", "API"]
    assert names[5:] == [*form, "Older"], "a date field's parts (day, month, year, calendar) are stops of their own"
    assert stories == [f"/stories/{ids[title]}" for title in _titles(page)], "every story link, in the list's order"

    page.goto(server)  # the skip link moves past the header to the search, then on to the stories
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "search"
    for _ in range(12):  # through the form's fields
        if _focused(page)["name"] == "Show":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert _focused(page)["href"] == f"/stories/{ids[PLANTED_TITLE]}"
    page.keyboard.press("Tab")
    assert _focused(page)["href"] == f"/stories/{ids[SPILL]}"
    page.keyboard.press("Enter")  # Enter opens the story
    page.wait_for_url(f"{server}/stories/{ids[SPILL]}")
    assert page.get_by_role("heading", level=1).inner_text() == SPILL
    watch.check(page)


@pytest.mark.parametrize("name", ["story", "docs", "not found", "bad filter"])
def test_the_keyboard_reaches_the_main_content_of_every_page(context, server: str, ids: dict, name: str) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    page.goto(_pages(server, ids)[name])
    page.keyboard.press("Tab")
    assert _focused(page)["name"] == "Skip to the content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert page.locator("main").count() == 1 and page.get_by_role("heading", level=1).count() == 1
    watch.check(page)


def test_the_planted_markup_never_runs_and_shows_as_text(context, server: str, ids: dict[str, str]) -> None:
    browser_context, watch = context
    page = browser_context.new_page()
    for url in _pages(server, ids).values():
        page.goto(url)
        assert page.locator("main script, main img, main a[href^='javascript:']").count() == 0
        watch.check(page)
    page.goto(f"{server}/?search=footbridge")
    assert _titles(page) == [PLANTED_TITLE]
    page.get_by_role("link", name=PLANTED_TITLE).click()
    page.locator(".report summary").first.click()  # a story of one source shows its text folded
    text = page.locator(".report").inner_text()
    assert all(planted in text for planted in PLANTED), "the planted markup should show as the article's words"
    for link in page.locator("a").all():  # no link of the page can run a script
        href = link.get_attribute("href") or ""
        assert not href.lower().startswith("javascript:")
    watch.check(page)
    assert page.title().endswith("· corroborate")


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_readme_screenshot_of_a_story_page(browser: Browser, server: str, ids: dict, tmp_path: Path) -> None:
    """With CORROBORATE_UPDATE_SCREENSHOT=1 it writes docs/story-page.png; otherwise it checks that the committed
    one is a PNG of the width it would make."""
    context = browser.new_context(viewport=SCREENSHOT_SIZE, color_scheme="light")
    watch = Watch(context, server)
    page = context.new_page()
    page.goto(f"{server}/stories/{ids[SPILL]}")
    update = os.environ.get("CORROBORATE_UPDATE_SCREENSHOT") == "1"
    shot = SCREENSHOT if update else tmp_path / "story-page.png"
    page.screenshot(path=str(shot), full_page=False)
    assert _png_size(shot) == (SCREENSHOT_SIZE["width"], SCREENSHOT_SIZE["height"])
    assert SCREENSHOT.is_file(), f"{SCREENSHOT} is missing: run with CORROBORATE_UPDATE_SCREENSHOT=1 to make it"
    assert _png_size(SCREENSHOT)[0] == SCREENSHOT_SIZE["width"]
    assert SCREENSHOT.stat().st_size < 400_000, "keep the README's screenshot small"
    watch.check(page)
    context.close()
