"""The HTML report in a real headless browser (Debian's chromium, driven by Playwright): it renders, fits a phone
without scrolling sideways, fetches nothing, and a script planted in an article does not run.

Needs /usr/bin/chromium (`apt-get install -y chromium`); `.ci/run` installs it. Never `playwright install`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from tests.conftest import EXAMPLES

from corroborate.pipeline import PipelineOptions
from corroborate.report.html import render_html
from corroborate.store import report_inputs

CHROMIUM = Path("/usr/bin/chromium")
MISSING = (
    None
    if CHROMIUM.exists()
    else f"{CHROMIUM} is missing: install Debian's chromium with `sudo apt-get install -y chromium` "
    "(the browser tests need it; do not run `playwright install`)"
)
ARGS = [
    *("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
    *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
PLANTED = '<script>window.__pwned = true; document.title = "pwned";</script>'
LONG_URL = "https://example.org/port-log/" + "a" * 150
ANCHOR = "The Astra Meridian ran aground near Walvis Bay during a storm earlier this month."


def past_the_edges(page: Page, width: int = PHONE["width"]) -> list[str]:
    """With every <details> opened, what lies past the edges of a screen `width` pixels wide: the page scrolling
    sideways, and the first ten elements sticking out (tag, class, right edge)."""
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    sticking_out: list[str] = page.evaluate(
        """(width) => [...document.querySelectorAll('body *')]
            .filter(e => {
                const r = e.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
            })
            .slice(0, 10).map(e => `${e.tagName}.${e.className}: ${Math.round(e.getBoundingClientRect().right)}`)""",
        width,
    )
    return [f"the page scrolls to {scroll} px"] * (scroll > width) + sticking_out


@pytest.fixture(autouse=True, scope="module")
def _chromium_is_installed() -> None:
    if MISSING:
        pytest.fail(MISSING, pytrace=False)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the examples, one of them with a script, `&`, quotes and a long address planted in its text."""
    inputs = tmp_path_factory.mktemp("examples")
    shutil.copytree(EXAMPLES, inputs, dirs_exist_ok=True)
    ledger = inputs / "daily-ledger.txt"
    text = ledger.read_text(encoding="utf-8")
    assert ANCHOR in text
    planted = f'A dock worker said {PLANTED} the oil & "tar" reached the beach by noon, see {LONG_URL} for the log.'
    ledger.write_text(text.replace(ANCHOR, f"{ANCHOR}\n\n{planted}\n\n", 1), encoding="utf-8")
    report, _outcomes = report_inputs([str(inputs)], PipelineOptions(embeddings=False))
    assert any(PLANTED in paragraph for story in report.stories for s in story.sources for paragraph in s.paragraphs)
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    path.with_suffix(".title").write_text(report.stories[0].title, encoding="utf-8")
    assert len(report.stories[0].sources) == 3, "the examples' Walvis Bay story should come first, with 3 sources"
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _open(browser: Browser, page_file: Path, viewport: dict[str, int]) -> tuple[Page, list[str]]:
    """The page loaded at a viewport, and every URL it requested."""
    page = browser.new_page(viewport=viewport)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(page_file.as_uri())
    return page, requests


def test_the_report_renders_with_sources_side_by_side(browser: Browser, page_file: Path) -> None:
    page, requests = _open(browser, page_file, DESKTOP)
    assert page.title() == "Corroboration report"
    title = page.locator("#story-1-title")
    assert title.is_visible()
    assert title.inner_text() == page_file.with_suffix(".title").read_text(encoding="utf-8")
    for kind in ("corroborated", "single", "disputed"):
        assert page.locator(f"#story-1-sources .source mark.{kind}").count() > 0, kind
    boxes = [page.locator("#story-1-sources .source").nth(i).bounding_box() for i in range(3)]
    assert all(boxes)
    assert len({round(box["y"]) for box in boxes if box}) == 1, "the sources should be columns on a wide screen"
    assert requests == [page_file.as_uri()], "the page should fetch nothing but itself"
    page.close()


def test_nothing_overflows_on_a_phone(browser: Browser, page_file: Path) -> None:
    page, requests = _open(browser, page_file, PHONE)
    assert past_the_edges(page) == []
    boxes = [page.locator("#story-1-sources .source").nth(i).bounding_box() for i in range(3)]
    assert len({round(box["x"]) for box in boxes if box}) == 1, "the sources should be stacked on a phone"
    assert requests == [page_file.as_uri()]
    page.close()


def test_a_planted_script_does_not_run_and_shows_as_text(browser: Browser, page_file: Path) -> None:
    page, _requests = _open(browser, page_file, DESKTOP)
    assert page.evaluate("window.__pwned === undefined")
    assert page.title() == "Corroboration report"
    assert page.locator("script").count() == 0
    assert PLANTED in page.locator("#story-1-sources").inner_text()
    assert 'the oil & "tar" reached the beach' in page.locator("#story-1-sources").inner_text()
    page.close()


def test_screenshots_of_a_phone_and_a_desktop(browser: Browser, page_file: Path, tmp_path: Path) -> None:
    for name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page, _requests = _open(browser, page_file, viewport)
        shot = tmp_path / f"report-{name}.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 10_000
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        page.close()
