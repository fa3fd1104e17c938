"""The pipeline's per-article step: every article isolated at every stage, failures named, order kept."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from corroborate.models import Failure, Reading
from corroborate.pipeline import PipelineOptions, Processed, inputs, process_articles, read_articles

FERRY = (
    "The island ferry sailed again on Friday after three days in port, the operator said. "
    "Storm winds of up to 90 kilometres an hour had kept the Marisol at her berth since Tuesday. "
    "About 400 passengers were waiting on the quay when boarding began at dawn."
)
BRIDGE = (
    "Engineers closed the old river bridge in Tallow on Monday after finding cracks in two of its piers. "
    "The town council said traffic would be sent over the northern crossing for at least a month. "
    "The bridge, built in 1931, carries about 12,000 vehicles a day."
)
POISON = "The word EXPLODE in an article makes the test's analysis fail. " * 4


def _write(folder: Path) -> list[str]:
    texts = {"1-ferry.txt": FERRY, "2-poison.txt": POISON, "3-bridge.txt": BRIDGE, "4-empty.txt": ""}
    for name, text in texts.items():
        (folder / name).write_text(text)
    return [str(folder / name) for name in texts]


@pytest.fixture
def analysis_fails_on_explode(monkeypatch: pytest.MonkeyPatch) -> None:
    module = importlib.import_module("corroborate.analyze")  # the module, not the function the package exports
    real = module._read

    def failing(article, body):  # type: ignore[no-untyped-def]
        if "EXPLODE" in article.text:
            raise ValueError("the analysis broke")
        return real(article, body)

    monkeypatch.setattr(module, "_read", failing)


def test_one_article_that_breaks_analysis_fails_alone(tmp_path: Path, analysis_fails_on_explode: None) -> None:
    paths = _write(tmp_path)
    results = list(read_articles(inputs(paths)))
    assert [type(result).__name__ for result in results] == ["Reading", "Failure", "Reading", "Failure"]
    poison, empty = results[1], results[3]
    assert isinstance(poison, Failure) and poison.stage == "analyze" and poison.source.endswith("2-poison.txt")
    assert "ValueError: the analysis broke" in poison.reason
    assert isinstance(empty, Failure) and empty.stage == "ingest" and empty.reason == "empty file"
    assert all(isinstance(result, Reading) and result.analysed for result in (results[0], results[2]))


def test_every_article_is_signed_with_its_own_id(tmp_path: Path) -> None:
    paths = _write(tmp_path)
    results = list(process_articles(inputs(paths[:1] + paths[2:3]), PipelineOptions(embeddings=False)))
    assert all(isinstance(result, Processed) for result in results)
    assert [result.signature.article for result in results] == [result.id for result in results]  # type: ignore[union-attr]
    assert len({result.id for result in results}) == 2  # type: ignore[union-attr]
