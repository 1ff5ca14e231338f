"""The practice pages through the test client: what the student sees, the buttons, and nobody else's."""

from __future__ import annotations

import re
from datetime import timedelta

from flask.testing import FlaskClient
from sqlalchemy import func, select

from quizapp.attempts.models import Attempt
from quizapp.extensions import db
from quizapp.models import utcnow
from quizapp.practice.models import ReviewCard
from quizapp.quizzes.models import Quiz
from tests.conftest import Accounts
from tests.factories import all_types_quiz, class_with, finished_attempt, user
from tests.support import login, post_form


def practice_quiz_with_answers(
    users: Accounts, scores: list[float], *, ago: timedelta = timedelta(minutes=5), **settings: object
) -> Attempt:
    """A finished attempt of the student's, ``ago`` ago: three days ago, every card made from it is due now."""
    quiz, _ = all_types_quiz(users.teacher, **settings)
    attempt = finished_attempt(quiz, user(users.student), scores, submitted_at=utcnow() - ago)
    db.session.commit()
    return attempt


def attempt_from(response) -> Attempt:  # type: ignore[no-untyped-def]
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    match = re.search(r"/attempts/(\d+)", response.headers["Location"])
    assert match, response.headers["Location"]
    db.session.rollback()
    return db.session.get(Attempt, int(match.group(1)))


def test_practice_page_before_any_answer(student_client: FlaskClient) -> None:
    html = student_client.get("/practice").get_data(as_text=True)
    assert "Nothing to review yet" in html
    assert "How spaced repetition works" in html
    assert 'href="/practice"' in html  # the student navigation links here


def test_practice_page_makes_cards_and_says_when_the_next_is_due(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt = practice_quiz_with_answers(users, [1, 0, 1, 1, 1])
    html = student_client.get("/practice").get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(ReviewCard)) == 5
    assert re.search(r'id="due-count">0<', html)
    assert "The next question is due on" in html
    tomorrow = (attempt.submitted_at + timedelta(days=1)).strftime("%d %B %Y, %H:%M UTC")
    assert tomorrow in html  # the missed one comes back first, a day later
    assert "Start review" not in html
    # The last attempt had one mistake: it can be retaken from here.
    assert f'action="/practice/mistakes/{attempt.id}"' in html
    assert "1 question not fully right" in html


def test_dashboard_counts_what_is_due(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    practice_quiz_with_answers(users, [1, 0, 1, 0, 1])
    assert "No question is due for review" in student_client.get("/").get_data(as_text=True)
    practice_quiz_with_answers(users, [1, 0, 1, 0, 1], ago=timedelta(days=3), title="Older quiz")
    html = student_client.get("/").get_data(as_text=True)
    assert "<strong>5</strong> questions are due for review" in html


def test_start_review_opens_a_practice_attempt_once(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    practice_quiz_with_answers(users, [1, 0, 1, 0, 1], ago=timedelta(days=3))
    html = student_client.get("/practice").get_data(as_text=True)
    assert re.search(r'id="due-count">5<', html)
    first = attempt_from(post_form(student_client, "/practice/review", {}, token_from="/practice"))
    second = attempt_from(post_form(student_client, "/practice/review", {}, token_from="/practice"))
    assert first.id == second.id
    assert first.quiz.title == "Due for review"
    assert first.quiz.mode == "practice"
    assert len(first.answers) == 5
    page = student_client.get(f"/attempts/{first.id}/q/0").get_data(as_text=True)
    assert "Check answer" in page
    assert "Resume the review" in student_client.get("/practice").get_data(as_text=True)


def test_start_review_with_nothing_due_explains(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    practice_quiz_with_answers(users, [1, 1, 1, 1, 1])
    response = post_form(student_client, "/practice/review", {}, token_from="/practice")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/practice")
    html = student_client.get("/practice").get_data(as_text=True)
    assert "Nothing is due for review right now." in html
    assert "The next question is due on" in html
    assert db.session.scalar(select(func.count()).select_from(Attempt).where(Attempt.status == "in_progress")) == 0


def test_review_page_offers_a_retake_of_the_mistakes(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt = practice_quiz_with_answers(users, [1, 0, 0.5, 1, 1])
    html = student_client.get(f"/attempts/{attempt.id}/review").get_data(as_text=True)
    assert "Retake my mistakes" in html
    retake = attempt_from(post_form(student_client, f"/practice/mistakes/{attempt.id}", {}, token_from="/practice"))
    assert retake.quiz.title == "My mistakes"
    assert len(retake.answers) == 2
    # Its own review page leads back to practice, not to a quiz page.
    done = post_form(student_client, f"/attempts/{retake.id}/submit", {}, token_from="/practice")
    assert done.status_code == 302
    assert done.headers["Location"].endswith(f"/practice/finished/{retake.id}")  # what comes next, first
    html = student_client.get(f"/attempts/{retake.id}/review").get_data(as_text=True)
    assert 'href="/practice">Back to practice' in html


def test_no_retake_button_when_all_right_or_answers_hidden(student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    perfect = practice_quiz_with_answers(users, [1, 1, 1, 1, 1])
    assert "Retake my mistakes" not in student_client.get(f"/attempts/{perfect.id}/review").get_data(as_text=True)
    response = post_form(student_client, f"/practice/mistakes/{perfect.id}", {}, token_from="/practice")
    assert response.headers["Location"].endswith(f"/attempts/{perfect.id}/review")
    assert "nothing to retake" in student_client.get(f"/attempts/{perfect.id}/review").get_data(as_text=True)
    hidden = practice_quiz_with_answers(users, [0, 0, 0, 0, 0], title="Hidden", review_show_answers=False)
    assert "Retake my mistakes" not in student_client.get(f"/attempts/{hidden.id}/review").get_data(as_text=True)
    refused = post_form(student_client, f"/practice/mistakes/{hidden.id}", {}, token_from="/practice")
    assert refused.status_code == 409
    assert db.session.scalar(select(func.count()).select_from(Quiz).where(Quiz.personal_kind == "mistakes")) == 0


def test_another_students_practice_is_not_found(app, users) -> None:  # type: ignore[no-untyped-def]
    attempt = practice_quiz_with_answers(users, [0, 0, 0, 0, 0])
    owner = app.test_client()
    login(owner, users.student)
    retake = attempt_from(post_form(owner, f"/practice/mistakes/{attempt.id}", {}, token_from="/practice"))
    personal_id = retake.quiz_id
    class_with(users.teacher, [users.student, users.other_student])
    db.session.commit()

    other = app.test_client()
    login(other, users.other_student)
    for path in (f"/quizzes/{personal_id}", f"/attempts/{retake.id}", f"/attempts/{retake.id}/review"):
        assert other.get(path).status_code == 404, path
    assert post_form(other, f"/quizzes/{personal_id}/start", {}, token_from="/practice").status_code == 404
    assert post_form(other, f"/practice/mistakes/{attempt.id}", {}, token_from="/practice").status_code == 404
    assert "My mistakes" not in other.get("/").get_data(as_text=True)
    assert "My mistakes" not in other.get("/practice").get_data(as_text=True)

    teacher = app.test_client()
    login(teacher, users.teacher)
    assert "My mistakes" not in teacher.get("/manage/quizzes/").get_data(as_text=True)
    for path in (f"/manage/quizzes/{personal_id}", f"/manage/quizzes/{personal_id}/preview"):
        assert teacher.get(path).status_code == 404, path
    class_page = teacher.get(f"/classes/{db.session.scalar(select(func.max(Quiz.id)))}")
    assert "My mistakes" not in class_page.get_data(as_text=True)


def test_a_finished_session_says_what_comes_next(app, student_client: FlaskClient, users) -> None:  # type: ignore[no-untyped-def]
    attempt = practice_quiz_with_answers(users, [1, 0, 0.5, 1, 1])
    retake = attempt_from(post_form(student_client, f"/practice/mistakes/{attempt.id}", {}, token_from="/practice"))
    done = post_form(student_client, f"/attempts/{retake.id}/submit", {}, token_from="/practice")
    page = student_client.get(done.headers["Location"])
    assert page.status_code == 200
    html = " ".join(page.get_data(as_text=True).split())
    assert "What comes next" in html
    assert "2 questions not fully right in this session." in html  # submitted blank: both still wrong
    assert f'action="/practice/mistakes/{retake.id}"' in html  # retake them at once
    assert "The next question comes back for review on" in html
    assert f'href="/attempts/{retake.id}/review">See every answer' in html

    # Any finished attempt of the student's has one; nobody else's, and none still in progress.
    assert "2 questions not fully right in this attempt." in student_client.get(
        f"/practice/finished/{attempt.id}"
    ).get_data(as_text=True)
    hidden = practice_quiz_with_answers(users, [0, 0, 0, 0, 0], title="Hidden", review_show_answers=False)
    kept = " ".join(student_client.get(f"/practice/finished/{hidden.id}").get_data(as_text=True).split())
    assert "keeps this quiz's answers hidden" in kept
    assert f"/practice/mistakes/{hidden.id}" not in kept
    quiz, _ = all_types_quiz(users.teacher, title="Open one")
    opened = attempt_from(post_form(student_client, f"/quizzes/{quiz.id}/start", {}, token_from=f"/quizzes/{quiz.id}"))
    assert student_client.get(f"/practice/finished/{opened.id}").status_code == 404
    other = app.test_client()
    login(other, users.other_student)
    assert other.get(f"/practice/finished/{retake.id}").status_code == 404
    assert other.get("/practice/finished/999999").status_code == 404
