"""What keeping stories' reports (store/reports.py) adds to `corroborate add`, and what it saves a reader.

For each corpus (the examples; ECB+ dev, 197 real articles, shared/dev-data/ecbplus) a fresh library file is
filled the way `corroborate add` fills it, in two timed parts: reading and placing the articles (reports not
made, as a kill right after placing would leave them), then reporting every story as the end of `add` does.
Then the reader's side: a story's report read from the library (kept) against made again by the compare stage,
summed over every story. Wall clock and CPU seconds of this process; embeddings as `add` uses them (on).

    .venv/bin/python bench/reports.py                 # the examples and ECB+ dev
    .venv/bin/python bench/reports.py --no-embeddings
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.extraction import SHARED, describe_machine, machine  # noqa: E402

from corroborate.pipeline import PipelineOptions, report_story  # noqa: E402
from corroborate.store import Library  # noqa: E402

ECBPLUS = SHARED / "dev-data" / "ecbplus"


class _PlacingOnly(Library):
    """`add` without its last step, reporting the stories placed into."""

    def _report_stale(self) -> None:
        pass


def _timed(step: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = step()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def measure(paths: Sequence[str], options: PipelineOptions) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "library.db"
        with _PlacingOnly(db, options) as library:
            _, add_wall, add_cpu = _timed(lambda: list(library.add(paths)))
            articles, stories = library.counts()
        with Library(db, options) as library:
            _, report_wall, report_cpu = _timed(library._report_stale)
            ids = library.story_ids()
            _, kept_wall, _ = _timed(lambda: [library.report_story(story) for story in ids])
            _, fresh_wall, _ = _timed(lambda: [report_story(*library.story(story), options) for story in ids])
            kept_bytes = library.connection.execute("SELECT SUM(length(report)) FROM story_report").fetchone()[0]
    return {
        "articles": articles,
        "stories": stories,
        "read_and_place": {"wall_s": round(add_wall, 2), "cpu_s": round(add_cpu, 2)},
        "report_every_story": {"wall_s": round(report_wall, 2), "cpu_s": round(report_cpu, 2)},
        "added_to_add": f"{100 * report_wall / add_wall:.1f} % of wall clock, {100 * report_cpu / add_cpu:.1f} % CPU",
        "read_all_reports_kept_s": round(kept_wall, 3),
        "make_all_reports_again_s": round(fresh_wall, 3),
        "kept_reports_kib": round((kept_bytes or 0) / 1024, 1),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-embeddings", action="store_true")
    args = parser.parse_args(argv)
    options = PipelineOptions(embeddings=not args.no_embeddings)
    dev = sorted(json.loads((ECBPLUS / "splits.json").read_text())["docs"]["dev"])
    corpora = {
        "examples": [str(ROOT / "examples")],
        "ecbplus_dev": [str(ECBPLUS / "docs" / f"{doc}.txt") for doc in dev],
    }
    figures = {"machine": machine(), "embeddings": options.embeddings}
    for name, paths in corpora.items():
        figures[name] = measure(paths, options)
        print(name, json.dumps(figures[name]), flush=True)
    print(describe_machine(figures["machine"]))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
