"""`printable`, the one place where text from outside is made safe to show: a table of what it takes out."""

from __future__ import annotations

import pytest

from corroborate.report.safe import plain, printable

ESC = "\x1b"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (f"a{ESC}[2J{ESC}[Hb", "ab"),  # clear the screen, cursor home
        (f"a{ESC}[31mred{ESC}[0mb", "aredb"),  # colours
        (f"a{ESC}]0;pwned{ESC}\\b", "ab"),  # window title, ended by ST
        (f"a{ESC}]0;pwned\x07b", "ab"),  # window title, ended by BEL
        (f"{ESC}]8;;https://evil.example/{ESC}\\click{ESC}]8;;{ESC}\\", "click"),  # an OSC 8 link
        (f"a{ESC}P1$r{ESC}\\b", "ab"),  # a device control string
        ("a\x9b2Jb", "ab"),  # CSI as one C1 character
        ("a\x9d0;t\x07b", "ab"),  # OSC as one C1 character
        (f"a{ESC}", "a"),  # a lone ESC at the end
        ("a\x07\x08\x00\x7fb", "ab"),  # bell, backspace, NUL, DEL
        ("abc\u202edcba", "abcdcba"),  # a right-to-left override
        ("a\tb", "a b"),
        ("a\nb", "a\nb"),
        ("[/bold] [link=x]y[/link]", "[/bold] [link=x]y[/link]"),  # markup is text here: `plain` keeps it so
        ("Café, 東京, emoji 🙂", "Café, 東京, emoji 🙂"),
    ],
)
def test_printable_takes_out_escapes_and_controls_only(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(shown) == shown


def test_printable_can_make_one_line() -> None:
    assert printable("two\nlines", newlines=False) == "two lines"


def test_plain_is_never_read_as_markup() -> None:
    from rich.console import Console

    console = Console(width=60, record=True, color_system=None)
    console.print(plain(f"[/] [bold]x[/bold] {ESC}[2J", style="bold"))
    assert console.export_text() == "[/] [bold]x[/bold] \n"
