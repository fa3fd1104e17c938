"""Unicode and whitespace clean-up, applied to every line before it is classified.

Outlets differ in typography: one writes ‘regime change’, another 'regime change', a third uses ‘ as an
apostrophe ("Cambodia‘s"). Comparing outlets needs one spelling, so quotes become ASCII, odd spaces become
plain spaces and invisible characters go. Normalising twice gives the same text as normalising once.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATION = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛′`´", "'"),
        **dict.fromkeys("“”„‟″«»", '"'),
        **dict.fromkeys(
            "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "
        ),
        **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", None),
        "\u2028": "\n",
        "\u2029": "\n",
        "\t": " ",
    }
)
_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_line(line: str) -> str:
    """One line with ASCII quotes, plain single spaces and no invisible characters."""
    line = unicodedata.normalize("NFC", line).translate(_TRANSLATION)
    return _SPACES.sub(" ", line).strip()


def normalize_text(text: str) -> str:
    """Every line normalised, line ends unified, paragraphs (blank lines) kept but never more than one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [normalize_line(line) for line in unicodedata.normalize("NFC", text).translate(_TRANSLATION).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
