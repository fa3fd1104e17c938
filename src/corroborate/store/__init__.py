"""The library: articles, their readings and their stories in one SQLite file (see library.py, schema.py)."""

from corroborate.store.library import AddOutcome, Library, report_inputs

__all__ = ["AddOutcome", "Library", "report_inputs"]
