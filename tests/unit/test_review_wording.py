"""The review's wording: one verdict sentence per answer, and no explanation that only repeats the source."""

from __future__ import annotations

import pytest

from quizapp.attempts.review_wording import explanation_beyond, marks, verdict, verdict_kind


@pytest.mark.parametrize(
    ("score", "points", "detail", "expected"),
    [
        (1.0, 1.0, "right", "Right: 1 of 1 mark."),
        (0.0, 1.0, "wrong", "Not right: 0 of 1 mark."),
        (0.0, 1.0, "not answered", "Not right (not answered): 0 of 1 mark."),
        (2 / 3, 1.0, "2 of 3 items in order", "Partly right (2 of 3 items in order): 0.67 of 1 mark."),
        (3.0, 3.0, "all 3 items in order", "Right: 3 of 3 marks."),
        (1.0, 1.0, "matches an accepted answer, allowing for spelling",
         "Right (matches an accepted answer, allowing for spelling): 1 of 1 mark."),
        (None, 1.0, "", "Awaiting your teacher's mark."),
    ],
)  # fmt: skip
def test_one_sentence_says_the_verdict_once(score: float | None, points: float, detail: str, expected: str) -> None:
    said = verdict(score, points, detail)
    assert said == expected
    assert said.lower().count("right") <= 1 + detail.count("right")


def test_kinds_and_marks() -> None:
    assert [verdict_kind(s, 1.0) for s in (1.0, 0.5, 0.0, None)] == ["right", "partly", "wrong", "awaiting"]
    assert verdict_kind(1.0, 1.0, awaiting_mark=True) == "awaiting"
    assert [marks(v) for v in (2, 2.5, 0.6666, 0.1)] == ["2", "2.5", "0.67", "0.1"]


def test_an_explanation_that_only_quotes_a_shown_source_is_dropped() -> None:
    quote = "The canal opened in 1821."
    assert explanation_beyond(f"The text says: “{quote}”", [quote]) is None
    assert explanation_beyond(f"True. The text says: “{quote}”", [" The canal  opened in 1821"]) is None
    # Not shown as a source (the settings hide sources): the explanation is all the student gets.
    assert explanation_beyond(f"The text says: “{quote}”", []) == f"The text says: “{quote}”"
    # A teacher's own explanation stays.
    assert explanation_beyond("Canals came before railways here.", [quote]) == "Canals came before railways here."
    assert explanation_beyond(None, [quote]) is None
