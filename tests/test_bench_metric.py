"""The benchmark's metric, as bench/extraction.py computes it: word 4-gram shingles, averaged over pages."""

from __future__ import annotations

import pytest
from bench.extraction import page_counts, page_precision, page_recall, scores, shingles


def test_identical_texts_score_one() -> None:
    counts = page_counts("The cat sat on the mat today.", "The cat sat on the mat today.")
    assert counts == (1.0, 0.0, 0.0)
    assert page_precision(counts) == page_recall(counts) == 1.0
    assert scores([counts]).f1 == 1.0


def test_disjoint_texts_score_zero() -> None:
    counts = page_counts("one two three four five", "six seven eight nine ten")
    assert counts[0] == 0.0
    assert page_precision(counts) == page_recall(counts) == 0.0
    assert scores([counts]).f1 == 0.0


def test_tokens_are_words_without_punctuation_and_case_counts() -> None:
    assert page_counts("Hello, world: this is it!", "hello world this is it")[0] < 1.0
    assert page_counts("Hello, world: this is it!", "Hello world -- this is it")[0] == 1.0


def test_one_word_changed_costs_the_shingles_around_it() -> None:
    tp, fp, fn = page_counts("the cat sat on the mat", "the cat sat on a mat")
    # truth: "the cat sat on", "cat sat on the", "sat on the mat"; prediction shares only the first
    assert (tp, fp, fn) == pytest.approx((1 / 5, 2 / 5, 2 / 5))
    assert page_precision((tp, fp, fn)) == pytest.approx(1 / 3)
    assert page_recall((tp, fp, fn)) == pytest.approx(1 / 3)


def test_shingles_count_with_their_repeats() -> None:
    assert shingles("a b c d a b c d")["a b c d"] == 2
    counts = page_counts("a b c d", "a b c d a b c d")
    assert page_precision(counts) == pytest.approx(1 / 5)
    assert page_recall(counts) == 1.0


def test_a_text_shorter_than_a_shingle_is_one_shingle() -> None:
    assert shingles("two words") == {"two words": 1}
    assert shingles("") == {}
    assert shingles("  ,;  ") == {}


def test_counts_are_normalised_so_long_pages_weigh_as_much_as_short_ones() -> None:
    long = page_counts(" ".join(f"w{i}" for i in range(1000)), " ".join(f"w{i}" for i in range(500)))
    assert sum(long) == pytest.approx(1.0)


def test_empty_prediction_counts_for_recall_only() -> None:
    empty = page_counts("some words of the article body", "")
    perfect = page_counts("other words of another article", "other words of another article")
    result = scores([empty, perfect])
    assert result.precision == 1.0  # the empty page predicted nothing: no precision to average
    assert result.recall == 0.5
    assert result.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_precision_and_recall_are_averaged_over_pages_then_combined() -> None:
    half_noise = page_counts("a b c d", "a b c d x y z w")  # 1 shingle right, 4 wrong
    result = scores([(1.0, 0.0, 0.0), half_noise])
    assert result.precision == pytest.approx((1.0 + 1 / 5) / 2)
    assert result.recall == 1.0
    assert result.f1 == pytest.approx(2 * result.precision / (result.precision + 1.0))


def test_nothing_expected_and_nothing_predicted_is_left_out() -> None:
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    assert scores([(0.0, 0.0, 0.0), (1.0, 0.0, 0.0)]).f1 == 1.0
