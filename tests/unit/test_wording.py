"""Counts and articles built from variables."""

from __future__ import annotations

import pytest

from quizapp.wording import article, count, with_article


@pytest.mark.parametrize(
    ("number", "expected"), [(0, "0 questions"), (1, "1 question"), (2, "2 questions"), (74, "74 questions")]
)
def test_count_takes_the_plural_unless_one(number: int, expected: str) -> None:
    assert count(number, "question") == expected


def test_count_with_an_irregular_plural() -> None:
    assert count(1, "attempt was", "attempts were") == "1 attempt was"
    assert count(3, "attempt was", "attempts were") == "3 attempts were"


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("event", "an"),
        ("organisation", "an"),
        ("key term", "a"),
        ("person", "a"),
        ("date", "a"),
        ("hour", "an"),
        ("unit", "a"),
        ("European war", "a"),
        ("Indian city", "an"),
        ("", "a"),
    ],
)
def test_article_follows_the_sound_of_the_next_word(word: str, expected: str) -> None:
    assert article(word) == expected


def test_with_article() -> None:
    assert with_article("event") == "an event"
    assert with_article("noun phrase used across the text") == "a noun phrase used across the text"
