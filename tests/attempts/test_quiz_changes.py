"""The exam's rules after the teacher changes the quiz: an open attempt follows the quiz as it is now.

Closing the quiz (or moving its closing time earlier) stops an open attempt at that time; unpublishing it,
taking it away from the class or the student out of the class hands the attempt in with what was saved. Each
is refused on autosave with a clear message, handed in on submit and swept by `flask attempts close-overdue`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import select

from quizapp.attempts import saving, submitting
from quizapp.attempts.models import Attempt, AttemptAnswer
from quizapp.classes import services as classes
from quizapp.classes.models import SchoolClass
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.quizzes import assignments, builder
from quizapp.quizzes.models import Quiz
from tests.attempts.test_pages import autosave, start
from tests.attempts.test_services import fields_for_key
from tests.factories import all_types_quiz, assign, class_with, user
from tests.support import csrf_token, login, post_form


def close_earlier(quiz: Quiz, school_class: SchoolClass, attempt: Attempt, teacher) -> None:  # type: ignore[no-untyped-def]
    attempt.started_at -= timedelta(minutes=30)
    quiz.closes_at = utcnow() - timedelta(minutes=10)


def unpublish(quiz: Quiz, school_class: SchoolClass, attempt: Attempt, teacher) -> None:  # type: ignore[no-untyped-def]
    builder.set_published(db.session, quiz, False, actor=teacher)


def take_from_class(quiz: Quiz, school_class: SchoolClass, attempt: Attempt, teacher) -> None:  # type: ignore[no-untyped-def]
    assignments.unassign_quiz(db.session, school_class, quiz.id, actor=teacher)


def remove_student(quiz: Quiz, school_class: SchoolClass, attempt: Attempt, teacher) -> None:  # type: ignore[no-untyped-def]
    member = next(m for m in school_class.members if m.user_id == attempt.student_id)
    classes.remove_member(db.session, school_class, member.id, actor=teacher)


WITHDRAWN = "This quiz is no longer open to you: this answer was not saved."
CHANGES: dict[str, tuple[Callable[..., None], str, str]] = {
    # change, the attempt's status after it is closed, how the message autosave answers with begins
    "closed_earlier": (close_earlier, "closed_overdue", "Time is up: this answer was not saved."),
    "unpublished": (unpublish, "submitted", WITHDRAWN),
    "taken_from_class": (take_from_class, "submitted", WITHDRAWN),
    "student_removed": (remove_student, "submitted", WITHDRAWN),
}


def open_attempt_with_one_answer(client, users, change: str) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """A class quiz without a time limit, an attempt with its first answer right, then the teacher's change."""
    quiz, _ = all_types_quiz(users.teacher, visibility="class", shuffle_questions=False)
    school_class = class_with(users.teacher, [users.student])
    assign(quiz, school_class)
    db.session.commit()
    attempt = start(client, quiz.id)
    assert attempt.deadline is None
    assert autosave(client, attempt.id, 0, fields_for_key(attempt.answers[0])).status_code == 200
    apply, status, message = CHANGES[change]
    apply(quiz, school_class, attempt, user(users.teacher))
    db.session.commit()
    return attempt.id, status, message


def attempt_row(attempt_id: int) -> Attempt:
    db.session.expire_all()
    found = db.session.get(Attempt, attempt_id)
    assert found is not None
    return found


def responses(attempt_id: int) -> list[object]:
    rows = db.session.scalars(
        select(AttemptAnswer).where(AttemptAnswer.attempt_id == attempt_id).order_by(AttemptAnswer.position)
    )
    return [row.response for row in rows]


@pytest.mark.parametrize("change", list(CHANGES))
def test_autosave_after_the_change_is_refused_and_the_attempt_handed_in(student_client, users, change: str) -> None:  # type: ignore[no-untyped-def]
    attempt_id, status, message = open_attempt_with_one_answer(student_client, users, change)
    token = csrf_token(student_client, "/")
    refused = autosave(student_client, attempt_id, 1, {"choice": "true"}, token)
    assert refused.status_code == 409
    assert refused.get_json()["ok"] is False
    assert refused.get_json()["error"].startswith(message)
    attempt = attempt_row(attempt_id)
    assert attempt.status == status
    assert attempt.score == 1  # graded with the answer saved before the change, and nothing after it
    assert responses(attempt_id)[1] is None
    again = autosave(student_client, attempt_id, 1, {"choice": "true"}, token)
    assert again.status_code == 409
    assert responses(attempt_id)[1] is None
    assert student_client.get(f"/attempts/{attempt_id}/q/1").status_code == 302  # to the review


@pytest.mark.parametrize("change", list(CHANGES))
def test_submit_after_the_change_hands_in_what_was_saved(student_client, users, change: str) -> None:  # type: ignore[no-untyped-def]
    attempt_id, status, _ = open_attempt_with_one_answer(student_client, users, change)
    submitted = post_form(student_client, f"/attempts/{attempt_id}/submit", {"q1-choice": "true"}, token_from="/")
    assert submitted.status_code == 302
    assert submitted.headers["Location"].endswith(f"/attempts/{attempt_id}/review")
    attempt = attempt_row(attempt_id)
    assert (attempt.status, attempt.score) == (status, 1)
    assert student_client.get(f"/attempts/{attempt_id}/review").status_code == 200


@pytest.mark.parametrize("change", list(CHANGES))
def test_the_overdue_job_closes_the_attempt(app, runner, student_client, users, change: str) -> None:  # type: ignore[no-untyped-def]
    untouched, _ = all_types_quiz(users.teacher, title="Still open")
    other = app.test_client()
    login(other, users.other_student)
    still_open = start(other, untouched.id).id
    attempt_id, status, _ = open_attempt_with_one_answer(student_client, users, change)
    result = runner.invoke(args=["attempts", "close-overdue"])
    assert "closed 1 overdue" in result.output
    attempt = attempt_row(attempt_id)
    assert (attempt.status, attempt.score) == (status, 1)
    assert attempt_row(still_open).status == "in_progress"


def test_a_closing_time_moved_earlier_shortens_the_timer_and_a_later_one_gives_time_back(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(
        users.teacher, time_limit_minutes=60, closes_at=utcnow() + timedelta(minutes=20), shuffle_questions=False
    )
    attempt = start(student_client, quiz.id)
    attempt_id = attempt.id

    def seconds_left() -> int:
        html = student_client.get(f"/attempts/{attempt_id}/q/0").get_data(as_text=True)
        return int(re.search(r'data-seconds-left="(\d+)"', html).group(1))

    assert 1100 < seconds_left() <= 1200  # the quiz closes before the hour is up
    quiz.closes_at = utcnow() + timedelta(minutes=5)
    db.session.commit()
    assert 200 < seconds_left() <= 300
    quiz.closes_at = utcnow() + timedelta(hours=3)
    db.session.commit()
    assert 3500 < seconds_left() <= 3600  # the time limit again
    student = user(users.student)
    later = utcnow() + timedelta(minutes=30)  # past the first closing time, within the hour
    saved = saving.save_answer(db.session, attempt_id, student, 1, {"choice": "true"}, now=later)
    db.session.commit()
    assert not saved.closed
    assert attempt_row(attempt_id).status == "in_progress"


def test_a_public_quiz_stays_open_to_a_student_taken_out_of_a_class(student_client, users) -> None:  # type: ignore[no-untyped-def]
    quiz, _ = all_types_quiz(users.teacher, visibility="public", shuffle_questions=False)
    school_class = class_with(users.teacher, [users.student])
    assign(quiz, school_class)
    db.session.commit()
    attempt_id = start(student_client, quiz.id).id
    remove_student(quiz, school_class, attempt_row(attempt_id), user(users.teacher))
    db.session.commit()
    assert autosave(student_client, attempt_id, 0, {"choice": "0"}).status_code == 200
    assert submitting.close_overdue(db.session, now=utcnow()).closed == 0
    assert attempt_row(attempt_id).status == "in_progress"


def test_a_personal_practice_attempt_is_not_swept(users) -> None:  # type: ignore[no-untyped-def]
    from tests.practice.test_services import DAY, T0, personal_session

    _, attempt = personal_session(users)
    assert submitting.close_overdue(db.session, now=T0 + 2 * DAY + timedelta(hours=1)).closed == 0
    assert attempt_row(attempt.id).status == "in_progress"


def removed_beside_a_classmate(app, student_client, users) -> int:  # type: ignore[no-untyped-def]
    """A class quiz, a classmate with an attempt of their own, the student's attempt, the student taken out."""
    quiz, _ = all_types_quiz(users.teacher, visibility="class", shuffle_questions=False)
    school_class = class_with(users.teacher, [users.student, users.other_student])
    assign(quiz, school_class)
    db.session.commit()
    classmate = app.test_client()
    login(classmate, users.other_student)
    start(classmate, quiz.id)  # still in the class
    attempt_id = start(student_client, quiz.id).id
    remove_student(quiz, school_class, attempt_row(attempt_id), user(users.teacher))
    db.session.commit()
    return attempt_id


def test_a_classmate_s_attempt_does_not_keep_the_quiz_open_to_a_removed_student(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    attempt_id = removed_beside_a_classmate(app, student_client, users)
    refused = autosave(student_client, attempt_id, 0, {"choice": "0"}, csrf_token(student_client, "/"))
    assert refused.status_code == 409
    assert refused.get_json()["error"].startswith(WITHDRAWN)
    assert attempt_row(attempt_id).status == "submitted"


def test_the_question_page_hands_in_the_removed_student_s_attempt(app, student_client, users) -> None:  # type: ignore[no-untyped-def]
    attempt_id = removed_beside_a_classmate(app, student_client, users)
    db.session.remove()  # the page reads the attempt itself, as in production
    page = student_client.get(f"/attempts/{attempt_id}/q/0")
    assert page.status_code == 302
    assert page.headers["Location"].endswith(f"/attempts/{attempt_id}/review")
    assert attempt_row(attempt_id).status == "submitted"
