"""History, gradebook, results and item analysis pages through the test client, with CSV exports."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from flask.testing import FlaskClient

from quizapp.bank.models import Question
from quizapp.extensions import db
from quizapp.history.stats import MIN_ATTEMPTS_FOR_STATISTICS
from tests.conftest import Accounts
from tests.factories import all_types_quiz, assign, class_with, finished_attempt, user
from tests.support import csrf_token

NOW = datetime.now(UTC)


def read_csv(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def world(users: Accounts, attempts: int = 3):  # type: ignore[no-untyped-def]
    quiz, questions = all_types_quiz(users.teacher, title='=HYPERLINK("http://evil") canal')
    school_class = class_with(users.teacher, [users.student])
    assign(quiz, school_class)
    for i in range(attempts):
        finished_attempt(
            quiz,
            user(users.student),
            [1, i % 2, 1, 0, 1],
            submitted_at=NOW - timedelta(days=attempts - i),
            responses=["Margaret Hale", True, None, None, None],
        )
    db.session.commit()
    return quiz, questions, school_class


def test_student_sees_chart_and_table_of_their_own_attempts(student_client: FlaskClient, users: Accounts) -> None:
    world(users)
    finished_attempt(
        all_types_quiz(users.other_teacher, title="Someone else's")[0],
        user(users.other_student),
        [0, 0, 0, 0, 0],
        submitted_at=NOW,
    )
    db.session.commit()

    page = student_client.get("/history")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "<svg" in html
    assert "Scores over time" in html
    assert html.count("<circle") == 3  # one dot per attempt
    assert html.count('href="/attempts/') == 3
    assert "Someone else" not in html
    assert "The Riverside Canal" in html  # mastery by document


def test_teacher_gradebook_student_page_results_and_csv(teacher_client: FlaskClient, users: Accounts) -> None:
    quiz, _, school_class = world(users)

    book = teacher_client.get(f"/classes/{school_class.id}/gradebook")
    assert book.status_code == 200
    assert user(users.student).display_name in book.get_data(as_text=True)

    rows = read_csv(teacher_client.get(f"/classes/{school_class.id}/gradebook.csv").data)
    # The quiz title starts with "=": a spreadsheet must not run it.
    assert rows[0][2].startswith("'=HYPERLINK")
    assert rows[1][:2] == [user(users.student).display_name, users.student]
    assert rows[1][2] == "80.0"
    assert rows[1][3] == "3"

    student_page = teacher_client.get(f"/classes/{school_class.id}/students/{user(users.student).id}")
    assert student_page.status_code == 200
    assert student_page.get_data(as_text=True).count("<circle") == 3

    results = teacher_client.get(f"/manage/quizzes/{quiz.id}/results")
    assert results.status_code == 200
    assert "<svg" in results.get_data(as_text=True)
    result_rows = read_csv(teacher_client.get(f"/manage/quizzes/{quiz.id}/results.csv").data)
    assert result_rows[1][2] == "3"


def test_item_analysis_page_says_when_there_are_too_few_attempts(teacher_client: FlaskClient, users: Accounts) -> None:
    quiz, _, _ = world(users, attempts=2)
    html = teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis").get_data(as_text=True)
    assert "Only 2 finished attempts" in html
    assert "too few answers" in html
    assert "Send the" not in html


def test_item_analysis_sends_weak_questions_back_from_the_button(teacher_client: FlaskClient, users: Accounts) -> None:
    quiz, questions, _ = world(users, attempts=MIN_ATTEMPTS_FOR_STATISTICS + 1)
    page = teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis")
    html = page.get_data(as_text=True)
    assert "Coefficient of internal consistency" in html
    assert "Send the" in html
    rows = read_csv(teacher_client.get(f"/manage/quizzes/{quiz.id}/analysis.csv").data)
    assert rows[0][:3] == ["position", "question_id", "type"]
    assert len(rows) == 1 + len(questions)

    token = csrf_token(teacher_client, f"/manage/quizzes/{quiz.id}/analysis")
    done = teacher_client.post(f"/manage/quizzes/{quiz.id}/analysis/send-back", data={"csrf_token": token})
    assert done.status_code == 302
    db.session.rollback()
    first = db.session.get(Question, questions[0].id)
    assert first is not None
    assert first.status == "draft"


def test_send_back_without_csrf_changes_nothing(teacher_client: FlaskClient, users: Accounts) -> None:
    quiz, questions, _ = world(users, attempts=MIN_ATTEMPTS_FOR_STATISTICS + 1)
    response = teacher_client.post(f"/manage/quizzes/{quiz.id}/analysis/send-back", data={})
    assert response.status_code in (302, 400)
    db.session.rollback()
    assert db.session.get(Question, questions[0].id).status == "approved"  # type: ignore[union-attr]


def test_another_teachers_class_quiz_and_students_are_not_found(app, users: Accounts) -> None:  # type: ignore[no-untyped-def]
    quiz, _, school_class = world(users)
    from tests.support import login

    other = app.test_client()
    login(other, users.other_teacher)
    for path in (
        f"/classes/{school_class.id}/gradebook",
        f"/classes/{school_class.id}/gradebook.csv",
        f"/classes/{school_class.id}/students/{user(users.student).id}",
        f"/manage/quizzes/{quiz.id}/results",
        f"/manage/quizzes/{quiz.id}/results.csv",
        f"/manage/quizzes/{quiz.id}/analysis",
        f"/manage/quizzes/{quiz.id}/analysis.csv",
    ):
        assert other.get(path).status_code == 404, path


def test_a_student_not_in_the_class_is_not_found(teacher_client: FlaskClient, users: Accounts) -> None:
    _, _, school_class = world(users)
    response = teacher_client.get(f"/classes/{school_class.id}/students/{user(users.other_student).id}")
    assert response.status_code == 404


def test_students_cannot_open_teacher_pages(student_client: FlaskClient, users: Accounts) -> None:
    quiz, _, school_class = world(users)
    assert student_client.get(f"/classes/{school_class.id}/gradebook").status_code == 403
    assert student_client.get(f"/manage/quizzes/{quiz.id}/analysis").status_code == 403


def test_teacher_opens_a_students_attempt_with_every_answer_and_key(
    app,
    teacher_client: FlaskClient,
    users: Accounts,  # type: ignore[no-untyped-def]
) -> None:
    quiz, _, school_class = world(users, attempts=1)
    from quizapp.attempts.models import Attempt
    from tests.support import login

    attempt_id = db.session.query(Attempt.id).filter_by(quiz_id=quiz.id).scalar()
    history_page = teacher_client.get(f"/classes/{school_class.id}/students/{user(users.student).id}")
    assert f"/manage/attempts/{attempt_id}" in history_page.get_data(as_text=True)

    page = teacher_client.get(f"/manage/attempts/{attempt_id}")

    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Margaret Hale" in html  # the key and the answer given
    assert html.count("<tr class=") == 5
    other = app.test_client()
    login(other, users.other_teacher)
    assert other.get(f"/manage/attempts/{attempt_id}").status_code == 404
