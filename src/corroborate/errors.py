"""Every error corroborate raises, in one place, each saying what went wrong and how to fix it.

    CorroborateError
    ├── InputError          one input cannot be used (empty, binary, too big, not an article, ...)
    │   └── NotAnArticle    the input was read, but holds no article text
    ├── LibraryError        the library file cannot be used (damaged, locked, newer, not writable)
    ├── OutputError         the report cannot be written (no such folder, read-only, disk full)
    ├── UsageError          the command line asks for something impossible (exit status 2)
    └── ModelUnavailable    a language model package is not installed

An `InputError` names its source and is reported as one line; the rest of the batch goes on.
"""

from __future__ import annotations


class CorroborateError(Exception):
    """Base of every error raised on purpose by corroborate."""


class InputError(CorroborateError):
    """One input cannot be used. `source` names it, `reason` says why in a few words."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotAnArticle(InputError):
    """The input was read, but what it holds is not a news article (a list of links, a login page, ...)."""


class LibraryError(CorroborateError):
    """The library (a SQLite file) cannot be used. `path` names it, `reason` says why and what to do."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"library {path}: {reason}")
        self.path = path
        self.reason = reason


class OutputError(CorroborateError):
    """What was asked for cannot be written. `path` names where ("standard output" for stdout)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class UsageError(CorroborateError):
    """The command line is well formed but cannot be done (an --output into a folder that does not exist)."""


class ModelUnavailable(CorroborateError):
    """A model package the stage needs is not installed."""

    def __init__(self, what: str, remedy: str) -> None:
        super().__init__(f"{what} is not installed: {remedy}")
        self.what = what
        self.remedy = remedy
