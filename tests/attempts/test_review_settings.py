"""The review after submitting: with the answers or the score hidden, nothing tells right from wrong."""

from __future__ import annotations

import pytest

from quizapp.attempts import loading
from tests.attempts.test_pages import autosave, start
from tests.attempts.test_services import fields_for_key
from tests.factories import all_types_quiz
from tests.support import post_form

# Everything that says, per question, whether the student's answer was right.
VERDICTS = ("(right)", "(wrong)", "items in order", "Right", "Not right", "Partly right", " of 1 mark", "fully right")
# The colours, and the summary's counts, symbols on the question links and the "not fully right" filter.
VERDICT_STYLES = ("alert-success", "alert-warning", 'id="review-counts"', 'id="review-filter"', "jump-right", "✓", "✗")


def reviewed(client, quiz_id: int) -> str:  # type: ignore[no-untyped-def]
    """The review of an attempt with multiple choice right, true/false wrong and the ordering partly right."""
    attempt = start(client, quiz_id)
    for answer in attempt.answers:
        kind = answer.question_version.type
        if kind in ("multiple_choice", "ordering"):
            fields = fields_for_key(answer)
            if kind == "ordering":  # the last two swapped: "2 of 3 items in order"
                shown = loading.shown_of(answer).shown_options()
                first, second = (str(shown.index(item)) for item in answer.question_version.answer[1:])
                key_first, key_second = fields[f"position-{first}"], fields[f"position-{second}"]
                fields[f"position-{first}"], fields[f"position-{second}"] = key_second, key_first
            autosave(client, attempt.id, answer.position, fields)
        elif kind == "true_false":
            autosave(client, attempt.id, answer.position, {"choice": "false"})
    post_form(client, f"/attempts/{attempt.id}/submit", {}, token_from=f"/attempts/{attempt.id}/submit")
    response = client.get(f"/attempts/{attempt.id}/review")
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("show_score", "show_answers"), [(False, False), (True, False), (False, True)], ids=["nothing", "score", "answers"]
)
def test_a_review_with_answers_or_score_hidden_shows_only_what_was_answered(
    student_client, users, show_score: bool, show_answers: bool
) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(
        users.teacher,
        review_show_score=show_score,
        review_show_answers=show_answers,
        review_show_explanations=False,
        review_show_sources=False,
    )
    html = reviewed(student_client, quiz.id)
    for verdict in VERDICTS + VERDICT_STYLES:
        assert verdict not in html, f"{verdict!r} tells right from wrong with score={show_score} answers={show_answers}"
    assert "<strong>Your answer:</strong> False" in html  # what the student answered is still there
    assert ("<strong>Answer:</strong>" in html) is show_answers
    assert "Retake my mistakes" not in html


def test_a_review_that_shows_score_and_answers_says_what_was_right(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, review_show_explanations=False, review_show_sources=False)
    html = reviewed(student_client, quiz.id)
    # One sentence each: the verdict, what the grader found when it adds anything, the marks.
    for verdict in ("Right: 1 of 1 mark.", "Not right: 0 of 1 mark.", "Partly right (2 of 3 items in order): 0.67 of"):
        assert verdict in html
    assert "(right)" not in html
    assert "(wrong)" not in html
    assert 'id="review-counts"' in html
    assert "jump-right" in html
    assert "alert-success" in html
    assert "alert-warning" in html
    assert "<strong>Answer:</strong>" in html
