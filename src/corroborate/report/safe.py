"""Text from outside (an article, a file name) made safe to show: the one place that strips control characters.

An article can carry terminal escape sequences (clearing the screen, setting the window title, OSC 8 links),
bidirectional overrides that make a line read backwards, and words that look like rich markup ("[/bold]").
Every report that shows such text passes it through `printable`; the terminal reports also wrap it in a rich
`Text` (`plain`), which is never read as markup. Markdown and HTML escape their own syntax on top.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window title, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape, and a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"  # CSI as one C1 character
    r"|\x9d[^\x07\x9c]*[\x07\x9c]?"  # OSC as one C1 character
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
"""C0 and C1 controls but for tab and newline, DEL, and the marks that reorder bidirectional text."""


def printable(text: str, newlines: bool = True) -> str:
    """`text` without escape sequences or control characters (tabs become spaces; newlines kept unless told)."""
    text = _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", text)).replace("\t", " ")
    return text if newlines else " ".join(text.split("\n"))


def plain(text: str | None, style: str = "") -> Text:
    """`text` for a rich table or panel: printable, and shown as it is, never read as markup."""
    from rich.text import Text

    return Text(printable(text or ""), style=style)
