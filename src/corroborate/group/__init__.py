"""Stage 4, group: which articles are re-publications of one another, and which tell the same event.

    readings ─ sign ─ Signature ─ Grouper(state).place ─ Placement      one article into a library (any size)
                                  Grouper(state).refine(stories)        after a batch: merge the pieces of one event
               signatures ─ group_signatures ─ stories, placements      a corpus: the same, over a MemoryState

The state (`GroupingState`) is all grouping remembers: `MemoryState` for one run, the library's SQLite file for
`corroborate add`.
"""

from corroborate.group.grouper import Grouper, arrival, containment, group_signatures, story_id_for
from corroborate.group.options import GroupingOptions
from corroborate.group.signature import sign
from corroborate.group.state import GroupingState, MemoryState

__all__ = [
    "Grouper",
    "GroupingOptions",
    "GroupingState",
    "MemoryState",
    "arrival",
    "containment",
    "group_signatures",
    "sign",
    "story_id_for",
]
